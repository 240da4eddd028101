#include "base/allocator.hpp"

#include <cstdlib>
#include <memory>

#if CLAUSIER_MIMALLOC
#include <mimalloc.h>
#endif

namespace clausier {

AllocatorInfo allocator_info() {
  AllocatorInfo info;
#if CLAUSIER_MIMALLOC
  info.linked_mimalloc = true;
  info.version = mi_version();
  void* from_malloc = std::malloc(64);
  const auto from_new = std::make_unique<char[]>(64);
  info.serves_malloc = mi_is_in_heap_region(from_malloc) && mi_is_in_heap_region(from_new.get());
  std::free(from_malloc);
#endif
  return info;
}

std::string allocator_description() {
  const AllocatorInfo info = allocator_info();
  if (!info.serves_malloc) return "malloc de la bibliothèque C";
  return "mimalloc " + std::to_string(info.version / 100) + "." + std::to_string(info.version / 10 % 10) +
         "." + std::to_string(info.version % 10);
}

}  // namespace clausier
