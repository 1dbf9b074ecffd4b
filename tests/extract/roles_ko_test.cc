// roles_ko — Korean roles from particles: 는/이/가 subject, 을/를 object, 의 possessor,
// 에 recipient, 에서/로부터/출신 source, 로/합류 destination.
#include <gtest/gtest.h>

#include "roles_test_support.h"

namespace tw::extract {
namespace {

using testing::roles_of;

TEST(KoreanRoles, ParticlesGiveSubjectSourceAndRecipient) {
  auto r = roles_of("메타는 오픈AI로부터 연구원 네 명을 데려왔다.\n");
  EXPECT_EQ(r["Meta"], "subject");
  EXPECT_EQ(r["OpenAI"], "source");
  r = roles_of("아마존은 앤스로픽에 40억 달러를 투자했다.\n");
  EXPECT_EQ(r["Amazon"], "subject");
  EXPECT_EQ(r["Anthropic"], "recipient");
}

TEST(KoreanRoles, AMoveHasASourceAndADestination) {
  auto r = roles_of("그는 구글에서 메타로 자리를 옮겼다.\n");
  EXPECT_EQ(r["Google"], "source");
  EXPECT_EQ(r["Meta"], "destination");
}

TEST(KoreanRoles, ThePossessorOfAResearcherAndTheObjectOfADeal) {
  auto r = roles_of("메타가 스케일AI를 인수했다.\n");
  EXPECT_EQ(r["Meta"], "subject");
  EXPECT_EQ(r["Scale AI"], "object");
  r = roles_of("애플의 연구원이 회사를 떠났다.\n");
  EXPECT_EQ(r["Apple"], "possessor");
}

TEST(KoreanRoles, ClausesBreakAtConnectives) {
  const std::string s = "메타는 연구원을 영입했고, 구글은 인력을 줄였다.";
  EXPECT_EQ(clause_breaks(s, LanguageData::korean()), (std::vector<size_t>{s.find(",") + 1}))
      << "two clauses joined by 고";
  EXPECT_TRUE(
      clause_breaks("메타는 오픈AI, 구글, 애플에서 연구원을 데려왔다.", LanguageData::korean())
          .empty())
      << "commas between names only list";
}

}  // namespace
}  // namespace tw::extract
