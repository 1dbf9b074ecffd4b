// counteroffer — raises and bonuses to keep people
// (sentences written for these tests; the names are invented or public figures).
#include <gtest/gtest.h>

#include "extract/extractor.h"
#include "extract/frame_test_support.h"

namespace tw::extract {
namespace {

using namespace frametest;  // events_of, money, NamesUnit, HasEvent, HasExactly

TEST(ExtractCounteroffer, KoreanRaise) {
  EXPECT_TRUE(HasExactly(events_of("오픈AI는 메타의 영입 시도에 맞서 연구원들의 연봉을 인상했다."),
                         {{{"type", "counteroffer"}, {"org", "OpenAI"}, {"action", "raise"}}}));
}

TEST(ExtractCounteroffer, EnglishRaise) {
  EXPECT_TRUE(
      HasExactly(events_of("OpenAI raised pay for its researchers to counter offers from Meta."),
                 {{{"type", "counteroffer"}, {"org", "OpenAI"}, {"action", "raise"}}}));
}

TEST(ExtractCounteroffer, RetentionAgainstARival) {
  const auto events =
      events_of("구글 딥마인드는 메타로 떠나려는 연구원들을 붙잡기 위해 보너스를 지급했다.");
  EXPECT_TRUE(HasExactly(events, {{{"type", "counteroffer"}, {"target_org", "Meta"}}}));
  EXPECT_TRUE(NamesUnit(events, "counteroffer", Slot::org, "Google DeepMind"));
}

TEST(ExtractCounteroffer, TheRivalBeingCounteredIsTheTargetOrg) {
  EXPECT_TRUE(HasEvent(events_of("오픈AI는 메타의 영입 시도에 맞서 연구원들의 연봉을 인상했다."),
                       {{"type", "counteroffer"}, {"org", "OpenAI"}, {"target_org", "Meta"}}));
  EXPECT_TRUE(
      HasEvent(events_of("OpenAI raised pay for its researchers to counter offers from Meta."),
               {{"type", "counteroffer"}, {"org", "OpenAI"}, {"target_org", "Meta"}}));
}

TEST(ExtractCounteroffer, KoreanCounterofferNoun) {
  EXPECT_TRUE(HasExactly(events_of("오픈AI는 메타의 공세에 맞서 핵심 연구원들에게 역제안을 했다."),
                         {{{"type", "counteroffer"}, {"org", "OpenAI"}}}));
  EXPECT_TRUE(
      HasExactly(events_of("오픈AI는 메타로의 이탈을 막기 위해 핵심 연구원들에게 역제안을 했다."),
                 {{{"type", "counteroffer"}, {"org", "OpenAI"}}}));
}

TEST(ExtractCounteroffer, EnglishCounteredByRaisingPay) {
  EXPECT_TRUE(
      HasExactly(events_of("OpenAI countered Meta's offers by raising pay for key researchers."),
                 {{{"type", "counteroffer"}, {"org", "OpenAI"}}}));
}

}  // namespace
}  // namespace tw::extract
