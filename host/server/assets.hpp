#pragma once
// The web assets compiled into the program (host/server/assets/, embedded at
// build time by cmake/EmbedAssets.cmake). They are the only files the server
// serves: the URL is looked up in this list, never mapped onto a disk path.

#include <string_view>
#include <vector>

namespace clausier::server {

struct EmbeddedFile {
  std::string_view url;  // "/static/app.css"
  std::string_view content;
};

[[nodiscard]] const std::vector<EmbeddedFile>& embedded_files();

// The asset served at `url`, or null.
[[nodiscard]] const EmbeddedFile* find_asset(std::string_view url);

// "text/css; charset=utf-8" from the extension of `url`.
[[nodiscard]] std::string_view content_type_for(std::string_view url);

}  // namespace clausier::server
