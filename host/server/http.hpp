#pragma once
// What every response of the server shares: security headers, the access
// token, request bodies read under a size cap, and error replies in French.

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"

namespace clausier::server {

// The Content-Security-Policy of the application's pages: everything from
// this server only, no inline script or style, no framing.
inline constexpr std::string_view page_policy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "connect-src 'self'; form-action 'self'; frame-src 'self'; base-uri 'none'; frame-ancestors 'none'";

// " 'sha256-…'" for each <style> block of `html`: a CSP source list that
// allows exactly these blocks and no other inline style.
[[nodiscard]] std::string style_hashes(std::string_view html);

// The policy of a generated document (HTML): its own <style> blocks are
// allowed by their hash, nothing runs, and only this server's pages may show
// it in a frame (previews).
[[nodiscard]] std::string document_policy(std::string_view html);

// Sets the headers every response carries: CSP, nosniff, Referrer-Policy,
// X-Frame-Options, no caching of data.
void set_security_headers(Poco::Net::HTTPServerResponse& response, std::string_view csp = page_policy);

void send(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
          std::string_view content_type, std::string_view body);

// {"error": message, "diagnostics": [...]} with `status`.
void send_json_error(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
                     std::string_view message, const std::vector<Diagnostic>& diagnostics = {});

// The request body, read whole in memory when it is at most `max_bytes`.
// Otherwise nothing, and `too_large` is set (the caller answers 413).
struct Body {
  std::string bytes;
  bool too_large = false;
};
[[nodiscard]] Body read_body(Poco::Net::HTTPServerRequest& request, std::size_t max_bytes);

// True when `given` equals `token` (compared in constant time).
[[nodiscard]] bool token_matches(std::string_view given, std::string_view token);

// "1,5 Mo", "20 Mo", "800 ko" for a size cap shown to users.
[[nodiscard]] std::string size_label(std::size_t bytes);

}  // namespace clausier::server
