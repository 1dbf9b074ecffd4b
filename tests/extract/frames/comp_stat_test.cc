// comp_stat — pay statistics and published pay
// (sentences written for these tests; the names are invented or public figures).
#include <gtest/gtest.h>

#include "extract/extractor.h"
#include "extract/frame_test_support.h"

namespace tw::extract {
namespace {

using namespace frametest;  // events_of, money, NamesUnit, HasEvent, HasExactly

TEST(ExtractCompStat, KoreanMedian) {
  EXPECT_TRUE(HasExactly(
      events_of("레벨스에프와이아이에 따르면 오픈AI 엔지니어의 연봉 중간값은 30만 달러다."),
      {{{"type", "comp_stat"}, {"org", "OpenAI"}, {"stat", "median"}, {"amount", money(3e5)}}}));
  EXPECT_TRUE(HasExactly(events_of("오픈AI 연구원의 연봉 중간값은 약 5억원이다."),
                         {{{"type", "comp_stat"},
                           {"org", "OpenAI"},
                           {"stat", "median"},
                           {"amount", money(5e8, "KRW", "about")}}}));
}

TEST(ExtractCompStat, EnglishMedian) {
  EXPECT_TRUE(HasExactly(
      events_of("OpenAI engineers earn a median annual pay of $300,000, according to Levels.fyi."),
      {{{"type", "comp_stat"},
        {"org", "OpenAI"},
        {"stat", "median"},
        {"amount", money(3e5)},
        {"source", "Levels.fyi"}}}));
}

}  // namespace
}  // namespace tw::extract
