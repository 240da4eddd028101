#include "server/assets.hpp"

namespace clausier::server {

const EmbeddedFile* find_asset(std::string_view url) {
  for (const auto& file : embedded_files()) {
    if (file.url == url) return &file;
  }
  return nullptr;
}

std::string_view content_type_for(std::string_view url) {
  const auto ends = [&](std::string_view ext) {
    return url.size() >= ext.size() && url.substr(url.size() - ext.size()) == ext;
  };
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".json")) return "application/json";
  return "application/octet-stream";
}

}  // namespace clausier::server
