#include "server/server.hpp"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerConnection.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/Net/TCPServerConnection.h>
#include <Poco/Net/TCPServerConnectionFactory.h>
#include <Poco/ThreadPool.h>

#include <atomic>

#include "base/french.hpp"
#include "server/routes.hpp"

namespace clausier::server {
namespace {

// Answers 503 with Retry-After to a connection dequeued while more than the
// bound wait behind it, and closes it: the client is told to come back
// rather than having its connection reset.
class Busy final : public Poco::Net::TCPServerConnection {
 public:
  using TCPServerConnection::TCPServerConnection;
  void run() override {
    static const std::string body =
        "{\"error\": \"serveur saturé\\u00A0: trop de requêtes en attente\\u202F; réessayez dans une "
        "seconde\", \"diagnostics\": []}\n";
    const std::string reply =
        "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nConnection: close\r\n"
        "Content-Type: application/json; charset=utf-8\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n" + body;
    try {
      socket().sendBytes(reply.data(), static_cast<int>(reply.size()));
      socket().shutdownSend();
    } catch (const Poco::Exception&) {
    }
  }
};

// The HTTP connections of the server, with the queue's bound checked as
// each is dequeued (Poco's own bound, larger, only protects memory).
class Connections final : public Poco::Net::TCPServerConnectionFactory {
 public:
  Connections(Poco::Net::HTTPServerParams::Ptr params, Poco::Net::HTTPRequestHandlerFactory::Ptr factory,
              int bound, std::function<int()> waiting)
      : params_(std::move(params)),
        factory_(std::move(factory)),
        bound_(bound),
        waiting_(std::move(waiting)) {}

  Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override {
    if (waiting_() > bound_) return new Busy(socket);
    return new Poco::Net::HTTPServerConnection(socket, params_, factory_);
  }

 private:
  Poco::Net::HTTPServerParams::Ptr params_;
  Poco::Net::HTTPRequestHandlerFactory::Ptr factory_;
  int bound_;
  std::function<int()> waiting_;
};

Poco::Net::Context::Ptr tls_context(const ServerOptions& o) {
  static std::once_flag once;
  std::call_once(once, [] { Poco::Net::initializeSSL(); });
  Poco::Net::Context::Params params;
  params.privateKeyFile = o.tls_key;
  params.certificateFile = o.tls_cert;
  params.verificationMode = Poco::Net::Context::VERIFY_NONE;
  params.loadDefaultCAs = false;
  params.cipherList = "HIGH:!aNULL:!eNULL:!MD5:!RC4:!3DES";
  Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
  context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
                            Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
  return context;
}

}  // namespace

Server::Server(ServerOptions options, ToolkitStore& store, app::Workspace& workspace)
    : context_(std::make_unique<ServerContext>(ServerContext{std::move(options), store, workspace, {}})) {}

Server::~Server() { stop(); }

void Server::start() {
  ServerOptions& o = context_->options;
  o.tls = !o.tls_cert.empty();
  const int threads = std::max(o.threads, 1);
  const int bound = o.queue > 0 ? o.queue : 64 * threads;
  std::unique_ptr<Poco::Net::ServerSocket> socket;
  if (o.tls) {
    socket = std::make_unique<Poco::Net::SecureServerSocket>(tls_context(o));
  } else {
    socket = std::make_unique<Poco::Net::ServerSocket>();
  }
  socket->bind(Poco::Net::SocketAddress(o.bind, o.port), true);
  socket->listen(std::max(256, bound));
  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(threads);
  // Poco refuses (resets) beyond its own bound: kept above ours, which
  // answers 503 (Connections).
  params->setMaxQueued(4 * bound);
  params->setTimeout(Poco::Timespan(static_cast<long>(o.timeout.count()), 0));
  params->setKeepAlive(true);
  params->setKeepAliveTimeout(
      Poco::Timespan(static_cast<long>(std::min<std::int64_t>(o.timeout.count(), 5)), 0));
  params->setMaxKeepAliveRequests(100);
  params->setServerName("clausier");
  // The workers: `threads` of them handle requests; connections beyond wait
  // in the bounded queue.
  pool_ = std::make_unique<Poco::ThreadPool>(1, threads + 1);
  auto* tcp_holder = &http_;
  context_->waiting = [tcp_holder] { return *tcp_holder ? (*tcp_holder)->queuedConnections() : 0; };
  Poco::Net::HTTPRequestHandlerFactory::Ptr router = make_router(*context_);
  stopping_ = [router]() mutable { stop_connections(*router); };
  http_ = std::make_unique<Poco::Net::TCPServer>(new Connections(params, router, bound, context_->waiting),
                                                 *pool_, *socket, params);
  http_->start();
}

void Server::stop() {
  if (http_) {
    // Stops accepting; the requests being handled finish and are answered
    // (a decision is one transaction: written whole or not at all).
    http_->stop();
    stopping_();
    pool_->joinAll();
    http_.reset();
  }
}

std::uint16_t Server::port() const { return http_ ? http_->port() : 0; }

}  // namespace clausier::server
