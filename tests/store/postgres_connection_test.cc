// postgres_connection — URLs (recognised, given timeouts, printed without the password)
// and, with a test server, statements and a connection the server closed.
#include "store/postgres_connection.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace tw::store {
namespace {

TEST(PostgresUrl, RecognisedByScheme) {
  EXPECT_TRUE(is_postgres_url("postgresql://u@h/db"));
  EXPECT_TRUE(is_postgres_url("postgres://h/db"));
  EXPECT_FALSE(is_postgres_url("talentwar.db"));
  EXPECT_FALSE(is_postgres_url("/tmp/postgresql://x"));
}

TEST(PostgresUrl, TimeoutsAreAddedUnlessTheUrlSetsThem) {
  EXPECT_EQ(with_timeouts("postgresql://h/db"),
            "postgresql://h/"
            "db?connect_timeout=5&keepalives_idle=30&keepalives_interval=10&keepalives_count=3");
  EXPECT_EQ(with_timeouts("postgresql://h/db?connect_timeout=1&sslmode=disable"),
            "postgresql://h/"
            "db?connect_timeout=1&sslmode=disable&keepalives_idle=30&keepalives_interval=10&"
            "keepalives_count=3");
}

TEST(PostgresUrl, ThePasswordIsNeverPrinted) {
  EXPECT_EQ(redacted("postgresql://user:s3cret@host:5432/db"),
            "postgresql://user:***@host:5432/db");
  EXPECT_EQ(redacted("postgresql://user@host/db"), "postgresql://user@host/db");
  EXPECT_EQ(redacted("talentwar.db"), "talentwar.db");
}

TEST(PostgresConnection, RunsStatementsAndNoticesAClosedConnection) {
  if (!twtest::PgDatabase::available())
    GTEST_SKIP() << "no PostgreSQL server: set TALENTWAR_TEST_PG (scripts/pg-start)";
  twtest::PgDatabase pg;
  PostgresConnection pq(pg.url());
  Connection& db = pq;
  db.script("CREATE TABLE t(a BIGINT, b TEXT)");
  db.run("INSERT INTO t VALUES($1, $2)", {int64_t{1}, std::string_view("one")});
  std::string got;
  db.run("SELECT b FROM t WHERE a = $1", {int64_t{1}}, [&](const Row& r) { got = r.text(0); });
  EXPECT_EQ(got, "one");
  EXPECT_FALSE(db.broken());
  EXPECT_THROW(db.run("SELECT nope FROM t", {}), StoreError);
  EXPECT_THROW(PostgresConnection("postgresql://postgres@127.0.0.1:1/none?connect_timeout=1"),
               StoreError);
}

}  // namespace
}  // namespace tw::store
