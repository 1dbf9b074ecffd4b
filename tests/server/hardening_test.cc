// The server against hostile clients, on a real loopback port and a real SQLite file:
// oversized bodies and headers, a client trickling its request, GETs that must never
// write (even with SQL in every parameter), paths that try to leave the dashboard's
// roots, cross-origin requests, and wrong write tokens. After each abuse the server
// still answers.
#include "server/http_server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <thread>

#include "knowledge/lexicon.h"
#include "store/postgres_connection.h"
#include "store/store.h"
#include "test_support.h"

namespace {

using twtest::json;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;
using namespace std::string_literals;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// A server on a free loopback port for the length of a test.
class RunningServer {
 public:
  explicit RunningServer(tw::server::ServerOptions options) : server_(adjust(std::move(options))) {
    const auto bound = server_.bind();
    EXPECT_TRUE(bound.ok()) << bound.failure().reason;
    port_ = bound.ok() ? *bound : -1;
    thread_ = std::thread([this] { server_.serve(); });
    EXPECT_TRUE(server_.wait_until_serving()) << "the server never started";
  }
  ~RunningServer() {
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }

 private:
  static tw::server::ServerOptions adjust(tw::server::ServerOptions o) {
    o.host = "127.0.0.1";
    o.port = 0;
    return o;
  }
  tw::server::Server server_;
  int port_ = -1;
  std::thread thread_;
};

// ---- raw HTTP, byte for byte -------------------------------------------------------------

int connect_to(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

bool send_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

struct RawResponse {
  int status = 0;  // 0: no answer (the connection closed or timed out first)
  std::string head, body;
  bool closed = false;  // the server closed the connection
};

// Reads one response (head, then Content-Length bytes of body), or what came before the
// connection closed or `timeout_s` passed.
RawResponse read_response(int fd, double timeout_s = 10) {
  RawResponse r;
  std::string data;
  const auto until = Clock::now() + std::chrono::duration<double>(timeout_s);
  size_t need = std::string::npos;
  while (Clock::now() < until) {
    if (need != std::string::npos && data.size() >= need) break;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    char buf[65536];
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) {
      r.closed = true;
      break;
    }
    data.append(buf, static_cast<size_t>(n));
    if (const size_t end = data.find("\r\n\r\n");
        end != std::string::npos && need == std::string::npos) {
      size_t length = 0;
      std::string lower = data.substr(0, end);
      for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (const size_t cl = lower.find("\r\ncontent-length:"); cl != std::string::npos)
        length = std::stoul(lower.substr(cl + 17));
      need = end + 4 + length;
    }
  }
  const size_t end = data.find("\r\n\r\n");
  r.head = data.substr(0, end);
  if (end != std::string::npos) r.body = data.substr(end + 4);
  if (data.rfind("HTTP/1.", 0) == 0 && data.size() > 12) r.status = std::atoi(data.c_str() + 9);
  return r;
}

RawResponse http_exchange(int port, std::string_view request, double timeout_s = 10) {
  const int fd = connect_to(port);
  if (fd < 0) return {};
  send_all(fd, request);  // the server may stop reading early: what it answered is the point
  RawResponse r = read_response(fd, timeout_s);
  ::close(fd);
  return r;
}

RawResponse raw_get(int port, const std::string& target) {
  return http_exchange(
      port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
}

// The server answers a plain GET /api/health with 200.
::testing::AssertionResult StillAnswers(int port) {
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(10, 0);
  auto r = c.Get("/api/health");
  if (!r) return ::testing::AssertionFailure() << "no answer: " << httplib::to_string(r.error());
  if (r->status != 200)
    return ::testing::AssertionFailure() << "status " << r->status << ": " << r->body;
  return ::testing::AssertionSuccess();
}

// ---- the database seen from outside the server -----------------------------------------

// A connection of the test's own to the database: what it sees before and after must
// be the same. PRAGMA data_version changes when any other connection commits.
class Witness {
 public:
  explicit Witness(const std::string& path) : path_(path) {
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  }
  ~Witness() { sqlite3_close(db_); }
  Witness(const Witness&) = delete;
  Witness& operator=(const Witness&) = delete;

  struct State {
    std::string data_version, schema, articles, events, file_bytes, wal_bytes;
    bool operator==(const State&) const = default;
    // What gtest prints: the bytes by size and hash, not megabytes of them.
    friend void PrintTo(const State& s, std::ostream* os) {
      *os << "{data_version " << s.data_version << ", " << s.articles << " articles, " << s.events
          << " events, schema #" << std::hash<std::string>{}(s.schema) << ", file "
          << s.file_bytes.size() << " bytes #" << std::hash<std::string>{}(s.file_bytes) << ", wal "
          << s.wal_bytes.size() << " bytes #" << std::hash<std::string>{}(s.wal_bytes) << "}";
    }
  };
  State state() const {
    State s;
    s.data_version = scalar("PRAGMA data_version");
    s.schema = scalar(
        "SELECT group_concat(type || ' ' || name || ' ' || coalesce(sql, ''), char(10)) FROM "
        "(SELECT * FROM sqlite_master ORDER BY name)");
    s.articles = scalar("SELECT count(*) FROM articles");
    s.events = scalar("SELECT count(*) FROM events");
    s.file_bytes = twtest::read_file(path_);
    if (fs::exists(path_ + "-wal")) s.wal_bytes = twtest::read_file(path_ + "-wal");
    return s;
  }

 private:
  std::string scalar(const char* sql) const {
    sqlite3_stmt* st = nullptr;
    std::string out = "(error)";
    if (sqlite3_prepare_v2(db_, sql, -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
      out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0)
                                              ? sqlite3_column_text(st, 0)
                                              : reinterpret_cast<const unsigned char*>(""));
    sqlite3_finalize(st);
    return out;
  }
  std::string path_;
  sqlite3* db_ = nullptr;
};

// The sample corpus in a database of its own per test.
class Hardening : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    template_dir_ = new twtest::TempDir;
    const auto db = template_dir_->path() / "samples.db";
    const auto r =
        twtest::run_cli({"ingest", "--db", db.string(),
                         (twtest::source_dir() / "data" / "samples" / "articles").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete template_dir_; }
  void SetUp() override {
    fs::create_directories(dir_ / "db");
    fs::copy_file(template_dir_->path() / "samples.db", db_);
  }
  tw::server::ServerOptions options(std::string token = "") const {
    tw::server::ServerOptions o;
    o.db = db_;
    o.token = std::move(token);
    return o;
  }

  static inline twtest::TempDir* template_dir_ = nullptr;
  twtest::TempDir dir_;
  std::string db_ = (dir_ / "db" / "tw.db").string();
};

httplib::Result get(int port, const std::string& path, const httplib::Headers& headers = {}) {
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(30, 0);
  return c.Get(path.c_str(), headers);
}

std::string percent_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.')
      out += static_cast<char>(c);
    else
      out += {'%', kHex[c >> 4], kHex[c & 15]};
  }
  return out;
}

// ---- size limits --------------------------------------------------------------------

TEST_F(Hardening, BodyOverTheLimitIs413AndTheServerStillAnswers) {
  auto o = options("test-token");
  o.max_body_bytes = 4096;
  o.read_timeout_s = 2;
  RunningServer small(o);
  RunningServer standard(options("test-token"));  // the default limit, 8 MiB
  for (const auto& [port, size] :
       {std::pair{small.port(), size_t{5000}}, std::pair{standard.port(), size_t{9u << 20}}}) {
    const std::string body = "{\"text\": \"" + std::string(size, 'a') + "\"}";
    const RawResponse r = http_exchange(
        port,
        "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer test-token\r\n"
        "Content-Type: application/json\r\nContent-Length: " +
            std::to_string(body.size()) + "\r\n\r\n" + body);
    EXPECT_EQ(r.status, 413) << size << " bytes: " << r.head;
    EXPECT_TRUE(StillAnswers(port));
  }
  // A body that claims more than the limit is refused before it is read.
  const auto start = Clock::now();
  const RawResponse r = http_exchange(
      small.port(),
      "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer test-token\r\n"
      "Content-Length: 100000000000\r\n\r\n{\"text\": \"");
  EXPECT_EQ(r.status, 413) << r.head;
  EXPECT_LT(seconds_since(start), 15);
  EXPECT_TRUE(StillAnswers(small.port()));
  EXPECT_EQ(Witness(db_).state().articles, "14") << "nothing was stored";
}

// A chunked body is held to the same limit as one with a Content-Length: the server stops
// reading (and closes) long before a 64 MiB upload is through, token or not, and stores
// nothing. (Before, a chunked body was read whole: 1000 MiB took 1.1 GB of memory.)
TEST_F(Hardening, AChunkedBodyOverTheLimitIsCutOffNotReadWhole) {
  RunningServer server(options("test-token"));  // the default limit, 8 MiB
  for (const std::string auth : {"", "Authorization: Bearer test-token\r\n"}) {
    const int fd = connect_to(server.port());
    ASSERT_GE(fd, 0);
    ASSERT_TRUE(
        send_all(fd, "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth +
                         "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
    const std::string chunk = "100000\r\n" + std::string(1u << 20, 'a') + "\r\n";  // 1 MiB a chunk
    size_t sent = 0;
    while (sent < 64 && send_all(fd, chunk)) ++sent;
    EXPECT_LT(sent, 32u) << (auth.empty() ? "without" : "with") << " the token: the server read "
                         << sent << " MiB";
    ::close(fd);
    EXPECT_TRUE(StillAnswers(server.port()));
  }
  EXPECT_EQ(Witness(db_).state().articles, "14") << "nothing was stored";
}

// Range requests are answered whole: 1,500 overlapping parts of a page are one page, not
// 1,500 copies built in memory.
TEST_F(Hardening, OverlappingRangesAreNotAmplified) {
  RunningServer server(options());
  std::string ranges = "bytes=0-";
  for (int i = 0; i < 1499; ++i) ranges += ",0-";
  for (const char* path : {"/api/health", "/index.html", "/app.js"}) {
    const auto whole = get(server.port(), path);
    ASSERT_TRUE(whole) << path;
    const auto r = get(server.port(), path, {{"Range", ranges}});
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_EQ(r->body.size(), whole->body.size()) << path << ": one copy of the answer";
  }
}

// A second server on a port in use fails to start instead of sharing the port.
TEST_F(Hardening, APortInUseIsAnErrorNotASharedPort) {
  RunningServer first(options());
  auto o = options();
  o.host = "127.0.0.1";
  o.port = first.port();
  tw::server::Server second(o);
  const auto bound = second.bind();
  ASSERT_FALSE(bound.ok()) << "bound beside the first server";
  const std::string& error = bound.failure().reason;
  EXPECT_NE(error.find(std::to_string(first.port())), std::string::npos) << error;
  // And from the command line: one line, exit 3, while the first goes on answering.
  const auto r = twtest::run_cli({"serve", "--db", db_, "--port", std::to_string(first.port())});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_NE(r.err.find("in use"), std::string::npos) << r.err;
  EXPECT_TRUE(StillAnswers(first.port()));
}

// Writers take turns on one SQLite file: a long ingest, a second ingest and 1,000 POSTs
// at once all finish with everything stored once, and POSTs are stored while the long
// ingest is still running (before, it held the write lock from start to end, so a POST
// waited it out and failed with 500 after 10 s, and so did a second ingest).
TEST_F(Hardening, TwoIngestsAndAThousandPostsTakeTurns) {
  const auto corpus = dir_ / "generated";
  const std::string gen = std::string(TALENTWAR_SOURCE_DIR) + "/scripts/gen-corpus --out " +
                          corpus.string() + " --size 20MB --seed 7 > /dev/null";
  ASSERT_EQ(std::system(gen.c_str()), 0);
  size_t generated = 0;
  for (const auto& f : fs::recursive_directory_iterator(corpus)) generated += f.is_regular_file();
  const auto samples = twtest::source_dir() / "data" / "heldout" / "articles";
  size_t held_out = 0;
  for (const auto& f : fs::directory_iterator(samples)) held_out += f.is_regular_file();

  RunningServer server(options("test-token"));
  std::atomic<bool> long_ingest_done{false};
  std::atomic<int> refused{0};
  twtest::CliResult long_ingest, second_ingest;
  std::thread a([&] {
    long_ingest = twtest::run_cli({"ingest", "--db", db_, corpus.string()});
    long_ingest_done = true;
  });
  std::thread b([&] {
    second_ingest = twtest::run_cli({"ingest", "--db", db_, samples.string()});
  });
  // The POSTs begin once the long ingest is well under way (100 articles stored), so that
  // those stored before it ends were stored between its turns.
  auto stored_now = [&] {
    sqlite3* db = nullptr;
    int64_t n = 0;
    if (sqlite3_open_v2(db_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_stmt* st = nullptr;
      if (sqlite3_prepare_v2(db, "SELECT count(*) FROM articles", -1, &st, nullptr) == SQLITE_OK &&
          sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
      sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return n;
  };
  while (!long_ingest_done && stored_now() < 14 + 100)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  std::vector<std::thread> posters;
  constexpr int kPosts = 1000, kPosters = 4;
  for (int t = 0; t < kPosters; ++t)
    posters.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", server.port());
      c.set_read_timeout(120, 0);
      for (int i = t; i < kPosts; i += kPosters) {
        const json body = {{"id", "post-" + std::to_string(i)},
                           {"text", "Orbit Labs hired researcher Mira Kell " + std::to_string(i) +
                                        " from Vantage AI."}};
        auto r = c.Post("/api/articles", {{"Authorization", "Bearer test-token"}}, body.dump(),
                        "application/json");
        if (!r || r->status != 201) ++refused;
      }
    });
  for (auto& p : posters) p.join();
  a.join();
  b.join();
  EXPECT_EQ(long_ingest.exit_code, 0) << long_ingest.err;
  EXPECT_EQ(second_ingest.exit_code, 0) << second_ingest.err;
  EXPECT_EQ(refused, 0) << "every POST stored";
  // Turns, not one long transaction: some POSTs were stored before the long ingest's last
  // article (ids are given in the order articles are written).
  sqlite3* witness = nullptr;
  ASSERT_EQ(sqlite3_open_v2(db_.c_str(), &witness, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(witness,
                               "SELECT count(*) FROM articles WHERE doc LIKE 'post-%' AND id < "
                               "(SELECT max(id) FROM articles WHERE origin LIKE '%generated%')",
                               -1, &st, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_GT(sqlite3_column_int64(st, 0), 0)
      << "POSTs were stored between the long ingest's turns, not after it";
  sqlite3_finalize(st);
  sqlite3_close(witness);
  EXPECT_EQ(Witness(db_).state().articles, std::to_string(14 + generated + held_out + kPosts))
      << "everything, once";
}

// A database the user cannot write (read-only media, another user's file) is read: the
// CLI answers and the server serves it. Run as `nobody` when the tests run as root, who
// may write anything. (Before, every command and GET failed: "unable to open database
// file", "attempt to write a readonly database".)
TEST_F(Hardening, AReadOnlyDatabaseIsReadByTheCliAndTheServer) {
  const bool root = ::geteuid() == 0;
  if (root && std::system("setpriv --help > /dev/null 2>&1") != 0)
    GTEST_SKIP() << "no setpriv to drop root";
  const std::string as_user = root ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  const fs::path folder = dir_ / "db";
  // As written by an ingest that ended: no -wal or -shm beside it.
  for (const char* suffix : {"-wal", "-shm"}) fs::remove(db_ + suffix);
  fs::permissions(db_, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                              fs::perms::group_exec | fs::perms::others_read |
                              fs::perms::others_exec);
  for (fs::path p = dir_.path(); p != p.root_path(); p = p.parent_path())
    if (p == dir_.path())
      fs::permissions(p, fs::perms::others_exec | fs::perms::group_exec, fs::perm_options::add);
  const std::string bin = twtest::talentwar_bin(), out = (dir_ / "out.txt").string();
  for (const char* command : {"events", "flows", "timeline", "pay"}) {
    const std::string cmd = as_user + bin + " " + command + " --db " + db_ + " > " + out + " 2>&1";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << command << ": " << twtest::read_file(out);
  }
  // The server, as that user, on a port of its own.
  const int port = 20000 + static_cast<int>(::getpid() % 20000);
  const std::string serve = as_user + bin + " serve --db " + db_ + " --port " +
                            std::to_string(port) + " > " + out + " 2>&1 & echo $! > " +
                            (dir_ / "pid").string();
  ASSERT_EQ(std::system(serve.c_str()), 0);
  for (int i = 0; i < 100 && !get(port, "/api/health"); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const auto health = get(port, "/api/health");
  ASSERT_TRUE(health) << twtest::read_file(out);
  EXPECT_EQ(health->status, 200) << health->body;
  EXPECT_EQ(json::parse(health->body)["articles"], 14);
  const auto flows = get(port, "/api/flows?since=2024");
  ASSERT_TRUE(flows);
  EXPECT_EQ(flows->status, 200) << flows->body;
  std::system(("kill $(cat " + (dir_ / "pid").string() + ")").c_str());
  fs::permissions(folder, fs::perms::owner_all,
                  fs::perm_options::add);  // so the test's folder can be removed
}

// Each request's database work has a budget: past it SQLite is interrupted and the
// answer is 503 with Retry-After, not a worker held for as long as the query runs. (A
// budget of a microsecond here, so that any question runs out.)
TEST_F(Hardening, AQueryPastItsBudgetIsStoppedWith503) {
  auto o = options();
  o.query_budget_s = 1e-6;
  RunningServer tight(o);
  for (const char* path : {"/api/search?q=Meta", "/api/timeline?limit=500", "/api/deals"}) {
    const auto r = get(tight.port(), path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 503) << path << ": " << r->body;
    EXPECT_TRUE(r->has_header("Retry-After")) << path;
  }
  RunningServer standard(options());  // the default budget, 5 s: the same questions answer
  for (const char* path : {"/api/search?q=Meta", "/api/timeline?limit=500", "/api/deals"}) {
    const auto r = get(standard.port(), path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
  }
}

// After a refused request the connection is closed: what the client sent after it (a
// body the refusal left unread, a pipelined request) never runs as a request of its own.
TEST_F(Hardening, TheConnectionClosesAfterA4xx) {
  RunningServer server(options("test-token"));
  const int fd = connect_to(server.port());
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(send_all(fd,
                       "GET /api/flows?since=abc HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                       "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  const RawResponse first = read_response(fd, 5);
  EXPECT_EQ(first.status, 400) << first.head;
  const RawResponse second = read_response(fd, 2);
  EXPECT_EQ(second.status, 0) << "the pipelined request ran: " << second.head;
  ::close(fd);
  // A request that is answered 200 keeps the connection for the next one.
  const int again = connect_to(server.port());
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(send_all(again, "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
        << "request " << i;
    EXPECT_EQ(read_response(again, 5).status, 200) << "request " << i;
  }
  ::close(again);
}

// Smaller findings of the same attack: a NUL in a dashboard path, the token's scheme in
// lower case, an impossible date in a POST, a name decoded twice.
TEST_F(Hardening, NulPathsLowercaseBearerImpossibleDatesAndOneDecoding) {
  RunningServer server(options("test-token"));
  const RawResponse nul =
      http_exchange(server.port(), "GET /index.html%00.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  EXPECT_EQ(nul.status, 400) << nul.head;
  EXPECT_EQ(nul.head.find("javascript"), std::string::npos) << nul.head;
  httplib::Client c("127.0.0.1", server.port());
  const json article = {{"id", "bearer-case"},
                        {"text", "Orbit Labs hired researcher Ada Quill from Vantage AI."}};
  const auto lower = c.Post("/api/articles", {{"Authorization", "bearer test-token"}},
                            article.dump(), "application/json");
  ASSERT_TRUE(lower);
  EXPECT_EQ(lower->status, 201) << lower->body;
  for (const char* date : {"9999-99-99", "2025-13-45", "yesterday"}) {
    json dated = {{"id", std::string("dated-") + date},
                  {"text", "Orbit Labs hired Ada Quill II."},
                  {"date", date}};
    const auto r = c.Post("/api/articles", {{"Authorization", "Bearer test-token"}}, dated.dump(),
                          "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << date << ": " << r->body;
  }
  const auto twice =
      get(server.port(), "/api/entities/%254D%2565ta");  // once decoded: "%4D%65ta", not "Meta"
  ASSERT_TRUE(twice);
  EXPECT_EQ(twice->status, 404) << twice->body;
  EXPECT_EQ(get(server.port(), "/api/entities/%4D%65ta")->status, 200)
      << "decoded once, it is Meta";
}

// cpp-httplib refuses one header line over 8 KiB itself, but reads any number of lines
// (and a request line of any length) into memory; the server caps the whole head.
TEST_F(Hardening, HeaderSectionOverTheLimitIs4xxAndTheServerStillAnswers) {
  RunningServer server(options());
  const std::string start = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  std::string many;
  for (int i = 0; i < 2000; ++i)
    many += "X-Filler-" + std::to_string(i) + ": " + std::string(1000, 'a') + "\r\n";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"one 100 KB header", start + "X-Big: " + std::string(100u << 10, 'a') + "\r\n\r\n"},
      {"2000 headers of 1 KB", start + many + "\r\n"},
      {"a 100 KB request line", "GET /api/health?q=" + std::string(100u << 10, 'a') +
                                    " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"},
      {"a 10 MB request line",
       "GET /api/health?q=" + std::string(10u << 20, 'a') + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"},
  };
  for (const auto& [what, request] : cases) {
    const auto t = Clock::now();
    const RawResponse r = http_exchange(server.port(), request);
    EXPECT_GE(r.status, 400) << what << ": " << r.head;
    EXPECT_LT(r.status, 500) << what << ": " << r.head;
    EXPECT_LT(seconds_since(t), 5) << what;
    EXPECT_TRUE(StillAnswers(server.port())) << "after " << what;
  }
  // Within the limit, a head of 40 KB (a few big cookies) is served.
  std::string cookies = start;
  for (int i = 0; i < 5; ++i)
    cookies += "Cookie: c" + std::to_string(i) + "=" + std::string(8000, 'b') + "\r\n";
  EXPECT_EQ(http_exchange(server.port(), cookies + "Connection: close\r\n\r\n").status, 200);
}

// A client that sends its request a byte a second (slowloris) is cut off when the
// request is not whole within the read timeout, although no single read waits that
// long; meanwhile more such clients than the server has workers cannot keep a plain
// request from being answered for longer than that.
TEST_F(Hardening, SlowClientIsCutOffByTheReadTimeout) {
  auto o = options();
  o.read_timeout_s = 2;
  o.threads = 2;
  RunningServer server(o);
  constexpr int kSlow = 3;  // more than the workers
  std::vector<double> cut_after(kSlow, -1);
  std::vector<int> answered(kSlow, 0);
  std::vector<std::thread> slow;
  const std::string request =
      "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + std::string(100, 'z');
  for (int k = 0; k < kSlow; ++k)
    slow.emplace_back([&, k] {
      const int fd = connect_to(server.port());
      if (fd < 0) return;
      const auto start = Clock::now();
      for (size_t i = 0; i < request.size() && seconds_since(start) < 20; ++i) {
        if (!send_all(fd, std::string_view(request).substr(i, 1))) {
          cut_after[k] = seconds_since(start);
          break;
        }
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 1000) > 0) {  // the server answered (a 4xx) or closed: cut off
          const RawResponse r = read_response(fd, 2);
          answered[k] = r.status;
          cut_after[k] = seconds_since(start);
          break;
        }
      }
      ::close(fd);
    });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the slow clients hold the workers
  const auto t = Clock::now();
  EXPECT_TRUE(StillAnswers(server.port()));
  EXPECT_LT(seconds_since(t), 5) << "a plain request waited for the slow clients' whole trickle";
  for (auto& th : slow) th.join();
  for (int k = 0; k < kSlow; ++k) {
    EXPECT_GE(cut_after[k], 1.5) << "client " << k << " was cut off before its read timeout";
    EXPECT_LT(cut_after[k], 8) << "client " << k
                               << " was not cut off (-1: still served after 20 s)";
    if (answered[k]) {
      EXPECT_EQ(answered[k] / 100, 4) << "client " << k;
    }
  }
}

// ---- GETs never write ------------------------------------------------------------------

const std::vector<std::string> kGetRoutes = {
    "/api/health",
    "/api/openapi.json",
    "/api/events?limit=5",
    "/api/events?type=move&org=Meta&limit=500",
    "/api/events?person=Alexandr%20Wang",
    "/api/entities?kind=org&limit=100",
    "/api/entities?q=%EB%A9%94%ED%83%80",
    "/api/entities/Meta",
    "/api/entities/%EC%85%A9%EC%9E%90%EC%98%A4%20%EC%9E%90%EC%98%A4",
    "/api/flows",
    "/api/flows?since=2024&until=2026-12&org=Apple",
    "/api/pay",
    "/api/pay?org=Meta",
    "/api/deals",
    "/api/deals?org=Anthropic",
    "/api/timeline?limit=100",
    "/api/timeline?org=Google&offset=2",
    "/api/search?q=researcher",
    "/api/search?q=%EB%A9%94%ED%83%80",
    "/api/articles/1",
    "/",
    "/vendor/echarts.min.js",
};

// Every GET route answers while the database cannot be written: the file, its WAL and
// the directory are read-only, and only the readers' shared-memory index (-shm, which
// SQLite readers of a WAL database must update) stays writable. Root writes through
// permission bits, so as root the same routes are checked by what they leave behind:
// the database's bytes, its schema and counts, and PRAGMA data_version (which moves
// when any other connection commits) are the same afterwards.
TEST_F(Hardening, GetsNeverWrite) {
  Witness witness(db_);  // holds the database open: its -wal and -shm stay
  const Witness::State before = witness.state();
  ASSERT_EQ(before.articles, "14");
  ASSERT_NE(before.data_version, "(error)");
  const bool enforce = !twtest::running_as_root();
  const fs::path dir = fs::path(db_).parent_path();
  if (enforce) {
    for (const auto& f : {fs::path(db_), fs::path(db_ + "-wal")})
      if (fs::exists(f))
        fs::permissions(f, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                             fs::perms::group_exec);
    // The bits bind: a writer cannot write.
    sqlite3* writer = nullptr;
    int rc = sqlite3_open_v2(db_.c_str(), &writer, SQLITE_OPEN_READWRITE, nullptr);
    if (rc == SQLITE_OK)
      rc = sqlite3_exec(writer, "CREATE TABLE probe(x)", nullptr, nullptr, nullptr);
    sqlite3_close(writer);
    EXPECT_NE(rc, SQLITE_OK) << "the database is still writable";
  }
  {
    RunningServer server(options("test-token"));
    for (int round = 0; round < 2; ++round)  // the second round on pooled connections
      for (const auto& route : kGetRoutes) {
        auto r = get(server.port(), route);
        ASSERT_TRUE(r) << route;
        EXPECT_EQ(r->status, 200) << route << ": " << r->body.substr(0, 300);
      }
    EXPECT_EQ(witness.state(), before) << "a GET changed the database";
  }
  if (enforce) fs::permissions(dir, fs::perms::owner_all);
  EXPECT_EQ(witness.state(), before)
      << "closing the server's read connections changed the database";
}

// ---- SQL injection --------------------------------------------------------------------------

const std::vector<std::string> kInjections = {
    "' OR 1=1 --",
    "\"; DROP TABLE articles; --",
    "%' UNION SELECT name, sql, 1, 2, 3 FROM sqlite_master --",
    "') OR ('1'='1",
    "1; DELETE FROM events",
    "*/ OR 1=1 /*",
    "'; ATTACH DATABASE '/tmp/talentwar-injected.db' AS x; CREATE TABLE x.t(a); --",
    "\0"s,
    "' OR ''='\0' OR 1=1 --"s,
};

TEST_F(Hardening, SqlInjectionThroughEveryParameterChangesNothing) {
  Witness witness(db_);
  const Witness::State before = witness.state();
  RunningServer server(options("test-token"));
  const int port = server.port();
  auto answer = [&](const std::string& path) -> std::pair<int, json> {
    auto r = get(port, path);
    EXPECT_TRUE(r) << path;
    if (!r) return {0, nullptr};
    EXPECT_TRUE(r->status == 200 || r->status == 400 || r->status == 404)
        << path << ": " << r->status << " " << r->body;
    EXPECT_NE(r->get_header_value("Content-Type").find("application/json"), std::string::npos)
        << path;
    json j = json::parse(r->body, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << path << ": " << r->body.substr(0, 300);
    return {r->status, j};
  };
  // Parameters that take a fixed form: any payload is a bad request.
  const std::vector<std::pair<std::string, std::string>> strict = {
      {"/api/events", "type"},     {"/api/events", "limit"},        {"/api/events", "offset"},
      {"/api/entities", "kind"},   {"/api/entities", "limit"},      {"/api/entities", "offset"},
      {"/api/flows", "since"},     {"/api/flows", "until"},         {"/api/timeline", "limit"},
      {"/api/timeline", "offset"}, {"/api/search?q=Meta", "limit"},
  };
  // Free-text parameters: a payload finds what a name that matches nothing finds.
  const std::vector<std::pair<std::string, std::string>> free_text = {
      {"/api/events", "org"},   {"/api/events", "person"}, {"/api/entities", "q"},
      {"/api/flows", "org"},    {"/api/pay", "org"},       {"/api/deals", "org"},
      {"/api/timeline", "org"}, {"/api/search", "q"},
  };
  const std::string nothing = "zzqx no such name zzqx";
  for (const auto& payload : kInjections) {
    const std::string p = percent_encode(payload);
    for (const auto& [route, name] : strict) {
      const std::string path =
          route + (route.find('?') == std::string::npos ? "?" : "&") + name + "=" + p;
      EXPECT_EQ(answer(path).first, 400) << path;
    }
    for (const auto& [route, name] : free_text) {
      const auto [status, got] = answer(route + "?" + name + "=" + p);
      const auto [_, none] = answer(route + "?" + name + "=" + percent_encode(nothing));
      if (status != 200) continue;
      json a = got, b = none;
      if (route == "/api/search")  // the query is echoed back, with the names it sounds like
        for (const char* echo : {"query", "spellings", "suggestions"}) a.erase(echo), b.erase(echo);
      EXPECT_EQ(a, b) << route << "?" << name << "=" << payload
                      << " found what a name that matches nothing does not";
    }
    const int unknown = payload.find('\0') == std::string::npos ? 404 : 400;  // NUL: see below
    EXPECT_EQ(answer("/api/entities/" + p).first, unknown) << payload;
    EXPECT_EQ(answer("/api/articles/" + p).first, unknown) << payload;
    EXPECT_EQ(answer("/api/articles/1" + p).first, unknown) << payload;
  }
  // The classic one, spelled out: it finds nothing.
  EXPECT_TRUE(answer("/api/search?q=" + percent_encode("' OR 1=1 --")).second["items"].empty());
  EXPECT_EQ(answer("/api/events?org=" + percent_encode("' OR 1=1 --")).first, 400)
      << "no organisation has that name";
  EXPECT_EQ(answer("/api/events?person=" + percent_encode("' OR 1=1 --")).second["total"], 0);
  EXPECT_EQ(answer("/api/entities?q=" + percent_encode("' OR 1=1 --")).second["total"], 0);
  // Bytes that are not UTF-8, and NUL (which cut FTS5's quoted phrase short: "unterminated
  // string", a 500), are a bad request.
  EXPECT_EQ(answer("/api/search?q=%FF%FE").first, 400);
  EXPECT_EQ(answer("/api/search?q=" + percent_encode("\"a\0\" OR 1=1"s)).first, 400);
  EXPECT_EQ(answer("/api/entities/Meta%00").first, 400);
  EXPECT_EQ(answer("/api/entities/%C3%28").first, 400);
  EXPECT_EQ(answer("/api/events?org=%ED%A0%80").first, 400);

  EXPECT_EQ(witness.state(), before) << "a GET changed the database";
  const json health = answer("/api/health").second;
  EXPECT_EQ(health["articles"], 14);
  EXPECT_FALSE(fs::exists("/tmp/talentwar-injected.db"));
}

// ---- static files ------------------------------------------------------------------------

// Is `body` the content of a file under the dashboard's roots (web/, ECharts' dist/)?
bool served_from_roots(const std::string& body) {
  for (const fs::path& root :
       {twtest::source_dir() / "web", twtest::source_dir() / "node_modules" / "echarts" / "dist"})
    for (const auto& e : fs::recursive_directory_iterator(root))
      if (e.is_regular_file() && e.file_size() == body.size() &&
          twtest::read_file(e.path()) == body)
        return true;
  return false;
}

TEST_F(Hardening, PathTraversalNeverLeavesTheRoots) {
  RunningServer server(options());
  const int port = server.port();
  ASSERT_EQ(raw_get(port, "/").status, 200);
  ASSERT_EQ(raw_get(port, "/vendor/echarts.min.js").status, 200);
  for (const char* target :
       {"/../CMakeLists.txt", "/..%2FCMakeLists.txt", "/%2e%2e/%2e%2e/etc/passwd",
        "/%2e%2e%2f%2e%2e%2fCMakeLists.txt",
        // double-encoded
        "/%252e%252e/%252e%252e/CMakeLists.txt", "/%252e%252e%252fCMakeLists.txt",
        "/vendor/%252e%252e/%252e%252e/package.json",
        // backslashes
        "/..\\CMakeLists.txt", "/..%5cCMakeLists.txt", "/%5c..%5c..%5cCMakeLists.txt",
        "/vendor/..\\..\\package.json", "/vendor\\..\\..\\CMakeLists.txt",
        // out of the vendor mount
        "/vendor/../../CMakeLists.txt", "/vendor/../../../etc/passwd",
        "/vendor/..%2f..%2fpackage.json", "/vendor/%2e%2e/%2e%2e/package.json",
        "/vendor/echarts.min.js/../../../package.json", "/vendor/./../echarts/package.json",
        "/vendor/../../node_modules/echarts/package.json",
        // absolute paths
        "//etc/passwd", "/etc/passwd", "/vendor//etc/passwd", "/vendor/%2fetc%2fpasswd",
        "/%2fetc%2fpasswd", "/work/main/CMakeLists.txt", "http://127.0.0.1/../CMakeLists.txt",
        "/C:/Windows/win.ini",
        // odd encodings and tricks
        "/....//....//CMakeLists.txt", "/.%2e/CMakeLists.txt", "/%c0%ae%c0%ae/CMakeLists.txt",
        "/vendor/%c0%ae%c0%ae/package.json", "/index.html%00.txt", "/%00/../CMakeLists.txt",
        "/./../CMakeLists.txt", "/api/../../CMakeLists.txt", "/vendor/..;/package.json",
        "/.git/config", "/../.git/config"}) {
    const RawResponse r = raw_get(port, target);
    if (r.status == 200) {
      EXPECT_TRUE(served_from_roots(r.body))
          << target << " served a file from outside web/ and echarts/dist:\n"
          << r.body.substr(0, 200);
    }
    EXPECT_EQ(r.body.find("cmake_minimum_required"), std::string::npos) << target;
    EXPECT_EQ(r.body.find("root:x:0:0"), std::string::npos) << target;
    EXPECT_EQ(r.body.find("[core]"), std::string::npos) << target;
  }
  EXPECT_TRUE(StillAnswers(port));
}

// ---- cross-origin requests -----------------------------------------------------------------

TEST_F(Hardening, NoCrossOriginAccessByDefault) {
  RunningServer server(options("test-token"));
  auto r = get(server.port(), "/api/health", {{"Origin", "https://evil.example"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_FALSE(r->has_header("Access-Control-Allow-Origin"));
  const RawResponse pre = http_exchange(
      server.port(),
      "OPTIONS /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://evil.example\r\n"
      "Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: authorization\r\n"
      "Connection: close\r\n\r\n");
  EXPECT_NE(pre.status / 100, 2) << pre.head;
  EXPECT_EQ(pre.head.find("Access-Control-Allow"), std::string::npos) << pre.head;
}

TEST_F(Hardening, CorsOriginAllowsExactlyThatOrigin) {
  auto o = options("test-token");
  o.cors_origin = "https://dash.example";
  RunningServer server(o);
  const int port = server.port();
  auto ok = get(port, "/api/flows", {{"Origin", "https://dash.example"}});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->get_header_value("Access-Control-Allow-Origin"), "https://dash.example");
  for (const char* other :
       {"https://evil.example", "https://dash.example.evil.example", "http://dash.example", "null",
        "https://dash.example/", "https://DASH.example"}) {
    auto r = get(port, "/api/flows", {{"Origin", other}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_FALSE(r->has_header("Access-Control-Allow-Origin")) << other;
  }
  auto no_origin = get(port, "/api/flows");
  EXPECT_FALSE(no_origin->has_header("Access-Control-Allow-Origin"));
  const std::string preflight =
      "OPTIONS /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAccess-Control-Request-Method: POST\r\n"
      "Access-Control-Request-Headers: authorization, content-type\r\nConnection: close\r\n";
  const RawResponse allowed =
      http_exchange(port, preflight + "Origin: https://dash.example\r\n\r\n");
  EXPECT_EQ(allowed.status, 204) << allowed.head;
  EXPECT_NE((allowed.head + "\r\n").find("Access-Control-Allow-Origin: https://dash.example\r\n"),
            std::string::npos)
      << allowed.head;
  EXPECT_NE(allowed.head.find("Access-Control-Allow-Methods: GET, POST"), std::string::npos)
      << allowed.head;
  EXPECT_NE(allowed.head.find("Authorization"), std::string::npos) << allowed.head;
  const RawResponse refused =
      http_exchange(port, preflight + "Origin: https://evil.example\r\n\r\n");
  EXPECT_EQ(refused.status, 403) << refused.head;
  EXPECT_EQ(refused.head.find("Access-Control-Allow"), std::string::npos) << refused.head;
}

TEST_F(Hardening, CorsOriginFromTheCommandLine) {
  const std::string out = (dir_ / "serve.out").string(), err = (dir_ / "serve.err").string();
  const pid_t pid = twtest::start_cli(
      {"serve", "--db", db_, "--port", "0", "--cors-origin", "https://dash.example"}, out, err);
  int port = 0;
  for (int i = 0; i < 200 && !port; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const std::string text = fs::exists(out) ? twtest::read_file(out) : "";
    if (const size_t at = text.find("http://127.0.0.1:"); at != std::string::npos)
      port = std::atoi(text.c_str() + at + 17);
  }
  ASSERT_GT(port, 0) << "the server never printed its address";
  auto yes = get(port, "/api/health", {{"Origin", "https://dash.example"}});
  auto no = get(port, "/api/health", {{"Origin", "https://evil.example"}});
  ::kill(pid, SIGTERM);
  twtest::wait_cli(pid);
  ASSERT_TRUE(yes);
  ASSERT_TRUE(no);
  EXPECT_EQ(yes->get_header_value("Access-Control-Allow-Origin"), "https://dash.example");
  EXPECT_FALSE(no->has_header("Access-Control-Allow-Origin"));
}

// ---- the write token -------------------------------------------------------------------

TEST_F(Hardening, WrongTokensAre401AndStoreNothing) {
  RunningServer server(options("correct-horse-battery-staple"));
  const std::string body = R"({"id": "t", "text": "Meta hired OpenAI researcher Jane Doerr."})";
  auto post = [&](const httplib::Headers& headers) {
    httplib::Client c("127.0.0.1", server.port());
    auto r = c.Post("/api/articles", headers, body, "application/json");
    return r ? r->status : 0;
  };
  for (const std::string& wrong :
       {"correct-horse-battery-stapl3"s, "Correct-horse-battery-staple"s,
        "xorrect-horse-battery-staple"s, "correct-horse-battery-stapl"s,
        "correct-horse-battery-staplee"s, "correct"s, ""s, std::string(4096, 'c')})
    for (const char* scheme : {"Bearer ", "bearer ", "Basic ", ""}) {
      EXPECT_EQ(post({{"Authorization", scheme + wrong}}), 401) << scheme << wrong;
    }
  EXPECT_EQ(post({{"X-Talentwar-Token", "correct-horse-battery-stapl3"}}), 401);
  EXPECT_EQ(post({{"X-Talentwar-Token", "correct-horse"}}), 401);
  EXPECT_EQ(post({{"Authorization", "Bearer correct-horse battery-staple"}}), 401);
  EXPECT_EQ(post({{"Authorization", "Bearer  correct-horse-battery-staple"}}), 401)
      << "a leading space is part of the token";
  EXPECT_EQ(post({}), 401);
  EXPECT_EQ(Witness(db_).state().articles, "14") << "a refused write stored something";
  // Fields of the wrong type are a bad request, not a server error; nesting does not crash it.
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const httplib::Headers auth{{"Authorization", "Bearer correct-horse-battery-staple"}};
  httplib::Client c("127.0.0.1", server.port());
  for (const std::string& b :
       {R"({"id": ["x"], "text": "Google hired Apple engineer John Smith."})"s,
        R"({"title": 5, "text": "Google hired Apple engineer John Smith."})"s,
        "{\"id\": " + deep + ", \"text\": \"Google hired Apple engineer John Smith.\"}", deep}) {
    auto r = c.Post("/api/articles", auth, b, "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << r->body;
  }
  EXPECT_TRUE(StillAnswers(server.port()));
}

}  // namespace

// A PostgreSQL server that drops the server's connections (a restart, an administrator's
// pg_terminate_backend): the requests that held them fail, and the connections are not
// handed out again — the next requests open new ones and are answered.
TEST(HardeningPostgres, ABrokenReaderIsNotPutBackInThePool) {
  if (!twtest::PgDatabase::available())
    GTEST_SKIP() << "no PostgreSQL server: set TALENTWAR_TEST_PG (scripts/pg-start)";
  twtest::PgDatabase pg;
  { tw::store::Store create(pg.url(), &tw::knowledge::Lexicon::standard()); }
  tw::server::ServerOptions o;
  o.db = pg.url();
  o.threads = 2;
  RunningServer server(o);
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(StillAnswers(server.port()));  // readers pooled
  {
    tw::store::PostgresConnection admin(std::getenv("TALENTWAR_TEST_PG"));
    const std::string database = pg.url().substr(pg.url().rfind('/') + 1);
    admin.run("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1",
              {std::string_view(database)}, {});
  }
  int failed = 0;
  for (int i = 0; i < 6; ++i) failed += !StillAnswers(server.port());
  EXPECT_LE(failed, 3)
      << "each broken connection (two workers and the quick lane) fails at most one request";
  EXPECT_TRUE(StillAnswers(server.port()));
  EXPECT_TRUE(StillAnswers(server.port()));
}
