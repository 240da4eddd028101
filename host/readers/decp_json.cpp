#include "readers/decp_json.hpp"

#include <array>

namespace clausier::readers {
namespace {

using Token = JsonTokenizer::Token;

constexpr std::size_t chunk_bytes = 64 * 1024;
// A key longer than this is no DECP name: its values are kept under "?".
constexpr std::size_t max_key_bytes = 128;

// Members of a contract that the evaluation does not use and that make most of
// the bytes of big records: skipped without being stored.
bool skipped_member(std::string_view key) {
  static constexpr std::array<std::string_view, 6> names = {
      "titulaires",       "modifications",   "actesSousTraitance", "modificationsActesSousTraitance",
      "donneesExecution", "concessionnaires"};
  for (const auto name : names) {
    if (key == name) return true;
  }
  return false;
}

}  // namespace

DecpJsonRecords::DecpJsonRecords(std::istream& in, JsonLimits limits)
    : input_(in, chunk_bytes), tokens_(input_, limits) {}

bool DecpJsonRecords::next(DecpRecord& out) {
  try {
    return step(out);
  } catch (const JsonError& e) {
    where_ = Where::failed;
    throw DecpError(e.message(), e.line());
  } catch (const DecpError&) {
    where_ = Where::failed;
    throw;
  }
}

bool DecpJsonRecords::step(DecpRecord& out) {
  for (;;) {
    switch (where_) {
      case Where::start: {
        const Token t = tokens_.next();
        if (t == Token::array_begin) {
          format_ = DecpFormat::json_list;
          where_ = Where::list;
          after_list_ = Where::end;
          continue;
        }
        if (t != Token::object_begin) {
          throw DecpError(
              "ce fichier JSON ne contient qu'une valeur isolée : un fichier DECP est un objet « marches »",
              tokens_.line());
        }
        where_ = Where::root;
        continue;
      }
      case Where::root: {
        if (tokens_.next() == Token::object_end) {
          if (!saw_marches_) {
            throw DecpError(
                "clé « marches » absente : ce fichier JSON n'est pas un fichier des données essentielles de "
                "la "
                "commande publique (DECP)",
                tokens_.line());
          }
          where_ = Where::end;
          continue;
        }
        const bool marches = tokens_.text() == "marches";
        const Token t = tokens_.next();
        if (!marches) {
          tokens_.skip_value();
          continue;
        }
        saw_marches_ = true;
        if (t == Token::array_begin) {
          format_ = DecpFormat::json_2019;
          where_ = Where::list;
          after_list_ = Where::root;
          list_of_concessions_ = false;
        } else if (t == Token::object_begin) {
          format_ = DecpFormat::json_2022;
          where_ = Where::marches;
        } else if (t != Token::literal_null) {
          throw DecpError("« marches » devrait être un objet (format 2.0) ou un tableau (format 2019)",
                          tokens_.line());
        }
        continue;
      }
      case Where::marches: {
        if (tokens_.next() == Token::object_end) {
          where_ = Where::root;
          continue;
        }
        const bool contracts = tokens_.text() == "marche";
        const bool concessions = tokens_.text() == "contrat-concession";
        const Token t = tokens_.next();
        if (!contracts && !concessions) {
          tokens_.skip_value();
          continue;
        }
        list_of_concessions_ = concessions;
        if (t == Token::array_begin) {
          where_ = Where::list;
          after_list_ = Where::marches;
          continue;
        }
        // A single contract written without its array, as in the official example.
        if (t == Token::object_begin && take_element(t, out)) return true;
        continue;
      }
      case Where::list: {
        const Token t = tokens_.next();
        if (t == Token::array_end) {
          where_ = after_list_;
          continue;
        }
        if (take_element(t, out)) return true;
        continue;
      }
      case Where::end: tokens_.next(); return false;  // checks that nothing follows
      case Where::failed: return false;
    }
  }
}

bool DecpJsonRecords::take_element(Token t, DecpRecord& out) {
  out.clear(tokens_.line());
  if (t != Token::object_begin) {
    tokens_.skip_value();
    out.set_problem("cet élément de la liste des marchés n'est pas un objet JSON : il est ignoré");
    return true;
  }
  std::string path;
  read_members(out, path);
  out.set_concession(list_of_concessions_ || is_concession(out));
  if (out.concession()) ++concessions_;
  return true;
}

void DecpJsonRecords::read_members(DecpRecord& out, std::string& path) {
  for (;;) {
    if (tokens_.next() == Token::object_end) return;
    const std::size_t keep = path.size();
    const bool top = path.empty();
    const bool skip = top && skipped_member(tokens_.text());
    if (!top) path += '.';
    path += tokens_.text().size() <= max_key_bytes ? std::string_view(tokens_.text()) : std::string_view("?");
    const Token t = tokens_.next();
    if (skip) {
      tokens_.skip_value();
    } else {
      read_value(out, path, t);
    }
    path.resize(keep);
  }
}

void DecpJsonRecords::read_value(DecpRecord& out, std::string& path, Token t) {
  switch (t) {
    case Token::object_begin: read_members(out, path); return;
    case Token::array_begin:
      for (Token item = tokens_.next(); item != Token::array_end; item = tokens_.next()) {
        read_value(out, path, item);
      }
      return;
    default: break;
  }
  DecpField* field = out.add(path, tokens_.line());
  if (field == nullptr) return;
  switch (t) {
    case Token::number: field->kind = DecpField::Kind::number; break;
    case Token::literal_true:
    case Token::literal_false: field->kind = DecpField::Kind::boolean; break;
    case Token::literal_null: field->kind = DecpField::Kind::null; break;
    default: field->kind = DecpField::Kind::text; break;
  }
  if (t != Token::literal_null) field->text = tokens_.text();
  field->cut = tokens_.cut();
  field->recoded = tokens_.recoded();
  out.account(*field);
}

}  // namespace clausier::readers
