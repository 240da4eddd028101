#pragma once
// A value quoted in a French message: « value ». The spaces inside the quotes
// are plain; the diagnostic sinks' fr::typography() makes them no-break when
// the message is reported.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace clausier::fr {

// « s »
[[nodiscard]] std::string quoted(std::string_view s);
// « s », cut to `width` code points ("…" when cut): for values read from a
// file, which may be long.
[[nodiscard]] std::string quoted(std::string_view s, std::size_t width);
// « a », « b », « c »; with `last_separator` " ou ": « a », « b » ou « c ».
[[nodiscard]] std::string quoted_list(const std::vector<std::string>& items,
                                      std::string_view last_separator = ", ");

}  // namespace clausier::fr
