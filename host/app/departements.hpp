#pragma once
// Names of the French départements, for reports that group lots by territory.

#include <string_view>

namespace clausier::app {

// "61" -> "Orne", "2A" -> "Corse-du-Sud", "971" -> "Guadeloupe"; empty for an
// unknown code.
[[nodiscard]] std::string_view departement_name(std::string_view code);

}  // namespace clausier::app
