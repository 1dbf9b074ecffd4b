// connection — the interface both databases implement, and integer_of over it (the
// first column of the first row, none for no rows, NULL as 0) and in_transaction. Run on SQLite
// (and on PostgreSQL when a test server is named), through the interface only.
#include "store/connection.h"

#include <gtest/gtest.h>

#include <memory>

#include "store/postgres_connection.h"
#include "store/sqlite_connection.h"
#include "test_support.h"

namespace tw::store {
namespace {

void check_integer_of(Connection& db) {
  db.script("CREATE TABLE n(v BIGINT)");
  EXPECT_EQ(integer_of(db, "SELECT v FROM n", {}), std::nullopt) << "no row: none";
  db.run("INSERT INTO n VALUES($1)", {int64_t{41}});
  db.run("INSERT INTO n VALUES($1)", {int64_t{42}});
  EXPECT_EQ(integer_of(db, "SELECT v FROM n ORDER BY v", {}), 41) << "the first row";
  EXPECT_EQ(integer_of(db, "SELECT max(v) + $1 FROM n", {int64_t{1}}), 43);
  EXPECT_EQ(integer_of(db, "SELECT NULL", {}), 0) << "NULL reads as 0";
  EXPECT_FALSE(db.broken());
}

// A transaction keeps its work when the work returns and none of it when the work throws.
void check_in_transaction(Connection& db) {
  db.script("CREATE TABLE t(v BIGINT)");
  in_transaction(db, [&] { db.run("INSERT INTO t VALUES($1)", {int64_t{1}}); });
  EXPECT_THROW(in_transaction(db,
                              [&] {
                                db.run("INSERT INTO t VALUES($1)", {int64_t{2}});
                                throw StoreError("the work failed half-way");
                              }),
               StoreError)
      << "the error is passed on";
  EXPECT_EQ(integer_of(db, "SELECT count(*) FROM t", {}), 1) << "the failed work left nothing";
  in_transaction(db, [&] { db.run("INSERT INTO t VALUES($1)", {int64_t{3}}); });
  EXPECT_EQ(integer_of(db, "SELECT sum(v) FROM t", {}), 4) << "and the connection goes on";
}

TEST(Connection, IntegerOfOnSqlite) {
  twtest::TempDir dir;
  SqliteConnection sqlite((dir / "c.db").string(), false);
  Connection& db = sqlite;
  EXPECT_EQ(db.dialect(), Dialect::Sqlite);
  check_integer_of(db);
  check_in_transaction(db);
}

TEST(Connection, IntegerOfOnPostgres) {
  if (!twtest::PgDatabase::available())
    GTEST_SKIP() << "no PostgreSQL server: set TALENTWAR_TEST_PG (scripts/pg-start)";
  twtest::PgDatabase pg;
  PostgresConnection pq(pg.url());
  Connection& db = pq;
  EXPECT_EQ(db.dialect(), Dialect::Postgres);
  check_integer_of(db);
  check_in_transaction(db);
  EXPECT_THROW(db.backup_to("/tmp/never.db"), StoreError) << "backups copy SQLite files only";
}

}  // namespace
}  // namespace tw::store
