#include "app/export.hpp"

#include <algorithm>
#include <string_view>
#include <variant>

namespace clausier::app {
namespace {

// Characters (code points) of UTF-8 text.
std::size_t characters(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(
      utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool retained(const ClauseResult& c, const ExportOptions& options) {
  if (!c.verdict || c.error) return false;
  switch (*c.verdict) {
    case Verdict::obligatoire:
    case Verdict::recommandee: return true;
    case Verdict::possible: return options.include_possible;
    case Verdict::exclue: return false;
  }
  return false;
}

// Whether the rules in force on `date` require an environmental award criterion.
bool environmental_criterion_required(const params::ParameterSet& params, Date date) {
  const auto found = params.lookup("critere_environnemental.obligatoire", date);
  const auto* lookup = std::get_if<params::Lookup>(&found);
  if (lookup == nullptr || lookup->leaf == nullptr) return false;
  const bool* required = std::get_if<bool>(&lookup->leaf->value);
  return required != nullptr && *required;
}

// The DECP format's limits that a programme's own values can break.
void check_decp_limits(const Lot& lot, DiagnosticList& diags) {
  constexpr std::size_t max_id = 16;
  constexpr std::size_t max_objet = 1000;
  const std::size_t id_length = characters(lot.reference);
  if (id_length > max_id) {
    diags.warning(lot.source,
                  "référence « " + lot.reference + " » de " + std::to_string(id_length) +
                      " caractères : l'identifiant d'un marché dans les données essentielles (DECP) "
                      "en compte 16 au plus ; donnez-lui un identifiant plus court avant publication");
  }
  if (lot.unknown.montant) {
    diags.warning(lot.source,
                  "montant inconnu : les données essentielles (DECP) demandent le montant du marché ; "
                  "indiquez-le avant publication");
  } else if (lot.montant_ht_cents < 100) {
    diags.warning(lot.source,
                  "montant inférieur à 1 € : les données essentielles (DECP) demandent le montant "
                  "du marché, d'au moins 1 € ; corrigez-le avant publication");
  }
  if (characters(lot.objet) > max_objet) {
    diags.warning(lot.source,
                  "objet de plus de 1000 caractères : les données essentielles (DECP) le limitent à "
                  "1000 ; résumez-le avant publication");
  }
}

}  // namespace

writers::SocialConsiderations retained_considerations(const LotEvaluation& evaluation,
                                                      const ExportOptions& options) {
  writers::SocialConsiderations s;
  for (const ClauseResult& c : evaluation.clauses) {
    if (!retained(c, options)) continue;
    const std::string_view type = c.type;
    if (type == "insertion") {
      s.insertion_clause = true;
      s.insertion_hours = c.hours;
    } else if (type == "anru") {
      s.anru_charter = true;
      s.anru_hours = c.hours;
    } else if (type == "marche-insertion") {
      s.insertion_service = true;
    } else if (type == "critere-insertion") {
      s.award_criterion = true;
    } else if (type == "reserve-handicap" || type == "reserve-siae") {
      s.reserved_sheltered = true;
    } else if (type == "reserve-ess") {
      s.reserved_public_service = true;
    } else if (type == "reserve-penitentiaire") {
      s.reserved_penitentiary = true;
    } else {
      continue;  // a clause type the formats have no place for (a local plugin)
    }
    s.clause_types.push_back(c.type);
    const bool performance = type == "insertion" || type == "anru" || type == "marche-insertion";
    for (const auto& b : performance ? c.basis : std::vector<std::string>{}) {
      auto& bases = s.performance_basis;
      if (std::find(bases.begin(), bases.end(), b) == bases.end()) bases.push_back(b);
    }
  }
  return s;
}

EvaluateOutcome export_programme(const Toolkit& toolkit, const EvaluateRequest& request,
                                 const ExportOptions& options, bool decp_checks, writers::ExportSink& sink,
                                 DiagnosticList& diags) {
  auto evaluations = writers::make_null_sink();
  bool begun = false;
  EvaluateOutcome outcome =
      evaluate_programme(toolkit, request, *evaluations, diags, [&](const LotEvaluation& e) {
        if (!begun) sink.begin();
        begun = true;
        if (decp_checks) check_decp_limits(e.lot, diags);
        const Date date = request.as_of.value_or(e.lot.date_lancement);
        sink.lot({e, retained_considerations(e, options),
                  environmental_criterion_required(toolkit.params(), date)});
      });
  if (outcome.unreadable) return outcome;
  if (!begun) sink.begin();
  sink.end();
  return outcome;
}

}  // namespace clausier::app
