// model — the vocabulary and the agreement rules every stage shares.
#include "model/model.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "test_support.h"

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

TEST(Model, OrganisationSlots) {
  for (const char* s : {"from", "to", "investor", "investee", "acquirer", "target", "org"})
    EXPECT_TRUE(is_organisation_slot(s)) << s;
  for (const char* s : {"person", "amount", "from_unit", "source"})
    EXPECT_FALSE(is_organisation_slot(s)) << s;
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

TEST(Model, SlotsAreTheSpecsAndUnitsBesideOrganisations) {
  EXPECT_EQ(kSlotNames.size(), 33u);
  for (const char* s : {"person", "from_org", "round_investors", "disputed_by", "from_unit",
                        "investee_unit", "org_unit"})
    EXPECT_TRUE(is_slot(s)) << s;
  for (const char* s : {"persn", "type", "amount", "evidence", "person_unit", "_unit", ""})
    EXPECT_FALSE(is_slot(s)) << s;
}

// Slots are named by strings in code (Event::slots is a map), so a misspelt one would
// compile: every slot name src/ writes is held to the model's list here.
TEST(Model, EverySlotNameWrittenInTheSourceIsOneTheModelKnows) {
  const std::regex use(
      R"re((?:\bslot|\bhas|slots\.count|slots\.find|slots\.erase)\("([a-z_]+)"\))re"
      R"re(|slots\["([a-z_]+)"\])re");
  size_t uses = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(twtest::source_dir() / "src")) {
    if (entry.path().extension() != ".cc" && entry.path().extension() != ".h") continue;
    const std::string code = twtest::read_file(entry.path());
    for (std::sregex_iterator m(code.begin(), code.end(), use), end; m != end; ++m) {
      const std::string name = (*m)[1].matched ? (*m)[1].str() : (*m)[2].str();
      ++uses;
      EXPECT_TRUE(is_slot(name)) << entry.path().filename().string() << ": \"" << name << "\"";
    }
  }
  EXPECT_GT(uses, 100u) << "the pattern no longer finds how src/ names slots";
}

}  // namespace
}  // namespace tw::model
