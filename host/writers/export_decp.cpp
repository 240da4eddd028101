// `clausier export decp`: DECP 2.0 records (schema_decp_v2.0.3.json of
// github.com/139bercy/format-commande-publique, arrêté du 22 décembre 2022),
// with the fields a purchasing programme knows. The other required fields of
// the format (acheteur, procédure, titulaires, dates of notification…) exist
// only once the contract is awarded: the records are a draft to complete, and
// only what is written is meant to be valid against the schema.

#include <string_view>

#include "writers/csv_text.hpp"
#include "writers/export_sink.hpp"
#include "writers/json_writer.hpp"

namespace clausier::writers {
namespace {

// The values of the schema's enumerations (considerationSocialeArray,
// considerationEnvironnementaleArray, lieuExecution.typeCode).
constexpr std::string_view clause_sociale = "Clause sociale";
constexpr std::string_view critere_social = "Critère social";
constexpr std::string_view marche_reserve = "Marché réservé";
constexpr std::string_view aucune_sociale = "Pas de considération sociale";
constexpr std::string_view critere_environnemental = "Critère environnemental";
constexpr std::string_view code_departement = "Code département";

class DecpJsonSink final : public ExportSink {
 public:
  explicit DecpJsonSink(std::ostream& out) : out_(out), json_(out) {}

  void begin() override { json_.begin_object().key("marches").begin_object().key("marche").begin_array(); }

  void lot(const ExportLot& x) override {
    const Lot& lot = x.evaluation.lot;
    json_.begin_object();
    json_.field("id", lot.reference);
    json_.field("objet", lot.objet);
    json_.field("codeCPV", lot.cpv);
    if (const auto cents = known_montant_cents(lot)) json_.key("montant").cents(*cents);
    if (lot.duree_mois && *lot.duree_mois >= 1) json_.key("dureeMois").value(std::int64_t{*lot.duree_mois});
    if (!lot.lieu.empty()) {
      json_.key("lieuExecution").begin_object();
      json_.field("code", lot.lieu);
      json_.field("typeCode", code_departement);
      json_.end_object();
    }
    json_.key("considerationsSociales").begin_object().key("considerationSociale").begin_array();
    for (const auto& v : decp_social_values(x.social)) json_.value(v);
    json_.end_array().end_object();
    if (x.environmental_criterion) {
      json_.key("considerationsEnvironnementales").begin_object().key("considerationEnvironnementale");
      json_.begin_array().value(critere_environnemental).end_array().end_object();
    }
    json_.end_object();
  }

  void end() override {
    json_.end_array().end_object().end_object();
    out_ << '\n';
    out_.flush();
  }

 private:
  std::ostream& out_;
  JsonWriter json_;
};

class DecpCsvSink final : public ExportSink {
 public:
  explicit DecpCsvSink(std::ostream& out) : out_(out) {}

  void begin() override {
    out_ << "\xEF\xBB\xBF"
         << "id;Consultation;Lot;objet;codeCPV;montant;dureeMois;lieuExecution;considerationsSociales;"
            "considerationsEnvironnementales;Types de clause retenus\r\n";
  }

  void lot(const ExportLot& x) override {
    const Lot& lot = x.evaluation.lot;
    std::string social;
    for (const auto& v : decp_social_values(x.social)) social += (social.empty() ? "" : " | ") + v;
    std::string types;
    for (const auto& t : x.social.clause_types) types += (types.empty() ? "" : ", ") + t;
    for (const std::string_view field : {std::string_view(lot.reference), std::string_view(lot.consultation),
                                         std::string_view(lot.lot), std::string_view(lot.objet)}) {
      write_csv_field(out_, field);
      out_ << ';';
    }
    out_ << lot.cpv << ';';
    if (const auto cents = known_montant_cents(lot)) write_plain_cents(out_, *cents);
    out_ << ';' << (lot.duree_mois ? std::to_string(*lot.duree_mois) : std::string()) << ';';
    write_csv_field(out_, lot.lieu);
    out_ << ';';
    write_csv_field(out_, social);
    out_ << ';' << (x.environmental_criterion ? critere_environnemental : std::string_view()) << ';';
    write_csv_field(out_, types);
    out_ << "\r\n";
  }

  void end() override { out_.flush(); }

 private:
  std::ostream& out_;
};

}  // namespace

std::vector<std::string> decp_social_values(const SocialConsiderations& social) {
  std::vector<std::string> values;
  if (social.execution_clause()) values.emplace_back(clause_sociale);
  if (social.award_criterion) values.emplace_back(critere_social);
  if (social.reserved()) values.emplace_back(marche_reserve);
  if (values.empty()) values.emplace_back(aucune_sociale);
  return values;
}

std::unique_ptr<ExportSink> make_decp_json_sink(std::ostream& out) {
  return std::make_unique<DecpJsonSink>(out);
}

std::unique_ptr<ExportSink> make_decp_csv_sink(std::ostream& out) {
  return std::make_unique<DecpCsvSink>(out);
}

}  // namespace clausier::writers
