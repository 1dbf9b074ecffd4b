// internal — the helpers the store's files share: which slots name an entity, and the date
// arithmetic of the flow aggregates.
#include "store/internal.h"

#include "store/store.h"

#include <gtest/gtest.h>

namespace tw::store::internal {
namespace {

TEST(StoreInternal, EntitySlotsArePeopleSourcesOrganisationsAndTheirUnits) {
  using enum model::Slot;
  for (const model::Slot slot : {person, source, from, investee, from_unit, org_unit})
    EXPECT_TRUE(is_entity_slot(slot)) << model::name(slot);
  for (const model::Slot slot : {role, stat, outcome, from_org, round_investors, claimed_by})
    EXPECT_FALSE(is_entity_slot(slot)) << model::name(slot);
}

TEST(StoreInternal, AMonthIsTheDatesFirstSevenCharacters) {
  EXPECT_EQ(month_of("2025-07-01"), "2025-07");
  EXPECT_EQ(month_of("2025-07"), "2025-07");
  EXPECT_EQ(month_of("2025"), "") << "a year names no month";
  EXPECT_EQ(month_of(""), "") << "undated";
}

TEST(StoreInternal, AnUndatedFirstReportIsTheLatest) {
  EXPECT_TRUE(earlier("2025-01-02", "2025-03-04"));
  EXPECT_FALSE(earlier("2025-03-04", "2025-01-02"));
  EXPECT_TRUE(earlier("2025-01-02", "")) << "any date is earlier than none";
  EXPECT_FALSE(earlier("", "2025-01-02"));
  EXPECT_FALSE(earlier("", ""));
}

TEST(StoreInternal, AWindowIsHalfOpenOnTheDayAfterUntil) {
  EXPECT_EQ(window_sql("first_day", 3), "first_day <> '' AND first_day >= $3 AND first_day < $4");
  EXPECT_EQ(date_after("2025"), "2026");
  EXPECT_EQ(date_after("2025-12"), "2026-01");
  EXPECT_EQ(date_after("2024-02-28"), "2024-02-29") << "a leap year";
  EXPECT_EQ(date_after("2025-12-31"), "2026-01-01");
}

}  // namespace
}  // namespace tw::store::internal
