#include "base/allocator.hpp"

#include <doctest/doctest.h>

TEST_CASE("allocator: mimalloc, when linked, serves malloc and new") {
  const clausier::AllocatorInfo info = clausier::allocator_info();
  if (info.linked_mimalloc) {
    CHECK(info.serves_malloc);
    CHECK(info.version >= 200);
    CHECK(clausier::allocator_description().starts_with("mimalloc 2."));
  } else {
    CHECK_FALSE(info.serves_malloc);
    CHECK(clausier::allocator_description() == "malloc de la bibliothèque C");
  }
}
