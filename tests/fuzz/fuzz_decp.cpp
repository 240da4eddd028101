// libFuzzer target: a DECP open-data file. First byte even: the rest is a
// JSON file; odd: an XML file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool xml = (data[0] & 1) != 0;
  clausier::fuzz::read_programme(std::string(reinterpret_cast<const char*>(data) + 1, size - 1),
                                 xml ? "fuzz.xml" : "fuzz.json", clausier::fuzz::fuzz_options());
  return 0;
}
