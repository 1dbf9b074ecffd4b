// move — hires, joins, departures, founders and groups, in both languages
// (sentences written for these tests; the names are invented or public figures).
#include <gtest/gtest.h>

#include "extract/extractor.h"
#include "extract/frame_test_support.h"

namespace tw::extract {
namespace {

using namespace frametest;  // events_of, money, NamesUnit, HasEvent, HasExactly

TEST(ExtractMove, KoreanHireOfNamedResearcher) {
  EXPECT_TRUE(HasExactly(
      events_of("메타는 오픈AI의 연구원 홍길동(Gildong Hong)을 영입했다."),
      {{{"type", "move"}, {"person", "Gildong Hong"}, {"from", "OpenAI"}, {"to", "Meta"}}}));
}

TEST(ExtractMove, EnglishHireOfNamedResearcher) {
  EXPECT_TRUE(HasExactly(
      events_of("Meta hired OpenAI researcher Jane Doerr."),
      {{{"type", "move"}, {"person", "Jane Doerr"}, {"from", "OpenAI"}, {"to", "Meta"}}}));
}

TEST(ExtractMove, KoreanOriginByChulsinAndDestinationByParticle) {
  EXPECT_TRUE(HasExactly(
      events_of("애플 출신 홍길동(Gildong Hong) 연구원이 엑스AI로 자리를 옮겼다."),
      {{{"type", "move"}, {"person", "Gildong Hong"}, {"from", "Apple"}, {"to", "xAI"}}}));
}

TEST(ExtractMove, EnglishFormerEmployerInApposition) {
  EXPECT_TRUE(
      HasExactly(events_of("Jane Doerr, a former Apple engineer, joined xAI in March."),
                 {{{"type", "move"}, {"person", "Jane Doerr"}, {"from", "Apple"}, {"to", "xAI"}}}));
}

TEST(ExtractMove, KoreanGroupMoveWithCount) {
  EXPECT_TRUE(HasExactly(
      events_of("애플의 인공지능 연구원 5명이 메타로 자리를 옮겼다."),
      {{{"type", "move"}, {"count", 5}, {"from", "Apple"}, {"to", "Meta"}, {"person", nullptr}}}));
}

TEST(ExtractMove, EnglishGroupMoveWithCount) {
  EXPECT_TRUE(HasExactly(events_of("Six engineers left Google for Anthropic last month."),
                         {{{"type", "move"},
                           {"count", 6},
                           {"from", "Google"},
                           {"to", "Anthropic"},
                           {"person", nullptr}}}));
}

TEST(ExtractMove, KoreanAtLeastCountGivesTheNumber) {
  EXPECT_TRUE(HasExactly(events_of("메타는 오픈AI 연구원 45명 이상을 영입했다."),
                         {{{"type", "move"}, {"count", 45}, {"from", "OpenAI"}, {"to", "Meta"}}}));
}

TEST(ExtractMove, KoreanGroupFromAUnit) {
  const auto events = events_of("구글 딥마인드 연구원 20여 명이 마이크로소프트로 이직했다.");
  EXPECT_TRUE(HasExactly(events, {{{"type", "move"}, {"count", 20}, {"to", "Microsoft"}}}));
  EXPECT_TRUE(NamesUnit(events, "move", Slot::from, "Google DeepMind"));
}

TEST(ExtractMove, EnglishGroupFromAUnit) {
  const auto events = events_of("Meta hired about 24 researchers from Google DeepMind.");
  EXPECT_TRUE(HasExactly(events, {{{"type", "move"}, {"count", 24}, {"to", "Meta"}}}));
  EXPECT_TRUE(NamesUnit(events, "move", Slot::from, "Google DeepMind"));
}

TEST(ExtractMove, GroupAndNamedMemberAreTwoEvents) {
  EXPECT_TRUE(HasExactly(
      events_of("Four researchers left Apple for Meta, among them Ruoming Pang."),
      {{{"type", "move"}, {"count", 4}, {"from", "Apple"}, {"to", "Meta"}, {"person", nullptr}},
       {{"type", "move"}, {"person", "Ruoming Pang"}, {"from", "Apple"}, {"to", "Meta"}}}));
}

TEST(ExtractMove, KoreanGroupAndNamedMemberInTheNextSentence) {
  EXPECT_TRUE(HasExactly(
      events_of(
          "애플 연구원 네 명이 메타로 떠났다. 이 가운데에는 루오밍 팡(Ruoming Pang)도 포함됐다."),
      {{{"type", "move"}, {"count", 4}, {"from", "Apple"}, {"to", "Meta"}},
       {{"type", "move"}, {"person", "Ruoming Pang"}, {"from", "Apple"}, {"to", "Meta"}}}));
}

TEST(ExtractMove, EnglishCountWithAModifierBeforeTheNoun) {
  EXPECT_TRUE(HasExactly(events_of("Meta hired 45 AI researchers from OpenAI."),
                         {{{"type", "move"}, {"count", 45}, {"from", "OpenAI"}, {"to", "Meta"}}}));
}

TEST(ExtractMove, HypotheticalHireIsNoEvent) {
  EXPECT_TRUE(HasExactly(events_of("Meta may try to hire more OpenAI researchers next year."), {}));
}

TEST(ExtractMove, KoreanPlanIsNoEvent) {
  EXPECT_TRUE(HasExactly(events_of("메타는 오픈AI 연구원 영입을 검토하고 있다."), {}));
}

TEST(ExtractMove, FollowingTheLastMoveCopiesIt) {
  const auto events = events_of(
      "Frank Chu, who oversaw cloud infrastructure for the models group, left Apple for Meta in "
      "August.\n"
      "Ke Yang, who led the search team, followed in October.\n");
  EXPECT_TRUE(HasEvent(
      events, {{"type", "move"}, {"person", "Ke Yang"}, {"from", "Apple"}, {"to", "Meta"}}));
  // "…의 비전에는 협업도 포함되며" includes no person in a move.
  const auto ko = events_of(
      "애플 연구원 네 명이 메타로 떠났다.\n저커버그의 AI 비전에는 신입 직원과의 협업도 포함되며 "
      "일부는 가까이서 일한다.\n");
  for (const auto& e : ko) EXPECT_NE(e.slot(Slot::person), "Mark Zuckerberg");
}

// Members named after their group keep their own origin, told after the name in English.
TEST(ExtractMove, MembersOfAGroupWithTheirOwnOrigins) {
  const auto events = events_of(
      "OpenAI brought four senior engineers onto its scaling team, among them David Lau, "
      "previously a vice president at Tesla.\n"
      "Mike Dalton, an engineer hired away from xAI, was part of the group, as was Angela Fan, who "
      "came from Meta's AI research team.\n");
  EXPECT_TRUE(
      HasEvent(events, {{"type", "move"}, {"count", 4}, {"to", "OpenAI"}, {"from", nullptr}}));
  EXPECT_TRUE(HasEvent(
      events, {{"type", "move"}, {"person", "David Lau"}, {"from", "Tesla"}, {"to", "OpenAI"}}));
  EXPECT_TRUE(HasEvent(
      events, {{"type", "move"}, {"person", "Mike Dalton"}, {"from", "xAI"}, {"to", "OpenAI"}}));
  EXPECT_TRUE(HasEvent(
      events, {{"type", "move"}, {"person", "Angela Fan"}, {"from", "Meta"}, {"to", "OpenAI"}}));
}

TEST(ExtractMove, NamedMoverAndAGroupAfterAnEarlierMove) {
  // Found by fuzz/pipeline_fuzz (fuzz/regressions/pipeline/move-prev-dangling.txt): the
  // move reported before was read through a pointer into the event list while the
  // list grew (a use after free under AddressSanitizer).
  const auto events = events_of("Microsoft hire 4 employees Amar Subramanya,join");
  EXPECT_TRUE(
      HasEvent(events, {{"type", "move"}, {"person", "Amar Subramanya"}, {"to", "Microsoft"}}));
  EXPECT_TRUE(HasEvent(events, {{"type", "move"}, {"count", 4}, {"to", "Microsoft"}}));
}

// Moves written the ways English news writes them, with names the lexicon lacks.
TEST(ExtractMove, EnglishShapesOfAMove) {
  EXPECT_TRUE(
      HasExactly(events_of("Former Meta engineer Tom Vale is now at xAI."),
                 {{{"type", "move"}, {"person", "Tom Vale"}, {"from", "Meta"}, {"to", "xAI"}}}));
  EXPECT_TRUE(
      HasExactly(events_of("Apple lost its top robotics researcher, Leo Park, to Meta."),
                 {{{"type", "move"}, {"person", "Leo Park"}, {"from", "Apple"}, {"to", "Meta"}}}));
  EXPECT_TRUE(HasEvent(
      events_of("OpenAI's head of research, Mark Fenn, left the company to start his own firm."),
      {{"type", "move"}, {"person", "Mark Fenn"}, {"from", "OpenAI"}}));
  EXPECT_TRUE(
      HasEvent(events_of("Paul Ng departed xAI in May and joined OpenAI in June."),
               {{"type", "move"}, {"person", "Paul Ng"}, {"from", "xAI"}, {"to", "OpenAI"}}));
  // Founders described by their former employer, named or not.
  const auto founded =
      events_of("Cohere was started by former Google researchers, including Jane Roe.");
  EXPECT_TRUE(HasEvent(
      founded, {{"type", "move"}, {"from", "Google"}, {"to", "Cohere"}, {"person", nullptr}}));
  EXPECT_TRUE(HasEvent(
      founded, {{"type", "move"}, {"person", "Jane Roe"}, {"from", "Google"}, {"to", "Cohere"}}));
}

// Several origins (spec rule 9): a counted group goes without an origin, and each origin is
// a move of its own.
TEST(ExtractMove, SeveralOriginsInOneSentence) {
  const auto events =
      events_of("애플은 구글·오픈AI·앤스로픽 등에서 최소 7명의 엔지니어를 데려왔다.");
  EXPECT_TRUE(
      HasEvent(events, {{"type", "move"}, {"to", "Apple"}, {"count", 7}, {"from", nullptr}}));
  for (const char* from : {"Google", "OpenAI", "Anthropic"})
    EXPECT_TRUE(
        HasEvent(events, {{"type", "move"}, {"to", "Apple"}, {"from", from}, {"count", nullptr}}))
        << from;
}

// Words in quotation marks are the speaker's: the speaker does not move.
TEST(ExtractMove, QuotedWordsMoveNobodyOutsideTheQuotes) {
  for (const auto& e : events_of("머스크는 “구글 출신 연구원들이 매주 xAI로 옮겨 온다”고 말했다."))
    EXPECT_NE(e.slot(Slot::person), "Elon Musk");
}

// Korean relative clauses around a mover the lexicon does not know.
TEST(ExtractMove, KoreanRelativeClausesAroundTheMover) {
  EXPECT_TRUE(HasEvent(
      events_of("구글 딥마인드를 떠나 오픈AI에 합류한 하르샤 문디는 추론 연구를 맡는다."),
      {{"type", "move"}, {"person", "하르샤 문디"}, {"from", "Google"}, {"to", "OpenAI"}}));
  EXPECT_TRUE(HasExactly(
      events_of("마이크로소프트에 영입된 최민서 부사장은 구글에서 15년간 일했다."),
      {{{"type", "move"}, {"person", "최민서"}, {"from", "Google"}, {"to", "Microsoft"}}}));
  // An honorific is no part of the name.
  EXPECT_TRUE(
      HasEvent(events_of("카카오는 네이버 출신 김하늘 씨를 AI 총괄로 선임했다."),
               {{"type", "move"}, {"person", "김하늘"}, {"from", "Naver"}, {"to", "Kakao"}}));
}

// A list announced with a colon, then one "Name: …" item per person (the career-list format).
TEST(ExtractMove, EnglishListOfMoversAfterAColon) {
  const auto events = events_of(
      "Several engineers recently jumped ship from Apple to xAI, including the following:\n"
      "Dana Whitfield: Worked at Apple for nine years on camera software.\n"
      "Now, she leads a team at xAI.\n"
      "Marco Lindqvist: Worked at Apple for four years.\n");
  EXPECT_TRUE(HasEvent(
      events, {{"type", "move"}, {"person", "Dana Whitfield"}, {"from", "Apple"}, {"to", "xAI"}}));
  EXPECT_TRUE(HasEvent(
      events, {{"type", "move"}, {"person", "Marco Lindqvist"}, {"from", "Apple"}, {"to", "xAI"}}));
}

// "called the recent exits a warning sign": a trigger that is a noun moves its owner, not the
// speaker.
TEST(ExtractMove, EnglishNominalTriggerDoesNotMoveTheSpeaker) {
  const auto events = events_of(
      "Critic Jane Doerr, no friend of OpenAI, has called the recent departures a warning sign.");
  EXPECT_FALSE(HasEvent(events, {{"type", "move"}, {"person", "Jane Doerr"}}));
}

// The company left wins over the person's background title.
TEST(ExtractMove, KoreanCompanyLeftWinsOverBackground) {
  const auto events =
      events_of("딥마인드 출신인 홍길동(Gildong Hong)은 지난해 인플렉션AI를 떠나 메타에 합류했다.");
  EXPECT_TRUE(HasEvent(
      events,
      {{"type", "move"}, {"person", "Gildong Hong"}, {"from", "Inflection AI"}, {"to", "Meta"}}));
  EXPECT_FALSE(HasEvent(events, {{"type", "move"},
                                 {"person", "Gildong Hong"},
                                 {"from", "Google DeepMind"},
                                 {"to", nullptr}}));
}

// Spec rule 9: a group named without a count, from several listed organisations, is one move per
// origin.
TEST(ExtractMove, KoreanGroupFromListedOrganisations) {
  const auto events = events_of(
      "메타는 구글과 오픈AI 등 주요 연구소의 인재들을 높은 보상 조건으로 스카우트하며 역량 강화에 "
      "집중해 왔다.");
  EXPECT_TRUE(
      HasEvent(events, {{"type", "move"}, {"from", "Google"}, {"to", "Meta"}, {"count", nullptr}}));
  EXPECT_TRUE(
      HasEvent(events, {{"type", "move"}, {"from", "OpenAI"}, {"to", "Meta"}, {"count", nullptr}}));
}

// A group listed after named people moves with them: "A와 B, 엔지니어링 팀 일부는 …에 합류할
// 예정이다".
TEST(ExtractMove, KoreanGroupListedAfterNamedPeople) {
  const auto events = events_of(
      "가나랩스 창업자 홍길동(Gildong Hong)과 사장 김민준(Minjun Kim), 엔지니어 일부는 엔비디아에 "
      "합류할 예정이다.");
  EXPECT_TRUE(HasEvent(events, {{"type", "move"}, {"person", "Gildong Hong"}, {"to", "Nvidia"}}));
  EXPECT_TRUE(HasEvent(events, {{"type", "move"}, {"person", nullptr}, {"to", "Nvidia"}}));
}

}  // namespace
}  // namespace tw::extract
