// store — opening a database: WAL for SQLite, one clear error for a location that cannot be
// opened, idempotent ingest across openings, and an older database read then upgraded.
#include "store/store.h"
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <map>

#include "store/store_fixture.h"

namespace tw::store {
namespace {

using namespace tw::store::testing;

class StoreOpening : public StoreTest {};
TALENTWAR_STORE_BACKENDS(StoreOpening);

TEST_P(StoreOpening, SqliteDatabaseIsInWalMode) {
  if (GetParam() != Dialect::Sqlite) GTEST_SKIP() << "SQLite only";
  open();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(location().c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST_P(StoreOpening, IngestIsIdempotentAcrossOpenings) {
  add_sample(*open());
  auto s = open();
  EXPECT_EQ(s->add_article(doc("a-again.txt", "text a"), "x", {move("X Y", "A", "B")}),
            Store::Added::AlreadyStored);
  EXPECT_EQ(s->article_count(), 2u);
  EXPECT_EQ(s->event_count(), 3u);
}

TEST_P(StoreOpening, UnopenableLocationThrowsStoreError) {
  const std::string bad = GetParam() == Dialect::Sqlite
                              ? (dir_ / "no" / "such" / "dir" / "x.db").string()
                              : pg_->url() + "_no_such_database";
  try {
    Store s(bad);
    FAIL() << "opened " << bad;
  } catch (const StoreError& e) {
    EXPECT_NE(
        std::string(e.what()).find(GetParam() == Dialect::Sqlite ? "x.db" : "no_such_database"),
        std::string::npos)
        << "the error names the location: " << e.what();
  }
}

// A file written before articles had an outlet is read as it is, and gains the column
// the first time a writer opens it.
TEST(StoreUpgrade, ADatabaseWithoutOutletsIsReadThenUpgraded) {
  twtest::TempDir dir;
  const std::string path = (dir.path() / "old.db").string();
  auto article = [](std::string name, std::string outlet) {
    text::Document d;
    d.doc = std::move(name);
    d.lang = "en";
    d.text = "text of " + d.doc;
    d.date = "2025-07-01";
    d.outlet = std::move(outlet);
    return d;
  };
  Store(path, &knowledge::Lexicon::standard())
      .add_article(article("a.txt", ""), "in/a.txt", {move("Jane Doerr", "OpenAI", "Meta")});
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  // As the release before outlets left it: no outlet column and no recorded version.
  ASSERT_EQ(sqlite3_exec(raw, "ALTER TABLE articles DROP COLUMN outlet; DROP TABLE schema_version",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  {
    Store reader(path, &knowledge::Lexicon::standard(), Store::Mode::ReadOnly);
    const auto rows = reader.events({});
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].outlet, "");
    EXPECT_EQ(reader.flow_sources("OpenAI", "Meta", "", "", 5).size(), 1u);
  }
  Store writer(path, &knowledge::Lexicon::standard());
  writer.add_article(article("b.txt", "The Daily Circuit"), "in/b.txt",
                     {move("John Roe", "OpenAI", "Meta")});
  const auto rows = writer.events({"", "", "John Roe"});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].outlet, "The Daily Circuit");
}

// A name first seen in Hangul and later in Latin script is one person in the end,
// whichever order the articles come in.

}  // namespace
}  // namespace tw::store
