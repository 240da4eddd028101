#include "server/http.hpp"

#include <doctest/doctest.h>

#include "server/assets.hpp"

using namespace clausier;

TEST_CASE("style_hashes allows exactly the document's style blocks") {
  // sha256("p{}") in base64 (printf 'p{}' | openssl dgst -sha256 -binary | base64).
  CHECK(server::style_hashes("<html><style>p{}</style></html>") ==
        " 'sha256-gG2yISYereRMiG2lMXrbiUgi0Ubw9p7QCeWcroOvy9Y='");
  CHECK(server::style_hashes("<p>no style</p>").empty());
  CHECK(server::style_hashes("<style>a</style><style>b</style>").find("' 'sha256-") != std::string::npos);
  const std::string policy = server::document_policy("<style>p{}</style>");
  CHECK(policy.find("unsafe-inline") == std::string::npos);
  CHECK(policy.find("frame-ancestors 'self'") != std::string::npos);
  CHECK(policy.find("script-src") == std::string::npos);  // default-src 'none': nothing runs
}

TEST_CASE("the page policy forbids inline code, framing and other origins") {
  const std::string_view p = server::page_policy;
  CHECK(p.find("unsafe-inline") == std::string_view::npos);
  CHECK(p.find("frame-ancestors 'none'") != std::string_view::npos);
  CHECK(p.find("default-src 'none'") != std::string_view::npos);
  CHECK(p.find("http") == std::string_view::npos);
}

TEST_CASE("token_matches compares whole tokens and refuses an empty one") {
  CHECK(server::token_matches("s3cret", "s3cret"));
  CHECK_FALSE(server::token_matches("s3cre", "s3cret"));
  CHECK_FALSE(server::token_matches("s3cretX", "s3cret"));
  CHECK_FALSE(server::token_matches("S3cret", "s3cret"));
  CHECK_FALSE(server::token_matches("", ""));
  CHECK_FALSE(server::token_matches("x", ""));
}

TEST_CASE("size_label writes sizes the French way") {
  CHECK(server::size_label(20 * 1024 * 1024) == "20\u00A0Mo");
  CHECK(server::size_label(1536 * 1024) == "1,5\u00A0Mo");
  CHECK(server::size_label(800 * 1024) == "800\u00A0ko");
}

TEST_CASE("only the embedded files are served, by exact URL") {
  CHECK(server::find_asset("/static/app.css") != nullptr);
  CHECK(server::find_asset("/static/programme.js") != nullptr);
  CHECK(server::find_asset("/static/../static/app.css") == nullptr);
  CHECK(server::find_asset("/static/%2e%2e/app.css") == nullptr);
  CHECK(server::find_asset("app.css") == nullptr);
  CHECK(server::content_type_for("/static/app.css") == "text/css; charset=utf-8");
  CHECK(server::content_type_for("/static/x.js") == "text/javascript; charset=utf-8");
  for (const auto& f : server::embedded_files()) {
    INFO(f.url);
    // No external resource: the assets name no other origin (the SVG
    // namespace is a name, never fetched).
    std::string text(f.content);
    for (std::size_t at; (at = text.find("http://www.w3.org/2000/svg")) != std::string::npos;)
      text.erase(at, 26);
    CHECK(text.find("https://") == std::string::npos);
    CHECK(text.find("http://") == std::string::npos);
    CHECK(text.find("//cdn") == std::string::npos);
  }
}
