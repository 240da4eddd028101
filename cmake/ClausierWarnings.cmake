# Warning and sanitizer flags, set in one place for every target of the project.
add_library(clausier_flags INTERFACE)
target_compile_options(clausier_flags INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                                -Wno-sign-conversion -Wnon-virtual-dtor)
if(CLAUSIER_WERROR)
  target_compile_options(clausier_flags INTERFACE -Werror)
endif()
if(CLAUSIER_SANITIZE)
  # GCC 12 reports false -Wmaybe-uninitialized inside libstdc++ (std::regex,
  # std::function) once ASan instruments it; the normal build keeps the warning.
  target_compile_options(clausier_flags INTERFACE -fsanitize=address,undefined
                                                  -fno-sanitize-recover=undefined
                                                  -fno-omit-frame-pointer -Wno-maybe-uninitialized)
  target_link_options(clausier_flags INTERFACE -fsanitize=address,undefined)
endif()

# clausier_layer(NAME DEPS ...): one static library per folder of host/, linking
# only the layers and packages it is allowed to use (see docs/architecture.md).
function(clausier_layer name)
  cmake_parse_arguments(L "" "" "DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/${name}/*.cpp")
  if(sources)
    add_library(clausier_${name} STATIC ${sources})
    target_include_directories(clausier_${name} PUBLIC "${PROJECT_SOURCE_DIR}/host")
    target_link_libraries(clausier_${name} PUBLIC clausier_flags ${L_DEPS})
  else()  # a layer with headers only
    add_library(clausier_${name} INTERFACE)
    target_include_directories(clausier_${name} INTERFACE "${PROJECT_SOURCE_DIR}/host")
    target_link_libraries(clausier_${name} INTERFACE clausier_flags ${L_DEPS})
  endif()
endfunction()
