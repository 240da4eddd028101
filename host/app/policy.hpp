#pragma once
// The local policy layer (docs/politique-locale.md): a buyer's own rates,
// minimum amounts and hours, excluded sectors, put over the national rules
// without editing them. The file is read by lua::load_policy; this puts what
// it says into the parameters the plugins read.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lua/local_policy.hpp"
#include "params/parameter.hpp"

namespace clausier::app {

// The file a programme's folder may hold to apply a policy without option.
inline constexpr const char* policy_file_name = "politique-locale.lua";

// `politique-locale.lua` beside `programme`, when there is one (never for
// standard input, "-").
[[nodiscard]] std::optional<std::filesystem::path> policy_beside(const std::filesystem::path& programme);

// How the reference of a local value reads in traces, tables and documents:
// "Politique locale : <reference>".
[[nodiscard]] std::string local_reference(std::string_view reference);

// The parameter plugins see when the policy's `local` is put over `national`
// (null when the national rules do not have it: `local` alone):
//  - from each local date on, the local value applies; before the first local
//    date, and from a local `repealed = true` on, the national value does
//    (the series are merged date by date, each value keeping its own date);
//  - for `map` and `cpv_table` parameters, keys the local value leaves out keep
//    their national value, with its national reference and status;
//  - local references read "Politique locale : …" (local_reference), and the
//    parameter's file is the policy file.
[[nodiscard]] params::Parameter merge_parameter(const params::Parameter* national,
                                                const params::Parameter& local);

// Puts every parameter of `policy` into `params` with merge_parameter; returns
// their names, in order.
std::vector<std::string> apply_policy(params::ParameterSet& params, const lua::LocalPolicy& policy);

}  // namespace clausier::app
