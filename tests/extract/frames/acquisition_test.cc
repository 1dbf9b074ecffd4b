// acquisition — purchases, mergers and sales
// (sentences written for these tests; the names are invented or public figures).
#include <gtest/gtest.h>

#include "extract/extractor.h"
#include "extract/frame_test_support.h"

namespace tw::extract {
namespace {

using namespace frametest;  // events_of, money, NamesUnit, HasEvent, HasExactly

TEST(ExtractAcquisition, KoreanCompleted) {
  EXPECT_TRUE(HasExactly(events_of("구글은 지난달 윈드서프 인수를 마무리했다."),
                         {{{"type", "acquisition"},
                           {"acquirer", "Google"},
                           {"target", "Windsurf"},
                           {"status", "completed"}}}));
}

TEST(ExtractAcquisition, EnglishCompleted) {
  EXPECT_TRUE(HasExactly(events_of("Google completed its acquisition of Windsurf."),
                         {{{"type", "acquisition"},
                           {"acquirer", "Google"},
                           {"target", "Windsurf"},
                           {"status", "completed"}}}));
}

TEST(ExtractAcquisition, AnAgreementWordAroundTheTriggerMeansAgreed) {
  // "will acquire" holds the trigger; "signed a definitive agreement" follows it.
  for (const char* text : {"Amazon will acquire Windsurf.", "Amazon agreed to acquire Windsurf.",
                           "Amazon is set to acquire Windsurf after it signed a definitive "
                           "agreement on Monday."})
    EXPECT_TRUE(HasEvent(events_of(text), {{"type", "acquisition"},
                                           {"acquirer", "Amazon"},
                                           {"target", "Windsurf"},
                                           {"status", "agreed"}}))
        << text;
}

TEST(ExtractAcquisition, AnUnknownTargetKeepsNeitherTheFullStopNorLosesALowerCaseInitial) {
  EXPECT_TRUE(HasExactly(events_of("Amazon agreed to acquire Zorblax."), {{{"type", "acquisition"},
                                                                           {"acquirer", "Amazon"},
                                                                           {"target", "Zorblax"},
                                                                           {"status", "agreed"}}}));
  // Camel-case names with a lower-case initial are names too.
  EXPECT_TRUE(HasEvent(events_of("qLattice was acquired by Amazon."),
                       {{"type", "acquisition"}, {"acquirer", "Amazon"}, {"target", "qLattice"}}));
}

TEST(ExtractAcquisition, KoreanFailed) {
  EXPECT_TRUE(HasExactly(events_of("오픈AI가 추진하던 윈드서프 인수가 무산됐다."),
                         {{{"type", "acquisition"},
                           {"acquirer", "OpenAI"},
                           {"target", "Windsurf"},
                           {"status", "failed"}}}));
  EXPECT_TRUE(
      HasExactly(events_of("오픈AI는 윈드서프를 30억 달러에 인수하려 했으나 협상이 결렬됐다."),
                 {{{"type", "acquisition"},
                   {"acquirer", "OpenAI"},
                   {"target", "Windsurf"},
                   {"status", "failed"}}}));
}

TEST(ExtractAcquisition, EnglishFailed) {
  EXPECT_TRUE(HasExactly(events_of("OpenAI's deal to acquire Windsurf collapsed."),
                         {{{"type", "acquisition"},
                           {"acquirer", "OpenAI"},
                           {"target", "Windsurf"},
                           {"status", "failed"}}}));
}

TEST(ExtractAcquisition, Talks) {
  EXPECT_TRUE(
      HasExactly(events_of("Meta is in talks to acquire Perplexity."), {{{"type", "acquisition"},
                                                                         {"acquirer", "Meta"},
                                                                         {"target", "Perplexity"},
                                                                         {"status", "talks"}}}));
  EXPECT_TRUE(HasExactly(events_of("메타는 퍼플렉시티 인수를 위한 협상을 진행 중이다."),
                         {{{"type", "acquisition"},
                           {"acquirer", "Meta"},
                           {"target", "Perplexity"},
                           {"status", "talks"}}}));
}

TEST(ExtractAcquisition, KoreanFailedWithPossessiveAcquirer) {
  EXPECT_TRUE(
      HasExactly(events_of("오픈AI의 윈드서프 인수는 무산됐다."), {{{"type", "acquisition"},
                                                                    {"acquirer", "OpenAI"},
                                                                    {"target", "Windsurf"},
                                                                    {"status", "failed"}}}));
}

// Companies the lexicon does not know are found by what the sentence does with them.
TEST(ExtractAcquisition, TargetsOutsideTheLexicon) {
  EXPECT_TRUE(HasEvent(
      events_of(
          "Nvidia completed its acquisition of Run:ai, an Israeli software maker, in December."),
      {{"type", "acquisition"}, {"acquirer", "Nvidia"}, {"target", "Run:ai"}}));
  EXPECT_TRUE(
      HasEvent(events_of("Salesforce's purchase of Informatica was announced in May."),
               {{"type", "acquisition"}, {"acquirer", "Salesforce"}, {"target", "Informatica"}}));
  EXPECT_TRUE(HasEvent(events_of("OctoAI was acquired by Nvidia for about $250 million."),
                       {{"type", "acquisition"}, {"acquirer", "Nvidia"}, {"target", "OctoAI"}}));
  EXPECT_TRUE(HasEvent(
      events_of("데이터브릭스는 데이터베이스 스타트업 네온을 약 10억 달러에 인수한다고 밝혔다."),
      {{"type", "acquisition"}, {"acquirer", "Databricks"}, {"target", "네온"}}));
  EXPECT_TRUE(HasEvent(events_of("AMD가 핀란드 AI 스타트업 미르코 AI를 6억6500만 달러에 사들였다."),
                       {{"type", "acquisition"}, {"acquirer", "AMD"}, {"target", "미르코 AI"}}));
}

TEST(ExtractAcquisition, AStakeIsAnInvestmentNotAnAcquisition) {
  const auto events = events_of("Meta bought a 49% stake in Scale AI for $14.3 billion.");
  EXPECT_TRUE(
      HasEvent(events, {{"type", "investment"}, {"investor", "Meta"}, {"investee", "Scale AI"}}));
  for (const auto& e : events) EXPECT_NE(e.type, EventType::Acquisition);
}

TEST(ExtractAcquisition, KoreanListsAndPassivesNameEveryTarget) {
  const auto listed = events_of(
      "엔비디아는 지난해 이스라엘 스타트업 데시(Deci)를, 9월에는 추론 최적화 업체 옥토AI(OctoAI)를 "
      "품었다.\n");
  EXPECT_TRUE(
      HasEvent(listed, {{"type", "acquisition"}, {"acquirer", "Nvidia"}, {"target", "Deci"}}));
  EXPECT_TRUE(
      HasEvent(listed, {{"type", "acquisition"}, {"acquirer", "Nvidia"}, {"target", "OctoAI"}}));
  const auto passive = events_of(
      "올해 3월에는 데이터 스타트업 그레텔(Gretel)이, 4월에는 렙톤AI(Lepton AI)가 엔비디아에 "
      "인수됐다.\n");
  EXPECT_TRUE(
      HasEvent(passive, {{"type", "acquisition"}, {"acquirer", "Nvidia"}, {"target", "Gretel"}}));
  EXPECT_TRUE(HasEvent(passive,
                       {{"type", "acquisition"}, {"acquirer", "Nvidia"}, {"target", "Lepton AI"}}));
}

// A deal agreed but not closed.
TEST(ExtractAcquisition, AgreedBeforeTheVerb) {
  EXPECT_TRUE(HasExactly(events_of("Databricks agreed to acquire MosaicML for $1.3 billion."),
                         {{{"type", "acquisition"},
                           {"acquirer", "Databricks"},
                           {"target", "MosaicML"},
                           {"status", "agreed"}}}));
}

}  // namespace
}  // namespace tw::extract
