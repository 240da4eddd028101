#include "app/review.hpp"

#include <algorithm>
#include <filesystem>

#include "app/departements.hpp"
#include "base/text.hpp"

namespace clausier::app {
namespace {

// The article whose obligation the review counts apart (plugins/insertion.lua,
// clause type `insertion`): cited in the basis of a mandatory result.
constexpr std::string_view social_condition_article = "L2112-2-1";

// The DECP label saying that nothing was recorded, compared folded.
constexpr std::string_view no_consideration_key = "pasdeconsiderationsociale";

std::optional<double> number_value(const ClauseResult& c, std::string_view name) {
  for (const auto& v : c.values) {
    if (v.name == name) {
      if (const auto* d = std::get_if<double>(&v.value)) return *d;
    }
  }
  return std::nullopt;
}

bool cites(const ClauseResult& c, std::string_view article) {
  return std::any_of(c.basis.begin(), c.basis.end(),
                     [&](const std::string& b) { return b.find(article) != std::string::npos; });
}

writers::RecordedMatch compare_recorded(const writers::LotReview& r, const std::vector<std::string>& labels) {
  const bool recorded = std::any_of(labels.begin(), labels.end(), [](const std::string& l) {
    const std::string key = text::fold_key(l);
    return !key.empty() && key != no_consideration_key;
  });
  if (recorded) return r.retained ? writers::RecordedMatch::consistent : writers::RecordedMatch::beyond_rules;
  if (r.mandatory) return writers::RecordedMatch::mandatory_missing;
  if (r.retained) return writers::RecordedMatch::retained_missing;
  return writers::RecordedMatch::none_expected;
}

template <typename Key>
std::vector<writers::ReviewGroup> groups_of(const std::map<Key, ReviewBuilder::Group>& groups,
                                            std::string (*key_of)(const Key&)) {
  std::vector<writers::ReviewGroup> out;
  out.reserve(groups.size());
  for (const auto& [key, g] : groups) out.push_back({key_of(key), g.label, g.tally});
  return out;
}

std::string same(const std::string& s) { return s; }

// "programme.csv" for "/home/…/programme.csv"; a folder's own name for a folder.
std::string file_name_of(const std::filesystem::path& p) {
  const std::filesystem::path name = p.lexically_normal().has_filename()
                                         ? p.lexically_normal().filename()
                                         : p.lexically_normal().parent_path().filename();
  return name.empty() ? p.generic_string() : name.string();
}
// An unknown nature (Lot::unknown) has the empty key.
std::string nature_key(const std::optional<Nature>& n) {
  return n ? std::string(nature_id(*n)) : std::string();
}

}  // namespace

bool social_condition_mandatory(const ClauseResult& c) {
  return c.verdict == Verdict::obligatoire && cites(c, social_condition_article);
}

writers::LotReview review_lot(const LotEvaluation& e,
                              const std::optional<std::vector<std::string>>& recorded) {
  writers::LotReview r;
  for (const auto& c : e.clauses) {
    if (!c.verdict) {
      r.failed = true;
      continue;
    }
    if (c.verdict_assumed) {
      r.assumed = true;
      continue;
    }
    if (*c.verdict == Verdict::obligatoire || *c.verdict == Verdict::recommandee) {
      r.retained = true;
      if (c.hours) r.hours = std::max(r.hours.value_or(0), *c.hours);
    }
    if (*c.verdict == Verdict::obligatoire) {
      r.mandatory = true;
      if (social_condition_mandatory(c)) r.social_condition_mandatory = true;
    }
    const auto threshold = number_value(c, "seuil");
    const auto total = number_value(c, "total_consultation");
    if (threshold && total && *total >= *threshold) r.above_threshold = true;
  }
  if (recorded) {
    r.recorded_labels = *recorded;
    r.recorded = compare_recorded(r, *recorded);
  }
  const bool open_choice = std::any_of(e.clauses.begin(), e.clauses.end(), [](const ClauseResult& c) {
    return c.verdict == Verdict::recommandee || c.verdict == Verdict::possible;
  });
  const bool flagged = (r.social_condition_mandatory && !r.hours) || (r.above_threshold && !r.retained) ||
                       r.failed || r.assumed || r.recorded == writers::RecordedMatch::mandatory_missing ||
                       r.recorded == writers::RecordedMatch::retained_missing;
  r.to_decide = (open_choice && !r.mandatory) || flagged;
  return r;
}

std::string quarter_key(Date d) {
  return std::to_string(d.year()) + "-T" + std::to_string((d.month() + 2) / 3);
}

std::string quarter_label(Date d) {
  return "T" + std::to_string((d.month() + 2) / 3) + " " + std::to_string(d.year());
}

std::string territory_label(const std::string& departement) {
  if (departement.empty()) return "Non renseigné";
  const std::string_view name = departement_name(departement);
  return name.empty() ? departement : departement + " " + std::string(name);
}

ReviewBuilder::ReviewBuilder(const std::vector<engine::ClauseInfo>& clause_types) {
  for (const auto& t : clause_types) data_.clauses.push_back({t.id, t.title, {}, 0, 0});
}

void ReviewBuilder::count(writers::ReviewTally& t, const LotEvaluation& e, const writers::LotReview& r) {
  t.lots += 1;
  const std::int64_t known_cents = known_montant_cents(e.lot).value_or(0);
  t.amount_cents += known_cents;
  if (r.retained) {
    t.lots_retained += 1;
    t.amount_retained_cents += known_cents;
  }
  t.hours += r.hours.value_or(0);
  t.lots_to_decide += r.to_decide ? 1 : 0;
}

void ReviewBuilder::add(const LotEvaluation& e, const writers::LotReview& r) {
  count(data_.total, e, r);
  consultations_.insert(e.lot.consultation);
  const Date launch = e.lot.date_lancement;
  if (!data_.first_launch || launch < *data_.first_launch) data_.first_launch = launch;
  if (!data_.last_launch || launch > *data_.last_launch) data_.last_launch = launch;

  data_.lots_mandatory += r.mandatory ? 1 : 0;
  if (r.social_condition_mandatory) {
    data_.lots_social_condition_mandatory += 1;
    data_.amount_social_condition_mandatory_cents += known_montant_cents(e.lot).value_or(0);
    if (!r.hours) data_.mandatory_without_hours += 1;
  }
  if (r.above_threshold) {
    data_.lots_above_threshold += 1;
    if (!r.retained) data_.above_threshold_without_lever += 1;
  }
  data_.lots_failed += r.failed ? 1 : 0;
  data_.lots_assumed += r.assumed ? 1 : 0;
  data_.recorded[static_cast<std::size_t>(r.recorded)] += 1;

  for (const auto& c : e.clauses) {
    auto it = std::find_if(data_.clauses.begin(), data_.clauses.end(),
                           [&](const writers::ClauseTally& t) { return t.type == c.type; });
    if (it == data_.clauses.end()) {
      data_.clauses.push_back({c.type, c.type, {}, 0, 0});
      it = std::prev(data_.clauses.end());
    }
    if (!c.verdict) {
      it->failures += 1;
      continue;
    }
    it->verdicts[static_cast<std::size_t>(*c.verdict)] += 1;
    if (c.hours && (*c.verdict == Verdict::obligatoire || *c.verdict == Verdict::recommandee)) {
      it->hours += *c.hours;
    }
  }

  Group& quarter = quarters_[quarter_key(launch)];
  if (quarter.label.empty()) quarter.label = quarter_label(launch);
  count(quarter.tally, e, r);
  Group& nature = natures_[e.lot.unknown.nature ? std::nullopt : std::optional<Nature>(e.lot.nature)];
  if (nature.label.empty()) nature.label = nature_text(e.lot);
  count(nature.tally, e, r);
  Group& territory = territories_[e.lot.lieu];
  if (territory.label.empty()) territory.label = territory_label(e.lot.lieu);
  count(territory.tally, e, r);
  Group& buyer = buyers_[e.lot.acheteur];
  if (buyer.label.empty()) buyer.label = e.lot.acheteur.empty() ? "Non renseigné" : e.lot.acheteur;
  count(buyer.tally, e, r);
}

writers::ReviewData ReviewBuilder::finish(const params::ParameterSet& params, Date on) const {
  writers::ReviewData d = data_;
  d.consultations = consultations_.size();
  d.by_quarter = groups_of<std::string>(quarters_, &same);
  d.by_nature = groups_of<std::optional<Nature>>(natures_, &nature_key);
  // An unknown nature (sorted first) goes last.
  if (!d.by_nature.empty() && d.by_nature.front().key.empty()) {
    std::rotate(d.by_nature.begin(), d.by_nature.begin() + 1, d.by_nature.end());
  }
  d.by_territory = groups_of<std::string>(territories_, &same);
  // "Non renseigné" (the empty code, sorted first) goes last.
  if (!d.by_territory.empty() && d.by_territory.front().key.empty()) {
    std::rotate(d.by_territory.begin(), d.by_territory.begin() + 1, d.by_territory.end());
  }
  d.by_buyer = groups_of<std::string>(buyers_, &same);
  std::stable_sort(d.by_buyer.begin(), d.by_buyer.end(),
                   [](const auto& a, const auto& b) { return a.tally.amount_cents > b.tally.amount_cents; });

  const auto lookup = params.lookup(target_parameter, on);
  if (const auto* found = std::get_if<params::Lookup>(&lookup)) {
    if (const auto* ratio = std::get_if<double>(&found->leaf->value)) {
      d.target = writers::ReviewTarget{target_parameter,
                                       *ratio,
                                       found->dated->from,
                                       found->parameter->reference,
                                       std::string(found->reference()),
                                       std::string(params::status_label(found->status())),
                                       found->dated->note};
    }
  }
  d.rules.parameters = params.all().size();
  d.rules.evaluated_on = on;
  for (const auto& [name, p] : params.all()) {
    for (const auto& v : p.values) {
      if (v.from <= on && (!d.rules.latest_change || v.from > *d.rules.latest_change)) {
        d.rules.latest_change = v.from;
      }
    }
  }
  return d;
}

ReviewPass::ReviewPass(const Toolkit& toolkit, ReviewRun about, writers::ReviewReport& report)
    : toolkit_(toolkit), about_(std::move(about)), report_(report), builder_(toolkit.clause_infos()) {
  report_.begin(toolkit_.clause_infos());
}

void ReviewPass::lot(const LotEvaluation& e) {
  // What the buyer recorded: known for DECP records, absent (unknown) for
  // programmes typed by buyers.
  const writers::LotReview review = review_lot(e, e.lot.recorded_social_considerations);
  builder_.add(e, review);
  report_.lot(e, review);
}

writers::ReviewData ReviewPass::finish(const writers::RunSummary& summary,
                                       const std::vector<Diagnostic>& diagnostics) {
  const Date on = about_.as_of.value_or(about_.generated);
  writers::ReviewData data = builder_.finish(toolkit_.params(), on);
  data.programme = about_.programme;
  data.generated = about_.generated;
  data.rows_rejected = summary.rows_rejected;
  writers::RulesInfo& rules = data.rules;
  // Names alone: a report travels, the folders of the machine stay.
  rules.folder = file_name_of(toolkit_.paths().rules);
  rules.plugins = file_name_of(toolkit_.paths().plugins);
  rules.policy = toolkit_.policy_file().empty() ? std::string() : file_name_of(toolkit_.policy_file());
  rules.as_of = about_.as_of;
  rules.generator = about_.generator;
  if (!summary.unreadable) report_.end(data, diagnostics);
  return data;
}

namespace {

// The review of one evaluation run: `run` evaluates the programme, handing
// each lot to the callback it is given.
template <typename Run>
ReviewOutcome review_run(const Toolkit& toolkit, const ReviewRun& about, writers::ReviewReport& report,
                         DiagnosticList& diags, Run&& run) {
  ReviewPass pass(toolkit, about, report);
  auto sink = writers::make_null_sink();
  ReviewOutcome outcome;
  outcome.evaluation = run(*sink, [&](const LotEvaluation& e) { pass.lot(e); });
  outcome.data = pass.finish(outcome.evaluation.summary, diags.all());
  return outcome;
}

}  // namespace

ReviewOutcome review_programme(const Toolkit& toolkit, const ReviewRequest& request,
                               writers::ReviewReport& report, DiagnosticList& diags) {
  const ReviewRun about{request.evaluate.programme == "-" ? std::string("entrée standard")
                                                          : file_name_of(request.evaluate.programme),
                        request.evaluate.as_of, request.generated, request.generator};
  return review_run(toolkit, about, report, diags, [&](writers::EvaluationSink& sink, const auto& on_lot) {
    return evaluate_programme(toolkit, request.evaluate, sink, diags, on_lot);
  });
}

ReviewOutcome review_programme(engine::Evaluator& evaluator, const Toolkit& toolkit,
                               const readers::Programme& programme, const ReviewRun& about,
                               writers::ReviewReport& report, DiagnosticList& diags) {
  return review_run(toolkit, about, report, diags, [&](writers::EvaluationSink& sink, const auto& on_lot) {
    return evaluate_programme(evaluator, toolkit, programme, {}, sink, diags, on_lot);
  });
}

}  // namespace clausier::app
