// investment — rounds, investors, tranches and stakes
// (sentences written for these tests; the names are invented or public figures).
#include <gtest/gtest.h>

#include "extract/extractor.h"
#include "extract/frame_test_support.h"

namespace tw::extract {
namespace {

using namespace frametest;  // events_of, money, NamesUnit, HasEvent, HasExactly

TEST(ExtractInvestment, Korean) {
  EXPECT_TRUE(HasExactly(events_of("아마존은 앤스로픽에 40억 달러를 투자했다."),
                         {{{"type", "investment"},
                           {"investor", "Amazon"},
                           {"investee", "Anthropic"},
                           {"amount", money(4e9)},
                           {"cumulative", nullptr}}}));
}

TEST(ExtractInvestment, English) {
  EXPECT_TRUE(HasExactly(events_of("Amazon invested $4 billion in Anthropic."),
                         {{{"type", "investment"},
                           {"investor", "Amazon"},
                           {"investee", "Anthropic"},
                           {"amount", money(4e9)}}}));
}

TEST(ExtractInvestment, KoreanUsdFigureWinsOverItsKrwConversion) {
  EXPECT_TRUE(
      HasExactly(events_of("아마존은 앤스로픽에 27억5000만달러(약 3조7000억원)를 투자했다."),
                 {{{"type", "investment"},
                   {"investor", "Amazon"},
                   {"investee", "Anthropic"},
                   {"amount", money(2.75e9)}}}));
}

TEST(ExtractInvestment, KoreanRunningTotalInTheNextSentence) {
  EXPECT_TRUE(HasExactly(events_of("아마존은 앤스로픽에 12억 5000만 달러를 추가로 투자했다. 이에 "
                                   "따라 총 투자액은 40억 달러가 됐다."),
                         {{{"type", "investment"},
                           {"investor", "Amazon"},
                           {"investee", "Anthropic"},
                           {"amount", money(1.25e9)},
                           {"cumulative", nullptr}},
                          {{"type", "investment"},
                           {"investor", "Amazon"},
                           {"investee", "Anthropic"},
                           {"amount", money(4e9)},
                           {"cumulative", true}}}));
}

TEST(ExtractInvestment, KoreanTotalInvested) {
  EXPECT_TRUE(HasExactly(events_of("아마존은 앤스로픽에 총 80억 달러를 투자했다."),
                         {{{"type", "investment"},
                           {"investor", "Amazon"},
                           {"investee", "Anthropic"},
                           {"amount", money(8e9)},
                           {"cumulative", true}}}));
}

TEST(ExtractInvestment, EnglishTotalInvested) {
  EXPECT_TRUE(HasExactly(events_of("Amazon has now invested a total of $8 billion in Anthropic."),
                         {{{"type", "investment"},
                           {"investor", "Amazon"},
                           {"investee", "Anthropic"},
                           {"amount", money(8e9)},
                           {"cumulative", true}}}));
}

TEST(ExtractInvestment, EnglishRoundLedByAnInvestor) {
  EXPECT_TRUE(
      HasExactly(events_of("Anthropic raised $13 billion in a funding round led by Nvidia."),
                 {{{"type", "investment"},
                   {"investor", "Nvidia"},
                   {"investee", "Anthropic"},
                   {"amount", money(1.3e10)}}}));
}

TEST(ExtractInvestment, KoreanTotalAsSubjectWithPossessives) {
  EXPECT_TRUE(HasExactly(events_of("아마존의 앤스로픽 총 투자액은 40억 달러로 늘었다."),
                         {{{"type", "investment"},
                           {"investor", "Amazon"},
                           {"investee", "Anthropic"},
                           {"amount", money(4e9)},
                           {"cumulative", true}}}));
}

TEST(ExtractInvestment, KoreanRoundRaisedByTheInvestee) {
  EXPECT_TRUE(
      HasExactly(events_of("앤스로픽은 엔비디아가 주도한 투자 라운드에서 130억 달러를 유치했다."),
                 {{{"type", "investment"},
                   {"investor", "Nvidia"},
                   {"investee", "Anthropic"},
                   {"amount", money(1.3e10)}}}));
}

// A round is one fact (spec rule 8): backers named after it become its investor when it has
// none, and are all kept beside it; no backer gets an event of its own for the round.
TEST(ExtractInvestment, BackersJoiningTheRoundReportedBefore) {
  const auto events = events_of(
      "세이프 슈퍼인텔리전스(SSI)가 20억 달러를 새로 유치했다.\n알파벳과 엔비디아도 투자자로 "
      "합류했다.\n");
  EXPECT_TRUE(HasExactly(events, {{{"type", "investment"},
                                   {"investee", "Safe Superintelligence"},
                                   {"investor", "Google"},
                                   {"round_investors", "Google,Nvidia"},
                                   {"amount", {{"value", 2000000000}, {"currency", "USD"}}}}}));
  const auto en = events_of(
      "Mistral AI raised 1.7 billion euros in a round led by ASML.\nNvidia also participated in "
      "the round.\n");
  EXPECT_TRUE(HasExactly(en, {{{"type", "investment"},
                               {"investor", "ASML"},
                               {"investee", "Mistral AI"},
                               {"round_investors", "ASML,Nvidia"},
                               {"amount", {{"value", 1700000000}, {"currency", "EUR"}}}}}));
  // Korean names the backers in the next sentence: "이번 투자에는 A, B 등이 참여했다".
  const auto ko = events_of(
      "가나다랩스는 300억원 규모의 시리즈B 투자를 유치했다고 밝혔다.\n이번 투자에는 소프트뱅크와 "
      "엔비디아 등이 참여했다.\n");
  EXPECT_TRUE(HasEvent(ko, {{"type", "investment"},
                            {"investee", "가나다 랩스"},
                            {"investor", "SoftBank"},
                            {"amount", {{"value", 30000000000}, {"currency", "KRW"}}}}));
}

// A figure that says what a company is worth is no money paid into it.
TEST(ExtractInvestment, ValuationsAreNotInvestments) {
  EXPECT_TRUE(HasExactly(
      events_of("Cohere raised $200 million led by Accel that values the company at $3 billion."),
      {{{"type", "investment"},
        {"investor", "Accel"},
        {"investee", "Cohere"},
        {"amount", {{"value", 200000000}, {"currency", "USD"}}}}}));
  EXPECT_TRUE(HasExactly(
      events_of("앤스로픽이 148억달러(약 20조원)의 기업가치로 투자 유치를 준비 중이다."), {}));
}

// A backer written into the backed company's name.
TEST(ExtractInvestment, BackerCompoundedWithTheName) {
  EXPECT_TRUE(
      HasExactly(events_of("Nvidia-backed Cohere is valued at $3 billion."),
                 {{{"type", "investment"}, {"investor", "Nvidia"}, {"investee", "Cohere"}}}));
  EXPECT_TRUE(events_of("The Nvidia-backed venture, Cohere, is valued at $3 billion.").empty());
}

// Backers named together with no share each are one fact (spec rule 8).
TEST(ExtractInvestment, BackersNamedTogetherAreOneFact) {
  const auto events = events_of(
      "Mistral AI raised 1.7 billion euros in June.\nNvidia is one of the backers, along with "
      "Samsung and IBM.\n");
  EXPECT_TRUE(HasEvent(events, {{"type", "investment"},
                                {"investor", "Nvidia"},
                                {"investee", "Mistral AI"},
                                {"round_investors", "Nvidia,Samsung,IBM"}}));
  EXPECT_FALSE(HasEvent(
      events, {{"type", "investment"}, {"investor", "Samsung"}, {"round_investors", nullptr}}));
}

// "Acme and Beta Capital backed the company": coordinated subjects are not what "the company"
// means.
TEST(ExtractInvestment, CoordinatedSubjectsAreNotTheAnaphorsReferent) {
  const auto events = events_of(
      "Mistral AI raised 900 million euros.\nLast year Samsung and Nvidia backed the company as "
      "well.\n");
  EXPECT_FALSE(HasEvent(events, {{"type", "investment"}, {"investee", "Samsung"}}));
  EXPECT_TRUE(HasEvent(
      events, {{"type", "investment"}, {"investee", "Mistral AI"}, {"investor", "Nvidia"}}));
}

// "a $3 billion deal from Beta Capital into the start-up": the source is the investor.
TEST(ExtractInvestment, SourceOfAnInvestmentNounIsTheInvestor) {
  const auto events = events_of(
      "Anthropic raised $5 billion.\nThat came after a $3 billion financing agreement from Amazon "
      "into Anthropic, which included a $1 billion first investment.\n");
  EXPECT_FALSE(HasEvent(events, {{"type", "investment"}, {"investor", "Anthropic"}}));
  EXPECT_TRUE(HasEvent(
      events, {{"type", "investment"}, {"investor", "Amazon"}, {"investee", "Anthropic"}}));
}

}  // namespace
}  // namespace tw::extract
