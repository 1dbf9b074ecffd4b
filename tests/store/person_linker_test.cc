// person_linker — a later Latin spelling takes over earlier Hangul ones; a merge inside one
// article keeps its mentions.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <map>

#include "store/store_fixture.h"

namespace tw::store {
namespace {

using namespace tw::store::testing;

class PersonLinker : public StoreTest {};
TALENTWAR_STORE_BACKENDS(PersonLinker);

// A name first seen in Hangul and later in Latin script is one person in the end,
// whichever order the articles come in.
TEST_P(PersonLinker, LaterLatinSpellingTakesOverEarlierHangulOnes) {
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

TEST_P(PersonLinker, MergeInsideOneArticleKeepsItsMentions) {
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
