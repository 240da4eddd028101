#include "readers/fiche.hpp"

#include <fstream>
#include <iostream>
#include <sstream>
#include <system_error>

#include "base/paths.hpp"
#include "base/quoted.hpp"
#include "base/text.hpp"
#include "readers/chunked_input.hpp"

namespace clausier::readers {
namespace {

constexpr const char* stdin_name = "(entrée standard)";
constexpr std::size_t max_label_bytes = 12;
constexpr std::size_t max_slug_bytes = 40;

// Bytes as UTF-8: byte-order marks and UTF-16 handled by ChunkedInput, then
// Windows-1252 when what is left is not valid UTF-8.
std::string decode(std::string_view bytes) {
  std::istringstream in{std::string(bytes)};
  ChunkedInput input(in, 64 * 1024);
  std::string out;
  out.reserve(bytes.size());
  for (int c = input.get(); c >= 0; c = input.get()) out += static_cast<char>(c);
  return text::is_valid_utf8(out) ? out : text::cp1252_to_utf8(out);
}

std::string known_keys() {
  std::string out;
  for (std::size_t i = 0; i < column_count; ++i) {
    const auto c = static_cast<Column>(i);
    if (c == Column::lot) continue;  // written in the section header
    if (!out.empty()) out += ", ";
    out += fiche_key(c);
  }
  return out;
}

// The keys giving the consultation's name (kept in the `consultation` slot).
bool name_key(std::string_view key) {
  const std::string k = text::fold_key(key);
  return k == "consultation" || k == "nomdelaconsultation" || k == "intituledelaconsultation";
}

// What follows "lot" in a section header ("[lot 2]", "[Lot n° 2 bis]"); empty
// when the section is not a lot.
std::optional<std::string> lot_label(std::string_view inner) {
  if (inner.size() < 3 || text::fold_key(inner.substr(0, 3)) != "lot") return std::nullopt;
  std::string_view rest = text::trim(inner.substr(3));
  for (const std::string_view number_sign : {"n°", "N°", "nº", "Nº"}) {
    if (rest.starts_with(number_sign)) {
      rest = text::trim(rest.substr(number_sign.size()));
      break;
    }
  }
  return std::string(rest);
}

bool label_ok(std::string_view label) {
  if (label.empty() || label.size() > max_label_bytes) return false;
  for (const char c : label) {
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alnum && c != ' ' && c != '-' && c != '.') return false;
  }
  return true;
}

// "2 bis" -> "2-bis": a lot label as part of a reference.
std::string label_for_reference(std::string_view label) {
  std::string out(label);
  for (char& c : out) c = c == ' ' ? '-' : c;
  return out;
}

// "Réhabilitation du gymnase Jean-Moulin" -> "rehabilitation-du-gymnase-jean-moulin",
// cut at a word boundary.
std::string slug(std::string_view utf8) {
  std::string out;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    const std::size_t start = pos;
    (void)text::next_code_point(utf8, pos);
    const std::string letters = text::fold_key(utf8.substr(start, pos - start));
    if (!letters.empty()) {
      out += letters;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  if (out.size() > max_slug_bytes) {
    const std::size_t cut = out.rfind('-', max_slug_bytes);
    out.resize(cut == std::string::npos || cut == 0 ? max_slug_bytes : cut);
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

class Parser {
 public:
  Parser(Fiche& fiche, DiagnosticSink& diags) : fiche_(fiche), diags_(diags) {}

  void line(std::string_view raw, std::uint32_t number) {
    const std::string_view line = text::trim(raw);
    if (line.empty() || line.starts_with('#')) return;
    const Location where = Location::in_file(fiche_.name, number);
    if (line.starts_with('[')) {
      section(line, where);
    } else {
      entry(line, where);
    }
  }

  void finish() {
    if (any_) return;
    diags_.error(Location::in_file(fiche_.name),
                 "fiche vide : écrivez une ligne « clé : valeur » par information, par exemple « objet : "
                 "Gros œuvre », « montant : 850 000 € » (format : docs/fiche.md)");
  }

 private:
  void section(std::string_view line, const Location& where) {
    any_ = true;
    skipping_ = true;  // until a valid lot header
    if (!line.ends_with(']')) {
      diags_.error(where, "en-tête de section non fermé : écrivez par exemple « [lot 2] »");
      return;
    }
    const std::string_view inner = text::trim(line.substr(1, line.size() - 2));
    const auto label = lot_label(inner);
    if (!label) {
      diags_.error(where, "section " + fr::quoted(line) +
                              " inconnue : seules les sections [lot 1], [lot 2]… sont lues ; les valeurs de "
                              "la consultation s'écrivent avant la première ; cette section est ignorée");
      return;
    }
    if (!label_ok(*label)) {
      diags_.error(where, "numéro de lot " + fr::quoted(*label) +
                              " illisible : écrivez [lot 1], [lot 2], [lot 3 bis]… (lettres, chiffres et "
                              "espaces), puis l'objet du lot sur une ligne « objet : … » ; cette section est "
                              "ignorée");
      return;
    }
    for (const FicheLot& lot : fiche_.lots) {
      if (text::fold_key(lot.label) != text::fold_key(*label)) continue;
      diags_.error(where, "le lot " + fr::quoted(*label) + " est déjà décrit ligne " +
                              std::to_string(lot.where.line) +
                              " : donnez à chaque lot son propre numéro ; cette section est ignorée");
      return;
    }
    fiche_.lots.push_back({*label, where, {}});
    skipping_ = false;
  }

  void entry(std::string_view line, const Location& where) {
    any_ = true;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      diags_.error(where,
                   "ligne sans « : » : écrivez « clé : valeur » (par exemple « montant : 850 000 € »), "
                   "ou commencez la ligne par # pour un commentaire");
      return;
    }
    const std::string_view key = text::trim(line.substr(0, colon));
    const std::string_view value = text::trim(line.substr(colon + 1));
    auto column = name_key(key) ? std::optional(Column::consultation) : column_for_header(key);
    // "Référence de la consultation", "n° de consultation": its reference.
    if (column == Column::consultation && !name_key(key)) column = Column::reference;
    if (!column) {
      diags_.error(
          where,
          (key.empty() ? std::string("clé manquante avant « : »") : "clé " + fr::quoted(key) + " inconnue") +
              " : les clés reconnues sont " + known_keys() + " (et les en-têtes de colonnes d'un programme)");
      return;
    }
    if (skipping_) return;  // inside a section already reported
    const bool in_lot = !fiche_.lots.empty();
    if (*column == Column::lot) {
      diags_.error(where,
                   "le numéro du lot s'écrit dans l'en-tête de sa section, par exemple « [lot 2] » : "
                   "cette ligne est ignorée");
      return;
    }
    if (*column == Column::consultation && in_lot) {
      diags_.error(where,
                   "la consultation est commune à tous les lots : écrivez « consultation : … » avant le "
                   "premier [lot] ; cette ligne est ignorée");
      return;
    }
    if (value.empty()) return;  // left blank: as if absent (a lot inherits the consultation's)
    auto& slot =
        (in_lot ? fiche_.lots.back().values : fiche_.consultation)[static_cast<std::size_t>(*column)];
    if (slot) {
      diags_.error(where, fr::quoted(fiche_key(*column)) + " est déjà indiqué ligne " +
                              std::to_string(slot->where.line) + (in_lot ? " pour ce lot" : "") +
                              " : gardez une seule ligne ; celle-ci est ignorée");
      return;
    }
    slot = FicheValue{std::string(value), where};
  }

  Fiche& fiche_;
  DiagnosticSink& diags_;
  bool any_ = false;
  bool skipping_ = false;
};

}  // namespace

void Fiche::set(Column c, std::string text, Location where) {
  consultation[static_cast<std::size_t>(c)] = FicheValue{std::move(text), std::move(where)};
}

std::string_view fiche_key(Column c) { return lot_field(c).name; }

Fiche parse_fiche(std::string_view bytes, std::string name, DiagnosticSink& diags) {
  Fiche fiche;
  fiche.name = std::move(name);
  fiche.fallback_reference = "consultation";
  const std::string text = decode(bytes);
  Parser parser(fiche, diags);
  std::uint32_t number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string::npos) end = text.size();
    parser.line(std::string_view(text).substr(pos, end - pos), ++number);
    pos = end;
    // One line end: CRLF, LF or CR.
    if (pos < text.size() && text[pos] == '\r') ++pos;
    if (pos < text.size() && text[pos] == '\n' && (pos == end || text[pos - 1] == '\r')) ++pos;
  }
  parser.finish();
  return fiche;
}

std::optional<Fiche> read_fiche(const std::filesystem::path& path, DiagnosticSink& diags) {
  const bool from_stdin = path == "-";
  const std::string name = from_stdin ? stdin_name : display_path(path);
  const Location file = Location::in_file(name);
  std::error_code ec;
  if (!from_stdin) {
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status)) {
      diags.error(file, "le fichier " + fr::quoted(name) + " est introuvable : vérifiez le chemin");
      return std::nullopt;
    }
    if (std::filesystem::is_directory(status)) {
      diags.error(file, fr::quoted(name) + " est un dossier : donnez le chemin de la fiche de consultation");
      return std::nullopt;
    }
  }
  std::ifstream file_in;
  if (!from_stdin) file_in.open(path, std::ios::binary);
  std::istream& in = from_stdin ? std::cin : file_in;
  if (!in) {
    diags.error(file,
                "le fichier " + fr::quoted(name) + " ne peut pas être lu : vérifiez les droits d'accès");
    return std::nullopt;
  }
  std::string bytes(max_fiche_bytes + 1, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (bytes.size() > max_fiche_bytes) {
    diags.error(file,
                "fichier trop grand pour une fiche de consultation (plus d'1 Mo) : pour toute une "
                "programmation, utilisez « clausier evaluate » et « clausier render »");
    return std::nullopt;
  }
  Fiche fiche = parse_fiche(bytes, name, diags);
  if (!from_stdin) fiche.fallback_reference = slug(path.stem().string());
  if (fiche.fallback_reference.empty()) fiche.fallback_reference = "consultation";
  return fiche;
}

bool fiche_reference_given(const Fiche& fiche) {
  return fiche.consultation[static_cast<std::size_t>(Column::reference)].has_value();
}

std::string fiche_reference(const Fiche& fiche) {
  if (const auto& given = fiche.consultation[static_cast<std::size_t>(Column::reference)]) return given->text;
  for (const Column c : {Column::consultation, Column::objet}) {
    if (const auto& v = fiche.consultation[static_cast<std::size_t>(c)]) {
      if (std::string s = slug(v->text); !s.empty()) return s;
    }
  }
  return fiche.fallback_reference;
}

// FicheSource

FicheSource::FicheSource(std::shared_ptr<const Fiche> fiche)
    : fiche_(std::move(fiche)), reference_(fiche_reference(*fiche_)) {}

std::size_t FicheSource::lot_count() const { return fiche_->lots.empty() ? 1 : fiche_->lots.size(); }

const FicheValue* FicheSource::value(const FicheLot* lot, Column c) const {
  const auto i = static_cast<std::size_t>(c);
  if (lot != nullptr && lot->values[i]) return &*lot->values[i];
  if (c == Column::reference && lot != nullptr) return nullptr;  // a lot's reference is its own
  return fiche_->consultation[i] ? &*fiche_->consultation[i] : nullptr;
}

bool FicheSource::next(Record& out, DiagnosticSink& /*diags*/) {
  out.cells.assign(column_count, Cell{});
  if (next_ == 0) {
    for (std::size_t i = 0; i < column_count; ++i) {
      out.cells[i] = Cell{Cell::Type::text, std::string(fiche_key(static_cast<Column>(i)))};
    }
    out.line = 0;
    ++next_;
    return true;
  }
  const std::size_t index = next_ - 1;
  if (index >= lot_count()) return false;
  ++next_;
  const FicheLot* lot = fiche_->lots.empty() ? nullptr : &fiche_->lots[index];
  for (std::size_t i = 0; i < column_count; ++i) {
    const auto c = static_cast<Column>(i);
    std::string text;
    if (c == Column::reference) {
      const FicheValue* own = value(lot, c);
      text = own != nullptr   ? own->text
             : lot != nullptr ? reference_ + "-L" + label_for_reference(lot->label)
                              : reference_;
    } else if (c == Column::consultation) {
      text = reference_;  // groups the lots; the name goes into their object
    } else if (c == Column::lot) {
      text = lot != nullptr ? lot->label : "";
    } else if (c == Column::objet) {
      text = objet(lot);
    } else if (const FicheValue* v = value(lot, c)) {
      text = v->text;
    }
    if (!text.empty()) out.cells[i] = Cell{Cell::Type::text, std::move(text)};
  }
  out.line = lot != nullptr ? lot->where.line : 0;
  return true;
}

std::string FicheSource::objet(const FicheLot* lot) const {
  const auto& name = fiche_->consultation[static_cast<std::size_t>(Column::consultation)];
  const FicheValue* own = value(lot, Column::objet);
  if (name == std::nullopt) return own != nullptr ? own->text : "";
  if (own == nullptr || own->text.starts_with(name->text)) return own != nullptr ? own->text : name->text;
  return name->text + " \u2013 " + own->text;
}

const FicheLot* FicheSource::lot_of(const Record& r) const {
  for (const FicheLot& lot : fiche_->lots) {
    if (lot.where.line == r.line) return &lot;
  }
  return nullptr;
}

Location FicheSource::locate(const Record& r, std::size_t column, std::string_view /*header*/) const {
  const FicheLot* lot = lot_of(r);
  if (column < column_count) {
    const auto c = static_cast<Column>(column);
    const FicheValue* v = value(lot, c);
    if (c == Column::objet && v == nullptr) v = value(lot, Column::consultation);
    if (v != nullptr) return v->where;
  }
  return lot != nullptr ? lot->where : Location::in_file(fiche_->name);
}

std::string FicheSource::required_value_hint(std::string_view header) const {
  if (fiche_->lots.empty()) return "ajoutez à la fiche une ligne « " + std::string(header) + " : … »";
  return "ajoutez une ligne « " + std::string(header) +
         " : … » à ce lot, ou avant le premier [lot] pour tous les lots";
}

// FicheReader

void FicheReader::OnceSink::report(Diagnostic d) {
  std::string key = d.location.str() + '\n' + d.message;
  for (const std::string& seen : seen_) {
    if (seen == key) return;
  }
  seen_.push_back(std::move(key));
  out_->report(std::move(d));
}

FicheReader::FicheReader(std::shared_ptr<const Fiche> fiche, DiagnosticSink& diags)
    : once_(diags), reader_(std::make_unique<FicheSource>(std::move(fiche)), once_) {}

}  // namespace clausier::readers
