#pragma once
// What a toolkit is made of, as one hash: the SHA-256 of the names and
// contents of every rules file, plugin and the local policy. The workspace
// records it with each evaluation, and knows from it whether the rules
// changed since (the stored proposals are then evaluated again).

#include <string>

#include "app/resources.hpp"

namespace clausier::app {

[[nodiscard]] std::string rules_fingerprint(const ResourcePaths& paths);

}  // namespace clausier::app
