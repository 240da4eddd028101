#include "store/database_url.hpp"

#include <utility>
#include <vector>

namespace clausier::store {
namespace {

constexpr std::string_view forms =
    "« sqlite:CHEMIN » (un fichier, par exemple sqlite:clausier.db) ou "
    "« postgresql://utilisateur@hôte:port/base »";

// "postgresql://marie:secret@host/db" -> "postgresql://marie:***@host/db".
std::string hide_password(std::string_view uri) {
  const auto scheme_end = uri.find("://");
  if (scheme_end == std::string_view::npos) return std::string(uri);
  const auto authority_start = scheme_end + 3;
  const auto authority_end = uri.find_first_of("/?", authority_start);
  const auto at = uri.rfind('@', authority_end == std::string_view::npos ? uri.size() : authority_end);
  if (at == std::string_view::npos || at < authority_start) return std::string(uri);
  const auto colon = uri.find(':', authority_start);
  if (colon == std::string_view::npos || colon > at) return std::string(uri);
  return std::string(uri.substr(0, colon + 1)) + "***" + std::string(uri.substr(at));
}

// "%40" -> "@" (RFC 3986); false on a bad escape.
bool percent_decode(std::string_view in, std::string& out) {
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  out.clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out += in[i];
      continue;
    }
    if (i + 2 >= in.size()) return false;
    const int hi = hex(in[i + 1]);
    const int lo = hex(in[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return true;
}

// A libpq URI as the "key=value" string Poco's PostgreSQL connector reads:
// "postgresql://marie@db.local:5433/clausier?sslmode=require" ->
// "host=db.local port=5433 user=marie dbname=clausier sslmode=require".
std::optional<std::string> keyword_form(std::string_view uri, std::string& problem) {
  std::string_view rest = uri.substr(uri.find("://") + 3);
  std::string_view query;
  if (const auto q = rest.find('?'); q != std::string_view::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  std::string_view path;
  if (const auto slash = rest.find('/'); slash != std::string_view::npos) {
    path = rest.substr(slash + 1);
    rest = rest.substr(0, slash);
  }
  std::string_view userinfo;
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) {
    userinfo = rest.substr(0, at);
    rest = rest.substr(at + 1);
  }
  std::string_view host = rest;
  std::string_view port;
  if (!host.empty() && host.front() == '[') {  // [::1]:5432
    const auto close = host.find(']');
    if (close == std::string_view::npos) {
      problem = "crochet non fermé dans l'adresse de l'hôte";
      return std::nullopt;
    }
    if (close + 1 < host.size() && host[close + 1] == ':') port = host.substr(close + 2);
    host = host.substr(1, close - 1);
  } else if (const auto colon = host.rfind(':'); colon != std::string_view::npos) {
    port = host.substr(colon + 1);
    host = host.substr(0, colon);
  }
  if (!port.empty() && port.find_first_not_of("0123456789") != std::string_view::npos) {
    problem = "le port « " + std::string(port) + " » n'est pas un nombre";
    return std::nullopt;
  }
  std::vector<std::pair<std::string, std::string>> params;
  const auto add = [&](std::string key, std::string_view raw) {
    std::string value;
    if (!percent_decode(raw, value)) {
      problem = "échappement %XX invalide dans « " + std::string(raw) + " »";
      return false;
    }
    if (!value.empty()) params.emplace_back(std::move(key), std::move(value));
    return true;
  };
  if (!add("host", host) || !add("port", port)) return std::nullopt;
  if (!userinfo.empty()) {
    const auto colon = userinfo.find(':');
    if (!add("user", userinfo.substr(0, colon))) return std::nullopt;
    if (colon != std::string_view::npos && !add("password", userinfo.substr(colon + 1))) return std::nullopt;
  }
  if (!add("dbname", path)) return std::nullopt;
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos || eq == 0) {
      problem = "paramètre « " + std::string(pair) + " » sans valeur (écrivez clé=valeur)";
      return std::nullopt;
    }
    if (!add(std::string(pair.substr(0, eq)), pair.substr(eq + 1))) return std::nullopt;
  }
  std::string out;
  for (const auto& [key, value] : params) {
    if (key.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string::npos) {
      problem = "paramètre inconnu « " + key + " »";
      return std::nullopt;
    }
    // Poco's connector splits the string on spaces and does not unquote.
    if (value.find_first_of(" '\\\t") != std::string::npos) {
      problem = "la valeur de « " + key +
                " » contient une espace, une apostrophe ou une barre oblique inverse, "
                "que le connecteur ne sait pas transmettre";
      return std::nullopt;
    }
    if (!out.empty()) out += ' ';
    out += key + "=" + value;
  }
  return out;
}

}  // namespace

std::optional<DatabaseUrl> parse_database_url(std::string_view text, std::string& error) {
  if (text.starts_with("sqlite:")) {
    std::string_view path = text.substr(7);
    // "sqlite:///abs/path" and "sqlite://rel" as other tools write them.
    if (path.starts_with("//")) path.remove_prefix(2);
    if (path.empty()) {
      error = "l'adresse de base « " + std::string(text) + " » ne nomme pas de fichier : écrivez " +
              std::string(forms);
      return std::nullopt;
    }
    return DatabaseUrl{Engine::sqlite, std::string(path), "sqlite:" + std::string(path)};
  }
  if (text.starts_with("postgresql://") || text.starts_with("postgres://")) {
    std::string problem;
    auto keywords = keyword_form(text, problem);
    if (!keywords) {
      error = "adresse PostgreSQL « " + hide_password(text) + " » invalide : " + problem + " ; écrivez " +
              std::string(forms);
      return std::nullopt;
    }
    return DatabaseUrl{Engine::postgresql, std::move(*keywords), hide_password(text)};
  }
  error =
      "adresse de base de données inconnue « " + hide_password(text) + " » : écrivez " + std::string(forms);
  return std::nullopt;
}

}  // namespace clausier::store
