#pragma once
// The words and figures of the review report, shared by its HTML and Markdown
// writers so that both say the same thing: summary cards, definitions, the
// tables of figures behind each chart, the rules the review used, and the
// French wording of a lot's row. Every number is already formatted the French
// way; strings are plain text (each writer escapes them).

#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "engine/clause_type.hpp"
#include "model/evaluation.hpp"
#include "writers/review_data.hpp"

namespace clausier::writers::review {

// "43 lots, 24 consultations, lancements du 1er mars 2027 au 1er décembre 2027".
[[nodiscard]] std::string scope_sentence(const ReviewData& d);
// "Revue établie le 22 novembre 2026 par clausier 0.1.0."
[[nodiscard]] std::string made_sentence(const ReviewData& d);

struct Card {
  std::string label;
  std::string value;
  std::string detail;
  bool alert = false;  // asks for the facilitator's attention
};
[[nodiscard]] std::vector<Card> summary_cards(const ReviewData& d);

// The programme's share against the national target, in one sentence (empty
// when the rules have no target in force).
[[nodiscard]] std::string target_sentence(const ReviewData& d);

// How the figures are counted, one sentence each.
[[nodiscard]] std::vector<std::string> definitions();

// A table of figures: the data of a chart, or a summary table.
struct Table {
  std::string id;           // "heures-trimestre"
  std::string title;        // "Heures d'insertion par trimestre de lancement"
  std::string description;  // the chart's text alternative, one sentence
  std::vector<std::string> header;
  std::vector<bool> numeric;  // right-aligned columns
  std::vector<std::vector<std::string>> rows;
};

// Lots, amount, lots with a consideration, hours, per group.
[[nodiscard]] Table group_table(std::string id, std::string title, std::string group_header,
                                const std::vector<ReviewGroup>& groups);
// Lots, amount, lots with a consideration, hours and lots to decide, per buyer.
[[nodiscard]] Table buyer_table(const ReviewData& d);
// Verdicts and hours per clause type.
[[nodiscard]] Table clause_table(const ReviewData& d);
// Recorded considerations against the rules (empty rows when nothing known).
[[nodiscard]] Table recorded_table(const ReviewData& d);

// "Règles : rules (40 paramètres)…", one item each.
[[nodiscard]] std::vector<std::string> rules_facts(const ReviewData& d);

// The heading of a consultation in the table of lots:
// "C2027-01 : Reconstruction du collège — 9 lots, 8 650 000 € HT".
[[nodiscard]] std::string consultation_heading(const LotEvaluation& e);
// A lot's object in the table: under its consultation's heading, what is its
// own ("gros œuvre").
[[nodiscard]] std::string lot_objet(const LotEvaluation& e);
// A clause type's short name: its title up to a parenthesis or a colon
// ("Clause d'insertion", "Critère d'attribution"); the id when unknown.
[[nodiscard]] std::string clause_name(const std::string& type, const std::vector<engine::ClauseInfo>& types);
// "Clause d'insertion : obligatoire, 833 h".
[[nodiscard]] std::string clause_badge_text(const ClauseResult& c,
                                            const std::vector<engine::ClauseInfo>& types);
// Notes under a lot's clauses: "obligation L2112-2-1 sans volume d'heures"…
[[nodiscard]] std::vector<std::string> lot_flags(const LotReview& r);
// "Clause d'insertion (condition d'exécution) : obligatoire".
[[nodiscard]] std::string clause_heading(const ClauseResult& c, const std::vector<engine::ClauseInfo>& types);
// A message's place with its file's name alone ("programme.csv:10"): a
// report travels, the folders of the machine stay.
[[nodiscard]] std::string place(const Location& location);
// "erreur", "avertissement", "note".
[[nodiscard]] const char* severity_label(Severity s);

}  // namespace clausier::writers::review
