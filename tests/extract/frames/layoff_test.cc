// layoff — staff cuts and their head-counts
// (sentences written for these tests; the names are invented or public figures).
#include <gtest/gtest.h>

#include "extract/extractor.h"
#include "extract/frame_test_support.h"

namespace tw::extract {
namespace {

using namespace frametest;  // events_of, money, NamesUnit, HasEvent, HasExactly

TEST(ExtractLayoff, Korean) {
  EXPECT_TRUE(HasExactly(events_of("메타는 인공지능 부서 직원 600명을 해고했다."),
                         {{{"type", "layoff"}, {"org", "Meta"}, {"count", 600}}}));
  EXPECT_TRUE(HasExactly(events_of("메타는 전체 직원의 5%인 3600명을 감원했다."),
                         {{{"type", "layoff"}, {"org", "Meta"}, {"count", 3600}}}));
}

TEST(ExtractLayoff, English) {
  EXPECT_TRUE(HasExactly(events_of("Meta laid off 3,600 employees."),
                         {{{"type", "layoff"}, {"org", "Meta"}, {"count", 3600}}}));
  EXPECT_TRUE(HasExactly(events_of("Microsoft cut 10,000 jobs in January."),
                         {{{"type", "layoff"}, {"org", "Microsoft"}, {"count", 10000}}}));
}

TEST(ExtractLayoff, KoreanRoundCountWithSpacedCounter) {
  EXPECT_TRUE(HasExactly(events_of("마이크로소프트는 직원 1만 명을 감원한다고 밝혔다."),
                         {{{"type", "layoff"}, {"org", "Microsoft"}, {"count", 10000}}}));
}

// Where the cuts fell, however the sentence names it: after the trigger ("layoffs at"),
// as the source of a passive ("let go from"), vague head-counts, and Korean "줄였다".
TEST(ExtractLayoff, OrganisationNamedAfterTheCutsAndVagueCounts) {
  EXPECT_TRUE(HasExactly(events_of("The layoffs at Meta affected about 600 people in its AI unit."),
                         {{{"type", "layoff"}, {"org", "Meta"}, {"count", 600}}}));
  EXPECT_TRUE(HasExactly(events_of("About 200 employees were let go from Tesla's Autopilot team."),
                         {{{"type", "layoff"}, {"org", "Tesla"}, {"count", 200}}}));
  EXPECT_TRUE(HasExactly(events_of("구글이 하드웨어 부문에서 수백 명을 해고했다."),
                         {{{"type", "layoff"}, {"org", "Google"}}}));
  EXPECT_TRUE(HasExactly(events_of("아마존이 본사 직원 1만4000명을 내보낸다."),
                         {{{"type", "layoff"}, {"org", "Amazon"}, {"count", 14000}}}));
  // Voluntary retirement counts; the organisation is the one whose staff are counted.
  EXPECT_TRUE(HasEvent(
      events_of("가나전자의 자회사인 다라소프트의 임직원 120여 명이 희망퇴직으로 회사를 떠났다."),
      {{"type", "layoff"}, {"org", "다라소프트"}, {"count", 120}}));
}

// Each organisation coordinated with the one cutting staff is an event of its own when no
// figure is given.
TEST(ExtractLayoff, CoordinatedOrganisationsWithoutAFigure) {
  const auto events = events_of("Firms such as Intel, Cisco and Dell keep announcing layoffs.");
  for (const char* org : {"Intel", "Cisco", "Dell Technologies"})
    EXPECT_TRUE(HasEvent(events, {{"type", "layoff"}, {"org", org}})) << org;
}

}  // namespace
}  // namespace tw::extract
