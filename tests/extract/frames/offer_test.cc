// offer — approaches and pay offered to people of another organisation
// (sentences written for these tests; the names are invented or public figures).
#include <gtest/gtest.h>

#include "extract/extractor.h"
#include "extract/frame_test_support.h"

namespace tw::extract {
namespace {

using namespace frametest;  // events_of, money, NamesUnit, HasEvent, HasExactly

TEST(ExtractOffer, KoreanOfferToAnotherCompanysStaff) {
  EXPECT_TRUE(HasExactly(events_of("메타는 오픈AI 연구원들에게 최대 1억 달러의 보상을 제안했다."),
                         {{{"type", "offer"},
                           {"by", "Meta"},
                           {"target_org", "OpenAI"},
                           {"person", nullptr},
                           {"amount", money(1e8, "USD", "up_to")}}}));
}

TEST(ExtractOffer, EnglishSigningBonusOffer) {
  EXPECT_TRUE(HasExactly(
      events_of("Meta offered OpenAI researchers signing bonuses of up to $100 million."),
      {{{"type", "offer"},
        {"by", "Meta"},
        {"target_org", "OpenAI"},
        {"comp_kind", "signing_bonus"},
        {"amount", money(1e8, "USD", "up_to")}}}));
}

TEST(ExtractOffer, KoreanDeclinedOfferToNamedPerson) {
  EXPECT_TRUE(HasExactly(
      events_of(
          "메타가 오픈AI의 연구원 홍길동(Gildong Hong)에게 1억 달러를 제시했지만 그는 거절했다."),
      {{{"type", "offer"},
        {"by", "Meta"},
        {"person", "Gildong Hong"},
        {"target_org", "OpenAI"},
        {"amount", money(1e8)},
        {"outcome", "declined"}}}));
}

TEST(ExtractOffer, EnglishDeclinedPackage) {
  EXPECT_TRUE(HasExactly(events_of("Meta offered OpenAI researcher Jane Doerr a $200 million "
                                   "package, but she turned it down."),
                         {{{"type", "offer"},
                           {"by", "Meta"},
                           {"person", "Jane Doerr"},
                           {"target_org", "OpenAI"},
                           {"amount", money(2e8)},
                           {"outcome", "declined"}}}));
}

TEST(ExtractOffer, HireWithKnownAmountIsMoveAndOffer) {
  EXPECT_TRUE(HasExactly(
      events_of("Meta hired OpenAI researcher Jane Doerr with a $50 million signing bonus."),
      {{{"type", "move"}, {"person", "Jane Doerr"}, {"from", "OpenAI"}, {"to", "Meta"}},
       {{"type", "offer"}, {"by", "Meta"}, {"person", "Jane Doerr"}, {"amount", money(5e7)}}}));
  EXPECT_TRUE(HasExactly(
      events_of("메타는 오픈AI 연구원 홍길동(Gildong Hong)을 1억 달러에 영입했다."),
      {{{"type", "move"}, {"person", "Gildong Hong"}, {"from", "OpenAI"}, {"to", "Meta"}},
       {{"type", "offer"}, {"by", "Meta"}, {"person", "Gildong Hong"}, {"amount", money(1e8)}}}));
}

TEST(ExtractOffer, EnglishOfferToPersonNamedAfterTheVerb) {
  EXPECT_TRUE(HasExactly(
      events_of(
          "Meta offered Jane Doerr a pay package worth more than $200 million, but she declined."),
      {{{"type", "offer"},
        {"by", "Meta"},
        {"person", "Jane Doerr"},
        {"amount", money(2e8, "USD", "at_least")},
        {"outcome", "declined"}}}));
}

TEST(ExtractOffer, KoreanNobodyAcceptedIsDeclined) {
  EXPECT_TRUE(HasExactly(
      events_of(
          "메타는 오픈AI 연구원들에게 1억 달러 규모의 보너스를 제시했지만 아무도 수락하지 않았다."),
      {{{"type", "offer"},
        {"by", "Meta"},
        {"target_org", "OpenAI"},
        {"amount", money(1e8)},
        {"outcome", "declined"}}}));
}

}  // namespace
}  // namespace tw::extract
