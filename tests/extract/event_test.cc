// event — the spec's JSON shape of an event, its key slots, and merging reports of one fact.
#include "extract/event.h"

#include <gtest/gtest.h>

#include "extract/extractor.h"
#include "test_support.h"

namespace tw::extract {
namespace {

Event make(std::string type, std::map<std::string, std::string> slots) {
  Event e;
  e.type = std::move(type);
  e.slots = std::move(slots);
  e.evidence = "evidence sentence.";
  return e;
}

TEST(Event, KeySlotsFollowTheSpec) {
  EXPECT_EQ(key_slots("move"), (std::vector<std::string>{"to", "from", "person", "count"}));
  EXPECT_EQ(key_slots("offer"), (std::vector<std::string>{"by", "person", "target_org", "amount"}));
  EXPECT_EQ(key_slots("investment"), (std::vector<std::string>{"investor", "investee", "amount"}));
  EXPECT_EQ(key_slots("acquisition"), (std::vector<std::string>{"acquirer", "target"}));
  EXPECT_EQ(key_slots("layoff"), (std::vector<std::string>{"org", "count"}));
  EXPECT_EQ(key_slots("comp_stat"), (std::vector<std::string>{"org", "amount"}));
  EXPECT_EQ(key_slots("counteroffer"), (std::vector<std::string>{"org"}));
  EXPECT_TRUE(key_slots("weather").empty());
}

TEST(Event, ToJsonWritesOnlyWhatWasFound) {
  Event e = make("investment", {{"investor", "Amazon"}, {"investee", "Anthropic"}, {"stake_pct", ""}});
  e.amount = Money{4e9, "USD", "", 0, 0, false};
  const auto j = to_json(e);
  EXPECT_EQ(j["type"], "investment");
  EXPECT_EQ(j["investor"], "Amazon");
  EXPECT_FALSE(j.contains("stake_pct"));
  EXPECT_FALSE(j.contains("count"));
  EXPECT_FALSE(j.contains("cumulative"));
  EXPECT_EQ(j["amount"], (nlohmann::json{{"value", 4000000000LL}, {"currency", "USD"}}));
  EXPECT_EQ(j["evidence"], "evidence sentence.");
}

TEST(Event, ToJsonMoneyQualifierCountAndCumulative) {
  Event e = make("investment", {{"investor", "Amazon"}});
  e.amount = Money{1.25e9 + 0.4, "USD", "at_least", 0, 0, false};
  e.cumulative = true;
  e.count = 12;
  const auto j = to_json(e);
  EXPECT_EQ(j["amount"]["value"], 1250000000LL);  // whole currency units
  EXPECT_EQ(j["amount"]["qualifier"], "at_least");
  EXPECT_EQ(j["cumulative"], true);
  EXPECT_EQ(j["count"], 12);
}

TEST(MergeReports, RepeatsOfOneFactBecomeOneEvent) {
  auto merged = merge_reports({make("move", {{"person", "Jane Doerr"}, {"to", "Meta"}}),
                               make("move", {{"person", "Jane Doerr"}, {"from", "OpenAI"}, {"to", "Meta"}})});
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].slot("from"), "OpenAI");
  EXPECT_EQ(merged[0].slot("to"), "Meta");
}

TEST(MergeReports, ConflictingKeySlotsStaySeparate) {
  auto merged = merge_reports({make("move", {{"person", "Jane Doerr"}, {"to", "Meta"}}),
                               make("move", {{"person", "Jane Doerr"}, {"to", "xAI"}}),
                               make("acquisition", {{"acquirer", "Meta"}})});
  EXPECT_EQ(merged.size(), 3u);
}

TEST(MergeReports, NamedPersonAndGroupStaySeparate) {
  Event group = make("move", {{"from", "Apple"}, {"to", "Meta"}});
  group.count = 4;
  group.group = true;
  auto merged = merge_reports({group, make("move", {{"person", "Ruoming Pang"}, {"from", "Apple"}, {"to", "Meta"}})});
  EXPECT_EQ(merged.size(), 2u) << "spec rule 2";
}

TEST(MergeReports, DifferentAmountsAreDifferentFacts) {
  Event a = make("investment", {{"investor", "Amazon"}, {"investee", "Anthropic"}});
  Event b = a;
  a.amount = Money{4e9, "USD", "", 0, 0, false};
  b.amount = Money{8e9, "USD", "", 0, 0, false};
  EXPECT_EQ(merge_reports({a, b}).size(), 2u);
  b.amount->value = 4.02e9;  // within 1 %: the same figure
  EXPECT_EQ(merge_reports({a, b}).size(), 1u);
}

}  // namespace
}  // namespace tw::extract
