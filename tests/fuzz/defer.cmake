# Used by run.sh while tests/CMakeLists.txt does not add this folder itself:
# includes tests/fuzz/CMakeLists.txt once the top-level CMakeLists.txt has
# defined every target.
cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}" CALL include "${CMAKE_SOURCE_DIR}/tests/fuzz/CMakeLists.txt")
