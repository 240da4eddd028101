// libFuzzer target: an eForms notice (contract, prior information or
// contract award notice), the bytes of the XML file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  clausier::fuzz::read_programme(std::string(reinterpret_cast<const char*>(data), size), "fuzz.xml",
                                 clausier::fuzz::fuzz_options());
  return 0;
}
