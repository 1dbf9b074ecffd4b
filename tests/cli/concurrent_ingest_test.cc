// Many ingest workers, one database: two `talentwar ingest` processes started together
// over the same articles leave the database exactly as one process does — every article
// once, the same events, the same flows — in SQLite (writers take turns) and in
// PostgreSQL (writers run side by side and retry the articles they lose races on).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <thread>

#include "test_support.h"

namespace {

using nlohmann::json;
using twtest::run_cli;
namespace fs = std::filesystem;

enum class Backend { Sqlite, Postgres };

class ConcurrentIngest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::Postgres && !twtest::PgDatabase::available())
      GTEST_SKIP() << "no PostgreSQL server: set TALENTWAR_TEST_PG (scripts/pg-start)";
    // The project's own articles (samples and both held-out sets), in one folder.
    for (const char* set : {"samples", "heldout", "heldout2"})
      for (const auto& f :
           fs::directory_iterator(fs::path(TALENTWAR_SOURCE_DIR) / "data" / set / "articles"))
        fs::copy_file(f.path(),
                      corpus_.path() / (std::string(set) + "_" + f.path().filename().string()));
  }

  // A new, empty database of the backend under test.
  std::string new_database() {
    if (GetParam() == Backend::Sqlite)
      return (dirs_.path() / ("db" + std::to_string(databases_.size()) + ".db")).string();
    databases_.push_back(std::make_unique<twtest::PgDatabase>());
    return databases_.back()->url();
  }

  // What the database holds, independent of the order it was written in.
  static json contents(const std::string& db) {
    const auto exported = run_cli({"export", "--db", db});
    EXPECT_EQ(exported.exit_code, 0) << exported.err;
    std::vector<std::string> articles = twtest::lines_of(exported.out);
    std::sort(articles.begin(), articles.end());
    const auto flows = run_cli({"flows", "--db", db, "--json"});
    EXPECT_EQ(flows.exit_code, 0) << flows.err;
    // Article ids depend on which worker stored an article first: what is compared is
    // which articles are cited, not the ids they got.
    json answer = json::parse(flows.out);
    for (auto& edge : answer["flows"])
      for (auto& source : edge["sources"]) source.erase("article_id");
    return {{"articles", articles}, {"flows", answer}};
  }

  twtest::TempDir corpus_, dirs_;
  std::vector<std::unique_ptr<twtest::PgDatabase>> databases_;
};

INSTANTIATE_TEST_SUITE_P(Backends, ConcurrentIngest,
                         ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         [](const auto& info) {
                           return info.param == Backend::Sqlite ? "Sqlite" : "Postgres";
                         });

TEST_P(ConcurrentIngest, TwoWorkersOnTheSameArticlesEqualOne) {
  const std::string single = new_database();
  const auto one = run_cli({"ingest", "--db", single, "--jobs", "2", corpus_.path().string()});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const json expected = contents(single);
  ASSERT_GE(expected["articles"].size(), 30u);
  for (int round = 0; round < 3; ++round) {
    const std::string shared = new_database();
    twtest::CliResult a, b;
    std::thread first([&] {
      a = run_cli({"ingest", "--db", shared, "--jobs", "2", corpus_.path().string()});
    });
    std::thread second([&] {
      b = run_cli({"ingest", "--db", shared, "--jobs", "2", corpus_.path().string()});
    });
    first.join();
    second.join();
    ASSERT_EQ(a.exit_code, 0) << a.err;
    ASSERT_EQ(b.exit_code, 0) << b.err;
    EXPECT_EQ(contents(shared), expected) << "round " << round;
  }
}

}  // namespace
