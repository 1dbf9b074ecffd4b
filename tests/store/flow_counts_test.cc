// flow_counts — the flow aggregates held in memory answer a window as the store does.
#include "store/flow_counts.h"

#include <gtest/gtest.h>

#include <map>

#include "test_support.h"

namespace tw::store {
namespace {

using extract::Event;

Event move(std::string person, std::string from, std::string to,
           std::optional<int64_t> count = std::nullopt) {
  Event e;
  e.type = tw::model::EventType::Move;
  e.slots = {{Slot::from, std::move(from)}, {Slot::to, std::move(to)}};
  if (!person.empty()) e.slots[Slot::person] = std::move(person);
  e.count = count;
  e.evidence = "evidence of a move.";
  return e;
}

text::Document doc(std::string name, std::string date) {
  text::Document d;
  d.doc = name;
  d.lang = "en";
  d.text = "text of " + name;
  d.date = std::move(date);
  return d;
}

using Pairs =
    std::map<std::string, std::pair<int64_t, int64_t>>;  // "from>to" → named, largest group

Pairs as_map(const std::vector<FlowPair>& pairs) {
  Pairs out;
  for (const auto& p : pairs) out[p.from + ">" + p.to] = {p.named, p.largest_group};
  return out;
}

class FlowCountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<Store>((dir_.path() / "flows.db").string(),
                                  &knowledge::Lexicon::standard());
    int day = 0;
    // People and groups over three years, some reported twice, one undated.
    for (const auto& [date, person, from, to, group] :
         std::vector<std::tuple<std::string, std::string, std::string, std::string, int64_t>>{
             {"2023-11-20", "Ada Vance", "OpenAI", "Meta", 0},
             {"2024-01-05", "Bo Lind", "OpenAI", "Meta", 0},
             {"2024-06-30", "Cy Moss", "Apple", "Meta", 0},
             {"2024-12-31", "", "Apple", "Meta", 5},
             {"2025-01-01", "Ada Vance", "OpenAI", "Meta", 0},
             {"2025-03-15", "Di Park", "Google", "OpenAI", 0},
             {"2025-07-02", "", "Google", "OpenAI", 3},
             {"2025-07-09", "Ed Roe", "Apple", "Anthropic", 0},
             {"", "Fay Orr", "Apple", "Anthropic", 0},
             {"2026-02-01", "Gil Yu", "Meta", "OpenAI", 0}})
      db_->add_article(
          doc("a" + std::to_string(++day) + ".txt", date), "in",
          {move(person, from, to, group ? std::optional<int64_t>(group) : std::nullopt)});
  }
  twtest::TempDir dir_;
  std::unique_ptr<Store> db_;
};

TEST_F(FlowCountsTest, EveryWindowOfMonthsOrYearsGivesTheStoresPairs) {
  const FlowCounts counts = FlowCounts::load(*db_);
  const std::vector<std::pair<std::string, std::string>> windows{
      {"2024", ""},           {"", "2024"},           {"2024", "2024"},
      {"2024-06", "2025-01"}, {"2023-12", "2024-12"}, {"2024-07", "2024-12"},
      {"2025-07", "2025-07"}, {"2026", "2030"},       {"2020", "2022"},
      {"2024-02", "2025-11"}};
  for (const auto& [since, until] : windows) {
    const auto held = counts.pairs(since, until);
    ASSERT_TRUE(held) << since << ".." << until;
    EXPECT_EQ(as_map(*held), as_map(db_->flow_pairs(since, until))) << since << ".." << until;
    EXPECT_FALSE(held->empty() && since == "2024") << "the fixture has flows in 2024";
  }
  EXPECT_EQ(as_map(*counts.pairs("2024", "2024")),
            (Pairs{{"OpenAI>Meta", {1, 0}}, {"Apple>Meta", {1, 5}}}))
      << "Ada counts in 2023, her first report; the group of five on 31 December is in 2024";
}

TEST_F(FlowCountsTest, ASummaryRanksPairsAndAddsUpEachOrganisationsSources) {
  const auto s = FlowCounts::load(*db_).summarise("2024", "2025", nullptr, 2, 10);
  ASSERT_TRUE(s);
  const Pairs all = as_map(db_->flow_pairs("2024", "2025"));
  EXPECT_EQ(s->pair_count, all.size());
  ASSERT_EQ(s->listed.size(), 2u) << "the two largest";
  EXPECT_EQ(s->listed[0].from + ">" + s->listed[0].to, "Apple>Meta")
      << "five in a group, the largest";
  for (const auto& b : s->balances) {
    int64_t gained = 0, from_labels = 0;
    for (const auto& [pair, sizes] : all)
      if (pair.ends_with(">" + b.org)) gained += std::max(sizes.first, sizes.second);
    EXPECT_EQ(b.gained, gained) << b.org;
    for (const auto& [label, n] : b.sources) from_labels = std::max(from_labels, n);
    EXPECT_LE(from_labels, b.gained)
        << b.org << ": a source gives no more than the organisation gained";
  }
  const auto meta = std::find_if(s->balances.begin(), s->balances.end(),
                                 [](const FlowBalance& b) { return b.org == "Meta"; });
  ASSERT_NE(meta, s->balances.end());
  EXPECT_EQ(meta->sources.front(), (std::pair<std::string, int64_t>{"Apple", 5}))
      << "a group of five, Cy Moss perhaps among them";
}

TEST_F(FlowCountsTest, MonthlyCountsPeopleIntoAndOutOfAnOrganisationByFirstReport) {
  const FlowCounts counts = FlowCounts::load(*db_);
  auto meta = [](const std::string& org) { return org == "Meta"; };
  std::map<std::string, std::pair<int64_t, int64_t>> got;
  for (const auto& m : counts.monthly("", "", meta)) got[m.month] = {m.in, m.out};
  // Ada first in 2023-11 only (her second report adds no one); groups have no month; Gil leaves.
  EXPECT_EQ(
      got,
      (std::map<std::string, std::pair<int64_t, int64_t>>{
          {"2023-11", {1, 0}}, {"2024-01", {1, 0}}, {"2024-06", {1, 0}}, {"2026-02", {0, 1}}}));
  const auto window = counts.monthly("2024-02", "2025", meta);
  ASSERT_EQ(window.size(), 1u);
  EXPECT_EQ(window[0].month, "2024-06");
  int64_t all = 0;
  for (const auto& m : counts.monthly("2025", "2025", nullptr)) {
    EXPECT_EQ(m.out, 0) << "with no organisation in focus every move is counted once, as in";
    all += m.in;
  }
  EXPECT_EQ(all, 2) << "Di Park and Ed Roe; the undated Fay Orr has no month";
}

TEST_F(FlowCountsTest, AWindowBoundedByADayIsLeftToTheStore) {
  EXPECT_FALSE(FlowCounts::load(*db_).pairs("2024-06-01", "2024-12"));
  EXPECT_FALSE(window_parts("", "2025-03-14"));
}

TEST_F(FlowCountsTest, TheVersionMovesWhenAnArticleIsStored) {
  const FlowCounts before = FlowCounts::load(*db_);
  EXPECT_EQ(before.version(), db_->flow_version());
  db_->add_article(doc("late.txt", "2024-05-05"), "in", {move("Hal Ode", "OpenAI", "Meta")});
  EXPECT_NE(db_->flow_version(), before.version());
  EXPECT_EQ(as_map(*FlowCounts::load(*db_).pairs("2024", "2024")).at("OpenAI>Meta").first, 2);
}

TEST(WindowParts, WholeYearsFromYearlyCountsAndTheEndsFromMonths) {
  const auto parts = window_parts("2023-11", "2025-02");
  ASSERT_TRUE(parts && parts->years);
  EXPECT_EQ(*parts->years, (std::pair<std::string, std::string>{"2024", "2024"}));
  EXPECT_EQ(parts->months, (std::vector<std::pair<std::string, std::string>>{
                               {"2023-11", "2023-12"}, {"2025-01", "2025-02"}}));
  const auto inside = window_parts("2024-03", "2024-05");
  ASSERT_TRUE(inside);
  EXPECT_FALSE(inside->years);
  EXPECT_EQ(inside->months,
            (std::vector<std::pair<std::string, std::string>>{{"2024-03", "2024-05"}}));
  const auto open = window_parts("", "");
  ASSERT_TRUE(open && open->years);
  EXPECT_EQ(*open->years, (std::pair<std::string, std::string>{"0000", "9999"}));
}

}  // namespace
}  // namespace tw::store
