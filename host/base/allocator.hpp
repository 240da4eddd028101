#pragma once
// Which allocator serves malloc and operator new in this process. With the
// CMake option CLAUSIER_MIMALLOC (on when the library is found), the program
// is linked with mimalloc, which replaces them at load time; this checks that
// the replacement really took place (a pointer from malloc and one from new
// belong to mimalloc's heap), rather than trusting the link line.

#include <string>

namespace clausier {

struct AllocatorInfo {
  bool linked_mimalloc = false;  // built with CLAUSIER_MIMALLOC
  bool serves_malloc = false;    // malloc and operator new are mimalloc's
  int version = 0;               // mimalloc's, as 209 for 2.0.9; 0 without it
};

[[nodiscard]] AllocatorInfo allocator_info();

// For --version, in French: "mimalloc 2.0.9", or "malloc de la bibliothèque C".
[[nodiscard]] std::string allocator_description();

}  // namespace clausier
