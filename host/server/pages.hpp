#pragma once
// The HTML pages of the web application, in French. Pages carry no inline
// script or style (the CSP forbids them): behaviour is in the embedded
// JavaScript files, and the data a script needs at start (clause types,
// documents, the upload cap) is a JSON data block (<script type="application/json">,
// which is never executed).

#include <Poco/Net/HTTPResponse.h>

#include <string>

#include "server/toolkit_store.hpp"

namespace clausier::server {

// A short page for an error (404, 401…), with the navigation.
[[nodiscard]] std::string error_page(Poco::Net::HTTPResponse::HTTPStatus status, const std::string& message);

// The JSON the pages' scripts start from: clause types, document templates
// (clause, verdicts, formats), the programme columns' headers by key, the
// upload cap.
[[nodiscard]] std::string page_config(const app::Toolkit& toolkit, std::size_t max_upload);

}  // namespace clausier::server
