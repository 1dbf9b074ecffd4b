// slots — the spec's fields as a type, and their names at the edges.
#include "model/slots.h"

#include <gtest/gtest.h>

#include <set>

namespace tw::model {
namespace {

TEST(Slots, EveryNameNamesItsSlotAndBack) {
  std::set<std::string_view> seen;
  for (size_t i = 0; i < kSlotNamesWithUnits.size(); ++i) {
    const auto slot = static_cast<Slot>(i);
    EXPECT_EQ(slot_named(name(slot)), slot) << name(slot);
    EXPECT_TRUE(seen.insert(name(slot)).second) << "named twice: " << name(slot);
  }
  for (const char* other : {"persn", "type", "amount", "evidence", "person_unit", "_unit", ""}) {
    EXPECT_FALSE(slot_named(other)) << other;
    EXPECT_FALSE(is_slot(other)) << other;
  }
}

TEST(Slots, TheSpecsFieldsInTheOrderOfItsTable) {
  ASSERT_EQ(kSlotNames.size(), 33u);
  EXPECT_EQ(kSlotNames.front(), "person");
  EXPECT_EQ(kSlotNames[3], "from_org") << "rule 7: the organisation beside its unit slot";
  EXPECT_EQ(kSlotNames.back(), "disputed_by") << "the attribution fields last";
  for (const std::string_view n : kSlotNames) EXPECT_FALSE(n.ends_with("_unit")) << n;
}

TEST(Slots, OrganisationSlotsHaveAUnitAndAnOrganisationFieldBeside) {
  EXPECT_EQ(kOrganisationSlots.size(), 9u);
  for (const Slot org : kOrganisationSlots) {
    EXPECT_TRUE(is_organisation(org)) << name(org);
    EXPECT_TRUE(is_organisation_slot(name(org))) << name(org);
    const auto unit = unit_of(org);
    ASSERT_TRUE(unit) << name(org);
    EXPECT_EQ(name(*unit), std::string(name(org)) + "_unit");
    EXPECT_EQ(organisation_of_unit(*unit), org);
    ASSERT_TRUE(organisation_field(org)) << name(org);
    EXPECT_EQ(name(*organisation_field(org)), std::string(name(org)) + "_org");
  }
  EXPECT_EQ(unit_of(Slot::target_org), Slot::target_org_unit) << "a slot whose name ends _org";
  EXPECT_EQ(organisation_field(Slot::target_org), Slot::target_org_org);
  for (const Slot other : {Slot::person, Slot::role, Slot::from_org, Slot::from_unit}) {
    EXPECT_FALSE(is_organisation(other)) << name(other);
    EXPECT_FALSE(unit_of(other)) << name(other);
    EXPECT_FALSE(organisation_field(other)) << name(other);
  }
  EXPECT_FALSE(organisation_of_unit(Slot::from)) << "not a unit slot";
  EXPECT_FALSE(is_organisation_slot("from_unit"));
  EXPECT_FALSE(is_organisation_slot("amount"));
}

}  // namespace
}  // namespace tw::model
