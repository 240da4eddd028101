#pragma once
// `clausier serve`: the web application over the app library. Poco's HTTP
// server with a bounded pool of worker threads; one handler per route
// (routes.cpp); the toolkit hot-reloaded by a ToolkitStore.
//
//   GET  /            "Programme": upload a programme, review it, download documents
//   GET  /rediger     "Rédiger une consultation": a form evaluated as the user types
//   GET  /regles      "Règles": the rules reference and the last reload error
//   GET  /static/...  embedded CSS, JavaScript, SVG (an allow-list)
//   POST /api/evaluate, POST /api/render, POST /api/review, GET /api/rules (README.md)
//   /api/programmes…  the workspace: programmes and decisions (api_workspace.cpp,
//                     docs/workspace.md)
//   GET  /modele-programmation.csv  a blank programme to fill in
//   GET  /static/revue.css  the review's styles (writers/html_style.hpp), for its charts

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "server/toolkit_store.hpp"

namespace Poco {
class ThreadPool;
namespace Net {
class TCPServer;
}
}  // namespace Poco

namespace clausier::app {
class Workspace;
}

namespace clausier::server {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port (see Server::port)
  // When not empty, every request must carry it: "Authorization: Bearer T",
  // the cookie set by a first visit to "/?token=T", or that query parameter.
  std::string token;
  std::size_t max_upload = 20 * 1024 * 1024;  // bytes of a request body
  int threads = 4;                            // requests handled at once
  int queue = 0;                              // connections waiting beyond those (0: 64 per thread)
  std::chrono::seconds timeout{30};           // to receive or send on a connection
  // TLS (Poco NetSSL over OpenSSL): both files in PEM; `tls` is then true and
  // the session cookie is Secure.
  std::string tls_cert;
  std::string tls_key;
  bool tls = false;
  std::chrono::seconds session_lifetime{8 * 3600};  // a session ends this long after its login
};

// What the handlers share. The workspace is opened once by `serve` and used
// by every worker thread at once (app::Workspace is safe for that: its
// store hands each call a connection of its own).
struct ServerContext {
  ServerOptions options;
  ToolkitStore& store;
  app::Workspace& workspace;
  // Connections accepted and waiting for a worker (set by Server::start).
  std::function<int()> waiting;
};

class Server {
 public:
  Server(ServerOptions options, ToolkitStore& store, app::Workspace& workspace);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts accepting; throws Poco::Exception when the address is
  // taken or invalid.
  void start();
  // Stops accepting, lets the requests in flight finish, then returns.
  void stop();
  [[nodiscard]] std::uint16_t port() const;

 private:
  std::unique_ptr<ServerContext> context_;
  std::unique_ptr<Poco::ThreadPool> pool_;  // outlives http_, which uses it
  std::unique_ptr<Poco::Net::TCPServer> http_;
  std::function<void()> stopping_;  // tells the connections to end after their current request
};

}  // namespace clausier::server
