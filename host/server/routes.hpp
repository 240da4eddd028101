#pragma once
// The routes of the server (server.hpp lists them) and what every request
// goes through first: security headers, the access token, a French error
// page for a failure rather than a dropped connection.

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <string>
#include <vector>

namespace clausier::server {

struct ServerContext;

using Request = Poco::Net::HTTPServerRequest;
using Response = Poco::Net::HTTPServerResponse;

[[nodiscard]] Poco::Net::HTTPRequestHandlerFactory::Ptr make_router(ServerContext& context);
// Tells the connections of `router` (made by make_router) to end after the
// request each is handling: the server is stopping.
void stop_connections(Poco::Net::HTTPRequestHandlerFactory& router);

// The handlers, one per route (pages.cpp, api_*.cpp).
void serve_programme_page(ServerContext& context, Request& request, Response& response);
void serve_draft_page(ServerContext& context, Request& request, Response& response);
void serve_rules_page(ServerContext& context, Request& request, Response& response);
void serve_static(ServerContext& context, Request& request, Response& response);
void serve_api_evaluate(ServerContext& context, Request& request, Response& response);
void serve_api_render(ServerContext& context, Request& request, Response& response);
void serve_api_review(ServerContext& context, Request& request, Response& response);
void serve_api_rules(ServerContext& context, Request& request, Response& response);
void serve_api_programmes(ServerContext& context, Request& request, Response& response);
void serve_programme_template(ServerContext& context, Request& request, Response& response);
// The follow-up (api_followup.cpp): /api/programmes/{name}/followup[/…] (`rest`:
// the segments after "followup") and the page /suivi/{name}.
void serve_api_followup(ServerContext& context, const std::string& name, const std::vector<std::string>& rest,
                        Request& request, Response& response);
void serve_followup_page(ServerContext& context, Request& request, Response& response);

}  // namespace clausier::server
