#include "readers/json_tokenizer.hpp"

#include "base/text.hpp"

namespace clausier::readers {
namespace {

constexpr std::size_t max_number_chars = 64;
constexpr char32_t replacement = 0xFFFD;

bool is_digit(int c) { return c >= '0' && c <= '9'; }

int hex_value(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "« x »" for a byte of input (printable ASCII), else its code.
std::string describe_byte(int c) {
  if (c >= 0x21 && c < 0x7F) return std::string("« ") + static_cast<char>(c) + " »";
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out = "d'octet 0x";
  out += digits[(c >> 4) & 0xF];
  out += digits[c & 0xF];
  return out;
}

// Drops an incomplete UTF-8 sequence left at the end of a cut string.
void drop_partial_sequence(std::string& s) {
  std::size_t i = s.size();
  std::size_t back = 0;
  while (i > 0 && back < 4 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) {
    --i;
    ++back;
  }
  if (i == 0) return;
  const auto lead = static_cast<unsigned char>(s[i - 1]);
  std::size_t need = 0;
  if (lead >= 0xF0) {
    need = 3;
  } else if (lead >= 0xE0) {
    need = 2;
  } else if (lead >= 0xC0) {
    need = 1;
  } else {
    return;
  }
  if (back < need) s.resize(i - 1);
}

}  // namespace

JsonTokenizer::JsonTokenizer(ChunkedInput& in, JsonLimits limits) : in_(&in), limits_(limits) {}

int JsonTokenizer::get() {
  const int c = in_->get();
  if (c == '\n') ++line_;
  return c;
}

int JsonTokenizer::skip_space() {
  for (;;) {
    const int c = get();
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return c;
  }
}

void JsonTokenizer::fail(const std::string& message) const { throw JsonError(message, line_); }

void JsonTokenizer::fail_end() const {
  if (stack_.empty() && !done_) {
    fail("le fichier ne contient aucune donnée JSON : vérifiez qu'il s'agit bien du fichier téléchargé");
  }
  fail("fin de fichier au milieu des données (" + std::string(stack_.back().object ? "objet" : "tableau") +
       " ouvert ligne " + std::to_string(stack_.back().line) +
       ") : le fichier JSON est tronqué ; téléchargez-le de nouveau");
}

void JsonTokenizer::fail_unexpected(int c) const {
  if (c < 0) fail_end();
  fail("caractère inattendu " + describe_byte(c) +
       " : le fichier n'est pas un JSON valide à cet endroit (virgule, deux-points, guillemet ou accolade "
       "manquant ?)");
}

JsonTokenizer::Token JsonTokenizer::next() {
  cut_ = false;
  recoded_ = false;
  if (done_) {
    const int c = skip_space();
    if (c >= 0) {
      fail("données après la fin du document JSON (caractère " + describe_byte(c) +
           ") : le fichier est peut-être la concaténation de plusieurs fichiers");
    }
    current_ = Token::end;
    return current_;
  }
  for (;;) {
    const int c = skip_space();
    token_line_ = line_;
    switch (expect_) {
      case Expect::value: current_ = value_token(c); return current_;
      case Expect::first_value:
        if (c == ']') {
          stack_.pop_back();
          current_ = after_value(Token::array_end);
          return current_;
        }
        current_ = value_token(c);
        return current_;
      case Expect::first_key:
        if (c == '}') {
          stack_.pop_back();
          current_ = after_value(Token::object_end);
          return current_;
        }
        [[fallthrough]];
      case Expect::key:
        if (c != '"') fail_unexpected(c);
        read_string();
        expect_ = Expect::colon;
        current_ = Token::key;
        return current_;
      case Expect::colon:
        if (c != ':') fail_unexpected(c);
        expect_ = Expect::value;
        continue;
      case Expect::comma:
        if (c == ',') {
          expect_ = stack_.back().object ? Expect::key : Expect::value;
          continue;
        }
        if ((c == '}' && stack_.back().object) || (c == ']' && !stack_.back().object)) {
          const bool object = stack_.back().object;
          stack_.pop_back();
          current_ = after_value(object ? Token::object_end : Token::array_end);
          return current_;
        }
        fail_unexpected(c);
    }
  }
}

JsonTokenizer::Token JsonTokenizer::value_token(int c) {
  switch (c) {
    case '{':
    case '[':
      if (stack_.size() >= limits_.max_depth) {
        fail("plus de " + std::to_string(limits_.max_depth) +
             " niveaux d'objets et de tableaux imbriqués : ce fichier n'a pas la forme de données publiées, "
             "il "
             "n'est pas lu plus loin");
      }
      stack_.push_back({c == '{', line_});
      expect_ = c == '{' ? Expect::first_key : Expect::first_value;
      return c == '{' ? Token::object_begin : Token::array_begin;
    case '"': read_string(); return after_value(Token::string);
    case 't':
    case 'f':
    case 'n':
      read_literal(c);
      return after_value(c == 't'   ? Token::literal_true
                         : c == 'f' ? Token::literal_false
                                    : Token::literal_null);
    default:
      if (c == '-' || is_digit(c)) {
        read_number(c);
        return after_value(Token::number);
      }
      fail_unexpected(c);
  }
}

JsonTokenizer::Token JsonTokenizer::after_value(Token t) {
  if (stack_.empty()) {
    done_ = true;
  } else {
    expect_ = Expect::comma;
  }
  return t;
}

void JsonTokenizer::append(char c) {
  if (text_.size() < limits_.max_string_bytes) {
    text_.push_back(c);
  } else {
    cut_ = true;
  }
}

void JsonTokenizer::append_code_point(char32_t cp) {
  std::string bytes;
  text::append_utf8(bytes, cp);
  for (const char b : bytes) append(b);
}

void JsonTokenizer::read_string() {
  text_.clear();
  cut_ = false;
  recoded_ = false;
  const std::uint32_t start = line_;
  bool escaped = false;  // \u escapes make UTF-8 of their own: no Windows-1252 guess then
  for (;;) {
    const int c = get();
    if (c < 0) {
      fail("fin de fichier dans une chaîne commencée ligne " + std::to_string(start) +
           " : le fichier JSON est tronqué ; téléchargez-le de nouveau");
    }
    if (c == '"') break;
    if (c == '\\') {
      read_escape();
      escaped = true;
      continue;
    }
    append(static_cast<char>(c));
  }
  if (cut_) drop_partial_sequence(text_);
  if (!text::is_valid_utf8(text_) && !escaped) {
    text_ = text::cp1252_to_utf8(text_);
    recoded_ = true;
  }
}

char32_t JsonTokenizer::read_hex4() {
  char32_t value = 0;
  for (int i = 0; i < 4; ++i) {
    const int c = get();
    const int h = hex_value(c);
    if (h < 0) {
      if (c < 0) fail_end();
      fail("séquence \\u mal formée (caractère " + describe_byte(c) +
           ") : quatre chiffres hexadécimaux sont attendus");
    }
    value = (value << 4) | static_cast<char32_t>(h);
  }
  return value;
}

void JsonTokenizer::read_escape() {
  const int c = get();
  switch (c) {
    case '"':
    case '\\':
    case '/': append(static_cast<char>(c)); return;
    case 'b': append('\b'); return;
    case 'f': append('\f'); return;
    case 'n': append('\n'); return;
    case 'r': append('\r'); return;
    case 't': append('\t'); return;
    case 'u': {
      char32_t cp = read_hex4();
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        const std::string_view ahead = in_->lookahead(2);
        if (ahead.starts_with("\\u")) {
          get();
          get();
          const char32_t low = read_hex4();
          cp =
              low >= 0xDC00 && low <= 0xDFFF ? 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00) : replacement;
        } else {
          cp = replacement;
        }
      } else if ((cp >= 0xDC00 && cp <= 0xDFFF) || cp == 0) {
        cp = replacement;  // a lone low surrogate; NUL is kept out of the program's strings
      }
      append_code_point(cp);
      return;
    }
    default:
      if (c < 0) fail_end();
      fail("séquence d'échappement inconnue \\" +
           std::string(c >= 0x21 && c < 0x7F ? 1 : 0, static_cast<char>(c)) +
           " dans une chaîne : seuls \\\" \\\\ \\/ \\b \\f \\n \\r \\t et \\uXXXX existent en JSON");
  }
}

void JsonTokenizer::read_number(int first) {
  text_.clear();
  cut_ = false;
  recoded_ = false;
  text_.push_back(static_cast<char>(first));
  const auto take = [this] {
    if (text_.size() >= max_number_chars) {
      fail("nombre de plus de " + std::to_string(max_number_chars) + " caractères : il n'est pas lu");
    }
    text_.push_back(static_cast<char>(get()));
  };
  const auto digits = [this, &take] {
    if (!is_digit(in_->peek())) fail("nombre mal formé « " + text_ + " » : un chiffre est attendu");
    while (is_digit(in_->peek())) take();
  };
  if (first == '-') {
    if (!is_digit(in_->peek())) fail("nombre mal formé « - » : un chiffre est attendu après le signe");
    take();
  }
  if (text_.back() == '0') {
    // No leading zero: "012" is not JSON.
    if (is_digit(in_->peek())) fail("nombre mal formé « " + text_ + " » suivi d'un chiffre : zéro en tête");
  } else {
    while (is_digit(in_->peek())) take();
  }
  if (in_->peek() == '.') {
    take();
    digits();
  }
  if (in_->peek() == 'e' || in_->peek() == 'E') {
    take();
    if (in_->peek() == '+' || in_->peek() == '-') take();
    digits();
  }
}

void JsonTokenizer::read_literal(int first) {
  const std::string_view word = first == 't' ? "true" : first == 'f' ? "false" : "null";
  for (std::size_t i = 1; i < word.size(); ++i) {
    const int c = get();
    if (c != word[i]) fail_unexpected(c);
  }
  text_.assign(word);
  cut_ = false;
  recoded_ = false;
}

void JsonTokenizer::skip_value() {
  if (current_ != Token::object_begin && current_ != Token::array_begin) return;
  const std::size_t target = stack_.size() - 1;
  while (stack_.size() > target) next();
}

}  // namespace clausier::readers
