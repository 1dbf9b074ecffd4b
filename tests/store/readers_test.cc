// readers — filtered pages of events, entities by any spelling, search.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <map>

#include "store/store_fixture.h"

namespace tw::store {
namespace {

using namespace tw::store::testing;

class Readers : public StoreTest {};
TALENTWAR_STORE_BACKENDS(Readers);

TEST_P(Readers, FilterByType) {
  auto s = open();
  add_sample(*s);
  EXPECT_EQ(docs_and_types(s->events({"move", "", ""})),
            (std::vector<std::string>{"a.txt:move", "b.txt:move"}));
  EXPECT_EQ(docs_and_types(s->events({"investment", "", ""})),
            (std::vector<std::string>{"a.txt:investment"}));
  EXPECT_TRUE(s->events({"layoff", "", ""}).empty());
  EXPECT_EQ(s->events({}).size(), 3u);
}

TEST_P(Readers, FilterByTheArticlesDateAndLanguage) {
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

TEST_P(Readers, FilterByOrgCountsUnitsUnderTheirParent) {
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

TEST_P(Readers, FilterByAnySpelling) {
  auto s = open();
  add_sample(*s);
  EXPECT_EQ(docs_and_types(s->events({"", "구글", ""})), (std::vector<std::string>{"a.txt:move"}));
  EXPECT_EQ(docs_and_types(s->events({"", "메타", ""})), (std::vector<std::string>{"b.txt:move"}));
  EXPECT_EQ(docs_and_types(s->events({"", "openai", ""})),
            (std::vector<std::string>{"a.txt:move"}));
}

TEST_P(Readers, FilterByPerson) {
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

TEST_P(Readers, EventsPageNewestFirstThroughTheEntityIndex) {
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

// An event naming the organisation in two slots is one event on one page: pages count
// events, not the arguments naming it, so they neither overlap nor skip.
TEST_P(Readers, EventsNamingTheEntityTwicePageAsOne) {
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

TEST_P(Readers, EntitiesCountMentionsAndMatchAnySpelling) {
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

TEST_P(Readers, SearchFindsKoreanAndEnglishNewestFirst) {
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

}  // namespace
}  // namespace tw::store
