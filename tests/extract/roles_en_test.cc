// roles_en — English roles from word order and prepositions around a trigger: the
// subject before it, "from" a source, "to" a destination, "in" a recipient, "by" an
// agent, "X's" or "an X researcher" a possessor.
#include <gtest/gtest.h>

#include "roles_test_support.h"

namespace tw::extract {
namespace {

using testing::roles_of;

TEST(EnglishRoles, SubjectAndSourceOfAHire) {
  auto r = roles_of("Meta hired four researchers from OpenAI.\n");
  EXPECT_EQ(r["Meta"], "subject");
  EXPECT_EQ(r["OpenAI"], "source");
}

TEST(EnglishRoles, AnInvestmentHasARecipient) {
  auto r = roles_of("Amazon invested $4 billion in Anthropic.\n");
  EXPECT_EQ(r["Amazon"], "subject");
  EXPECT_EQ(r["Anthropic"], "recipient");
}

TEST(EnglishRoles, TheAgentOfAPassiveAndTheDestinationOfAMove) {
  auto r = roles_of("Scale AI was acquired by Meta.\n");
  EXPECT_EQ(r["Meta"], "agent");
  r = roles_of("The researcher moved from Google to Meta.\n");
  EXPECT_EQ(r["Google"], "source");
  EXPECT_EQ(r["Meta"], "destination");
}

TEST(EnglishRoles, APossessiveNamesThePossessor) {
  auto r = roles_of("Meta hired Apple's head of foundation models.\n");
  EXPECT_EQ(r["Meta"], "subject");
  EXPECT_EQ(r["Apple"], "possessor");
}

TEST(EnglishRoles, ClausesBreakAtConnectivesNotAtListCommas) {
  const std::string s = "Meta hired a researcher, while Google cut its staff.";
  EXPECT_EQ(clause_breaks(s, LanguageData::english()), (std::vector<size_t>{s.find("Google")}));
  EXPECT_TRUE(clause_breaks("Meta hired researchers from OpenAI, Google and Apple.",
                            LanguageData::english())
                  .empty());
}

}  // namespace
}  // namespace tw::extract
