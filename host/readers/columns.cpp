#include "readers/columns.hpp"

#include <array>

#include "base/text.hpp"
#include "readers/values.hpp"

namespace clausier::readers {
namespace {

struct ColumnInfo {
  Column column;
  std::string_view key;
  std::string_view header;
  bool required;
  // Other headers naming the column, folded with text::fold_key. The usual
  // header and the key are matched too.
  std::vector<std::string_view> synonyms;
};

const std::array<ColumnInfo, column_count>& columns() {
  static const std::array<ColumnInfo, column_count> table = {{
      {Column::reference,
       "reference",
       "Référence",
       true,
       {"ref", "references", "referencedulot", "referencelot", "referenceinterne", "identifiant",
        "identifiantdulot", "id"}},
      {Column::consultation,
       "consultation",
       "Consultation",
       false,
       {"refconsultation", "referenceconsultation", "referencedelaconsultation", "noconsultation",
        "nodeconsultation", "numeroconsultation", "numerodeconsultation", "idconsultation", "operation"}},
      {Column::lot,
       "lot",
       "Lot",
       false,
       {"nolot", "nodelot", "numerolot", "numerodelot", "lotno", "lotnumero"}},
      {Column::objet,
       "objet",
       "Objet",
       true,
       {"intitule", "libelle", "designation", "objetdumarche", "objetdulot", "objetdelaconsultation",
        "intituledumarche", "intituledulot", "libelledumarche", "libelledulot"}},
      {Column::acheteur,
       "acheteur",
       "Acheteur",
       false,
       {"pouvoiradjudicateur", "maitredouvrage", "maitreouvrage", "acheteurpublic", "entiteacheteuse"}},
      {Column::type_acheteur,
       "type_acheteur",
       "Type d'acheteur",
       false,
       {"typeacheteur", "typedeacheteur", "categoriedacheteur", "categorieacheteur", "categoriedeacheteur"}},
      {Column::nature,
       "nature",
       "Nature",
       true,
       {"naturedumarche", "naturedulot", "naturedesprestations", "typedemarche", "typemarche"}},
      {Column::cpv, "cpv", "Code CPV", true, {"cpvprincipal", "codecpvprincipal", "nomenclaturecpv"}},
      {Column::montant_ht,
       "montant_ht",
       "Montant estimé HT",
       true,
       {"montantht", "montant", "montantestime", "montantestimehorstaxes", "montanthorstaxes", "estimationht",
        "estimation", "montantprevisionnelht", "montantprevisionnel", "montanttotalht", "valeurestimeeht"}},
      {Column::duree_mois,
       "duree_mois",
       "Durée (mois)",
       false,
       {"duree", "dureeenmois", "dureedumarche", "dureedumarcheenmois", "dureedumarchemois"}},
      {Column::date_lancement,
       "date_lancement",
       "Date prévisionnelle de lancement",
       true,
       {"datedelancement", "lancement", "dateprevisionnelle", "datelancement",
        "datedelancementprevisionnelle", "dateprevisionnelledepublication", "datedepublication"}},
      {Column::lieu,
       "lieu",
       "Lieu d'exécution",
       false,
       {"lieu", "lieuexecution", "lieuprincipaldexecution", "departement", "codepostal", "codedepartement"}},
      {Column::anru, "anru", "Opération ANRU", false, {"npnru", "operationnpnru", "anrunpnru", "projetanru"}},
      {Column::part_main_oeuvre,
       "part_main_oeuvre",
       "Part main-d'œuvre",
       false,
       {"partdemaindoeuvre", "maindoeuvre", "tauxdemaindoeuvre"}},
      {Column::taux_insertion, "taux_insertion", "Taux d'insertion", false, {"tauxinsertion"}},
      {Column::cout_horaire, "cout_horaire", "Coût horaire", false, {"couthorairemoyen"}},
  }};
  return table;
}

const ColumnInfo& info(Column c) { return columns()[static_cast<std::size_t>(c)]; }

std::optional<Column> column_for_key(std::string_view key) {
  for (const ColumnInfo& c : columns()) {
    if (key == text::fold_key(c.key) || key == text::fold_key(c.header)) return c.column;
    for (const std::string_view synonym : c.synonyms) {
      if (key == synonym) return c.column;
    }
  }
  return std::nullopt;
}

std::string quoted_list(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ", ";
    out += "« " + item + " »";
  }
  return out;
}

std::string quoted(std::string_view s) { return "« " + std::string(s) + " »"; }

}  // namespace

std::string_view column_key(Column c) { return info(c).key; }
std::string_view column_header(Column c) { return info(c).header; }
bool column_required(Column c) { return info(c).required; }

std::optional<Column> column_for_header(std::string_view header) {
  const std::string key = text::fold_key(header);
  if (key.empty()) return std::nullopt;
  if (auto c = column_for_key(key)) return c;
  // Units after the name: "Montant HT en euros", "Durée (en mois)" is listed.
  for (const std::string_view unit : {"eneuros", "euros", "eneur", "eur"}) {
    if (key.size() > unit.size() && key.ends_with(unit))
      return column_for_key(key.substr(0, key.size() - unit.size()));
  }
  return std::nullopt;
}

std::optional<std::size_t> ColumnMap::index(Column c) const {
  const std::size_t i = index_[static_cast<std::size_t>(c)];
  if (i == absent) return std::nullopt;
  return i;
}

std::string_view ColumnMap::header(Column c) const {
  const auto i = index(c);
  return i ? std::string_view(headers_[*i]) : std::string_view();
}

ColumnMap map_columns(const Record& header_row, const TabularSource& src, DiagnosticSink& diags) {
  ColumnMap map;
  map.index_.fill(ColumnMap::absent);
  std::vector<std::string> unknown;
  for (std::size_t i = 0; i < header_row.cells.size(); ++i) {
    const std::string header(text::trim(cell_display(header_row.cells[i])));
    map.headers_.push_back(header);
    if (header.empty()) continue;  // an unnamed column: nothing to read there
    const auto column = column_for_header(header);
    if (!column) {
      unknown.push_back(header);
      continue;
    }
    std::size_t& slot = map.index_[static_cast<std::size_t>(*column)];
    if (slot == ColumnMap::absent) {
      slot = i;
      continue;
    }
    diags.error(src.locate(header_row, i, header),
                "les en-têtes " + quoted(map.headers_[slot]) + " et " + quoted(header) +
                    " désignent tous deux la colonne " + quoted(column_header(*column)) +
                    " : seul le premier est lu ; renommez ou supprimez l'autre");
  }
  const Location row = src.locate(header_row, TabularSource::whole_record, "");
  if (!unknown.empty()) {
    diags.note(row, std::string(unknown.size() == 1 ? "colonne non reconnue, ignorée : "
                                                    : "colonnes non reconnues, ignorées : ") +
                        quoted_list(unknown));
  }
  map.ok_ = true;
  for (const ColumnInfo& c : columns()) {
    if (!c.required || map.has(c.column)) continue;
    map.ok_ = false;
    diags.error(row,
                "colonne obligatoire " + quoted(c.header) +
                    " absente : ajoutez-la ou renommez l'en-tête qui en tient lieu ; en-têtes trouvés : " +
                    quoted_list(map.headers_));
  }
  return map;
}

}  // namespace clausier::readers
