// Schema versions and migrations on both backends: a database written by the previous
// release (its schema, tests/store/fixtures/schema-v1.sql, with an article in it) opens,
// is migrated to the current version and keeps its data; one too old or too new is
// refused with the reason; a reader opens an older database without changing it.
#include "store/schema.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <memory>

#include "knowledge/lexicon.h"
#include "store/postgres_connection.h"
#include "store/sqlite_connection.h"
#include "store/store.h"
#include "store/store_fixture.h"

namespace {

using namespace tw;
using store::Dialect;

class Schema : public store::testing::StoreTest {
 protected:
  std::unique_ptr<store::Connection> connect() const {
    if (pg_) return std::make_unique<store::PostgresConnection>(pg_->url());
    return std::make_unique<store::SqliteConnection>(location(), false);
  }
  // A database as the previous release left it: its tables, one article and one event.
  void write_version_1() const {
    auto db = connect();
    const std::string ddl =
        twtest::read_file(twtest::source_dir() / "tests" / "store" / "fixtures" / "schema-v1.sql");
    if (GetParam() == Dialect::Sqlite) {
      db->script(fmt::format(fmt::runtime(ddl), fmt::arg("id", "INTEGER PRIMARY KEY"),
                             fmt::arg("real", "REAL"),
                             fmt::arg("now", "(strftime('%Y-%m-%dT%H:%M:%SZ','now'))")));
      db->script(
          "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
          "content_rowid='id', "
          "tokenize='trigram')");
    } else {
      db->script(fmt::format(fmt::runtime(ddl), fmt::arg("id", "BIGSERIAL PRIMARY KEY"),
                             fmt::arg("real", "DOUBLE PRECISION"),
                             fmt::arg("now", "'2025-01-01T00:00:00Z'")));
    }
    db->run(
        "INSERT INTO articles(doc, origin, content_hash, lang, url, title, published, text) "
        "VALUES('old.txt', 'in/old.txt', 'hash-of-old', 'en', 'https://example.org/old', 'An old "
        "story', "
        "'2025-03-04', 'Jane Doerr joined Meta from OpenAI.')",
        {});
    db->run(
        "INSERT INTO events(article_id, type, sentence, evidence, published, body) VALUES(1, "
        "'move', 0, "
        "'Jane Doerr joined Meta from OpenAI.', '2025-03-04', "
        "'{\"type\":\"move\",\"person\":\"Jane Doerr\"}')",
        {});
  }
};

TEST_P(Schema, ADatabaseOfThePreviousReleaseIsMigratedAndKeepsItsData) {
  write_version_1();
  EXPECT_EQ(store::schema_version(*connect()), 1);
  {
    // A reader reads it as it is, and changes nothing.
    store::Store reader(location(), &knowledge::Lexicon::standard(), store::Store::Mode::ReadOnly);
    EXPECT_EQ(reader.article_count(), 1u);
    ASSERT_TRUE(reader.article(1));
    EXPECT_EQ(reader.article(1)->title, "An old story");
  }
  EXPECT_EQ(store::schema_version(*connect()), 1) << "a reader migrated the database";
  {
    store::Store writer(location(), &knowledge::Lexicon::standard());
    EXPECT_EQ(writer.article_count(), 1u);
    EXPECT_EQ(writer.event_count(), 1u);
    const auto a = writer.article(1);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->text, "Jane Doerr joined Meta from OpenAI.");
    EXPECT_EQ(a->outlet, "");
    text::Document d;
    d.doc = "new.txt";
    d.lang = "en";
    d.text = "A story written after the upgrade.";
    d.outlet = "Example Times";
    writer.begin_batch();
    EXPECT_EQ(writer.add_article(d, "in/new.txt", {}), store::Store::Added::New);
    writer.commit_batch();
    EXPECT_EQ(writer.article(2)->outlet, "Example Times");
  }
  auto db = connect();
  EXPECT_EQ(store::schema_version(*db), store::kSchemaVersion);
  EXPECT_TRUE(store::has_column(*db, "articles", "outlet"));
  // Opening again is a no-op: the version stays, nothing is added twice.
  store::Store again(location(), &knowledge::Lexicon::standard());
  EXPECT_EQ(again.article_count(), 2u);
  EXPECT_EQ(store::integer_of(*connect(), "SELECT count(*) FROM schema_version", {}), 1);
}

TEST_P(Schema, ANewDatabaseStartsAtTheCurrentVersion) {
  { store::Store s(location(), &knowledge::Lexicon::standard()); }
  EXPECT_EQ(store::schema_version(*connect()), store::kSchemaVersion);
}

TEST_P(Schema, TooOldOrTooNewIsRefusedWithTheReason) {
  { store::Store s(location(), &knowledge::Lexicon::standard()); }
  connect()->run("UPDATE schema_version SET version = 99", {});
  for (auto mode : {store::Store::Mode::ReadWrite, store::Store::Mode::ReadOnly}) {
    try {
      store::Store s(location(), &knowledge::Lexicon::standard(), mode);
      ADD_FAILURE() << "a database from a newer talentwar was opened";
    } catch (const store::StoreError& e) {
      EXPECT_NE(std::string(e.what()).find("newer talentwar (schema version 99"), std::string::npos)
          << e.what();
    }
  }
}

TEST(SchemaSqlite, AFileFromBeforeTheAggregatesIsRefusedWithAdvice) {
  twtest::TempDir dir;
  const std::string path = (dir / "ancient.db").string();
  {
    store::SqliteConnection db(path, false);
    db.script(
        "CREATE TABLE articles(id INTEGER PRIMARY KEY, doc TEXT, text TEXT);"
        "CREATE TABLE events(id INTEGER PRIMARY KEY, article_id INTEGER, body TEXT)");
  }
  try {
    store::Store s(path, &knowledge::Lexicon::standard());
    ADD_FAILURE() << "opened";
  } catch (const store::StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("ingest into a new file"), std::string::npos) << e.what();
  }
}

TALENTWAR_STORE_BACKENDS(Schema);

}  // namespace
