// event — the spec's JSON shape of an event (key slots and merging: model/reports_test.cc,
// merge_test.cc).
#include "extract/event.h"

#include <gtest/gtest.h>

#include "extract/extractor.h"
#include "test_support.h"

namespace tw::extract {
namespace {

Event make(std::string type, model::Slots slots) {
  return twtest::make_event(std::move(type), std::move(slots));
}

TEST(Event, ToJsonWritesOnlyWhatWasFound) {
  Event e =
      make("investment",
           {{Slot::investor, "Amazon"}, {Slot::investee, "Anthropic"}, {Slot::stake_pct, ""}});
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
  Event e = make("investment", {{Slot::investor, "Amazon"}});
  e.amount = Money{1.25e9 + 0.4, "USD", "at_least", 0, 0, false};
  e.cumulative = true;
  e.count = 12;
  const auto j = to_json(e);
  EXPECT_EQ(j["amount"]["value"], 1250000000LL);  // whole currency units
  EXPECT_EQ(j["amount"]["qualifier"], "at_least");
  EXPECT_EQ(j["cumulative"], true);
  EXPECT_EQ(j["count"], 12);
}

// Spec rule 7: the extract output names the unit the article named, its organisation beside it.
TEST(Event, SpecJsonNamesTheUnitTheArticleNamed) {
  Event e = make("move", {{Slot::person, "Jane Doerr"},
                          {Slot::from, "Google"},
                          {Slot::from_unit, "Google DeepMind"},
                          {Slot::to, "Meta"}});
  const auto j = to_spec_json(e);
  EXPECT_EQ(j["from"], "Google DeepMind");
  EXPECT_EQ(j["from_org"], "Google");
  EXPECT_FALSE(j.contains("from_unit"));
  EXPECT_EQ(j["to"], "Meta");
  EXPECT_FALSE(j.contains("to_org"));
}

}  // namespace
}  // namespace tw::extract
