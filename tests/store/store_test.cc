// sqlite_store — articles, entities and events in one SQLite file.
#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "test_support.h"

namespace tw::store {
namespace {

using extract::Event;

Event move(std::string person, std::string from, std::string to) {
  Event e;
  e.type = "move";
  e.slots = {{"person", std::move(person)}, {"from", std::move(from)}, {"to", std::move(to)}};
  e.evidence = "evidence of a move.";
  return e;
}

Event investment(std::string investor, std::string investee, double usd) {
  Event e;
  e.type = "investment";
  e.slots = {{"investor", std::move(investor)}, {"investee", std::move(investee)}};
  e.amount = extract::Money{usd, "USD", "", 0, 0, false};
  e.cumulative = true;
  e.evidence = "evidence of an investment.";
  return e;
}

class StoreTest : public ::testing::Test {
 protected:
  std::string db_path() const { return (dir_ / "test.db").string(); }
  std::unique_ptr<store::Store> open() const { return std::make_unique<store::Store>(db_path(), &extract::Lexicon::standard()); }
  static text::Document doc(std::string name, std::string text) {
    text::Document d;
    d.doc = std::move(name);
    d.lang = "en";
    d.text = std::move(text);
    return d;
  }
  // Two articles: a hire into a unit of Google, and an investment; plus a Meta hire.
  void add_sample(store::Store& s) const {
    s.begin_batch();
    EXPECT_EQ(s.add_article(doc("a.txt", "text a"), "in/a.txt",
                            {move("Jane Doerr", "OpenAI", "Google DeepMind"), investment("Amazon", "Anthropic", 4e9)}),
              Store::Added::New);
    EXPECT_EQ(s.add_article(doc("b.txt", "text b"), "in/b.txt", {move("Ruoming Pang", "Apple", "Meta")}),
              Store::Added::New);
    s.commit_batch();
  }
  static std::vector<std::string> docs_and_types(const std::vector<EventRow>& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.doc + ":" + r.event.value("type", ""));
    return out;
  }

  twtest::TempDir dir_;
};

TEST_F(StoreTest, DatabaseIsInWalMode) {
  open();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path().c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST_F(StoreTest, SameDocumentTwiceIsStoredOnce) {
  auto s = open();
  const auto d = doc("a.txt", "Meta hired Jane Doerr.");
  EXPECT_EQ(s->add_article(d, "a.txt", {move("Jane Doerr", "OpenAI", "Meta")}), Store::Added::New);
  EXPECT_EQ(s->add_article(d, "copy/a.txt", {move("Jane Doerr", "OpenAI", "Meta")}), Store::Added::AlreadyStored);
  EXPECT_EQ(s->article_count(), 1u);
  EXPECT_EQ(s->event_count(), 1u);
}

TEST_F(StoreTest, IngestIsIdempotentAcrossOpenings) {
  add_sample(*open());
  auto s = open();
  EXPECT_EQ(s->add_article(doc("a-again.txt", "text a"), "x", {move("X Y", "A", "B")}), Store::Added::AlreadyStored);
  EXPECT_EQ(s->article_count(), 2u);
  EXPECT_EQ(s->event_count(), 3u);
}

TEST_F(StoreTest, FilterByType) {
  auto s = open();
  add_sample(*s);
  EXPECT_EQ(docs_and_types(s->events({"move", "", ""})), (std::vector<std::string>{"a.txt:move", "b.txt:move"}));
  EXPECT_EQ(docs_and_types(s->events({"investment", "", ""})), (std::vector<std::string>{"a.txt:investment"}));
  EXPECT_TRUE(s->events({"layoff", "", ""}).empty());
  EXPECT_EQ(s->events({}).size(), 3u);
}

TEST_F(StoreTest, FilterByOrgCountsUnitsUnderTheirParent) {
  auto s = open();
  add_sample(*s);
  EXPECT_EQ(docs_and_types(s->events({"", "Google", ""})), (std::vector<std::string>{"a.txt:move"}));
  EXPECT_EQ(docs_and_types(s->events({"", "Google DeepMind", ""})), (std::vector<std::string>{"a.txt:move"}));
  EXPECT_EQ(docs_and_types(s->events({"", "Anthropic", ""})), (std::vector<std::string>{"a.txt:investment"}));
  EXPECT_TRUE(s->events({"", "Microsoft", ""}).empty());
}

TEST_F(StoreTest, FilterByAnySpelling) {
  auto s = open();
  add_sample(*s);
  EXPECT_EQ(docs_and_types(s->events({"", "구글", ""})), (std::vector<std::string>{"a.txt:move"}));
  EXPECT_EQ(docs_and_types(s->events({"", "메타", ""})), (std::vector<std::string>{"b.txt:move"}));
  EXPECT_EQ(docs_and_types(s->events({"", "openai", ""})), (std::vector<std::string>{"a.txt:move"}));
}

TEST_F(StoreTest, FilterByPerson) {
  auto s = open();
  add_sample(*s);
  EXPECT_EQ(docs_and_types(s->events({"", "", "Jane Doerr"})), (std::vector<std::string>{"a.txt:move"}));
  EXPECT_EQ(docs_and_types(s->events({"", "", "루오밍 팡"})), (std::vector<std::string>{"b.txt:move"}));
  EXPECT_TRUE(s->events({"", "", "Nobody Here"}).empty());
  EXPECT_EQ(docs_and_types(s->events({"move", "Meta", "Ruoming Pang"})), (std::vector<std::string>{"b.txt:move"}));
  EXPECT_TRUE(s->events({"investment", "", "Ruoming Pang"}).empty());
}

TEST_F(StoreTest, ForEachArticleRoundTripsEvents) {
  auto s = open();
  const std::vector<Event> events{move("Jane Doerr", "OpenAI", "Google DeepMind"), investment("Amazon", "Anthropic", 4e9)};
  text::Document d = doc("a.txt", "text a");
  d.url = "https://example.com/a";
  d.date = "2025-07-01";
  s->add_article(d, "in/a.txt", events);
  size_t seen = 0;
  s->for_each_article([&](const StoredArticle& a) {
    ++seen;
    EXPECT_EQ(a.doc, "a.txt");
    EXPECT_EQ(a.origin, "in/a.txt");
    EXPECT_EQ(a.url, "https://example.com/a");
    EXPECT_EQ(a.date, "2025-07-01");
    EXPECT_EQ(a.hash, Store::content_hash("text a"));
    ASSERT_EQ(a.events.size(), events.size());
    for (size_t i = 0; i < events.size(); ++i) EXPECT_EQ(a.events[i], extract::to_json(events[i]));
  });
  EXPECT_EQ(seen, 1u);
}

TEST_F(StoreTest, ContentHashIsSha256Hex) {
  EXPECT_EQ(Store::content_hash(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Store::content_hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(StoreTest, UnopenablePathThrowsStoreError) {
  EXPECT_THROW(Store((dir_ / "no" / "such" / "dir" / "x.db").string()), StoreError);
}

}  // namespace
}  // namespace tw::store
