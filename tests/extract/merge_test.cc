// merge — reports of one fact within an article become one event; different facts stay apart.
#include <gtest/gtest.h>

#include "extract/extractor.h"
#include "test_support.h"

namespace tw::extract {
namespace {

Event make(std::string type, model::Slots slots) {
  return twtest::make_event(std::move(type), std::move(slots));
}

TEST(MergeReports, RepeatsOfOneFactBecomeOneEvent) {
  auto merged = merge_reports(
      {make("move", {{Slot::person, "Jane Doerr"}, {Slot::to, "Meta"}}),
       make("move", {{Slot::person, "Jane Doerr"}, {Slot::from, "OpenAI"}, {Slot::to, "Meta"}})});
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].slot(Slot::from), "OpenAI");
  EXPECT_EQ(merged[0].slot(Slot::to), "Meta");
}

TEST(MergeReports, ConflictingKeySlotsStaySeparate) {
  auto merged = merge_reports({make("move", {{Slot::person, "Jane Doerr"}, {Slot::to, "Meta"}}),
                               make("move", {{Slot::person, "Jane Doerr"}, {Slot::to, "xAI"}}),
                               make("acquisition", {{Slot::acquirer, "Meta"}})});
  EXPECT_EQ(merged.size(), 3u);
}

TEST(MergeReports, NamedPersonAndGroupStaySeparate) {
  Event group = make("move", {{Slot::from, "Apple"}, {Slot::to, "Meta"}});
  group.count = 4;
  group.group = true;
  auto merged = merge_reports(
      {group,
       make("move", {{Slot::person, "Ruoming Pang"}, {Slot::from, "Apple"}, {Slot::to, "Meta"}})});
  EXPECT_EQ(merged.size(), 2u) << "spec rule 2";
}

TEST(MergeReports, DifferentAmountsAreDifferentFacts) {
  Event a = make("investment", {{Slot::investor, "Amazon"}, {Slot::investee, "Anthropic"}});
  Event b = a;
  a.amount = Money{4e9, "USD", "", 0, 0, false};
  b.amount = Money{8e9, "USD", "", 0, 0, false};
  EXPECT_EQ(merge_reports({a, b}).size(), 2u);
  b.amount->value = 4.02e9;  // within 1 %: the same figure
  EXPECT_EQ(merge_reports({a, b}).size(), 1u);
}

// One origin of a group that came from several stays apart from the counted group (rule 9).
TEST(MergeReports, OneOriginOfSeveralStaysApartFromTheCountedGroup) {
  Event all = make("move", {{Slot::to, "Meta"}});
  all.group = true;
  all.count = 11;
  Event one = make("move", {{Slot::from, "OpenAI"}, {Slot::to, "Meta"}});
  one.group = true;
  one.one_of_origins = true;
  EXPECT_EQ(merge_reports({all, one}).size(), 2u);
  one.one_of_origins = false;
  EXPECT_EQ(merge_reports({all, one}).size(), 1u);
}

}  // namespace
}  // namespace tw::extract
