// libFuzzer target: a CSV programme, as bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  clausier::fuzz::read_programme(std::string(reinterpret_cast<const char*>(data), size), "fuzz.csv",
                                 clausier::fuzz::fuzz_options());
  return 0;
}
