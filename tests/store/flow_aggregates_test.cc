// flow_aggregates — people counted once per pair, in the month of their first report.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <map>

#include "store/store_fixture.h"

namespace tw::store {
namespace {

using namespace tw::store::testing;

class FlowAggregates : public StoreTest {};
TALENTWAR_STORE_BACKENDS(FlowAggregates);

// Flows are kept by the store as events arrive: each person once per pair, dated by
// their earliest report, and groups by their largest head-count.
TEST_P(FlowAggregates, FlowAggregatesCountPeopleOnceInTheMonthOfTheirFirstReport) {
  auto s = open();
  s->add_article(doc("late.txt", "late", "2025-08-10"), "in",
                 {move("Jane Doerr", "OpenAI", "Meta")});
  s->add_article(doc("early.txt", "early", "2025-07-02"), "in",
                 {move("Jane Doerr", "OpenAI", "Meta")});
  s->add_article(doc("other.txt", "other", "2025-08-20"), "in",
                 {move("John Roe", "OpenAI", "Meta")});
  Event group = move("", "Apple", "Meta");
  group.slots.erase(Slot::person);
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

}  // namespace
}  // namespace tw::store
