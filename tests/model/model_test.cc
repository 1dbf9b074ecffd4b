// model — the vocabulary and the agreement rules every stage shares.
#include "model/model.h"

#include <gtest/gtest.h>

namespace tw::model {
namespace {

TEST(Model, EventTypesAreTheSpecs) {
  EXPECT_EQ(kEventTypes.size(), 7u);
  for (const char* t :
       {"move", "offer", "investment", "acquisition", "layoff", "comp_stat", "counteroffer"})
    EXPECT_TRUE(is_event_type(t)) << t;
  EXPECT_FALSE(is_event_type("hire"));
  EXPECT_FALSE(is_event_type(""));
}

TEST(Model, OnePercentOfTheReference) {
  EXPECT_TRUE(within_one_percent(101, 100));
  EXPECT_FALSE(within_one_percent(101.5, 100));
  EXPECT_TRUE(within_one_percent(99, 100));
  EXPECT_FALSE(within_one_percent(98.9, 100));
  EXPECT_TRUE(within_one_percent(-101, -100)) << "the reference's size, whatever its sign";
  EXPECT_TRUE(within_one_percent(0, 0));
}

TEST(Model, SameAmountIsSymmetric) {
  EXPECT_TRUE(same_amount(14.3e9, 14.35e9));
  EXPECT_TRUE(same_amount(14.35e9, 14.3e9));
  EXPECT_FALSE(same_amount(4e9, 8e9));
  // 1 % of the larger: 99 and 100 agree both ways, though 100 is not within 1 % of 99.
  EXPECT_TRUE(same_amount(99, 100));
  EXPECT_TRUE(same_amount(100, 99));
}

}  // namespace
}  // namespace tw::model
