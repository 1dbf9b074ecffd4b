// store — articles, entities, events and aggregates, in SQLite and in PostgreSQL.
#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fmt/format.h>

#include <map>

#include "test_support.h"

namespace tw::store {
namespace {

using extract::Event;

Event move(std::string person, std::string from, std::string to) {
  Event e;
  e.type = tw::model::EventType::Move;
  e.slots = {{"person", std::move(person)}, {"from", std::move(from)}, {"to", std::move(to)}};
  e.evidence = "evidence of a move.";
  return e;
}

Event investment(std::string investor, std::string investee, double usd) {
  Event e;
  e.type = tw::model::EventType::Investment;
  e.slots = {{"investor", std::move(investor)}, {"investee", std::move(investee)}};
  e.amount = extract::Money{usd, "USD", "", 0, 0, false};
  e.cumulative = true;
  e.evidence = "evidence of an investment.";
  return e;
}

// Every store test runs against both backends: a SQLite file and a PostgreSQL database.
class StoreTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    if (GetParam() == Dialect::Postgres) {
      if (!twtest::PgDatabase::available())
        GTEST_SKIP() << "no PostgreSQL server: set TALENTWAR_TEST_PG (scripts/pg-start)";
      pg_ = std::make_unique<twtest::PgDatabase>();
    }
  }
  std::string location() const { return pg_ ? pg_->url() : (dir_ / "test.db").string(); }
  std::unique_ptr<store::Store> open() const {
    return std::make_unique<store::Store>(location(), &extract::Lexicon::standard());
  }
  static text::Document doc(std::string name, std::string text, std::string date = "") {
    text::Document d;
    d.doc = std::move(name);
    d.lang = "en";
    d.text = std::move(text);
    d.date = std::move(date);
    return d;
  }
  // Two articles: a hire into a unit of Google, and an investment; plus a Meta hire.
  void add_sample(store::Store& s) const {
    s.begin_batch();
    EXPECT_EQ(s.add_article(doc("a.txt", "text a"), "in/a.txt",
                            {move("Jane Doerr", "OpenAI", "Google DeepMind"),
                             investment("Amazon", "Anthropic", 4e9)}),
              Store::Added::New);
    EXPECT_EQ(
        s.add_article(doc("b.txt", "text b"), "in/b.txt", {move("Ruoming Pang", "Apple", "Meta")}),
        Store::Added::New);
    s.commit_batch();
  }
  static std::vector<std::string> docs_and_types(const std::vector<EventRow>& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.doc + ":" + r.event.value("type", ""));
    return out;
  }

  twtest::TempDir dir_;
  std::unique_ptr<twtest::PgDatabase> pg_;
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values(Dialect::Sqlite, Dialect::Postgres),
                         [](const auto& info) {
                           return info.param == Dialect::Sqlite ? "Sqlite" : "Postgres";
                         });

TEST_P(StoreTest, SqliteDatabaseIsInWalMode) {
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

TEST_P(StoreTest, SameDocumentTwiceIsStoredOnce) {
  auto s = open();
  const auto d = doc("a.txt", "Meta hired Jane Doerr.");
  EXPECT_EQ(s->add_article(d, "a.txt", {move("Jane Doerr", "OpenAI", "Meta")}), Store::Added::New);
  EXPECT_EQ(s->add_article(d, "copy/a.txt", {move("Jane Doerr", "OpenAI", "Meta")}),
            Store::Added::AlreadyStored);
  EXPECT_EQ(s->article_count(), 1u);
  EXPECT_EQ(s->event_count(), 1u);
}

TEST_P(StoreTest, IngestIsIdempotentAcrossOpenings) {
  add_sample(*open());
  auto s = open();
  EXPECT_EQ(s->add_article(doc("a-again.txt", "text a"), "x", {move("X Y", "A", "B")}),
            Store::Added::AlreadyStored);
  EXPECT_EQ(s->article_count(), 2u);
  EXPECT_EQ(s->event_count(), 3u);
}

TEST_P(StoreTest, FilterByType) {
  auto s = open();
  add_sample(*s);
  EXPECT_EQ(docs_and_types(s->events({"move", "", ""})),
            (std::vector<std::string>{"a.txt:move", "b.txt:move"}));
  EXPECT_EQ(docs_and_types(s->events({"investment", "", ""})),
            (std::vector<std::string>{"a.txt:investment"}));
  EXPECT_TRUE(s->events({"layoff", "", ""}).empty());
  EXPECT_EQ(s->events({}).size(), 3u);
}

TEST_P(StoreTest, FilterByTheArticlesDateAndLanguage) {
  auto s = open();
  text::Document ko = doc("k.txt", "기사", "2025-03-14");
  ko.lang = "ko";
  s->add_article(doc("a.txt", "text a", "2024-12-31"), "in/a.txt",
                 {move("Jane Doerr", "OpenAI", "Meta")});
  s->add_article(ko, "in/k.txt",
                 {move("Ruoming Pang", "Apple", "Meta"), investment("Amazon", "Anthropic", 4e9)});
  s->add_article(doc("u.txt", "text u"), "in/u.txt", {move("Bo Lind", "Apple", "Meta")});
  auto with = [](auto&& set) {
    EventFilter f;
    set(f);
    return f;
  };
  EXPECT_EQ(docs_and_types(s->events(with([](EventFilter& f) { f.since = "2025"; }))),
            (std::vector<std::string>{"k.txt:move", "k.txt:investment"}));
  EXPECT_EQ(docs_and_types(s->events(with([](EventFilter& f) { f.until = "2024-12"; }))),
            (std::vector<std::string>{"a.txt:move"}))
      << "an undated article is in no window";
  EXPECT_EQ(docs_and_types(s->events(with([](EventFilter& f) {
              f.lang = "ko";
              f.type = "move";
            }))),
            (std::vector<std::string>{"k.txt:move"}));
  // The same through an organisation's index, newest first, and counted.
  const EventFilter meta_2025 = with([](EventFilter& f) {
    f.org = "Meta";
    f.since = "2025-01-01";
    f.newest_first = true;
  });
  EXPECT_EQ(docs_and_types(s->events(meta_2025)), (std::vector<std::string>{"k.txt:move"}));
  EXPECT_EQ(s->count_events(meta_2025, 100), 1u);
  EXPECT_EQ(s->count_events(with([](EventFilter& f) { f.lang = "en"; }), 100), 2u);
  EXPECT_EQ(s->count_events(with([](EventFilter& f) {
                              f.org = "Meta";
                              f.lang = "ko";
                            }),
                            100),
            1u);
}

TEST_P(StoreTest, FilterByOrgCountsUnitsUnderTheirParent) {
  auto s = open();
  add_sample(*s);
  EXPECT_EQ(docs_and_types(s->events({"", "Google", ""})),
            (std::vector<std::string>{"a.txt:move"}));
  EXPECT_EQ(docs_and_types(s->events({"", "Google DeepMind", ""})),
            (std::vector<std::string>{"a.txt:move"}));
  EXPECT_EQ(docs_and_types(s->events({"", "Anthropic", ""})),
            (std::vector<std::string>{"a.txt:investment"}));
  EXPECT_TRUE(s->events({"", "Microsoft", ""}).empty());
}

TEST_P(StoreTest, FilterByAnySpelling) {
  auto s = open();
  add_sample(*s);
  EXPECT_EQ(docs_and_types(s->events({"", "구글", ""})), (std::vector<std::string>{"a.txt:move"}));
  EXPECT_EQ(docs_and_types(s->events({"", "메타", ""})), (std::vector<std::string>{"b.txt:move"}));
  EXPECT_EQ(docs_and_types(s->events({"", "openai", ""})),
            (std::vector<std::string>{"a.txt:move"}));
}

TEST_P(StoreTest, FilterByPerson) {
  auto s = open();
  add_sample(*s);
  EXPECT_EQ(docs_and_types(s->events({"", "", "Jane Doerr"})),
            (std::vector<std::string>{"a.txt:move"}));
  EXPECT_EQ(docs_and_types(s->events({"", "", "루오밍 팡"})),
            (std::vector<std::string>{"b.txt:move"}));
  EXPECT_TRUE(s->events({"", "", "Nobody Here"}).empty());
  EXPECT_EQ(docs_and_types(s->events({"move", "Meta", "Ruoming Pang"})),
            (std::vector<std::string>{"b.txt:move"}));
  EXPECT_TRUE(s->events({"investment", "", "Ruoming Pang"}).empty());
}

TEST_P(StoreTest, ForEachArticleRoundTripsEvents) {
  auto s = open();
  const std::vector<Event> events{move("Jane Doerr", "OpenAI", "Google DeepMind"),
                                  investment("Amazon", "Anthropic", 4e9)};
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

TEST_P(StoreTest, ContentHashIsSha256Hex) {
  EXPECT_EQ(Store::content_hash(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Store::content_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_P(StoreTest, UnopenableLocationThrowsStoreError) {
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

TEST_P(StoreTest, EventsPageNewestFirstThroughTheEntityIndex) {
  auto s = open();
  for (int i = 0; i < 5; ++i)
    s->add_article(
        doc(fmt::format("{}.txt", i), fmt::format("text {}", i), fmt::format("2025-0{}-01", i + 1)),
        "in", {move(fmt::format("Person {}", i), "OpenAI", "Meta")});
  EventFilter f{"move", "Meta", ""};
  f.newest_first = true;
  f.limit = 2;
  EXPECT_EQ(docs_and_types(s->events(f)), (std::vector<std::string>{"4.txt:move", "3.txt:move"}));
  f.offset = 2;
  EXPECT_EQ(docs_and_types(s->events(f)), (std::vector<std::string>{"2.txt:move", "1.txt:move"}));
  EXPECT_EQ(s->count_events(f), 5u);
  EXPECT_EQ(s->count_events(f, 2), 3u) << "a capped count stops one past the cap";
  EXPECT_EQ(s->count_events({"", "", ""}, 2), 3u);
  EventFilter both{"", "Meta", "Person 3"};
  both.newest_first = true;
  EXPECT_EQ(docs_and_types(s->events(both)), (std::vector<std::string>{"3.txt:move"}))
      << "person and organisation";
  both.org = "Apple";
  EXPECT_TRUE(s->events(both).empty());
  EXPECT_EQ(s->count_events(both), 0u);
  EXPECT_EQ(s->count_events({"investment", "", ""}), 0u);
}

// An event naming the organisation in two slots is one event on one page: pages count
// events, not the arguments naming it, so they neither overlap nor skip.
TEST_P(StoreTest, EventsNamingTheEntityTwicePageAsOne) {
  auto s = open();
  for (int i = 0; i < 5; ++i)
    s->add_article(
        doc(fmt::format("{}.txt", i), fmt::format("text {}", i), fmt::format("2025-0{}-01", i + 1)),
        "in", {move(fmt::format("Person {}", i), "Meta", "Meta")});
  EventFilter f{"", "Meta", ""};
  f.newest_first = true;
  f.limit = 2;
  std::vector<std::string> seen;
  for (size_t offset : {0, 2, 4}) {
    f.offset = offset;
    const auto page = docs_and_types(s->events(f));
    EXPECT_EQ(page.size(), offset == 4 ? 1u : 2u) << "offset " << offset;
    seen.insert(seen.end(), page.begin(), page.end());
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"4.txt:move", "3.txt:move", "2.txt:move", "1.txt:move",
                                            "0.txt:move"}));
  EXPECT_EQ(s->count_events(f), 5u);
}

TEST_P(StoreTest, EntitiesCountMentionsAndMatchAnySpelling) {
  auto s = open();
  add_sample(*s);
  const auto orgs = s->entities("", "org");
  ASSERT_FALSE(orgs.empty());
  std::map<std::string, int64_t> n;
  for (const auto& e : orgs) n[e.name] = e.events;
  EXPECT_EQ(n["OpenAI"], 1);
  EXPECT_EQ(n["Anthropic"], 1);
  EXPECT_EQ(n.count("Microsoft"), 0u) << "named by no event";
  const auto meta = s->entities("메타", "");
  ASSERT_EQ(meta.size(), 1u);
  EXPECT_EQ(meta[0].name, "Meta");
  EXPECT_EQ(s->canonical_entity("구글").value_or(""), "Google");
  EXPECT_FALSE(s->canonical_entity("Nobody At All").has_value());
}

TEST_P(StoreTest, SearchFindsKoreanAndEnglishNewestFirst) {
  auto s = open();
  s->add_article(doc("old.txt", "메타가 오픈AI 연구원을 영입했다.", "2024-01-01"), "in", {});
  s->add_article(doc("new.txt", "메타가 애플 연구원을 영입했다. Meta hired again.", "2025-01-01"),
                 "in", {});
  auto docs = [](const std::vector<SearchHit>& hits) {
    std::vector<std::string> out;
    for (const auto& h : hits) out.push_back(h.doc);
    return out;
  };
  EXPECT_EQ(docs(s->search({"연구원을"}, 10)), (std::vector<std::string>{"new.txt", "old.txt"}));
  EXPECT_EQ(docs(s->search({"메타"}, 10)), (std::vector<std::string>{"new.txt", "old.txt"}))
      << "two syllables";
  EXPECT_EQ(docs(s->search({"hired again"}, 10)), (std::vector<std::string>{"new.txt"}));
  EXPECT_EQ(docs(s->search({"100%_\\'\""}, 10)), (std::vector<std::string>{}))
      << "pattern characters are literal";
  EXPECT_EQ(docs(s->search({"오픈AI", "hired again"}, 10)),
            (std::vector<std::string>{"new.txt", "old.txt"}))
      << "any of several spellings, newest first";
  EXPECT_EQ(docs(s->search({"메타", "연구원을"}, 1)), (std::vector<std::string>{"new.txt"}))
      << "up to the limit";
}

// Flows are kept by the store as events arrive: each person once per pair, dated by
// their earliest report, and groups by their largest head-count.
TEST_P(StoreTest, FlowAggregatesCountPeopleOnceInTheMonthOfTheirFirstReport) {
  auto s = open();
  s->add_article(doc("late.txt", "late", "2025-08-10"), "in",
                 {move("Jane Doerr", "OpenAI", "Meta")});
  s->add_article(doc("early.txt", "early", "2025-07-02"), "in",
                 {move("Jane Doerr", "OpenAI", "Meta")});
  s->add_article(doc("other.txt", "other", "2025-08-20"), "in",
                 {move("John Roe", "OpenAI", "Meta")});
  Event group = move("", "Apple", "Meta");
  group.slots.erase("person");
  group.count = 4;
  s->add_article(doc("group.txt", "group", "2025-08-01"), "in", {group});
  auto pairs = [&](const std::string& since, const std::string& until) {
    std::map<std::string, std::pair<int64_t, int64_t>> out;
    for (const auto& p : s->flow_pairs(since, until))
      out[p.from + ">" + p.to] = {p.named, p.largest_group};
    return out;
  };
  using P = std::map<std::string, std::pair<int64_t, int64_t>>;
  EXPECT_EQ(pairs("", ""), (P{{"OpenAI>Meta", {2, 0}}, {"Apple>Meta", {0, 4}}}));
  EXPECT_EQ(pairs("2025-07", "2025-07"), (P{{"OpenAI>Meta", {1, 0}}}))
      << "Jane counts in July, her first report";
  EXPECT_EQ(pairs("2025-08", ""), (P{{"OpenAI>Meta", {1, 0}}, {"Apple>Meta", {0, 4}}}));
  EXPECT_EQ(pairs("2025-08-15", "2025-08-31"), (P{{"OpenAI>Meta", {1, 0}}}))
      << "day-precise windows";
  EXPECT_EQ(s->flow_people("OpenAI", "Meta", "", "", 10),
            (std::vector<std::string>{"Jane Doerr", "John Roe"}));
  const auto sources = s->flow_sources("OpenAI", "Meta", "", "", 2);
  std::vector<std::string> docs;
  for (const auto& a : sources) {
    docs.push_back(a.doc);
    EXPECT_GT(a.article_id, 0) << a.doc << ": shown as the stored article";
  }
  EXPECT_EQ(docs, (std::vector<std::string>{"other.txt", "late.txt"}));
  EXPECT_EQ(sources.at(0).date, "2025-08-20");
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
  Store(path, &extract::Lexicon::standard())
      .add_article(article("a.txt", ""), "in/a.txt", {move("Jane Doerr", "OpenAI", "Meta")});
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  // As the release before outlets left it: no outlet column and no recorded version.
  ASSERT_EQ(sqlite3_exec(raw, "ALTER TABLE articles DROP COLUMN outlet; DROP TABLE schema_version",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  {
    Store reader(path, &extract::Lexicon::standard(), Store::Mode::ReadOnly);
    const auto rows = reader.events({});
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].outlet, "");
    EXPECT_EQ(reader.flow_sources("OpenAI", "Meta", "", "", 5).size(), 1u);
  }
  Store writer(path, &extract::Lexicon::standard());
  writer.add_article(article("b.txt", "The Daily Circuit"), "in/b.txt",
                     {move("John Roe", "OpenAI", "Meta")});
  const auto rows = writer.events({"", "", "John Roe"});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].outlet, "The Daily Circuit");
}

// A name first seen in Hangul and later in Latin script is one person in the end,
// whichever order the articles come in.
TEST_P(StoreTest, LaterLatinSpellingTakesOverEarlierHangulOnes) {
  auto s = open();
  s->add_article(doc("1.txt", "1", "2025-07-01"), "in", {move("하늘 김", "OpenAI", "Meta")});
  s->add_article(doc("2.txt", "2", "2025-07-02"), "in", {move("하눌 김", "OpenAI", "Meta")});
  ASSERT_EQ(s->flow_pairs("", "").at(0).named, 1)
      << "two Hangul spellings that sound alike are one person";
  EXPECT_EQ(s->flow_people("OpenAI", "Meta", "", "", 10), (std::vector<std::string>{"하눌 김"}))
      << "named by the first in code-point order until a Latin spelling comes";
  s->add_article(doc("3.txt", "3", "2025-07-03"), "in", {move("Haneul Kim", "OpenAI", "Meta")});
  const auto pairs = s->flow_pairs("", "");
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].named, 1);
  EXPECT_EQ(s->flow_people("OpenAI", "Meta", "2025-07-01", "2025-07-01", 10),
            (std::vector<std::string>{"Haneul Kim"}))
      << "dated by the earliest spelling's report";
  EXPECT_EQ(s->canonical_entity("하눌 김").value_or(""), "Haneul Kim");
  EXPECT_EQ(s->canonical_entity("하늘 김").value_or(""), "Haneul Kim")
      << "a spelling merged twice stays findable";
  EXPECT_EQ(s->events({"", "", "하늘 김"}).size(), 3u);
  const auto people = s->entities("Haneul", "person");
  ASSERT_EQ(people.size(), 1u);
  EXPECT_EQ(people[0].events, 3) << "every mention moves with the merge";
}

TEST_P(StoreTest, MergeInsideOneArticleKeepsItsMentions) {
  auto s = open();
  s->add_article(doc("1.txt", "1", "2025-07-01"), "in",
                 {move("하늘 김", "OpenAI", "Meta"), move("Haneul Kim", "OpenAI", "Meta")});
  const auto people = s->entities("Haneul", "person");
  ASSERT_EQ(people.size(), 1u);
  EXPECT_EQ(people[0].events, 2);
  EXPECT_EQ(s->flow_pairs("", "").at(0).named, 1);
}

}  // namespace
}  // namespace tw::store
