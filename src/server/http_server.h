// http_server — `talentwar serve`: the JSON API under /api/ and the web dashboard at /.
//
// Reads run side by side, each on a read-only connection from a small pool, and cost
// the same at any corpus size: flows come from the store's aggregates, and the
// fact-based answers (entity, pay, deals, timeline) read only the newest few thousand
// matching events through indexes. The one write route, POST /api/articles, needs the
// token given at start and is refused (403) when none was.
// Every route is described in /api/openapi.json (data/api/openapi.json).
//
// The parts, in the order a request meets them: transport.h (libmicrohttpd: connections,
// framing, limits, the worker pool), router.h (which route), params.h (parameters and
// JSON answers), routes/ (one file per resource) and context.h (database connections,
// budgets and the facts the lists are built from). No cross-origin reads are allowed
// unless cors_origin names the one origin that may.
#pragma once
#include <memory>
#include <string>

#include "common/result.h"

namespace tw::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see Server::bind)
  std::string db = "talentwar.db";
  std::string token;                 // empty: writes are off
  std::string web_root;              // the dashboard's files; empty: the source tree's web/
  size_t max_body_bytes = 8u << 20;  // a larger POST body is refused: 413
  double read_timeout_s = 10;    // a request must arrive whole within this (from the connection's
                                 // first byte or the previous answer)
  std::string cors_origin = {};  // e.g. "https://dash.example.org"; empty: no cross-origin access
  size_t threads = 0;            // requests answered at once by workers; 0: 8
  unsigned max_connections = 1000;      // open at once; more wait in the listen queue
  unsigned max_per_client = 500;        // open at once from one address; more are refused
  size_t max_header_bytes = 64u << 10;  // request line and headers together
  double query_budget_s = 5;  // database work a read may do; past it, 503 (SQLite interrupted)
};

class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the socket; returns the port (useful with port 0), or why not.
  Result<int> bind();
  // Serves until stop() (blocking).
  bool serve();
  // Waits (up to `seconds`) until serve() is accepting connections; stop() before that
  // point would be lost, so a caller on another thread waits for this first.
  bool wait_until_serving(double seconds = 10) const;
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tw::server
