#include "writers/review_text.hpp"

#include <algorithm>
#include <cmath>

#include "base/french.hpp"
#include "base/text.hpp"
#include "writers/evaluation_table.hpp"

namespace clausier::writers::review {
namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
  return fr::integer(static_cast<std::int64_t>(n)) + " " + (n > 1 ? many : one);
}

std::string count(std::size_t n) { return fr::integer(static_cast<std::int64_t>(n)); }

// A share rounded to one decimal: "74,4 %".
std::string share(double ratio) { return fr::percent(std::round(ratio * 1000.0) / 1000.0); }

std::string hours_short(std::int64_t h) { return fr::integer(h) + fr::nbsp + "h"; }

}  // namespace

std::string scope_sentence(const ReviewData& d) {
  std::string s =
      plural(d.total.lots, "lot", "lots") + ", " + plural(d.consultations, "consultation", "consultations");
  if (d.by_buyer.size() > 1) s += ", " + plural(d.by_buyer.size(), "acheteur", "acheteurs");
  if (d.first_launch && d.last_launch) {
    s += *d.first_launch == *d.last_launch
             ? ", lancement le " + fr::date_long(*d.first_launch)
             : ", lancements du " + fr::date_long(*d.first_launch) + " au " + fr::date_long(*d.last_launch);
  }
  return s;
}

std::string made_sentence(const ReviewData& d) {
  return "Revue établie le " + fr::date_long(d.generated) + " par " + d.rules.generator + ".";
}

std::vector<Card> summary_cards(const ReviewData& d) {
  std::vector<Card> cards;
  cards.push_back({"Lots évalués", count(d.total.lots),
                   plural(d.consultations, "consultation", "consultations") +
                       (d.rows_rejected > 0 ? std::string(fr::semicolon) + " " +
                                                  plural(d.rows_rejected, "ligne rejetée", "lignes rejetées")
                                            : std::string()),
                   d.rows_rejected > 0});
  cards.push_back({"Montant total estimé", fr::euros_cents(d.total.amount_cents) + " HT",
                   "somme des lots évalués", false});
  std::string detail = share(d.amount_share()) + " du montant";
  bool below_target = false;
  if (d.target) {
    below_target = d.lots_share() < d.target->ratio;
    detail += std::string(fr::semicolon) + " objectif national " + fr::percent(d.target->ratio) +
              (below_target ? " non atteint" : " atteint");
  }
  cards.push_back({"Lots avec une considération sociale",
                   count(d.total.lots_retained) + " (" + share(d.lots_share()) + ")", detail, below_target});
  cards.push_back({"Lots à décider", count(d.total.lots_to_decide),
                   "à voir avec l'acheteur" + std::string(fr::colon) + " en tête du tableau des lots",
                   d.total.lots_to_decide > 0});
  cards.push_back({"Heures d'insertion", hours_short(d.total.hours),
                   "sur les lots où une clause est obligatoire ou recommandée", false});
  cards.push_back({"Condition sociale obligatoire (L2112-2-1)", count(d.lots_social_condition_mandatory),
                   plural(d.lots_social_condition_mandatory, "lot", "lots") + " pour " +
                       fr::euros_cents(d.amount_social_condition_mandatory_cents) + " HT",
                   false});
  cards.push_back({"Obligatoires sans volume d'heures", count(d.mandatory_without_hours),
                   "volume à fixer avec le facilitateur, ou motifs de dérogation à consigner",
                   d.mandatory_without_hours > 0});
  cards.push_back({"Au-dessus des seuils sans considération retenue", count(d.above_threshold_without_lever),
                   "sur " + plural(d.lots_above_threshold, "lot", "lots") + " au-dessus des seuils européens",
                   d.above_threshold_without_lever > 0});
  if (d.lots_assumed > 0) {
    cards.push_back({"Verdicts à confirmer", count(d.lots_assumed),
                     "nature ou montant non publiés" + std::string(fr::colon) +
                         " le verdict retenu est le plus fort des hypothèses, compté à part",
                     true});
  }
  if (d.lots_failed > 0) {
    cards.push_back({"Lots en erreur", count(d.lots_failed),
                     "une règle ou un plugin a échoué : résultats incomplets (voir les messages)", true});
  }
  if (d.recorded_known() > 0) {
    const std::size_t missing = d.recorded[static_cast<std::size_t>(RecordedMatch::mandatory_missing)];
    // Declared in the open data: DECP records or eForms notices.
    cards.push_back({"Considérations déclarées (données publiées)", count(d.recorded_known()),
                     plural(missing, "obligation non tracée", "obligations non tracées"), missing > 0});
  }
  return cards;
}

std::string target_sentence(const ReviewData& d) {
  if (!d.target) return {};
  return share(d.lots_share()) +
         " des lots de la programmation retiennent au moins une considération sociale" + fr::semicolon +
         " l'objectif national est de " + fr::percent(d.target->ratio) + " des contrats (" +
         d.target->source + ", statut " + fr::guillemet_open + d.target->status + fr::guillemet_close + ").";
}

std::vector<std::string> definitions() {
  return {
      "Un lot retient une considération sociale quand au moins un type de clause y est obligatoire ou "
      "recommandé ; une clause seulement possible est un levier à étudier, pas encore une considération.",
      "La condition sociale est obligatoire (article L2112-2-1 du code de la commande publique) quand une "
      "clause est obligatoire en vertu de cet article : consultation au-dessus des seuils européens, lancée "
      "après l'entrée en vigueur de l'obligation.",
      "Les heures d'insertion d'un lot sont celles des clauses obligatoires ou recommandées ; un lot qui a "
      "à la fois une clause d'insertion et la charte ANRU compte ses heures une fois (la plus grande).",
      "Les seuils européens s'apprécient sur le montant total de la consultation ; les heures, lot par lot.",
      "Un lot est à décider quand aucune clause n'y est obligatoire mais qu'une clause y est recommandée ou "
      "possible (la retenir ou non, avec l'acheteur), ou quand il est signalé : obligation sans volume "
      "d'heures, seuils européens atteints sans considération retenue, résultat incomplet, obligation non "
      "tracée.",
  };
}

Table group_table(std::string id, std::string title, std::string group_header,
                  const std::vector<ReviewGroup>& groups) {
  Table t;
  t.id = std::move(id);
  t.title = std::move(title);
  t.header = {std::move(group_header), "Lots", "Montant HT", "Lots avec considération sociale",
              "Heures d'insertion"};
  t.numeric = {false, true, true, true, true};
  std::string sentence;
  for (const auto& g : groups) {
    t.rows.push_back({g.label, count(g.tally.lots), fr::euros_cents(g.tally.amount_cents),
                      count(g.tally.lots_retained), fr::integer(g.tally.hours)});
    sentence += (sentence.empty() ? "" : std::string(fr::semicolon) + " ") + g.label + fr::colon + " " +
                fr::hours(g.tally.hours);
  }
  t.description = t.title + fr::colon + " " + (sentence.empty() ? std::string("aucun lot") : sentence) + ".";
  return t;
}

Table buyer_table(const ReviewData& d) {
  Table t;
  t.id = "acheteurs";
  t.title = "Par acheteur";
  t.header = {"Acheteur",           "Lots",          "Montant HT", "Lots avec considération sociale",
              "Heures d'insertion", "Lots à décider"};
  t.numeric = {false, true, true, true, true, true};
  std::string sentence;
  for (const auto& g : d.by_buyer) {
    t.rows.push_back({g.label, count(g.tally.lots), fr::euros_cents(g.tally.amount_cents),
                      count(g.tally.lots_retained), fr::integer(g.tally.hours),
                      count(g.tally.lots_to_decide)});
    sentence += (sentence.empty() ? "" : std::string(fr::semicolon) + " ") + g.label + fr::colon + " " +
                plural(g.tally.lots, "lot", "lots") + ", " + fr::hours(g.tally.hours);
  }
  t.description = t.title + fr::colon + " " + (sentence.empty() ? std::string("aucun lot") : sentence) + ".";
  return t;
}

Table clause_table(const ReviewData& d) {
  Table t;
  t.id = "verdicts";
  t.title = "Verdicts par type de clause";
  // The failures' column only when a plugin failed: the words of the
  // headers must fit their columns on an A4 page.
  const bool failures = d.lots_failed > 0;
  t.header = {"Type de clause", "Obligatoire", "Recommandée", "Possible", "Exclue"};
  if (failures) t.header.emplace_back("En erreur");
  t.header.emplace_back("Heures");
  t.numeric = std::vector<bool>(t.header.size(), true);
  t.numeric[0] = false;
  std::string sentence;
  for (const auto& c : d.clauses) {
    std::vector<std::string> row{fr::print_typography(c.title), count(c.verdicts[0]), count(c.verdicts[1]),
                                 count(c.verdicts[2]), count(c.verdicts[3])};
    if (failures) row.push_back(count(c.failures));
    row.push_back(c.hours > 0 ? fr::integer(c.hours) : std::string("\u2014"));
    t.rows.push_back(std::move(row));
    sentence += (sentence.empty() ? "" : std::string(fr::semicolon) + " ") + fr::print_typography(c.title) +
                fr::colon + " " + count(c.verdicts[0]) + " obligatoire, " + count(c.verdicts[1]) +
                " recommandée, " + count(c.verdicts[2]) + " possible, " + count(c.verdicts[3]) + " exclue";
  }
  t.description = "Nombre de lots par verdict, pour chaque type de clause" + std::string(fr::colon) + " " +
                  (sentence.empty() ? std::string("aucun") : sentence) + ".";
  return t;
}

Table recorded_table(const ReviewData& d) {
  Table t;
  t.id = "declare";
  t.title = "Considérations sociales déclarées et règles";
  t.header = {"Comparaison", "Lots"};
  t.numeric = {false, true};
  if (d.recorded_known() == 0) return t;
  for (std::size_t i = 1; i < recorded_match_count; ++i) {
    t.rows.push_back({recorded_match_label(static_cast<RecordedMatch>(i)), count(d.recorded[i])});
  }
  if (d.recorded[0] > 0)
    t.rows.push_back({recorded_match_label(RecordedMatch::unknown), count(d.recorded[0])});
  t.description = t.title + ".";
  return t;
}

std::vector<std::string> rules_facts(const ReviewData& d) {
  const RulesInfo& r = d.rules;
  std::vector<std::string> facts;
  std::string rules = "Règles" + std::string(fr::colon) + " " + r.folder + " (" +
                      plural(r.parameters, "paramètre", "paramètres");
  if (r.latest_change) rules += ", dernière valeur entrée en vigueur le " + fr::date_long(*r.latest_change);
  facts.push_back(rules + ").");
  facts.push_back("Plugins des types de clauses" + std::string(fr::colon) + " " + r.plugins + ".");
  facts.push_back(r.policy.empty()
                      ? std::string("Aucune politique locale appliquée.")
                      : "Politique locale appliquée" + std::string(fr::colon) + " " + r.policy + ".");
  facts.push_back(
      r.as_of ? "Chaque lot est évalué avec les règles en vigueur le " + fr::date_long(*r.as_of) +
                    " (option --as-of)."
              : std::string("Chaque lot est évalué avec les règles en vigueur à sa date de lancement."));
  if (d.target) {
    std::string t = "Objectif national" + std::string(fr::colon) + " " + fr::percent(d.target->ratio) +
                    " (en vigueur depuis le " + fr::date_long(d.target->from) + ", " + d.target->status +
                    ")" + fr::colon + " " + d.target->reference + ".";
    if (!d.target->note.empty()) t += " " + d.target->note;
    facts.push_back(t);
  } else {
    facts.push_back("Aucun objectif national en vigueur dans les règles au " + fr::date_long(r.evaluated_on) +
                    ".");
  }
  facts.push_back("Outil" + std::string(fr::colon) + " " + r.generator + ".");
  return facts;
}

std::string consultation_heading(const LotEvaluation& e) {
  const std::string objet = fr::print_typography(text::single_line(e.lot.objet));
  const auto title = split_objet(objet).first;
  return e.lot.consultation + fr::colon + " " + std::string(title) + " \u2014 " +
         plural(e.consultation.lots, "lot", "lots") + ", " + total_text(e.lot, e.consultation) + " HT";
}

std::string lot_objet(const LotEvaluation& e) {
  const std::string objet = fr::print_typography(text::single_line(e.lot.objet));
  if (e.consultation.lots <= 1) return objet;
  const auto rest = split_objet(objet).second;
  return rest.empty() ? objet : std::string(rest);
}

std::string clause_name(const std::string& type, const std::vector<engine::ClauseInfo>& types) {
  for (const auto& t : types) {
    if (t.id != type) continue;
    const std::size_t cut = std::min(t.title.find(" ("), t.title.find(" :"));
    return fr::print_typography(cut == std::string::npos ? t.title : t.title.substr(0, cut));
  }
  return type;
}

std::string clause_badge_text(const ClauseResult& c, const std::vector<engine::ClauseInfo>& types) {
  const std::string name = clause_name(c.type, types);
  if (!c.verdict) return name + fr::colon + " erreur";
  std::string s = name + fr::colon + " " + std::string(verdict_label(*c.verdict));
  if (c.hours) s += ", " + hours_short(*c.hours);
  return s;
}

std::vector<std::string> lot_flags(const LotReview& r) {
  std::vector<std::string> flags;
  if (r.social_condition_mandatory && !r.hours) flags.push_back("obligation L2112-2-1 sans volume d'heures");
  if (r.above_threshold && !r.retained) flags.push_back("au-dessus des seuils sans considération retenue");
  if (r.failed) flags.push_back("résultat incomplet : un plugin a échoué");
  if (r.assumed) flags.push_back("verdict à confirmer : nature ou montant inconnus");
  if (r.recorded != RecordedMatch::unknown) {
    std::string declared;
    for (const auto& l : r.recorded_labels) declared += (declared.empty() ? "" : ", ") + l;
    flags.push_back("déclaré" + std::string(fr::colon) + " " + (declared.empty() ? "rien" : declared) + " (" +
                    recorded_match_label(r.recorded) + ")");
  }
  return flags;
}

std::string clause_heading(const ClauseResult& c, const std::vector<engine::ClauseInfo>& types) {
  std::string title = c.type;
  for (const auto& t : types) {
    if (t.id == c.type) title = fr::print_typography(t.title);
  }
  return title + fr::colon + " " + (c.verdict ? std::string(verdict_label(*c.verdict)) : "erreur");
}

std::string place(const Location& location) {
  Location named = location;
  const auto slash = named.file.find_last_of("/\\");
  if (slash != std::string::npos) named.file.erase(0, slash + 1);
  return named.str();
}

const char* severity_label(Severity s) {
  switch (s) {
    case Severity::error: return "erreur";
    case Severity::warning: return "avertissement";
    case Severity::note: return "note";
  }
  return "";
}

}  // namespace clausier::writers::review
