// transport — HTTP/1.1 on a socket: connections, framing and limits, nothing of routes.
//
// libmicrohttpd (Debian's libmicrohttpd, 0.9.75) reads and writes every connection from
// one event loop, so a slow or idle client costs a little memory, never a thread; the
// cpp-httplib server used before gave each connection a worker for as long as it
// trickled bytes, and bounding that meant subclassing its internals. Work that touches
// the database runs on a pool of workers while its connection waits, suspended, in the
// loop; answers that need no database (files, the API description) come straight from
// the loop.
//
// Limits, all answered before a worker is involved:
// - a request (line, headers, body) must arrive whole within read_timeout_s of the
//   connection's first byte or of the previous answer; the connection is ended otherwise;
// - line and headers together are bounded by max_header_bytes (431/414);
// - a body longer than max_body_bytes is 413 when its length is announced, and ends the
//   connection when it is chunked;
// - at most max_connections at once, max_per_client from one address;
// - any 4xx answer closes its connection, so bytes a refused request left unread never
//   run as a request of their own.
// A worker's Request can tell whether its client has gone (`client_left`); a request whose
// client left while it waited for a worker is dropped unanswered.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "common/result.h"
#include "server/http.h"

namespace tw::server {

struct TransportOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  size_t max_body_bytes = 8u << 20;
  size_t max_header_bytes = 64u << 10;
  double read_timeout_s = 10;
  size_t workers = 8;  // requests answered at once from the worker pool
  unsigned max_connections = 1000;
  unsigned max_per_client = 500;
};

// Where a request is answered: in the event loop (cheap, never blocking), by a worker of
// the pool, or by the one worker of the quick lane (short questions such as a health
// check, which must not wait behind slow ones).
enum class Lane { Loop, Worker, Quick };

class Transport {
 public:
  using Handler = std::function<Response(Request&)>;
  using LaneOf = std::function<Lane(const Request&)>;
  // Called when a request's head is whole, before its body is read: an answer refuses it
  // there (a write without the token need not be read).
  using Admit = std::function<std::optional<Response>(const Request&)>;

  Transport(TransportOptions options, Handler handler, LaneOf lane_of, Admit admit = {});
  ~Transport();
  Transport(const Transport&) = delete;
  Transport& operator=(const Transport&) = delete;

  // Binds and listens; returns the port, or why not ("the port is in use").
  Result<int> bind();
  // Serves until stop(); false when it could not start.
  bool serve();
  bool wait_until_serving(double seconds) const;
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tw::server
