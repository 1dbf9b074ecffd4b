// Crash safety: `talentwar ingest` and `talentwar serve` killed with SIGKILL at random
// points, twenty times or more, then run again to the end. Every article must be
// stored exactly once, with all its events, the aggregates must agree with a database
// that was never interrupted, and SQLite's integrity check must pass.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "test_support.h"

namespace {

using nlohmann::json;
using twtest::run_cli;
namespace fs = std::filesystem;

constexpr int kKills = 20;

// One column of a one-row query.
std::string sql_value(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    const auto* t = sqlite3_column_text(st, 0);
    out = t ? reinterpret_cast<const char*>(t) : "";
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

// Each article (by content) with its number of events, and the flows: what must survive.
json contents(const std::string& db_path) {
  json per_article = json::array();
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT a.content_hash, count(e.id) FROM articles a LEFT JOIN events e ON "
                     "e.article_id = a.id "
                     "GROUP BY a.id ORDER BY a.content_hash",
                     -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW)
    per_article.push_back(
        {reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), sqlite3_column_int64(st, 1)});
  sqlite3_finalize(st);
  sqlite3_close(db);
  const auto flows = run_cli({"flows", "--db", db_path, "--json"});
  EXPECT_EQ(flows.exit_code, 0) << flows.err;
  return {{"articles", per_article}, {"flows", json::parse(flows.out)}};
}

class CrashSafety : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string gen = std::string(TALENTWAR_SOURCE_DIR) + "/scripts/gen-corpus --out " +
                            (corpus_ / "c").string() + " --size 5MB --seed 5 > /dev/null";
    ASSERT_EQ(std::system(gen.c_str()), 0) << gen;
    for (const auto& f : fs::recursive_directory_iterator(corpus_ / "c"))
      if (f.is_regular_file()) files_.push_back(f.path());
    std::sort(files_.begin(), files_.end());
    reference_ = (work_ / "reference.db").string();
    const auto r = run_cli({"ingest", "--db", reference_, (corpus_ / "c").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  twtest::TempDir corpus_, work_;
  std::vector<fs::path> files_;
  std::string reference_;
  std::mt19937 rng_{20261122};
};

TEST_F(CrashSafety, IngestKilledAtRandomPointsStoresEveryArticleExactlyOnce) {
  const std::string db = (work_ / "killed.db").string();
  int kills = 0, attempts = 0;
  int max_ms = 1500;
  while (kills < kKills && attempts++ < 80) {
    const pid_t pid =
        twtest::start_cli({"ingest", "--jobs", "2", "--db", db, (corpus_ / "c").string()},
                          (work_ / "out").string(), (work_ / "err").string());
    std::this_thread::sleep_for(std::chrono::milliseconds(20 + rng_() % max_ms));
    const bool running = kill(pid, SIGKILL) == 0;
    const int code = twtest::wait_cli(pid);
    if (running && code == -1)
      ++kills;
    else
      max_ms = std::max(100, max_ms / 2);  // it finished first: kill sooner next time
  }
  ASSERT_GE(kills, kKills);
  const auto last = run_cli({"ingest", "--db", db, (corpus_ / "c").string()});
  ASSERT_EQ(last.exit_code, 0) << last.err;
  EXPECT_EQ(sql_value(db, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(sql_value(db, "SELECT count(*) FROM articles"), std::to_string(files_.size()));
  EXPECT_EQ(contents(db), contents(reference_)) << "after " << kills << " kills";
  std::cout << "[ crash    ] ingest survived " << kills << " SIGKILLs\n";
}

TEST_F(CrashSafety, ServerKilledWhilePostsAreInFlightStoresEveryArticleExactlyOnce) {
  const std::string db = (work_ / "served.db").string();
  const std::string token = "crash-test-token";
  std::vector<char> stored(files_.size(), 0);  // one byte each: two clients write them
  auto body_of = [&](size_t i) {
    const std::string bytes = twtest::read_file(files_[i]);
    const bool html = files_[i].extension() == ".html";
    return json{{"id", files_[i].filename().string()}, {html ? "html" : "text", bytes}}.dump();
  };
  // Starts a server and answers its pid and port (read from its first line of output).
  auto start = [&]() -> std::pair<pid_t, int> {
    const std::string out = (work_ / "serve.out").string();
    fs::remove(out);  // not the last server's address
    const pid_t pid = twtest::start_cli({"serve", "--db", db, "--port", "0", "--token", token}, out,
                                        (work_ / "serve.err").string());
    for (int i = 0; i < 500; ++i) {
      const std::string line = fs::exists(out) ? twtest::read_file(out) : "";
      const auto at = line.find("http://127.0.0.1:");
      if (at != std::string::npos && line.find('/', at + 17) != std::string::npos)
        return {pid, std::stoi(line.substr(at + 17))};
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ADD_FAILURE() << "server did not start: " << twtest::read_file(work_ / "serve.err");
    return {pid, -1};
  };
  int kills = 0;
  std::atomic<size_t> posts{0};
  for (int round = 0; round < kKills; ++round) {
    auto [pid, port] = start();
    ASSERT_GT(port, 0);
    // Two clients post articles not yet confirmed while the server is killed under them.
    std::atomic<bool> stop{false};
    std::vector<std::thread> clients;
    std::atomic<size_t> next{static_cast<size_t>(rng_() % files_.size())};
    for (int c = 0; c < 2; ++c)
      clients.emplace_back([&, port = port] {
        httplib::Client client("127.0.0.1", port);
        client.set_bearer_token_auth(token);
        while (!stop) {
          const size_t i = next++ % files_.size();
          auto res = client.Post("/api/articles", body_of(i), "application/json");
          ++posts;
          if (res && (res->status == 201 || res->status == 200)) stored[i] = 1;
          if (!res) return;  // the server is gone
        }
      });
    std::this_thread::sleep_for(std::chrono::milliseconds(100 + rng_() % 400));
    if (kill(pid, SIGKILL) == 0 && twtest::wait_cli(pid) == -1) ++kills;
    stop = true;
    for (auto& t : clients) t.join();
  }
  EXPECT_GE(kills, kKills);
  // A last, clean run posts what was never confirmed; then everything again, which must add
  // nothing.
  auto [pid, port] = start();
  ASSERT_GT(port, 0);
  httplib::Client client("127.0.0.1", port);
  client.set_bearer_token_auth(token);
  for (size_t i = 0; i < files_.size(); ++i) {
    auto res = client.Post("/api/articles", body_of(i), "application/json");
    ASSERT_TRUE(res) << files_[i] << ": " << httplib::to_string(res.error())
                     << "; server said: " << twtest::read_file(work_ / "serve.err");
    EXPECT_TRUE(res->status == 200 || res->status == 201)
        << files_[i] << ": " << res->status << " " << res->body;
    if (stored[i]) {
      EXPECT_EQ(res->status, 200) << files_[i]
                                  << " was confirmed before a kill, so it is already stored";
    }
  }
  kill(pid, SIGTERM);
  twtest::wait_cli(pid);
  EXPECT_EQ(sql_value(db, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(sql_value(db, "SELECT count(*) FROM articles"), std::to_string(files_.size()));
  EXPECT_EQ(contents(db)["articles"], contents(reference_)["articles"])
      << "every article with all its events";
  std::cout << "[ crash    ] server survived " << kills << " SIGKILLs during " << posts
            << " POSTs\n";
}

}  // namespace
