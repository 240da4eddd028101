#include "app/policy.hpp"

#include <algorithm>
#include <system_error>

#include "base/french.hpp"

namespace clausier::app {
namespace fs = std::filesystem;

namespace {

// The last dated value starting on or before `date`, repeal included.
const params::DatedValue* written_at(const params::Parameter& p, Date date) {
  const params::DatedValue* out = nullptr;
  for (const auto& v : p.values) {
    if (v.from <= date) out = &v;
  }
  return out;
}

bool takes_entries(params::Kind kind) {
  return kind == params::Kind::map || kind == params::Kind::cpv_table || kind == params::Kind::directory;
}

// A local dated value with its reference written out and marked local.
params::DatedValue localised(const params::Parameter& local, const params::DatedValue& v) {
  params::DatedValue out = v;
  if (out.reference.empty()) out.reference = local.reference;
  if (!out.reference.empty()) out.reference = local_reference(out.reference);
  for (auto& [key, leaf] : out.entries) {
    if (!leaf.reference.empty()) leaf.reference = local_reference(leaf.reference);
  }
  out.path = "parametres[\"" + local.name + "\"]." + v.path;
  out.local_policy = true;
  return out;
}

// Adds to `merged` (a local value of a map or CPV table) the national entries
// it leaves out, each with the national reference and status made explicit.
void complete_entries(params::DatedValue& merged, const params::Parameter& national,
                      const params::DatedValue& n) {
  for (const auto& [key, leaf] : n.entries) {
    const bool local_has = std::any_of(merged.entries.begin(), merged.entries.end(),
                                       [&](const auto& e) { return e.first == key; });
    if (local_has) continue;
    params::Leaf copy = leaf;
    if (copy.reference.empty()) copy.reference = n.reference.empty() ? national.reference : n.reference;
    // The merged value starts on the local date; this entry is older.
    copy.reference += " (valeur nationale en vigueur depuis le " + fr::date_long(n.from) + ")";
    if (!copy.status) copy.status = n.status;
    merged.entries.emplace_back(key, std::move(copy));
    if (auto details = n.details.find(key); details != n.details.end())
      merged.details.emplace(key, details->second);
  }
  std::sort(merged.entries.begin(), merged.entries.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
}

}  // namespace

std::optional<fs::path> policy_beside(const fs::path& programme) {
  if (programme.empty() || programme == "-") return std::nullopt;
  const fs::path candidate = programme.parent_path() / policy_file_name;
  std::error_code ec;
  if (fs::is_regular_file(candidate, ec)) return candidate;
  return std::nullopt;
}

std::string local_reference(std::string_view reference) {
  return std::string("Politique locale") + fr::colon + " " + std::string(reference);
}

params::Parameter merge_parameter(const params::Parameter* national, const params::Parameter& local) {
  if (national == nullptr) {
    params::Parameter out = local;
    if (!out.reference.empty()) out.reference = local_reference(out.reference);
    for (auto& v : out.values) v = localised(local, v);
    return out;
  }
  params::Parameter out;
  out.name = national->name;
  out.description = local.description.empty() ? national->description : local.description;
  out.unit = national->unit;
  out.key = national->key;
  out.kind = national->kind;
  out.reference = national->reference;
  out.labels = local.labels.empty() ? national->labels : local.labels;
  out.file = local.file;

  std::vector<Date> dates;
  for (const auto& v : national->values) dates.push_back(v.from);
  for (const auto& v : local.values) dates.push_back(v.from);
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());

  // What each merged value is made of; a date where it does not change adds nothing.
  const params::DatedValue* previous_local = nullptr;
  const params::DatedValue* previous_national = nullptr;
  for (const Date date : dates) {
    const params::DatedValue* l = written_at(local, date);
    const params::DatedValue* n = written_at(*national, date);
    const bool local_active = l != nullptr && !l->repealed;
    const bool national_active = n != nullptr && !n->repealed;
    const params::DatedValue* made_of_local = local_active ? l : nullptr;
    const params::DatedValue* made_of_national =
        national_active && (!local_active || takes_entries(out.kind)) ? n : nullptr;
    if (!out.values.empty() && made_of_local == previous_local && made_of_national == previous_national)
      continue;
    if (made_of_local == nullptr && made_of_national == nullptr && out.values.empty()) continue;
    previous_local = made_of_local;
    previous_national = made_of_national;

    params::DatedValue v;
    if (local_active) {
      v = localised(local, *l);
      if (made_of_national != nullptr) complete_entries(v, *national, *n);
    } else if (national_active) {
      v = *n;
    } else {
      // Neither is in force: a repeal (the local one when the policy ends
      // where the national rules have nothing).
      v = (l != nullptr && l->repealed && (n == nullptr || n->from <= l->from)) ? localised(local, *l) : *n;
      v.repealed = true;
      if (!out.values.empty() && out.values.back().repealed) continue;
    }
    v.from = date;
    out.values.push_back(std::move(v));
  }
  return out;
}

std::vector<std::string> apply_policy(params::ParameterSet& params, const lua::LocalPolicy& policy) {
  std::vector<std::string> names;
  for (const auto& local : policy.parameters) {
    params.put(merge_parameter(params.find(local.name), local));
    names.push_back(local.name);
  }
  return names;
}

}  // namespace clausier::app
