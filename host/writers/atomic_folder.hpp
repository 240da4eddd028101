#pragma once
// A set of files written whole or not at all: every file is first written
// into a temporary folder beside the target, and only when all of them are
// there are they moved into place. A target that does not exist yet appears
// in one rename; in a folder that exists, each file replaces its older
// version (one rename each) and other files are left alone.

#include <filesystem>
#include <string>
#include <vector>

namespace clausier::writers {

struct FolderFile {
  std::filesystem::path path;  // relative to the folder ("C1-L1/ccap-insertion.md")
  std::string content;
};

// Returns an empty string on success, a French message otherwise (the target
// is then as it was, unless moving files into an existing folder failed
// midway, which the message says).
[[nodiscard]] std::string write_folder_atomic(const std::filesystem::path& folder,
                                              const std::vector<FolderFile>& files);

}  // namespace clausier::writers
