// sqlite_connection — one SQLite file: statements with parameters, a deadline and an
// abandoned-client check that interrupt long work, read-only opening, online backup.
#include "store/sqlite_connection.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>

#include "test_support.h"

namespace tw::store {
namespace {

using Clock = std::chrono::steady_clock;

// A query that runs for seconds: a recursive count to fifty million.
constexpr const char* kLongQuery =
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000000) SELECT "
    "count(*) FROM n";

TEST(SqliteConnection, RunsStatementsWithParameters) {
  twtest::TempDir dir;
  SqliteConnection sqlite((dir / "t.db").string(), false);
  Connection& db = sqlite;  // through the interface, as the store uses it
  db.script("CREATE TABLE t(a INTEGER, b TEXT, c REAL)");
  db.run("INSERT INTO t VALUES($1, $2, $3)", {int64_t{7}, std::string_view("seven"), 7.5});
  db.run("INSERT INTO t VALUES($1, $2, $3)", {int64_t{8}, nullptr, 8.5});
  std::vector<std::string> rows;
  const size_t n =
      db.run("SELECT a, b, c FROM t WHERE a >= $1 ORDER BY a", {int64_t{7}}, [&](const Row& r) {
        rows.push_back(std::to_string(r.integer(0)) + ":" + r.text(1) + ":" +
                       std::to_string(r.real(2)) + (r.null(1) ? ":null" : ""));
      });
  EXPECT_EQ(n, 2u);
  EXPECT_EQ(rows, (std::vector<std::string>{"7:seven:7.500000", "8::8.500000:null"}));
  EXPECT_EQ(integer_of(db, "SELECT count(*) FROM t", {}), 2);
  EXPECT_THROW(db.run("SELECT nope FROM t", {}), StoreError);
}

TEST(SqliteConnection, ADeadlineInterruptsLongWork) {
  twtest::TempDir dir;
  SqliteConnection db((dir / "t.db").string(), false);
  db.set_deadline(Clock::now() + std::chrono::milliseconds(100));
  const auto start = Clock::now();
  EXPECT_THROW(integer_of(db, kLongQuery, {}), QueryTimeout);
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 2.0);
  db.set_deadline(Clock::time_point::max());
  EXPECT_EQ(integer_of(db, "SELECT 1", {}), 1) << "no deadline: work runs";
}

TEST(SqliteConnection, AnAbandonedClientInterruptsLongWork) {
  twtest::TempDir dir;
  SqliteConnection db((dir / "t.db").string(), false);
  std::atomic<int> asked{0};
  const auto start = Clock::now();
  db.set_deadline(Clock::time_point::max(), [&] {
    ++asked;
    return Clock::now() - start > std::chrono::milliseconds(150);  // the client leaves after 150 ms
  });
  EXPECT_THROW(integer_of(db, kLongQuery, {}), QueryTimeout);
  const double took = std::chrono::duration<double>(Clock::now() - start).count();
  EXPECT_GE(took, 0.15);
  EXPECT_LT(took, 1.0);
  EXPECT_LT(asked.load(), 100) << "asked every 20 ms, not at every step";
}

TEST(SqliteConnection, ReadOnlyRefusesWritesAndBackupCopiesWhole) {
  twtest::TempDir dir;
  const std::string path = (dir / "t.db").string();
  {
    SqliteConnection db(path, false);
    db.script("CREATE TABLE t(a INTEGER); INSERT INTO t VALUES(1), (2), (3)");
    db.backup_to((dir / "copy.db").string());
    EXPECT_THROW(db.backup_to((dir / "copy.db").string()), StoreError) << "never overwrites";
  }
  SqliteConnection read_only(path, true);
  Connection& reader = read_only;
  EXPECT_EQ(integer_of(reader, "SELECT count(*) FROM t", {}), 3);
  EXPECT_THROW(reader.run("INSERT INTO t VALUES(4)", {}), StoreError);
  SqliteConnection copy((dir / "copy.db").string(), true);
  EXPECT_EQ(integer_of(copy, "SELECT sum(a) FROM t", {}), 6);
  EXPECT_FALSE(copy.broken());
}

}  // namespace
}  // namespace tw::store
