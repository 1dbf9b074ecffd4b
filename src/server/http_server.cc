#include "server/http_server.h"

#include <fmt/format.h>
#include <httplib.h>
#include <netdb.h>
#include <openssl/crypto.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <chrono>
#include <thread>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <variant>

#include "common/data_dir.h"
#include "extract/extractor.h"
#include "query/analytics.h"
#include "query/arguments.h"
#include "query/feed.h"
#include "query/search.h"
#include "store/flow_counts.h"
#include "store/postgres_connection.h"
#include "store/store.h"
#include "text/dates.h"
#include "text/pipeline.h"
#include "text/utf8.h"

namespace tw::server {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// ---- connections ----------------------------------------------------------------------
//
// cpp-httplib (0.11, as Debian ships it) times out each read on its own, so a client
// that sends a byte every few seconds holds a worker thread forever (eight such clients
// and the server answers nobody), and it reads any number of header lines into memory.
// HttpServer serves each connection through its own stream instead, which gives every
// request a deadline and a size limit for its line and headers; the parsing, routing
// and answering stay the library's (Server::process_request).

// One accepted connection: buffered reads that fail once the current request is past
// its deadline or its head (request line and headers) is over the limit.
class Connection final : public httplib::Stream {
 public:
  Connection(int sock, Clock::duration read_timeout, Clock::duration write_timeout, size_t max_head, size_t max_body)
      : sock_(sock), read_timeout_(read_timeout), write_timeout_(write_timeout), max_head_(max_head),
        max_body_(max_body) {}

  // Waits up to `idle` for the next request's first byte; false when none came, the
  // peer closed, or `stopping()` says the server is going down.
  template <class Stopping>
  bool wait_for_request(Clock::duration idle, Stopping stopping) {
    if (failed_) return false;
    const auto until = Clock::now() + idle;
    while (off_ == len_) {
      if (stopping()) return false;
      const auto left = until - Clock::now();
      if (left <= Clock::duration::zero()) return false;
      const int r = wait(POLLIN, std::min<Clock::duration>(left, std::chrono::milliseconds(100)));
      if (r < 0) return false;
      if (r > 0) break;
    }
    // A new request: its own deadline and head count.
    deadline_ = Clock::now() + read_timeout_;
    in_head_ = true;
    first_line_done_ = false;
    head_bytes_ = 0;
    body_bytes_ = 0;
    line_length_ = 0;
    previous_ = 0;
    return true;
  }
  // A request was refused mid-read (deadline, head limit, socket error): nothing more
  // can be read from this connection.
  bool failed() const { return failed_; }

  bool is_readable() const override { return off_ < len_ || wait(POLLIN, until_deadline()) > 0; }
  bool is_writable() const override { return wait(POLLOUT, write_timeout_) > 0; }

  ssize_t read(char* ptr, size_t size) override {
    if (failed_) return -1;
    if (off_ == len_) {
      const auto left = until_deadline();
      if (left <= Clock::duration::zero() || wait(POLLIN, left) <= 0) return fail();
      ssize_t n;
      do n = ::recv(sock_, buf_, sizeof buf_, 0);
      while (n < 0 && errno == EINTR);
      if (n == 0) return 0;
      if (n < 0) return fail();
      off_ = 0;
      len_ = static_cast<size_t>(n);
    }
    size_t n = std::min(size, len_ - off_);
    for (size_t i = 0; in_head_ && i < n; ++i) {
      const char c = buf_[off_ + i];
      if (head_bytes_ + 1 > max_head_) {
        if (i > 0) {  // hand over what came before the limit first
          n = i;
          break;
        }
        if (!first_line_done_) {
          // A request line past the limit ends here, so that the library answers 414
          // (URI too long) instead of reading it on into memory; nothing more is read.
          *ptr = '\n';
          failed_ = true;
          return 1;
        }
        return fail();
      }
      ++head_bytes_;
      if (c == '\n') {
        first_line_done_ = true;
        // A line that is just CRLF ends the head (cpp-httplib wants CRLF line ends).
        if (line_length_ == 1 && previous_ == '\r') in_head_ = false;
        line_length_ = 0;
      } else {
        ++line_length_;
      }
      previous_ = c;
    }
    if (!in_head_) {
      // The body, however it is framed: cpp-httplib checks Content-Length against its
      // limit but reads a chunked body whole, so the limit (with room for the chunk
      // framing) is kept here, and a longer body ends the connection. (Body bytes read
      // with the head's last line are not counted: at most one buffer.)
      body_bytes_ += n;
      if (body_bytes_ > max_body_ + max_body_ / 8 + 4096) return fail();
    }
    std::memcpy(ptr, buf_ + off_, n);
    off_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    ssize_t n;
    do n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    return n;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override { address(::getpeername, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { address(::getsockname, ip, port); }
  socket_t socket() const override { return sock_; }

 private:
  ssize_t fail() {
    failed_ = true;
    return -1;
  }
  Clock::duration until_deadline() const {
    return std::min<Clock::duration>(deadline_ - Clock::now(), read_timeout_);
  }
  // poll() for `events`: 1 ready, 0 timed out, -1 error or hang-up.
  int wait(short events, Clock::duration timeout) const {
    pollfd p{sock_, events, 0};
    const auto ms = std::chrono::ceil<std::chrono::milliseconds>(std::max(timeout, Clock::duration::zero())).count();
    int r;
    do r = ::poll(&p, 1, static_cast<int>(std::min<int64_t>(ms, 1 << 30)));
    while (r < 0 && errno == EINTR);
    if (r <= 0) return r;
    return (p.revents & events) ? 1 : -1;  // readable data before a hang-up is still read
  }
  template <class Get>
  void address(Get get, std::string& ip, int& port) const {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    ip.clear();
    port = 0;
    if (get(sock_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return;
    char host[NI_MAXHOST], serv[NI_MAXSERV];
    if (::getnameinfo(reinterpret_cast<sockaddr*>(&addr), len, host, sizeof host, serv, sizeof serv,
                      NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
      ip = host;
      port = std::atoi(serv);
    }
  }

  int sock_;
  Clock::duration read_timeout_, write_timeout_;
  size_t max_head_;
  char buf_[16384];
  size_t off_ = 0, len_ = 0;
  Clock::time_point deadline_{};
  bool in_head_ = true, first_line_done_ = false, failed_ = false;
  size_t head_bytes_ = 0, body_bytes_ = 0, line_length_ = 0;
  size_t max_body_;
  char previous_ = 0;
};

class HttpServer final : public httplib::Server {
 public:
  // The status of the response this worker thread wrote last (set by the logger).
  static inline thread_local int last_status = 0;

  Clock::duration read_timeout = std::chrono::seconds(10), write_timeout = std::chrono::seconds(10);
  size_t max_head = 64u << 10;
  size_t max_body = 8u << 20;

  // cpp-httplib listens with a backlog of 5: a burst of connections (a browser, a load
  // balancer, 256 wrk connections) overflows it and the kernel drops SYNs, which clients
  // retry only after a second or more. Listening again on the bound socket raises it.
  void raise_backlog() {
    if (svr_sock_ != INVALID_SOCKET) ::listen(svr_sock_, SOMAXCONN);
  }

 private:
  // The library's keep-alive loop, over a Connection.
  bool process_and_close_socket(socket_t sock) override {
    Connection conn(sock, read_timeout, write_timeout, max_head, max_body);
    bool ret = false;
    for (size_t left = keep_alive_max_count_; left > 0; --left) {
      const bool next = conn.wait_for_request(std::chrono::seconds(keep_alive_timeout_sec_),
                                              [this] { return svr_sock_ == INVALID_SOCKET; });
      if (!next) break;
      bool closed = false;
      last_status = 0;
      ret = process_request(conn, /*close_connection=*/left == 1, closed, nullptr);
      // After a refused request the rest of what the client sent cannot be trusted to
      // start a new request (a body the 4xx left unread would run as one): close.
      if (!ret || closed || conn.failed() || (last_status >= 400 && last_status < 500)) break;
    }
    if (conn.failed()) {
      // Refused mid-request: the client may still be sending. Closing with its bytes
      // unread would reset the connection and could lose the answer just written, so
      // stop writing and read what is in flight (briefly, and only so much) first.
      ::shutdown(sock, SHUT_WR);
      char sink[16384];
      const auto until = Clock::now() + std::chrono::milliseconds(500);
      for (size_t drained = 0; drained < (4u << 20) && Clock::now() < until;) {
        pollfd p{sock, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0) break;
        const ssize_t n = ::recv(sock, sink, sizeof sink, 0);
        if (n <= 0) break;
        drained += static_cast<size_t>(n);
      }
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return ret;
  }
};

struct BadRequest {
  std::string message;
};

void send_json(httplib::Response& res, int status, const json& body) {
  res.status = status;
  // Text that is not UTF-8 (a file name stored by an older ingest) becomes U+FFFD rather
  // than an exception that loses the whole answer.
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& message) {
  send_json(res, status, {{"error", message}});
}

std::string param(const httplib::Request& req, const char* name) {
  return req.has_param(name) ? req.get_param_value(name) : std::string{};
}

size_t number_param(const httplib::Request& req, const char* name, size_t fallback, size_t max) {
  const std::string v = param(req, name);
  if (v.empty()) return fallback;
  size_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || n > max)
    throw BadRequest{fmt::format("{} must be a whole number from 0 to {}", name, max)};
  return n;
}

std::string date_param(const httplib::Request& req, const char* name) {
  return query::window_bound(param(req, name), name);
}

std::string choice_param(const httplib::Request& req, const char* name, std::initializer_list<const char*> allowed) {
  const std::string v = param(req, name);
  if (v.empty()) return v;
  for (const char* a : allowed)
    if (v == a) return v;
  std::string list;
  for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  throw BadRequest{fmt::format("{} must be one of: {}", name, list)};
}

// A page of a JSON array: {"total", "offset", "limit", "items"}.
json page(const json& items, const httplib::Request& req) {
  const size_t limit = number_param(req, "limit", 50, 500);
  const size_t offset = number_param(req, "offset", 0, 1u << 30);
  json out = json::array();
  for (size_t i = offset; i < items.size() && i < offset + limit; ++i) out.push_back(items[i]);
  return {{"total", items.size()}, {"offset", offset}, {"limit", limit}, {"items", out}};
}

bool token_matches(const std::string& expected, const std::string& given) {
  // Constant time: the comparison takes as long whatever the first wrong byte.
  return !expected.empty() && given.size() == expected.size() &&
         CRYPTO_memcmp(expected.data(), given.data(), expected.size()) == 0;
}

// A string field of a posted article: absent or null gives `fallback`, anything but a string is refused.
std::string string_field(const json& body, const char* key, std::string fallback = {}) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return fallback;
  if (!it->is_string()) throw BadRequest{fmt::format("\"{}\" must be a string", key)};
  return it->get<std::string>();
}

// Text a query may take: UTF-8 without NUL bytes (a NUL ends a string in C, so in FTS5's
// query parser too, and PostgreSQL refuses it in text).
bool query_text(std::string_view s) {
  return s.find('\0') == std::string_view::npos && !text::find_invalid_utf8(s).has_value();
}

std::string presented_token(const httplib::Request& req) {
  const std::string auth = req.get_header_value("Authorization");
  // The scheme name is case-insensitive (RFC 9110): "bearer" is "Bearer".
  if (auth.size() > 7 && text::ascii_lower(std::string_view(auth).substr(0, 7)) == "bearer ") return auth.substr(7);
  return req.get_header_value("X-Talentwar-Token");
}

}  // namespace

// How many of the newest matching events a fact-based answer (entity, pay, deals,
// timeline) reads. It bounds the cost of a request whatever the corpus size; below it,
// the answer is the same as over all events.
constexpr size_t kRecentEvents = 1000;
// Pay and deals list every fact they read, so they read fewer.
constexpr size_t kRecentListed = 500;
// How long a POST waits for another writer (an ingest takes turns of ~250 ms) before 503.
constexpr std::chrono::milliseconds kWriteWait{5000};

struct Server::Impl {
  ServerOptions options;
  HttpServer http;
  std::mutex pool_mutex;  // guards `idle`
  std::vector<std::unique_ptr<store::Store>> idle;  // read-only connections, one per request at a time
  std::mutex write_mutex;  // one writer at a time from this server
  std::unique_ptr<store::Store> writer;
  std::string openapi;
  std::mutex flow_counts_mutex;  // guards `flow_counts`
  std::shared_ptr<const store::FlowCounts> flow_counts;  // windows of the Sankey are summed from these

  explicit Impl(ServerOptions o) : options(std::move(o)) {}

  // A read-only connection for the length of one request; SQLite in WAL mode and
  // PostgreSQL both let readers run side by side and beside the writer.
  class Reader {
   public:
    explicit Reader(Impl& impl) : impl_(impl) {
      std::lock_guard lock(impl_.pool_mutex);
      if (!impl_.idle.empty()) {
        db_ = std::move(impl_.idle.back());
        impl_.idle.pop_back();
      }
    }
    ~Reader() {
      if (!db_) return;
      db_->set_deadline(Clock::time_point::max());
      std::lock_guard lock(impl_.pool_mutex);
      impl_.idle.push_back(std::move(db_));
    }
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;
    store::Store& operator*() {
      if (!db_) db_ = std::make_unique<store::Store>(impl_.options.db, &extract::Lexicon::standard(), store::Store::Mode::ReadOnly);
      if (!budgeted_) {
        // The request's database work is bounded from its first query.
        db_->set_deadline(Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                             std::chrono::duration<double>(impl_.options.query_budget_s)));
        budgeted_ = true;
      }
      return *db_;
    }
    store::Store* operator->() { return &**this; }

   private:
    Impl& impl_;
    std::unique_ptr<store::Store> db_;
    bool budgeted_ = false;
  };

  // The organisation the request's `org` names, canonical ("" for none); 400 when unknown.
  static std::string org_param(const httplib::Request& req, const store::Store& db) {
    return query::known_organisation(db, extract::Lexicon::standard(), param(req, "org"));
  }

  // The flow counts as current as `db`: loaded again when an article has been stored
  // since (the first windowed request after a change pays for the load).
  std::shared_ptr<const store::FlowCounts> current_flow_counts(store::Store& db) {
    const int64_t version = db.flow_version();
    std::lock_guard lock(flow_counts_mutex);
    if (!flow_counts || flow_counts->version() != version) {
      // Loaded once per change for every request after it: not bounded by one request's
      // budget (seconds at ten million events).
      db.set_deadline(Clock::time_point::max());
      flow_counts = std::make_shared<const store::FlowCounts>(store::FlowCounts::load(db));
    }
    return flow_counts;
  }

  // The filters a list takes from the URL: type (one of `types`; all of them when absent),
  // org, person, since, until and lang; 400 for a value none of them can be.
  static store::EventFilter list_filter(const httplib::Request& req, const store::Store& db,
                                        std::initializer_list<const char*> types) {
    store::EventFilter f;
    f.type = choice_param(req, "type", types);
    f.org = org_param(req, db);
    f.person = param(req, "person");
    f.since = date_param(req, "since");
    f.until = date_param(req, "until");
    f.lang = choice_param(req, "lang", {"ko", "en"});
    return f;
  }

  // The facts of the newest events matching `filter`, of its type or else of each of
  // `types` (all when empty), `per_type` events of each at most.
  struct RecentFacts {
    std::unique_ptr<query::NameResolver> names;
    std::vector<query::Fact> facts;
    size_t reports_read = 0;      // events the facts were built from
    size_t reports_matching = 0;  // events matching the filter, counted up to kCountCap
  };
  // How far matching reports are counted: an exact count of millions would cost a scan.
  static constexpr size_t kCountCap = 10000;

  // What a list says of its reach: the reports read and how many match in all, so a
  // page of facts from the newest reports never passes for all of them.
  static void say_reach(json& answer, const RecentFacts& r) {
    answer["reports_read"] = r.reports_read;
    answer["reports_matching"] = std::min(r.reports_matching, kCountCap);
    answer["reports_matching_exact"] = r.reports_matching <= kCountCap;
  }

  // Reports of `types` matching `filter` but for its window, from articles that give no
  // date: a windowed list cannot place them, and says how many there are.
  static size_t undated_reports(const store::Store& db, store::EventFilter filter, std::initializer_list<const char*> types) {
    filter.since.clear();
    filter.until.clear();
    filter.undated = true;
    size_t n = 0;
    if (!filter.type.empty()) return db.count_events(filter, kCountCap);
    for (const char* t : types) {
      filter.type = t;
      n += db.count_events(filter, kCountCap);
    }
    return n;
  }
  RecentFacts recent_facts(store::Store& db, std::initializer_list<const char*> types, const store::EventFilter& filter,
                           size_t per_type = kRecentEvents) {
    std::vector<store::EventRow> rows;
    size_t matching = 0;
    auto add = [&](const std::string& type) {
      store::EventFilter f = filter;
      f.type = type;
      f.limit = per_type;
      f.newest_first = true;
      auto got = db.events(f);
      // Counted only when the read stopped at its limit: otherwise it read them all.
      matching += got.size() < per_type ? got.size() : db.count_events(f, kCountCap);
      rows.insert(rows.end(), std::make_move_iterator(got.begin()), std::make_move_iterator(got.end()));
    };
    if (!filter.type.empty() || types.size() == 0) add(filter.type);
    else
      for (const char* t : types) add(t);
    // Facts are built in ingest order, as over the whole database.
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    rows.erase(std::unique(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.id == b.id; }), rows.end());
    RecentFacts r;
    r.names = std::make_unique<query::NameResolver>(extract::Lexicon::standard(), query::people_in(rows));
    r.facts = query::build_facts(rows, *r.names);
    r.reports_read = rows.size();
    r.reports_matching = matching;
    return r;
  }
  RecentFacts recent_facts(store::Store& db, const std::string& org, const std::string& person = "") {
    store::EventFilter f;
    f.org = org;
    f.person = person;
    return recent_facts(db, {}, f);
  }

  void routes();
  void ingest(const httplib::Request& req, httplib::Response& res);
};

void Server::Impl::routes() {
  auto guarded = [](auto handler) {
    return [handler](const httplib::Request& req, httplib::Response& res) {
      try {
        handler(req, res);
      } catch (const BadRequest& e) {
        send_error(res, 400, e.message);
      } catch (const query::BadArgument& e) {
        send_error(res, 400, e.what());
      } catch (const store::QueryTimeout&) {
        res.set_header("Retry-After", "5");
        send_error(res, 503, "the question took longer than this server allows; narrow it (dates, organisation) or try again");
      } catch (const store::BusyError&) {
        // Another process (an ingest) held the database for all of kWriteWait.
        res.set_header("Retry-After", "5");
        send_error(res, 503, "the database is busy with another writer; try again shortly");
      } catch (const std::exception& e) {
        send_error(res, 500, e.what());
      }
    };
  };
  const auto& lex = extract::Lexicon::standard();

  http.Get("/api/health", guarded([this](const httplib::Request&, httplib::Response& res) {
    Reader db(*this);
    send_json(res, 200, {{"status", "ok"}, {"articles", db->article_count()}, {"events", db->event_count()},
                         {"writes", options.token.empty() ? "off" : "token"}});
  }));
  http.Get("/api/openapi.json", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(openapi, "application/json; charset=utf-8");
  });
  http.Get("/api/events", guarded([this](const httplib::Request& req, httplib::Response& res) {
    store::EventFilter f{choice_param(req, "type", {"move", "offer", "investment", "acquisition", "layoff", "comp_stat", "counteroffer"}),
                         "", param(req, "person")};
    f.limit = number_param(req, "limit", 50, 500);
    f.offset = number_param(req, "offset", 0, 1u << 30);
    f.newest_first = true;
    Reader db(*this);
    f.org = org_param(req, *db);
    json items = json::array();
    for (const auto& r : db->events(f)) {
      json e = r.event;
      e["doc"] = r.doc;
      e["id"] = r.id;
      e["article_id"] = r.article_id;
      items.push_back(e);
    }
    // Exact up to 10,000; past that "total" is a lower bound and says so.
    constexpr size_t kListCap = 10000;
    const size_t total = db->count_events(f, kListCap);
    send_json(res, 200, {{"total", std::min(total, kListCap)}, {"total_exact", total <= kListCap},
                         {"offset", f.offset}, {"limit", f.limit}, {"items", items}});
  }));
  http.Get("/api/entities", guarded([this](const httplib::Request& req, httplib::Response& res) {
    const std::string kind = choice_param(req, "kind", {"org", "person"});
    const size_t limit = number_param(req, "limit", 50, 500), offset = number_param(req, "offset", 0, 100000);
    json items = json::array();
    for (const auto& e : Reader(*this)->entities(param(req, "q"), kind, offset + limit + 1))
      items.push_back({{"name", e.name}, {"kind", e.kind}, {"events", e.events}});
    send_json(res, 200, page(items, req));
  }));
  http.Get(R"(/api/entities/(.+))", guarded([this](const httplib::Request& req, httplib::Response& res) {
    const std::string name = req.matches[1];  // the path is decoded once already: "%2541" names "%41"
    Reader db(*this);
    const std::string known = db->canonical_entity(name).value_or(name);
    // The newest events naming it: as a person for people, as an organisation otherwise.
    const auto kind = db->entity_kind(known);
    auto facts = kind == "person" ? recent_facts(*db, "", known) : recent_facts(*db, known);
    const json p = query::entity_profile(name, facts.facts, *facts.names);
    if (p.is_null())
      return send_json(res, 404, {{"error", fmt::format("no person or organisation named {}", name)},
                                  {"suggestions", query::near_names(*db, extract::Lexicon::standard(), name)}});
    send_json(res, 200, p);
  }));
  http.Get("/api/flows", guarded([this, &lex](const httplib::Request& req, httplib::Response& res) {
    const std::string since = date_param(req, "since"), until = date_param(req, "until");
    Reader db(*this);
    const std::string org = org_param(req, *db);
    const auto counts = since.empty() && until.empty() ? nullptr : current_flow_counts(*db);
    const size_t top = number_param(req, "top", query::kFlowEdges, 500);
    send_json(res, 200, query::flows(*db, lex, {since, until}, org, top, counts.get()));
  }));
  http.Get("/api/rates", [](const httplib::Request&, httplib::Response& res) {
    json rates = json::object();
    for (const auto& [currency, rows] : query::Rates::standard().table())
      for (const auto& r : rows) rates[currency].push_back({{"from", r.from}, {"per_usd", r.per_usd}});
    send_json(res, 200, {{"source", "data/rates/usd.tsv: Federal Reserve H.10 annual averages, rounded"}, {"rates", rates}});
  });
  http.Get("/api/flows/monthly", guarded([this, &lex](const httplib::Request& req, httplib::Response& res) {
    const query::Window window{date_param(req, "since"), date_param(req, "until")};
    Reader db(*this);
    const std::string org = org_param(req, *db);
    send_json(res, 200, query::monthly_flows(*current_flow_counts(*db), lex, window, org));
  }));
  http.Get("/api/flows/pair", guarded([this](const httplib::Request& req, httplib::Response& res) {
    const query::Window window{date_param(req, "since"), date_param(req, "until")};
    Reader db(*this);
    const auto& lexicon = extract::Lexicon::standard();
    const std::string from = query::known_organisation(*db, lexicon, param(req, "from"));
    const std::string to = query::known_organisation(*db, lexicon, param(req, "to"));
    if (from.empty() || to.empty()) throw BadRequest{"from and to are required"};
    send_json(res, 200, query::flow_pair(*db, lexicon, from, to, window));
  }));
  // Lists of facts take the filters of list_filter and a page (offset, limit); each list
  // says how many facts it holds in all.
  http.Get("/api/pay", guarded([this, &lex](const httplib::Request& req, httplib::Response& res) {
    Reader db(*this);
    const auto filter = list_filter(req, *db, {"offer", "comp_stat"});
    const auto recent = recent_facts(*db, {"offer", "comp_stat"}, filter, kRecentListed);
    json answer = query::pay(recent.facts, lex, filter.org, &query::Rates::standard());
    say_reach(answer, recent);
    if (!filter.since.empty() || !filter.until.empty())
      answer["undated_reports"] = undated_reports(*db, filter, {"offer", "comp_stat"});
    for (const char* list : {"offers", "pay_statistics"}) answer[list] = page(answer[list], req)["items"];
    answer["offset"] = number_param(req, "offset", 0, 1u << 30);
    answer["limit"] = number_param(req, "limit", 50, 500);
    send_json(res, 200, answer);
  }));
  http.Get("/api/deals", guarded([this, &lex](const httplib::Request& req, httplib::Response& res) {
    Reader db(*this);
    const auto filter = list_filter(req, *db, {"investment", "acquisition"});
    const auto recent = recent_facts(*db, {"investment", "acquisition"}, filter, kRecentListed);
    json answer = query::deals(recent.facts, lex, filter.org);
    say_reach(answer, recent);
    if (!filter.since.empty() || !filter.until.empty())
      answer["undated_reports"] = undated_reports(*db, filter, {"investment", "acquisition"});
    const json ledger = page(answer["deals"], req);
    answer["deals"] = ledger["items"];
    for (const char* k : {"total", "offset", "limit"}) answer[k] = ledger[k];
    send_json(res, 200, answer);
  }));
  http.Get("/api/timeline", guarded([this, &lex](const httplib::Request& req, httplib::Response& res) {
    Reader db(*this);
    auto filter = list_filter(req, *db, {"move", "offer", "investment", "acquisition", "layoff", "comp_stat", "counteroffer"});
    const query::Window window{filter.since, filter.until};
    const auto recent = recent_facts(*db, {}, filter);
    json answer = page(query::timeline(recent.facts, lex, filter.org, window), req);
    say_reach(answer, recent);
    if (!window.since.empty() || !window.until.empty()) {
      // Facts no report of which gives a date cannot be placed in the window: counted, not dropped.
      filter.since.clear();
      filter.until.clear();
      const auto facts = recent_facts(*db, {}, filter).facts;
      answer["undated"] = std::count_if(facts.begin(), facts.end(), [](const query::Fact& f) { return f.first_date.empty(); });
    }
    send_json(res, 200, answer);
  }));
  // An Atom feed of the newest facts about an organisation or a person, for feed readers.
  http.Get("/api/feed.atom", guarded([this](const httplib::Request& req, httplib::Response& res) {
    Reader db(*this);
    const std::string org = org_param(req, *db), person = param(req, "person");
    if (org.empty() == person.empty()) throw BadRequest{"give one of org or person"};
    const std::string who = org.empty() ? db->canonical_entity(person).value_or(person) : org;
    if (!org.empty() || db->entity_kind(who) == "person") {
      auto facts = org.empty() ? recent_facts(*db, "", who) : recent_facts(*db, org);
      const std::string host = req.get_header_value("Host").empty() ? "localhost" : req.get_header_value("Host");
      const std::string base = fmt::format("http://{}/", host);
      const std::string self = fmt::format("{}api/feed.atom?{}={}", base, org.empty() ? "person" : "org",
                                           httplib::detail::encode_query_param(who));
      res.status = 200;
      res.set_content(query::atom_feed(facts.facts, {fmt::format("talentwar: {}", who), self, base}),
                      "application/atom+xml; charset=utf-8");
      return;
    }
    send_json(res, 404, {{"error", fmt::format("no person named {}", who)},
                         {"suggestions", query::near_names(*db, extract::Lexicon::standard(), person)}});
  }));
  http.Get("/api/search", guarded([this](const httplib::Request& req, httplib::Response& res) {
    const std::string q = param(req, "q");
    if (q.empty()) throw BadRequest{"q is required"};
    const size_t limit = number_param(req, "limit", 20, 100);
    send_json(res, 200, query::search(*Reader(*this), extract::Lexicon::standard(), q, limit));
  }));
  http.Get(R"(/api/articles/(\d+))", guarded([this](const httplib::Request& req, httplib::Response& res) {
    int64_t id = 0;
    const std::string s = req.matches[1];
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
    if (ec != std::errc()) throw BadRequest{"article id must be a number"};
    auto a = Reader(*this)->article(id);
    if (!a) return send_error(res, 404, fmt::format("no article {}", id));
    send_json(res, 200, {{"id", a->id}, {"doc", a->doc}, {"lang", a->lang}, {"title", a->title}, {"date", a->date},
                         {"url", a->url}, {"outlet", a->outlet}, {"text", a->text}, {"events", a->events}});
  }));
  http.Post("/api/articles", guarded([this](const httplib::Request& req, httplib::Response& res) { ingest(req, res); }));
  // Unknown API routes answer in JSON, not with the dashboard.
  http.Get(R"(/api/.*)", [](const httplib::Request& req, httplib::Response& res) {
    send_error(res, 404, fmt::format("no such route: {}", req.path));
  });

  // Parameters and paths are text: bytes that are not UTF-8, or NUL, are a bad request,
  // not an error deep in a query or an exception in writing the answer.
  http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    // Range requests are not served: cpp-httplib builds every part asked for in memory,
    // so 1,500 overlapping "bytes=0-" parts of one small page come to gigabytes. The
    // whole answer is sent instead, as RFC 9110 allows (the Request is the library's own,
    // not const, object: clearing its parsed ranges here is what it then reads).
    const_cast<httplib::Request&>(req).ranges.clear();
    // A path with NUL in it ("/index.html%00.js") names no file: cut at the NUL by the
    // file system, it would serve the page with the type of the name after it.
    if (req.path.find('\0') != std::string::npos) {
      send_error(res, 400, "the path must not contain NUL bytes");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.path.rfind("/api/", 0) != 0) return httplib::Server::HandlerResponse::Unhandled;
    bool ok = query_text(req.path);
    for (const auto& [k, v] : req.params) ok = ok && query_text(k) && query_text(v);
    if (ok) return httplib::Server::HandlerResponse::Unhandled;
    send_error(res, 400, "the path and parameters must be UTF-8 text without NUL bytes");
    return httplib::Server::HandlerResponse::Handled;
  });
  http.set_post_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    // The dashboard's files are served whole (see above): never as "partial content".
    const_cast<httplib::Request&>(req).ranges.clear();
    if (res.status == 206) res.status = 200;
    // Cross-origin access: none unless one origin is named, and then exactly that one.
    if (options.cors_origin.empty()) return;
    res.set_header("Vary", "Origin");
    if (req.get_header_value("Origin") == options.cors_origin) res.set_header("Access-Control-Allow-Origin", options.cors_origin);
  });
  if (!options.cors_origin.empty()) {
    http.Options(R"(/api/.*)", [this](const httplib::Request& req, httplib::Response& res) {
      if (req.get_header_value("Origin") != options.cors_origin)
        return send_error(res, 403, "cross-origin requests are not allowed from this origin");
      res.status = 204;
      res.set_header("Access-Control-Allow-Methods", "GET, POST");
      res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Talentwar-Token");
      res.set_header("Access-Control-Max-Age", "600");
    });
  }

  http.set_logger([](const httplib::Request&, const httplib::Response& res) { HttpServer::last_status = res.status; });
  http.set_payload_max_length(options.max_body_bytes);
  http.max_body = options.max_body_bytes;
  // cpp-httplib's default socket options set SO_REUSEPORT, so a second server on a port
  // in use binds beside the first and takes part of its traffic; only SO_REUSEADDR here
  // (a restart may bind while old connections linger), and a port in use is an error.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.set_tcp_nodelay(true);  // a response in two segments would otherwise wait 40 ms for a delayed ACK
  // A request must arrive whole within the read timeout (see Connection); answers get as
  // long for each write.
  const auto timeout = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.read_timeout_s));
  http.read_timeout = http.write_timeout = timeout;
  http.set_read_timeout(std::chrono::duration_cast<std::chrono::microseconds>(timeout));
  http.set_write_timeout(std::chrono::duration_cast<std::chrono::microseconds>(timeout));
  http.max_head = options.max_header_bytes;
  // A worker serves one connection at a time (up to five requests, or until it idles
  // five seconds); cpp-httplib's default is eight workers, at least one per core but one.
  if (options.threads > 0) http.new_task_queue = [n = options.threads] { return new httplib::ThreadPool(n); };
  const std::string root = options.web_root.empty() ? std::string(TALENTWAR_WEB_DIR) : options.web_root;
  http.set_mount_point("/vendor", std::string(TALENTWAR_NODE_MODULES) + "/echarts/dist");
  http.set_mount_point("/", root);
}

void Server::Impl::ingest(const httplib::Request& req, httplib::Response& res) {
  if (options.token.empty()) return send_error(res, 403, "writes are off: start the server with --token or TALENTWAR_TOKEN");
  if (!token_matches(options.token, presented_token(req))) return send_error(res, 401, "a valid token is required to write");
  const json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) throw BadRequest{"the body must be a JSON object"};
  const bool has_text = body.contains("text") && body["text"].is_string();
  const bool has_html = body.contains("html") && body["html"].is_string();
  if (!has_text && !has_html) throw BadRequest{"the body needs a \"text\" or \"html\" string"};
  source::RawArticle raw;
  raw.bytes = has_text ? body["text"].get<std::string>() : body["html"].get<std::string>();
  raw.html = !has_text;
  raw.doc = string_field(body, "id", "posted");
  raw.origin = "POST /api/articles";
  raw.url = string_field(body, "url");
  raw.title = string_field(body, "title");
  raw.date = string_field(body, "date");
  // A date that is no real day (9999-99-99, 2025-13-45) would sort into no window.
  if (!raw.date.empty() && text::iso_date(raw.date).empty())
    throw BadRequest{"\"date\" must be a real date (YYYY-MM-DD or an ISO timestamp)"};
  if (raw.bytes.empty()) throw BadRequest{"the article text is empty"};
  auto prepared = text::prepare(raw);
  if (auto* err = std::get_if<text::TextError>(&prepared)) throw BadRequest{err->reason};
  auto& doc = std::get<text::Document>(prepared);
  const auto events = extract::Extractor::standard().extract(doc);
  store::Store::Added added;
  {
    std::lock_guard lock(write_mutex);
    if (!writer) {
      writer = std::make_unique<store::Store>(options.db, &extract::Lexicon::standard());
      writer->set_write_wait(kWriteWait);  // then 503: a request cannot wait a minute
    }
    // Its own write transaction, begun IMMEDIATE so that it waits for another writer's
    // lock up front (and answers 503 when the wait runs out) rather than failing half-way.
    writer->begin_batch();
    try {
      added = writer->add_article(doc, raw.origin, events);
      writer->commit_batch();
    } catch (...) {
      writer.reset();  // ends the transaction with the connection (the article's own part was undone)
      throw;
    }
  }
  json ev = json::array();
  for (const auto& e : events) ev.push_back(extract::to_json(e));
  send_json(res, added == store::Store::Added::New ? 201 : 200,
            {{"doc", doc.doc}, {"lang", doc.lang}, {"status", added == store::Store::Added::New ? "stored" : "already stored"},
             {"events", ev}});
}

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  impl_->openapi = read_file(data_dir() / "api" / "openapi.json");
  impl_->routes();
}

Server::~Server() = default;

int Server::bind(std::string& error) {
  if (!store::is_postgres_url(impl_->options.db) && !std::filesystem::exists(impl_->options.db)) {
    // An empty database to serve, so the dashboard works before the first ingest.
    store::Store create(impl_->options.db, &extract::Lexicon::standard());
  }
  // A file that is not a talentwar database is refused before listening, not answered
  // with 500s: it must open and hold the articles table.
  try {
    Impl::Reader db(*impl_);
    db->article_count();
  } catch (const std::exception& e) {
    error = fmt::format("not a talentwar database: {}", e.what());
    return -1;
  }
  const int port = impl_->options.port == 0 ? impl_->http.bind_to_any_port(impl_->options.host)
                                            : (impl_->http.bind_to_port(impl_->options.host, impl_->options.port) ? impl_->options.port : -1);
  if (port < 0)
    error = fmt::format("cannot listen on {}:{}: {}", impl_->options.host, impl_->options.port,
                        errno == EADDRINUSE ? "the port is in use" : std::strerror(errno));
  else impl_->http.raise_backlog();
  return port;
}

bool Server::serve() {
  // The counts windowed flows are summed from are loaded while the first requests come
  // in, not by the first one that needs them (seconds at ten million events).
  std::thread warm([this] {
    try {
      Impl::Reader db(*impl_);
      impl_->current_flow_counts(*db);
    } catch (const std::exception&) {
      // Not a database yet, or gone: the first windowed request loads them, or says why.
    }
  });
  const bool served = impl_->http.listen_after_bind();
  warm.join();
  return served;
}

bool Server::wait_until_serving(double seconds) const {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!impl_->http.is_running()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

void Server::stop() { impl_->http.stop(); }

}  // namespace tw::server
