#include "server/http.hpp"

#include <Poco/Base64Encoder.h>
#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <istream>
#include <sstream>

#include "base/french.hpp"
#include "writers/evaluation_json.hpp"
#include "writers/json_writer.hpp"

namespace clausier::server {

std::string style_hashes(std::string_view html) {
  std::string hashes;
  std::size_t at = 0;
  while ((at = html.find("<style>", at)) != std::string_view::npos) {
    const std::size_t start = at + 7;
    const std::size_t end = html.find("</style>", start);
    if (end == std::string_view::npos) break;
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    sha.update(html.data() + start, static_cast<unsigned>(end - start));
    const Poco::DigestEngine::Digest& digest = sha.digest();
    std::ostringstream b64;
    {
      Poco::Base64Encoder encoder(b64);
      encoder.rdbuf()->setLineLength(0);
      encoder.write(reinterpret_cast<const char*>(digest.data()),
                    static_cast<std::streamsize>(digest.size()));
      encoder.close();
    }
    hashes += " 'sha256-" + b64.str() + "'";
    at = end;
  }
  return hashes;
}

std::string document_policy(std::string_view html) {
  return "default-src 'none'; style-src 'self'" + style_hashes(html) +
         "; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
}

void set_security_headers(Poco::Net::HTTPServerResponse& response, std::string_view csp) {
  response.set("Content-Security-Policy", std::string(csp));
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Referrer-Policy", "no-referrer");
  response.set("X-Frame-Options",
               csp.find("frame-ancestors 'self'") != std::string_view::npos ? "SAMEORIGIN" : "DENY");
  response.set("Cross-Origin-Opener-Policy", "same-origin");
  response.set("Cross-Origin-Resource-Policy", "same-origin");
  response.set("Cache-Control", "no-store");
}

void send(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
          std::string_view content_type, std::string_view body) {
  response.setStatusAndReason(status);
  response.setContentType(std::string(content_type));
  response.setContentLength64(static_cast<Poco::UInt64>(body.size()));
  response.send().write(body.data(), static_cast<std::streamsize>(body.size()));
}

void send_json_error(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
                     std::string_view message, const std::vector<Diagnostic>& diagnostics) {
  std::ostringstream out;
  writers::JsonWriter json(out);
  json.begin_object().field("error", fr::typography(std::string(message)));
  json.key("diagnostics").begin_array();
  for (const auto& d : diagnostics) writers::write_diagnostic(json, d);
  json.end_array().end_object();
  out << '\n';
  send(response, status, "application/json; charset=utf-8", out.str());
}

Body read_body(Poco::Net::HTTPServerRequest& request, std::size_t max_bytes) {
  Body body;
  if (request.hasContentLength() && request.getContentLength64() > static_cast<Poco::Int64>(max_bytes)) {
    body.too_large = true;  // refused before reading a byte
    return body;
  }
  std::istream& in = request.stream();
  char buffer[65536];
  while (in) {
    in.read(buffer, sizeof buffer);
    const auto got = static_cast<std::size_t>(in.gcount());
    if (body.bytes.size() + got > max_bytes) {
      body.bytes.clear();
      body.bytes.shrink_to_fit();
      body.too_large = true;
      return body;
    }
    body.bytes.append(buffer, got);
  }
  return body;
}

bool token_matches(std::string_view given, std::string_view token) {
  if (token.empty()) return false;
  unsigned char diff = given.size() == token.size() ? 0 : 1;
  for (std::size_t i = 0; i < given.size(); ++i) {
    diff |= static_cast<unsigned char>(given[i] ^ token[i % token.size()]);
  }
  return diff == 0;
}

std::string size_label(std::size_t bytes) {
  constexpr std::size_t mb = 1024 * 1024;
  if (bytes >= mb) {
    const std::size_t tenths = bytes * 10 / mb;
    std::string text = std::to_string(tenths / 10);
    if (tenths % 10 != 0) text += "," + std::to_string(tenths % 10);
    return text + "\u00A0Mo";
  }
  return std::to_string((bytes + 1023) / 1024) + "\u00A0ko";
}

}  // namespace clausier::server
