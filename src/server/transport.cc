#include "server/transport.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <microhttpd.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <vector>

namespace tw::server {
namespace {

using Clock = std::chrono::steady_clock;

// One client connection, from accept to close (MHD's "socket context").
struct ConnectionState {
  MHD_Connection* connection = nullptr;
  int fd = -1;
  Clock::time_point clock;  // when the request now arriving had to start arriving
  bool answering = false;   // whole request received: its answer is being made or sent
  bool cut = false;         // shut down by the sweeper
  std::string target;       // the raw request target, before MHD decodes it
};

// One request, from its headers to its answer being sent.
struct Exchange {
  ConnectionState* state = nullptr;
  Request request;
  size_t body_bytes = 0;
  bool get_with_body = false;
  std::atomic<bool> answered{false};  // `response` is set (by a worker)
  Response response;
};

bool client_has_left(int fd) {
  pollfd p{fd, POLLRDHUP, 0};
  return ::poll(&p, 1, 0) > 0 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR));
}

std::string error_json(std::string_view message) {
  std::string out = "{\"error\":\"";
  out += message;  // fixed English text, nothing to escape
  out += "\"}";
  return out;
}

Response error_response(int status, std::string_view message) {
  Response r;
  r.status = status;
  r.body = error_json(message);
  r.content_type = "application/json; charset=utf-8";
  return r;
}

}  // namespace

struct Transport::Impl {
  TransportOptions options;
  Handler handler;
  LaneOf lane_of;
  Admit admit;
  int listen_fd = -1;
  MHD_Daemon* daemon = nullptr;
  std::atomic<bool> serving{false};

  std::mutex stop_mutex;
  std::condition_variable stop_cv;
  bool stop_requested = false;

  // Connections, for the sweeper that ends those whose request is late.
  std::mutex connections_mutex;
  std::unordered_set<ConnectionState*> connections;

  // Requests waiting for a worker: the pool for most routes, and one thread of its own
  // for the quick lane, so that a health check never waits behind slow questions.
  struct Pool {
    std::mutex mutex;
    std::condition_variable cv;
    std::deque<Exchange*> queue;
    bool closing = false;
    std::vector<std::thread> threads;
  };
  Pool pool, quick;
  static constexpr size_t kMaxQueued = 4096;

  Clock::duration read_timeout() const {
    return std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(options.read_timeout_s));
  }

  // ---- libmicrohttpd callbacks ----------------------------------------------------------

  static void on_connection(void* cls, MHD_Connection* connection, void** socket_context,
                            MHD_ConnectionNotificationCode code) {
    auto* self = static_cast<Impl*>(cls);
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
      auto* state = new ConnectionState;
      state->connection = connection;
      const auto* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
      state->fd = info ? info->connect_fd : -1;
      state->clock = Clock::now();
      std::lock_guard lock(self->connections_mutex);
      self->connections.insert(state);
      *socket_context = state;
    } else {
      auto* state = static_cast<ConnectionState*>(*socket_context);
      if (!state) return;
      {
        // Called before MHD closes the socket: once removed here, the sweeper (which
        // holds this lock while it shuts a socket down) can never touch a reused fd.
        std::lock_guard lock(self->connections_mutex);
        self->connections.erase(state);
      }
      delete state;
      *socket_context = nullptr;
    }
  }

  static ConnectionState* state_of(MHD_Connection* connection) {
    const auto* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? static_cast<ConnectionState*>(info->socket_context) : nullptr;
  }

  // Sees the request target before MHD decodes it: the path is decoded once, here, by
  // talentwar (MHD would cut it at a "%00").
  static void* on_uri(void*, const char* uri, MHD_Connection* connection) {
    if (auto* state = state_of(connection)) state->target = uri ? uri : "";
    return nullptr;
  }

  static void on_completed(void* cls, MHD_Connection*, void** request_context,
                           MHD_RequestTerminationCode) {
    auto* self = static_cast<Impl*>(cls);
    auto* exchange = static_cast<Exchange*>(*request_context);
    if (!exchange) return;
    if (exchange->state) {
      std::lock_guard lock(self->connections_mutex);
      exchange->state->answering = false;
      exchange->state->clock = Clock::now();  // the next request's time starts now
    }
    delete exchange;
    *request_context = nullptr;
  }

  static MHD_Result on_request(void* cls, MHD_Connection* connection, const char* url,
                               const char* method, const char*, const char* upload_data,
                               size_t* upload_size, void** request_context) {
    auto* self = static_cast<Impl*>(cls);
    auto* exchange = static_cast<Exchange*>(*request_context);
    if (!exchange) return self->begin(connection, url, method, request_context);
    if (*upload_size > 0) {
      exchange->body_bytes += *upload_size;
      // However the body is framed (chunked bodies announce no length): past the limit
      // the connection ends, with the rest unread.
      if (exchange->body_bytes > self->options.max_body_bytes) return MHD_NO;
      if (exchange->request.method == "GET")
        exchange->get_with_body = true;
      else
        exchange->request.body.append(upload_data, *upload_size);
      *upload_size = 0;
      return MHD_YES;
    }
    if (exchange->answered.load(std::memory_order_acquire))
      return send(connection, exchange->response);
    return self->dispatch(connection, exchange);
  }

  // The first call for a request: its head is whole.
  MHD_Result begin(MHD_Connection* connection, const char* url, const char* method,
                   void** request_context) {
    auto* exchange = new Exchange;
    *request_context = exchange;
    exchange->state = state_of(connection);
    Request& req = exchange->request;
    req.method = method;
    if (req.method == "HEAD") req.method = "GET";  // MHD sends the head without the body
    parse_target(
        exchange->state && !exchange->state->target.empty() ? exchange->state->target : url, req);
    std::vector<std::pair<std::string, std::string>> headers;
    MHD_get_connection_values(
        connection, MHD_HEADER_KIND,
        [](void* into, MHD_ValueKind, const char* key, const char* value) {
          static_cast<std::vector<std::pair<std::string, std::string>>*>(into)->emplace_back(
              key, value ? value : "");
          return MHD_YES;
        },
        &headers);
    size_t encodings = 0, lengths = 0;
    CaseInsensitiveLess less;
    auto is = [&less](std::string_view a, std::string_view b) {
      return !less(a, b) && !less(b, a);
    };
    for (auto& [key, value] : headers) {
      encodings += is(key, "Transfer-Encoding");
      lengths += is(key, "Content-Length");
      req.headers.emplace(std::move(key), std::move(value));
    }
    if (lengths > 1) {
      exchange->response = error_response(400, "a request has one Content-Length");
      return send(connection, exchange->response);
    }
    // Strict framing: a body is framed by Content-Length or by "Transfer-Encoding:
    // chunked", never both and never anything else ("chunked, chunked", "gzip", two
    // headers), because a proxy in front may read such a message otherwise and the bytes
    // left over would run as a request of their own (RFC 9112, 6.1 and 6.3).
    if (encodings > 0) {
      const std::string te = req.header("Transfer-Encoding");
      const bool chunked = encodings == 1 && is(te, "chunked");
      if (!chunked || req.headers.count("Content-Length")) {
        exchange->answered = true;
        exchange->response = error_response(
            chunked ? 400 : 501,
            chunked ? "a request cannot have both Content-Length and Transfer-Encoding"
                    : "the only transfer coding accepted is \"chunked\"");
        exchange->response.close = true;
        return send(connection, exchange->response);
      }
    }
    // A body announced longer than the limit is refused before a byte of it is read.
    const std::string length = req.header("Content-Length");
    if (!length.empty()) {
      uint64_t n = 0;
      auto [end, ec] = std::from_chars(length.data(), length.data() + length.size(), n);
      if (ec == std::errc::result_out_of_range ||
          (ec == std::errc() && end == length.data() + length.size() &&
           n > options.max_body_bytes)) {
        exchange->answered = true;
        exchange->response = error_response(413, "the body is larger than this server accepts");
        return send(connection, exchange->response);
      }
    }
    // Refused on its head (a write without the token) before a byte of its body is read.
    if (admit) {
      if (auto refused = admit(req)) {
        exchange->answered = true;
        exchange->response = std::move(*refused);
        exchange->response.close = true;
        return send(connection, exchange->response);
      }
    }
    return MHD_YES;
  }

  // The request is whole: answer it here or hand it to a worker.
  MHD_Result dispatch(MHD_Connection* connection, Exchange* exchange) {
    if (exchange->state) {
      std::lock_guard lock(connections_mutex);
      exchange->state->answering = true;
    }
    if (exchange->get_with_body) {
      // A GET's body would run as the next request behind a proxy that ignores it.
      exchange->response = error_response(400, "a GET request has no body");
      return send(connection, exchange->response);
    }
    const Lane lane = lane_of(exchange->request);
    if (lane == Lane::Loop) {
      exchange->response = answer(exchange->request);
      return send(connection, exchange->response);
    }
    Pool& to = lane == Lane::Quick ? quick : pool;
    {
      std::lock_guard lock(to.mutex);
      if (to.closing || to.queue.size() >= kMaxQueued) {
        exchange->response = error_response(503, "the server is too busy; try again shortly");
        exchange->response.set_header("Retry-After", "5");
        return send(connection, exchange->response);
      }
      const int fd = exchange->state ? exchange->state->fd : -1;
      // Polled by the database's progress handler while the connection is suspended (MHD
      // does not touch its socket then, and closes it only after it is resumed).
      exchange->request.client_left = [fd] { return fd >= 0 && client_has_left(fd); };
      MHD_suspend_connection(connection);
      to.queue.push_back(exchange);
    }
    to.cv.notify_one();
    return MHD_YES;
  }

  Response answer(Request& request) {
    try {
      return handler(request);
    } catch (const std::exception& e) {
      return error_response(500, "the server failed to answer");
    }
  }

  static MHD_Result send(MHD_Connection* connection, const Response& r) {
    auto* body = new std::string(r.body);
    MHD_Response* response = MHD_create_response_from_buffer_with_free_callback_cls(
        body->size(), body->data(), [](void* owned) { delete static_cast<std::string*>(owned); },
        body);
    if (r.status != 204) MHD_add_response_header(response, "Content-Type", r.content_type.c_str());
    for (const auto& [name, value] : r.headers)
      MHD_add_response_header(response, name.c_str(), value.c_str());
    // After a refused request the rest of what the client sent cannot be trusted.
    if (r.close || (r.status >= 400 && r.status < 500))
      MHD_add_response_header(response, "Connection", "close");
    const MHD_Result queued =
        MHD_queue_response(connection, static_cast<unsigned>(r.status), response);
    MHD_destroy_response(response);
    return queued;
  }

  // ---- workers and the sweeper ---------------------------------------------------------

  void work(Pool& from) {
    for (;;) {
      Exchange* exchange;
      {
        std::unique_lock lock(from.mutex);
        from.cv.wait(lock, [&from] { return from.closing || !from.queue.empty(); });
        if (from.queue.empty()) return;
        exchange = from.queue.front();
        from.queue.pop_front();
      }
      // A client that left (closed its side) while its request waited gets no work done
      // for it; the quick lane's work costs less than asking.
      if (&from == &pool && exchange->request.client_left())
        exchange->response = error_response(503, "the client has gone");
      else
        exchange->response = answer(exchange->request);
      exchange->answered.store(true, std::memory_order_release);
      MHD_resume_connection(exchange->state->connection);
    }
  }

  void start_pools() {
    for (Pool* p : {&pool, &quick}) {
      std::lock_guard lock(p->mutex);
      p->closing = false;
    }
    for (size_t i = 0; i < std::max<size_t>(1, options.workers); ++i)
      pool.threads.emplace_back([this] { work(pool); });
    quick.threads.emplace_back([this] { work(quick); });
  }

  // Workers finish what they hold (each request's database work is bounded) and resume
  // its connection before the loop is stopped.
  void stop_pools() {
    for (Pool* p : {&pool, &quick}) {
      {
        std::lock_guard lock(p->mutex);
        p->closing = true;
      }
      p->cv.notify_all();
      for (auto& t : p->threads) t.join();
      p->threads.clear();
    }
  }

  // Ends connections whose request has not arrived whole in time: a client trickling a
  // byte a second would otherwise keep its connection (not a thread) for ever.
  void sweep() {
    std::unique_lock lock(stop_mutex);
    while (!stop_cv.wait_for(lock, std::chrono::milliseconds(200),
                             [this] { return stop_requested; })) {
      const auto late = Clock::now() - read_timeout();
      std::lock_guard connections_lock(connections_mutex);
      for (auto* state : connections) {
        if (state->answering || state->cut || state->clock > late || state->fd < 0) continue;
        ::shutdown(state->fd, SHUT_RDWR);  // MHD sees the end and closes it
        state->cut = true;
      }
    }
  }
};

Transport::Transport(TransportOptions options, Handler handler, LaneOf lane_of, Admit admit)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->handler = std::move(handler);
  impl_->lane_of = std::move(lane_of);
  impl_->admit = std::move(admit);
}

Transport::~Transport() {
  stop();
  if (impl_->listen_fd >= 0 && !impl_->daemon) ::close(impl_->listen_fd);
}

Result<int> Transport::bind() {
  const auto& o = impl_->options;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string port = std::to_string(o.port);
  if (const int rc = ::getaddrinfo(o.host.c_str(), port.c_str(), &hints, &found); rc != 0) {
    return Failure{fmt::format("cannot listen on {}:{}: {}", o.host, o.port, ::gai_strerror(rc))};
  }
  int fd = -1, why = 0;
  for (addrinfo* a = found; a && fd < 0; a = a->ai_next) {
    fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    // SO_REUSEADDR lets a restart bind while old connections linger; SO_REUSEPORT (which
    // would let a second server share the port and its traffic) is never set.
    int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    // The kernel's longest listen queue: a burst of connections is queued, not dropped.
    if (::bind(fd, a->ai_addr, a->ai_addrlen) != 0 || ::listen(fd, SOMAXCONN) != 0) {
      why = errno;
      ::close(fd);
      fd = -1;
    }
  }
  ::freeaddrinfo(found);
  if (fd < 0) {
    return Failure{fmt::format("cannot listen on {}:{}: {}", o.host, o.port,
                               why == EADDRINUSE ? "the port is in use" : std::strerror(why))};
  }
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  impl_->listen_fd = fd;
  return addr.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port)
                                    : ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
}

bool Transport::serve() {
  auto& impl = *impl_;
  if (impl.listen_fd < 0) return false;
  const auto& o = impl.options;
  const unsigned idle_s = std::max(1u, static_cast<unsigned>(std::ceil(o.read_timeout_s)));
  impl.daemon = MHD_start_daemon(
      MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL | MHD_ALLOW_SUSPEND_RESUME, 0, nullptr,
      nullptr, &Impl::on_request, &impl, MHD_OPTION_LISTEN_SOCKET, impl.listen_fd,
      MHD_OPTION_NOTIFY_CONNECTION, &Impl::on_connection, &impl, MHD_OPTION_URI_LOG_CALLBACK,
      &Impl::on_uri, &impl, MHD_OPTION_NOTIFY_COMPLETED, &Impl::on_completed, &impl,
      // The memory one connection may use holds its request line and headers (with room
      // for MHD's own bookkeeping and the answer's headers): past it, 431 or 414.
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, static_cast<size_t>(o.max_header_bytes + (16u << 10)),
      MHD_OPTION_CONNECTION_LIMIT, o.max_connections, MHD_OPTION_PER_IP_CONNECTION_LIMIT,
      o.max_per_client, MHD_OPTION_CONNECTION_TIMEOUT,
      idle_s,                           // a client that sends or reads nothing
      MHD_OPTION_STRICT_FOR_CLIENT, 1,  // HTTP/1.1 needs Host; no spaces in the target
      MHD_OPTION_END);
  if (!impl.daemon) return false;
  impl.start_pools();
  impl.serving = true;
  impl.sweep();  // until stop()
  impl.stop_pools();
  MHD_stop_daemon(impl.daemon);
  impl.daemon = nullptr;
  ::close(impl.listen_fd);
  impl.listen_fd = -1;
  impl.serving = false;
  return true;
}

bool Transport::wait_until_serving(double seconds) const {
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(seconds));
  while (!impl_->serving) {
    if (Clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

void Transport::stop() {
  {
    std::lock_guard lock(impl_->stop_mutex);
    impl_->stop_requested = true;
  }
  impl_->stop_cv.notify_all();
}

}  // namespace tw::server
