#pragma once
// What the workspace's use cases share (app/workspace*.cpp): the store's
// errors as the user reads them, programmes looked up or refused, decisions
// as JSON and as French sentences.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/workspace.hpp"
#include "params/parameter.hpp"
#include "store/workspace_store.hpp"
#include "writers/json_writer.hpp"

namespace clausier::app::workspace_detail {

// Runs `work`, turning the store's errors into WorkspaceError.
template <typename F>
auto guarded(F&& work) -> decltype(work()) {
  try {
    return work();
  } catch (const store::StoreError& e) {
    throw WorkspaceError(WorkspaceError::Kind::unavailable, e.what());
  }
}

// The programme `name`, or WorkspaceError not_found naming the known ones.
[[nodiscard]] store::ProgrammeRow require_programme(const store::WorkspaceStore& store,
                                                    Poco::Data::Session& s, const std::string& name);
// Its current version (a programme always has one).
[[nodiscard]] store::VersionRow current_version(const store::WorkspaceStore& store, Poco::Data::Session& s,
                                                const store::ProgrammeRow& programme);

// The grounds a buyer may record to leave out the social condition of
// L2112-2-1, as the rules in force on `on` list them
// (rules/obligation_sociale/motifs.lua); of L3114-2-1 for a concession
// (motifs_concessions.lua, two grounds only).
struct Motif {
  std::string id;  // "lien-insuffisant"
  std::string label;
  std::string reference;
  std::string status;
};
inline constexpr std::string_view motifs_parameter = "obligation_sociale.motifs";
inline constexpr std::string_view concession_motifs_parameter = "obligation_sociale.motifs_concessions";
[[nodiscard]] std::vector<Motif> motifs_in_force(const params::ParameterSet& params, Date on,
                                                 bool concession = false);

// The fields whose values differ between two versions of a lot, in the
// order of store::shown_values, as shown to a user.
[[nodiscard]] std::vector<FieldChange> changed_fields(const Lot& before, const Lot& after);

// Today's date, UTC (the rules in force for the motifs).
[[nodiscard]] Date today_utc();

// {"verdict", "hours", "motif", "comment", "author", "at"}, or null.
void write_decision(writers::JsonWriter& w, const std::optional<store::DecisionRow>& d);
[[nodiscard]] std::string decision_json(const std::optional<store::DecisionRow>& d);
// "recommandée, 900 heures, motif « … »" for the history and the table.
[[nodiscard]] std::string decision_text(const store::DecisionRow& d);

}  // namespace clausier::app::workspace_detail
