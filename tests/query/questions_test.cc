// questions — the fact-based questions asked one way: the filters checked by one set of
// rules, facts read from the newest reports up to a stated bound, and the command line
// and the API giving the same answer on a database larger than the bound.
//
// The agreement test generates its database (bench/synthetic_db.h, 12,000 events: more
// than every bound). TALENTWAR_TEST_BIG_DB names an existing one to ask instead — the
// query benchmark's ten million events (docs/benchmarks.md) — read-only.
#include "query/questions.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <cstdlib>
#include <thread>

#include "query/arguments.h"
#include "server/http_server.h"
#include "synthetic_db.h"
#include "test_support.h"

namespace {

using json = nlohmann::json;
namespace query = tw::query;

class Questions : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new twtest::TempDir;
    samples_ = (dir_->path() / "samples.db").string();
    const auto r =
        twtest::run_cli({"ingest", "--db", samples_,
                         (twtest::source_dir() / "data" / "samples" / "articles").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }
  static inline twtest::TempDir* dir_ = nullptr;
  static inline std::string samples_;
};

TEST_F(Questions, RecentFactsSayHowManyReportsTheyRead) {
  tw::store::Store db(samples_, &tw::knowledge::Lexicon::standard(),
                      tw::store::Store::Mode::ReadOnly);
  const auto every = query::recent_facts(db, {}, {});
  EXPECT_EQ(every.reach.read, db.event_count());
  EXPECT_EQ(every.reach.matching, db.event_count());
  EXPECT_LE(every.facts.size(), every.reach.read) << "reports merge into facts";
  EXPECT_EQ(every.reach.sentence(), fmt::format("from all {} matching reports", db.event_count()));
  constexpr std::string_view kMoves[] = {"move"};
  const auto two = query::recent_facts(db, kMoves, {}, 2);
  EXPECT_EQ(two.reach.read, 2u);
  EXPECT_GT(two.reach.matching, 2u) << "matching reports are counted past what was read";
  json answer;
  two.reach.state(answer);
  EXPECT_EQ(answer["reports_read"], 2);
  EXPECT_EQ(answer["reports_matching"], two.reach.matching);
  EXPECT_EQ(answer["reports_matching_exact"], true);
  EXPECT_EQ(two.reach.sentence(),
            fmt::format("from the newest 2 of {} matching reports", two.reach.matching));
  const query::Reach capped{500, query::kCountCap + 1};
  EXPECT_EQ(capped.sentence(), "from the newest 500 of 10000+ matching reports");
  json stated;
  capped.state(stated);
  EXPECT_EQ(stated["reports_matching"], query::kCountCap);
  EXPECT_EQ(stated["reports_matching_exact"], false);
}

TEST_F(Questions, FiltersAreCheckedByOneSetOfRules) {
  tw::store::Store db(samples_, &tw::knowledge::Lexicon::standard(),
                      tw::store::Store::Mode::ReadOnly);
  const auto f =
      query::checked({"offer", "메타", "", "2025", "2026-02", "ko"}, db, query::kPayTypes);
  EXPECT_EQ(f.type, "offer");
  EXPECT_EQ(f.org, "Meta") << "the organisation by its canonical name";
  EXPECT_EQ(f.since, "2025");
  EXPECT_EQ(f.until, "2026-02");
  EXPECT_EQ(f.lang, "ko");
  auto refused = [&](const query::Filter& asked, const std::string& says) {
    try {
      query::checked(asked, db, query::kPayTypes);
      ADD_FAILURE() << "accepted; expected: " << says;
    } catch (const query::BadArgument& e) {
      EXPECT_NE(std::string(e.what()).find(says), std::string::npos) << e.what();
    }
  };
  refused({.type = "move"}, "type must be one of: offer, comp_stat");
  refused({.org = "Nowhere Labs"}, "Nowhere Labs");
  refused({.since = "2025-13"}, "since");
  refused({.lang = "fr"}, "lang must be one of: ko, en");
}

// The same question over HTTP and on the command line.
class SameAnswers : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new twtest::TempDir;
    if (const char* big = std::getenv("TALENTWAR_TEST_BIG_DB"); big && *big) {
      db_ = big;
    } else {
      db_ = (dir_->path() / "synthetic.db").string();
      tw::store::Store db(db_, &tw::knowledge::Lexicon::standard());
      tw::synthetic::fill(db, 12000, tw::synthetic::make_pools(tw::knowledge::Lexicon::standard()));
    }
    server_ = new tw::server::Server({"127.0.0.1", 0, db_, "", ""});
    const auto bound = server_->bind();
    ASSERT_TRUE(bound.ok()) << bound.failure().reason;
    port_ = *bound;
    thread_ = std::thread([] { server_->serve(); });
    ASSERT_TRUE(server_->wait_until_serving());
  }
  static void TearDownTestSuite() {
    server_->stop();
    thread_.join();
    delete server_;
    delete dir_;
  }

  static json api(const std::string& path) {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(120, 0);
    auto r = c.Get(path);
    EXPECT_TRUE(r && r->status == 200) << path << ": " << (r ? r->body : "no answer");
    return r && r->status == 200 ? json::parse(r->body) : json();
  }
  static json cli(std::vector<std::string> args) {
    args.insert(args.end(), {"--db", db_, "--json"});
    const auto r = twtest::run_cli(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? json::parse(r.out) : json();
  }
  // Every page of a paged list of the API, joined.
  static json all_pages(const std::string& path, const char* list, json* last = nullptr) {
    json items = json::array();
    for (size_t offset = 0;; offset += 500) {
      json page = api(fmt::format("{}{}limit=500&offset={}", path,
                                  path.find('?') == std::string::npos ? "?" : "&", offset));
      if (page.is_null()) return nullptr;
      for (auto& item : page[list]) items.push_back(std::move(item));
      const size_t total = page.value("total", items.size());
      if (last) *last = page;
      if (items.size() >= total || page[list].empty()) return items;
    }
  }
  static void expect_bound_stated(const json& answer, size_t bound_per_type,
                                  const std::string& what) {
    ASSERT_TRUE(answer.contains("reports_read")) << what;
    EXPECT_GT(answer["reports_matching"].get<size_t>(), answer["reports_read"].get<size_t>())
        << what << ": the database holds more matching reports than the bound";
    EXPECT_LE(answer["reports_read"].get<size_t>(), 2 * bound_per_type) << what;
  }
  static std::string top_org() {
    // The organisation named in most events: Zipf's first, whatever the database.
    const json entities = api("/api/entities?kind=org&limit=1");
    return entities["items"][0]["name"];
  }

  static inline twtest::TempDir* dir_ = nullptr;
  static inline std::string db_;
  static inline tw::server::Server* server_ = nullptr;
  static inline int port_ = 0;
  static inline std::thread thread_;
};

TEST_F(SameAnswers, Pay) {
  for (const auto& [path, args] :
       {std::pair{std::string("/api/pay?limit=500"), std::vector<std::string>{"pay"}},
        {"/api/pay?limit=500&since=2025&lang=en", {"pay", "--since", "2025", "--lang", "en"}},
        {"/api/pay?limit=500&type=offer&org=" + httplib::detail::encode_query_param(top_org()),
         {"pay", "--type", "offer", "--org", top_org()}}}) {
    json from_api = api(path);
    const json from_cli = cli(args);
    from_api.erase("offset");
    from_api.erase("limit");
    EXPECT_EQ(from_api, from_cli) << path;
    if (args.size() == 1) expect_bound_stated(from_cli, query::kRecentListed, path);
    if (path.find("since") != std::string::npos) {
      EXPECT_TRUE(from_cli.contains("undated_reports")) << path;
    }
  }
}

TEST_F(SameAnswers, Deals) {
  json last;
  const json deals = all_pages("/api/deals", "deals", &last);
  const json from_cli = cli({"deals"});
  EXPECT_EQ(deals, from_cli["deals"]);
  EXPECT_EQ(last["totals"], from_cli["totals"]);
  for (const char* k : {"reports_read", "reports_matching", "reports_matching_exact"})
    EXPECT_EQ(last[k], from_cli[k]) << k;
  expect_bound_stated(from_cli, query::kRecentListed, "deals");
}

TEST_F(SameAnswers, Timeline) {
  for (const auto& [path, args] :
       {std::pair{std::string("/api/timeline"), std::vector<std::string>{"timeline"}},
        {"/api/timeline?since=2024&until=2025-06&type=move",
         {"timeline", "--since", "2024", "--until", "2025-06", "--type", "move"}}}) {
    json last;
    const json facts = all_pages(path, "items", &last);
    const json from_cli = cli(args);
    EXPECT_EQ(facts, from_cli["facts"]) << path;
    EXPECT_GT(facts.size(), 0u) << path;
    for (const char* k : {"reports_read", "reports_matching", "reports_matching_exact", "undated"})
      EXPECT_EQ(last.value(k, json()), from_cli.value(k, json())) << path << ": " << k;
    expect_bound_stated(from_cli, query::kRecentReports, path);
  }
}

TEST_F(SameAnswers, Entity) {
  const std::string person = api("/api/entities?kind=person&limit=1")["items"][0]["name"];
  for (const std::string& name : {top_org(), person}) {
    const json from_api = api("/api/entities/" + httplib::detail::encode_query_param(name));
    const json from_cli = cli({"entity", name});
    EXPECT_EQ(from_api, from_cli) << name;
    ASSERT_TRUE(from_cli.contains("reports_read")) << name;
  }
  expect_bound_stated(cli({"entity", top_org()}), query::kRecentReports, top_org());
}

TEST_F(SameAnswers, TheTableSaysHowFarItRead) {
  const auto r = twtest::run_cli({"pay", "--db", db_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("(from the newest "), std::string::npos) << r.out.substr(0, 400);
}

}  // namespace
