#include "server/server.hpp"

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/ThreadPool.h>

#include "server/routes.hpp"

namespace clausier::server {
Server::Server(ServerOptions options, ToolkitStore& store, app::Workspace& workspace)
    : context_(std::make_unique<ServerContext>(ServerContext{std::move(options), store, workspace})) {}

Server::~Server() { stop(); }

void Server::start() {
  const ServerOptions& o = context_->options;
  Poco::Net::ServerSocket socket;
  socket.bind(Poco::Net::SocketAddress(o.bind, o.port), true);
  socket.listen(64);
  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(std::max(o.threads, 1));
  params->setMaxQueued(o.queue > 0 ? o.queue : 4 * std::max(o.threads, 1));
  params->setTimeout(Poco::Timespan(static_cast<long>(o.timeout.count()), 0));
  params->setKeepAlive(true);
  params->setKeepAliveTimeout(
      Poco::Timespan(static_cast<long>(std::min<std::int64_t>(o.timeout.count(), 5)), 0));
  params->setMaxKeepAliveRequests(100);
  params->setServerName("clausier");
  // The workers: `threads` of them handle requests; connections beyond wait
  // in the bounded queue, and beyond that are refused.
  pool_ = std::make_unique<Poco::ThreadPool>(1, std::max(o.threads, 1) + 1);
  http_ = std::make_unique<Poco::Net::HTTPServer>(make_router(*context_), *pool_, socket, params);
  http_->start();
}

void Server::stop() {
  if (http_) {
    http_->stopAll(true);
    http_.reset();
  }
}

std::uint16_t Server::port() const { return http_ ? http_->port() : 0; }

}  // namespace clausier::server
