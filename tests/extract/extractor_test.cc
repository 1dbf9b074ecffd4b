// extractor — the event rules on short news-style sentences, one test per event type
// and language (sentences written for these tests), plus what must yield nothing.
#include "extract/extractor.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace tw::extract {
namespace {

using nlohmann::json;
using twtest::HasEvent;
using twtest::HasExactly;

std::vector<Event> events_of(std::string_view text) { return twtest::extract_events(text); }

json money(double value, const char* currency = "USD", const char* qualifier = nullptr) {
  json m{{"value", static_cast<long long>(value)}, {"currency", currency}};
  if (qualifier) m["qualifier"] = qualifier;
  return m;
}

// Rule 7: an event names the unit the text names; the organisation it belongs to may
// stand in the slot as long as the unit is kept beside it ("from_unit").
::testing::AssertionResult NamesUnit(const std::vector<Event>& events, const std::string& type,
                                     const std::string& slot, const std::string& unit) {
  for (const auto& e : events)
    if (e.type == type && (e.slot(slot) == unit || e.slot(slot + "_unit") == unit))
      return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "no " << type << " with " << slot << " = " << unit << " in "
                                       << twtest::events_json(events).dump();
}

// ---- move ------------------------------------------------------------------------

TEST(ExtractMove, KoreanHireOfNamedResearcher) {
  EXPECT_TRUE(HasExactly(events_of("메타는 오픈AI의 연구원 홍길동(Gildong Hong)을 영입했다."),
                         {{{"type", "move"}, {"person", "Gildong Hong"}, {"from", "OpenAI"}, {"to", "Meta"}}}));
}

TEST(ExtractMove, EnglishHireOfNamedResearcher) {
  EXPECT_TRUE(HasExactly(events_of("Meta hired OpenAI researcher Jane Doerr."),
                         {{{"type", "move"}, {"person", "Jane Doerr"}, {"from", "OpenAI"}, {"to", "Meta"}}}));
}

TEST(ExtractMove, KoreanOriginByChulsinAndDestinationByParticle) {
  EXPECT_TRUE(HasExactly(events_of("애플 출신 홍길동(Gildong Hong) 연구원이 엑스AI로 자리를 옮겼다."),
                         {{{"type", "move"}, {"person", "Gildong Hong"}, {"from", "Apple"}, {"to", "xAI"}}}));
}

TEST(ExtractMove, EnglishFormerEmployerInApposition) {
  EXPECT_TRUE(HasExactly(events_of("Jane Doerr, a former Apple engineer, joined xAI in March."),
                         {{{"type", "move"}, {"person", "Jane Doerr"}, {"from", "Apple"}, {"to", "xAI"}}}));
}

TEST(ExtractMove, KoreanGroupMoveWithCount) {
  EXPECT_TRUE(HasExactly(events_of("애플의 인공지능 연구원 5명이 메타로 자리를 옮겼다."),
                         {{{"type", "move"}, {"count", 5}, {"from", "Apple"}, {"to", "Meta"}, {"person", nullptr}}}));
}

TEST(ExtractMove, EnglishGroupMoveWithCount) {
  EXPECT_TRUE(HasExactly(events_of("Six engineers left Google for Anthropic last month."),
                         {{{"type", "move"}, {"count", 6}, {"from", "Google"}, {"to", "Anthropic"}, {"person", nullptr}}}));
}

TEST(ExtractMove, KoreanAtLeastCountGivesTheNumber) {
  EXPECT_TRUE(HasExactly(events_of("메타는 오픈AI 연구원 45명 이상을 영입했다."),
                         {{{"type", "move"}, {"count", 45}, {"from", "OpenAI"}, {"to", "Meta"}}}));
}

TEST(ExtractMove, KoreanGroupFromAUnit) {
  const auto events = events_of("구글 딥마인드 연구원 20여 명이 마이크로소프트로 이직했다.");
  EXPECT_TRUE(HasExactly(events, {{{"type", "move"}, {"count", 20}, {"to", "Microsoft"}}}));
  EXPECT_TRUE(NamesUnit(events, "move", "from", "Google DeepMind"));
}

TEST(ExtractMove, EnglishGroupFromAUnit) {
  const auto events = events_of("Meta hired about 24 researchers from Google DeepMind.");
  EXPECT_TRUE(HasExactly(events, {{{"type", "move"}, {"count", 24}, {"to", "Meta"}}}));
  EXPECT_TRUE(NamesUnit(events, "move", "from", "Google DeepMind"));
}

TEST(ExtractMove, GroupAndNamedMemberAreTwoEvents) {
  EXPECT_TRUE(HasExactly(events_of("Four researchers left Apple for Meta, among them Ruoming Pang."),
                         {{{"type", "move"}, {"count", 4}, {"from", "Apple"}, {"to", "Meta"}, {"person", nullptr}},
                          {{"type", "move"}, {"person", "Ruoming Pang"}, {"from", "Apple"}, {"to", "Meta"}}}));
}

TEST(ExtractMove, KoreanGroupAndNamedMemberInTheNextSentence) {
  EXPECT_TRUE(HasExactly(
      events_of("애플 연구원 네 명이 메타로 떠났다. 이 가운데에는 루오밍 팡(Ruoming Pang)도 포함됐다."),
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

// ---- offer -----------------------------------------------------------------------

TEST(ExtractOffer, KoreanOfferToAnotherCompanysStaff) {
  EXPECT_TRUE(HasExactly(events_of("메타는 오픈AI 연구원들에게 최대 1억 달러의 보상을 제안했다."),
                         {{{"type", "offer"}, {"by", "Meta"}, {"target_org", "OpenAI"}, {"person", nullptr},
                           {"amount", money(1e8, "USD", "up_to")}}}));
}

TEST(ExtractOffer, EnglishSigningBonusOffer) {
  EXPECT_TRUE(HasExactly(events_of("Meta offered OpenAI researchers signing bonuses of up to $100 million."),
                         {{{"type", "offer"}, {"by", "Meta"}, {"target_org", "OpenAI"}, {"comp_kind", "signing_bonus"},
                           {"amount", money(1e8, "USD", "up_to")}}}));
}

TEST(ExtractOffer, KoreanDeclinedOfferToNamedPerson) {
  EXPECT_TRUE(HasExactly(events_of("메타가 오픈AI의 연구원 홍길동(Gildong Hong)에게 1억 달러를 제시했지만 그는 거절했다."),
                         {{{"type", "offer"}, {"by", "Meta"}, {"person", "Gildong Hong"}, {"target_org", "OpenAI"},
                           {"amount", money(1e8)}, {"outcome", "declined"}}}));
}

TEST(ExtractOffer, EnglishDeclinedPackage) {
  EXPECT_TRUE(HasExactly(
      events_of("Meta offered OpenAI researcher Jane Doerr a $200 million package, but she turned it down."),
      {{{"type", "offer"}, {"by", "Meta"}, {"person", "Jane Doerr"}, {"target_org", "OpenAI"},
        {"amount", money(2e8)}, {"outcome", "declined"}}}));
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
      events_of("Meta offered Jane Doerr a pay package worth more than $200 million, but she declined."),
      {{{"type", "offer"}, {"by", "Meta"}, {"person", "Jane Doerr"}, {"amount", money(2e8, "USD", "at_least")},
        {"outcome", "declined"}}}));
}

TEST(ExtractOffer, KoreanNobodyAcceptedIsDeclined) {
  EXPECT_TRUE(HasExactly(
      events_of("메타는 오픈AI 연구원들에게 1억 달러 규모의 보너스를 제시했지만 아무도 수락하지 않았다."),
      {{{"type", "offer"}, {"by", "Meta"}, {"target_org", "OpenAI"}, {"amount", money(1e8)}, {"outcome", "declined"}}}));
}

// ---- investment ------------------------------------------------------------------

TEST(ExtractInvestment, Korean) {
  EXPECT_TRUE(HasExactly(events_of("아마존은 앤스로픽에 40억 달러를 투자했다."),
                         {{{"type", "investment"}, {"investor", "Amazon"}, {"investee", "Anthropic"},
                           {"amount", money(4e9)}, {"cumulative", nullptr}}}));
}

TEST(ExtractInvestment, English) {
  EXPECT_TRUE(HasExactly(events_of("Amazon invested $4 billion in Anthropic."),
                         {{{"type", "investment"}, {"investor", "Amazon"}, {"investee", "Anthropic"},
                           {"amount", money(4e9)}}}));
}

TEST(ExtractInvestment, KoreanUsdFigureWinsOverItsKrwConversion) {
  EXPECT_TRUE(HasExactly(events_of("아마존은 앤스로픽에 27억5000만달러(약 3조7000억원)를 투자했다."),
                         {{{"type", "investment"}, {"investor", "Amazon"}, {"investee", "Anthropic"},
                           {"amount", money(2.75e9)}}}));
}

TEST(ExtractInvestment, KoreanRunningTotalInTheNextSentence) {
  EXPECT_TRUE(HasExactly(
      events_of("아마존은 앤스로픽에 12억 5000만 달러를 추가로 투자했다. 이에 따라 총 투자액은 40억 달러가 됐다."),
      {{{"type", "investment"}, {"investor", "Amazon"}, {"investee", "Anthropic"}, {"amount", money(1.25e9)},
        {"cumulative", nullptr}},
       {{"type", "investment"}, {"investor", "Amazon"}, {"investee", "Anthropic"}, {"amount", money(4e9)},
        {"cumulative", true}}}));
}

TEST(ExtractInvestment, KoreanTotalInvested) {
  EXPECT_TRUE(HasExactly(events_of("아마존은 앤스로픽에 총 80억 달러를 투자했다."),
                         {{{"type", "investment"}, {"investor", "Amazon"}, {"investee", "Anthropic"},
                           {"amount", money(8e9)}, {"cumulative", true}}}));
}

TEST(ExtractInvestment, EnglishTotalInvested) {
  EXPECT_TRUE(HasExactly(events_of("Amazon has now invested a total of $8 billion in Anthropic."),
                         {{{"type", "investment"}, {"investor", "Amazon"}, {"investee", "Anthropic"},
                           {"amount", money(8e9)}, {"cumulative", true}}}));
}

TEST(ExtractInvestment, EnglishRoundLedByAnInvestor) {
  EXPECT_TRUE(HasExactly(events_of("Anthropic raised $13 billion in a funding round led by Nvidia."),
                         {{{"type", "investment"}, {"investor", "Nvidia"}, {"investee", "Anthropic"},
                           {"amount", money(1.3e10)}}}));
}

TEST(ExtractInvestment, KoreanTotalAsSubjectWithPossessives) {
  EXPECT_TRUE(HasExactly(events_of("아마존의 앤스로픽 총 투자액은 40억 달러로 늘었다."),
                         {{{"type", "investment"}, {"investor", "Amazon"}, {"investee", "Anthropic"},
                           {"amount", money(4e9)}, {"cumulative", true}}}));
}

TEST(ExtractInvestment, KoreanRoundRaisedByTheInvestee) {
  EXPECT_TRUE(HasExactly(events_of("앤스로픽은 엔비디아가 주도한 투자 라운드에서 130억 달러를 유치했다."),
                         {{{"type", "investment"}, {"investor", "Nvidia"}, {"investee", "Anthropic"},
                           {"amount", money(1.3e10)}}}));
}

// ---- acquisition -----------------------------------------------------------------

TEST(ExtractAcquisition, KoreanCompleted) {
  EXPECT_TRUE(HasExactly(events_of("구글은 지난달 윈드서프 인수를 마무리했다."),
                         {{{"type", "acquisition"}, {"acquirer", "Google"}, {"target", "Windsurf"}, {"status", "completed"}}}));
}

TEST(ExtractAcquisition, EnglishCompleted) {
  EXPECT_TRUE(HasExactly(events_of("Google completed its acquisition of Windsurf."),
                         {{{"type", "acquisition"}, {"acquirer", "Google"}, {"target", "Windsurf"}, {"status", "completed"}}}));
}

TEST(ExtractAcquisition, KoreanFailed) {
  EXPECT_TRUE(HasExactly(events_of("오픈AI가 추진하던 윈드서프 인수가 무산됐다."),
                         {{{"type", "acquisition"}, {"acquirer", "OpenAI"}, {"target", "Windsurf"}, {"status", "failed"}}}));
  EXPECT_TRUE(HasExactly(events_of("오픈AI는 윈드서프를 30억 달러에 인수하려 했으나 협상이 결렬됐다."),
                         {{{"type", "acquisition"}, {"acquirer", "OpenAI"}, {"target", "Windsurf"}, {"status", "failed"}}}));
}

TEST(ExtractAcquisition, EnglishFailed) {
  EXPECT_TRUE(HasExactly(events_of("OpenAI's deal to acquire Windsurf collapsed."),
                         {{{"type", "acquisition"}, {"acquirer", "OpenAI"}, {"target", "Windsurf"}, {"status", "failed"}}}));
}

TEST(ExtractAcquisition, Talks) {
  EXPECT_TRUE(HasExactly(events_of("Meta is in talks to acquire Perplexity."),
                         {{{"type", "acquisition"}, {"acquirer", "Meta"}, {"target", "Perplexity"}, {"status", "talks"}}}));
  EXPECT_TRUE(HasExactly(events_of("메타는 퍼플렉시티 인수를 위한 협상을 진행 중이다."),
                         {{{"type", "acquisition"}, {"acquirer", "Meta"}, {"target", "Perplexity"}, {"status", "talks"}}}));
}

TEST(ExtractAcquisition, KoreanFailedWithPossessiveAcquirer) {
  EXPECT_TRUE(HasExactly(events_of("오픈AI의 윈드서프 인수는 무산됐다."),
                         {{{"type", "acquisition"}, {"acquirer", "OpenAI"}, {"target", "Windsurf"}, {"status", "failed"}}}));
}

// ---- layoff ----------------------------------------------------------------------

TEST(ExtractLayoff, Korean) {
  EXPECT_TRUE(HasExactly(events_of("메타는 인공지능 부서 직원 600명을 해고했다."),
                         {{{"type", "layoff"}, {"org", "Meta"}, {"count", 600}}}));
  EXPECT_TRUE(HasExactly(events_of("메타는 전체 직원의 5%인 3600명을 감원했다."),
                         {{{"type", "layoff"}, {"org", "Meta"}, {"count", 3600}}}));
}

TEST(ExtractLayoff, English) {
  EXPECT_TRUE(HasExactly(events_of("Meta laid off 3,600 employees."), {{{"type", "layoff"}, {"org", "Meta"}, {"count", 3600}}}));
  EXPECT_TRUE(HasExactly(events_of("Microsoft cut 10,000 jobs in January."),
                         {{{"type", "layoff"}, {"org", "Microsoft"}, {"count", 10000}}}));
}

TEST(ExtractLayoff, KoreanRoundCountWithSpacedCounter) {
  EXPECT_TRUE(HasExactly(events_of("마이크로소프트는 직원 1만 명을 감원한다고 밝혔다."),
                         {{{"type", "layoff"}, {"org", "Microsoft"}, {"count", 10000}}}));
}

// ---- comp_stat -------------------------------------------------------------------

TEST(ExtractCompStat, KoreanMedian) {
  EXPECT_TRUE(HasExactly(events_of("레벨스에프와이아이에 따르면 오픈AI 엔지니어의 연봉 중간값은 30만 달러다."),
                         {{{"type", "comp_stat"}, {"org", "OpenAI"}, {"stat", "median"}, {"amount", money(3e5)}}}));
  EXPECT_TRUE(HasExactly(events_of("오픈AI 연구원의 연봉 중간값은 약 5억원이다."),
                         {{{"type", "comp_stat"}, {"org", "OpenAI"}, {"stat", "median"}, {"amount", money(5e8, "KRW", "about")}}}));
}

TEST(ExtractCompStat, EnglishMedian) {
  EXPECT_TRUE(HasExactly(events_of("OpenAI engineers earn a median annual pay of $300,000, according to Levels.fyi."),
                         {{{"type", "comp_stat"}, {"org", "OpenAI"}, {"stat", "median"}, {"amount", money(3e5)},
                           {"source", "Levels.fyi"}}}));
}

// ---- counteroffer ----------------------------------------------------------------

TEST(ExtractCounteroffer, KoreanRaise) {
  EXPECT_TRUE(HasExactly(events_of("오픈AI는 메타의 영입 시도에 맞서 연구원들의 연봉을 인상했다."),
                         {{{"type", "counteroffer"}, {"org", "OpenAI"}, {"action", "raise"}}}));
}

TEST(ExtractCounteroffer, EnglishRaise) {
  EXPECT_TRUE(HasExactly(events_of("OpenAI raised pay for its researchers to counter offers from Meta."),
                         {{{"type", "counteroffer"}, {"org", "OpenAI"}, {"action", "raise"}}}));
}

TEST(ExtractCounteroffer, RetentionAgainstARival) {
  const auto events = events_of("구글 딥마인드는 메타로 떠나려는 연구원들을 붙잡기 위해 보너스를 지급했다.");
  EXPECT_TRUE(HasExactly(events, {{{"type", "counteroffer"}, {"target_org", "Meta"}}}));
  EXPECT_TRUE(NamesUnit(events, "counteroffer", "org", "Google DeepMind"));
}

TEST(ExtractCounteroffer, TheRivalBeingCounteredIsTheTargetOrg) {
  EXPECT_TRUE(HasEvent(events_of("오픈AI는 메타의 영입 시도에 맞서 연구원들의 연봉을 인상했다."),
                       {{"type", "counteroffer"}, {"org", "OpenAI"}, {"target_org", "Meta"}}));
  EXPECT_TRUE(HasEvent(events_of("OpenAI raised pay for its researchers to counter offers from Meta."),
                       {{"type", "counteroffer"}, {"org", "OpenAI"}, {"target_org", "Meta"}}));
}

TEST(ExtractCounteroffer, KoreanCounterofferNoun) {
  EXPECT_TRUE(HasExactly(events_of("오픈AI는 메타의 공세에 맞서 핵심 연구원들에게 역제안을 했다."),
                         {{{"type", "counteroffer"}, {"org", "OpenAI"}}}));
  EXPECT_TRUE(HasExactly(events_of("오픈AI는 메타로의 이탈을 막기 위해 핵심 연구원들에게 역제안을 했다."),
                         {{{"type", "counteroffer"}, {"org", "OpenAI"}}}));
}

TEST(ExtractCounteroffer, EnglishCounteredByRaisingPay) {
  EXPECT_TRUE(HasExactly(events_of("OpenAI countered Meta's offers by raising pay for key researchers."),
                         {{{"type", "counteroffer"}, {"org", "OpenAI"}}}));
}

// ---- what is not an event ---------------------------------------------------------

TEST(ExtractNothing, GeneralitiesNamingNobody) {
  EXPECT_TRUE(HasExactly(events_of("빅테크는 AI 연구원에게 수백만 달러를 준다."), {}));
}

TEST(ExtractNothing, KoreanTickerAndRelatedHeadlines) {
  EXPECT_TRUE(HasExactly(events_of("KOSPI 2,455.91 ▲ 12.30\n"
                                   "• 48.76\n"
                                   "• 메타, 오픈AI 연구원 또 영입…보상 1억 달러\n"
                                   "• 아마존, 앤스로픽에 40억 달러 추가 투자\n"
                                   "애플은 새 인공지능 조직을 발표했다.\n"),
                         {}));
}

TEST(ExtractNothing, EnglishRelatedListAndPrices) {
  EXPECT_TRUE(HasExactly(events_of("Related stories\n"
                                   "• Google buys Windsurf for $2.4 billion\n"
                                   "• Meta hires OpenAI researcher Jane Doerr\n"
                                   "BTC $97,000.12 +1.2%\n"
                                   "Apple unveiled a new research group on Tuesday.\n"),
                         {}));
}

TEST(ExtractNothing, HtmlRelatedListAndTicker) {
  const auto doc = twtest::prepare_text(
      "<html><body><article><p>Apple unveiled a new research group on Tuesday.</p></article>"
      "<ul class=\"related-news\"><li><a>Google buys Windsurf for $2.4 billion</a></li>"
      "<li><a>Meta hires OpenAI researcher Jane Doerr</a></li></ul>"
      "<div class=\"ticker\">NVDA 181.2</div></body></html>",
      "page.html", /*html=*/true);
  EXPECT_TRUE(HasExactly(Extractor::standard().extract(doc), {}));
}

// ---- document-level behaviour ---------------------------------------------------------

TEST(ExtractDocument, RepeatedFactIsOneEvent) {
  EXPECT_TRUE(HasExactly(events_of("Amazon invested $4 billion in Anthropic.\n"
                                   "Anthropic said the $4 billion investment from Amazon closed on Friday.\n"),
                         {{{"type", "investment"}, {"investor", "Amazon"}, {"investee", "Anthropic"}, {"amount", money(4e9)}}}));
}

TEST(ExtractDocument, EvidenceIsTheTrimmedSourceSentence) {
  const auto events = events_of("Apple unveiled a new chip.   Amazon invested $4 billion in Anthropic.  \n");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].evidence, "Amazon invested $4 billion in Anthropic.");
  EXPECT_EQ(events[0].sentence, 1u);
}

}  // namespace
// Companies the lexicon does not know are found by what the sentence does with them.
TEST(ExtractAcquisition, TargetsOutsideTheLexicon) {
  EXPECT_TRUE(HasEvent(events_of("Nvidia completed its acquisition of Run:ai, an Israeli software maker, in December."),
                       {{"type", "acquisition"}, {"acquirer", "Nvidia"}, {"target", "Run:ai"}}));
  EXPECT_TRUE(HasEvent(events_of("Salesforce's purchase of Informatica was announced in May."),
                       {{"type", "acquisition"}, {"acquirer", "Salesforce"}, {"target", "Informatica"}}));
  EXPECT_TRUE(HasEvent(events_of("OctoAI was acquired by Nvidia for about $250 million."),
                       {{"type", "acquisition"}, {"acquirer", "Nvidia"}, {"target", "OctoAI"}}));
  EXPECT_TRUE(HasEvent(events_of("데이터브릭스는 데이터베이스 스타트업 네온을 약 10억 달러에 인수한다고 밝혔다."),
                       {{"type", "acquisition"}, {"acquirer", "Databricks"}, {"target", "네온"}}));
  EXPECT_TRUE(HasEvent(events_of("AMD가 핀란드 AI 스타트업 미르코 AI를 6억6500만 달러에 사들였다."),
                       {{"type", "acquisition"}, {"acquirer", "AMD"}, {"target", "미르코 AI"}}));
}

TEST(ExtractAcquisition, AStakeIsAnInvestmentNotAnAcquisition) {
  const auto events = events_of("Meta bought a 49% stake in Scale AI for $14.3 billion.");
  EXPECT_TRUE(HasEvent(events, {{"type", "investment"}, {"investor", "Meta"}, {"investee", "Scale AI"}}));
  for (const auto& e : events) EXPECT_NE(e.type, "acquisition");
}

TEST(ExtractMove, FollowingTheLastMoveCopiesIt) {
  const auto events = events_of(
      "Frank Chu, who oversaw cloud infrastructure for the models group, left Apple for Meta in August.\n"
      "Ke Yang, who led the search team, followed in October.\n");
  EXPECT_TRUE(HasEvent(events, {{"type", "move"}, {"person", "Ke Yang"}, {"from", "Apple"}, {"to", "Meta"}}));
  // "…의 비전에는 협업도 포함되며" includes no person in a move.
  const auto ko = events_of("애플 연구원 네 명이 메타로 떠났다.\n저커버그의 AI 비전에는 신입 직원과의 협업도 포함되며 일부는 가까이서 일한다.\n");
  for (const auto& e : ko) EXPECT_NE(e.slot("person"), "Mark Zuckerberg");
}

// A round is one fact (spec rule 8): backers named after it become its investor when it has
// none, and are all kept beside it; no backer gets an event of its own for the round.
TEST(ExtractInvestment, BackersJoiningTheRoundReportedBefore) {
  const auto events = events_of("세이프 슈퍼인텔리전스(SSI)가 20억 달러를 새로 유치했다.\n알파벳과 엔비디아도 투자자로 합류했다.\n");
  EXPECT_TRUE(HasExactly(events, {{{"type", "investment"}, {"investee", "Safe Superintelligence"}, {"investor", "Google"},
                                   {"round_investors", "Google,Nvidia"}, {"amount", {{"value", 2000000000}, {"currency", "USD"}}}}}));
  const auto en = events_of("Mistral AI raised 1.7 billion euros in a round led by ASML.\nNvidia also participated in the round.\n");
  EXPECT_TRUE(HasExactly(en, {{{"type", "investment"}, {"investor", "ASML"}, {"investee", "Mistral AI"}, {"round_investors", "ASML,Nvidia"},
                               {"amount", {{"value", 1700000000}, {"currency", "EUR"}}}}}));
  // Korean names the backers in the next sentence: "이번 투자에는 A, B 등이 참여했다".
  const auto ko = events_of("가나다랩스는 300억원 규모의 시리즈B 투자를 유치했다고 밝혔다.\n이번 투자에는 소프트뱅크와 엔비디아 등이 참여했다.\n");
  EXPECT_TRUE(HasEvent(ko, {{"type", "investment"}, {"investee", "가나다 랩스"}, {"investor", "SoftBank"},
                            {"amount", {{"value", 30000000000}, {"currency", "KRW"}}}}));
}

// A figure that says what a company is worth is no money paid into it.
TEST(ExtractInvestment, ValuationsAreNotInvestments) {
  EXPECT_TRUE(HasExactly(events_of("Anthropic raised $300 million led by Spark Capital that values the company at $4.1 billion."),
                         {{{"type", "investment"}, {"investor", "Spark Capital"}, {"investee", "Anthropic"},
                           {"amount", {{"value", 300000000}, {"currency", "USD"}}}}}));
  EXPECT_TRUE(HasExactly(events_of("앤스로픽이 148억달러(약 20조원)의 기업가치로 투자 유치를 준비 중이다."), {}));
}

// Members named after their group keep their own origin, told after the name in English.
TEST(ExtractMove, MembersOfAGroupWithTheirOwnOrigins) {
  const auto events = events_of(
      "OpenAI brought four senior engineers onto its scaling team, among them David Lau, previously a vice president at Tesla.\n"
      "Mike Dalton, an engineer hired away from xAI, was part of the group, as was Angela Fan, who came from Meta's AI research team.\n");
  EXPECT_TRUE(HasEvent(events, {{"type", "move"}, {"count", 4}, {"to", "OpenAI"}, {"from", nullptr}}));
  EXPECT_TRUE(HasEvent(events, {{"type", "move"}, {"person", "David Lau"}, {"from", "Tesla"}, {"to", "OpenAI"}}));
  EXPECT_TRUE(HasEvent(events, {{"type", "move"}, {"person", "Mike Dalton"}, {"from", "xAI"}, {"to", "OpenAI"}}));
  EXPECT_TRUE(HasEvent(events, {{"type", "move"}, {"person", "Angela Fan"}, {"from", "Meta"}, {"to", "OpenAI"}}));
}

TEST(ExtractAcquisition, KoreanListsAndPassivesNameEveryTarget) {
  const auto listed = events_of("엔비디아는 지난해 이스라엘 스타트업 데시(Deci)를, 9월에는 추론 최적화 업체 옥토AI(OctoAI)를 품었다.\n");
  EXPECT_TRUE(HasEvent(listed, {{"type", "acquisition"}, {"acquirer", "Nvidia"}, {"target", "Deci"}}));
  EXPECT_TRUE(HasEvent(listed, {{"type", "acquisition"}, {"acquirer", "Nvidia"}, {"target", "OctoAI"}}));
  const auto passive = events_of("올해 3월에는 데이터 스타트업 그레텔(Gretel)이, 4월에는 렙톤AI(Lepton AI)가 엔비디아에 인수됐다.\n");
  EXPECT_TRUE(HasEvent(passive, {{"type", "acquisition"}, {"acquirer", "Nvidia"}, {"target", "Gretel"}}));
  EXPECT_TRUE(HasEvent(passive, {{"type", "acquisition"}, {"acquirer", "Nvidia"}, {"target", "Lepton AI"}}));
}

TEST(ExtractMove, NamedMoverAndAGroupAfterAnEarlierMove) {
  // Found by fuzz/pipeline_fuzz (fuzz/regressions/pipeline/move-prev-dangling.txt): the
  // move reported before was read through a pointer into the event list while the
  // list grew (a use after free under AddressSanitizer).
  const auto events = events_of("Microsoft hire 4 employees Amar Subramanya,join");
  EXPECT_TRUE(HasEvent(events, {{"type", "move"}, {"person", "Amar Subramanya"}, {"to", "Microsoft"}}));
  EXPECT_TRUE(HasEvent(events, {{"type", "move"}, {"count", 4}, {"to", "Microsoft"}}));
}

}  // namespace tw::extract

namespace tw::extract {
namespace {

// Where the cuts fell, however the sentence names it: after the trigger ("layoffs at"),
// as the source of a passive ("let go from"), vague head-counts, and Korean "줄였다".
TEST(ExtractLayoff, OrganisationNamedAfterTheCutsAndVagueCounts) {
  EXPECT_TRUE(HasExactly(events_of("The layoffs at Meta affected about 600 people in its AI unit."),
                         {{{"type", "layoff"}, {"org", "Meta"}, {"count", 600}}}));
  EXPECT_TRUE(HasExactly(events_of("About 200 employees were let go from Tesla's Autopilot team."),
                         {{{"type", "layoff"}, {"org", "Tesla"}, {"count", 200}}}));
  EXPECT_TRUE(HasExactly(events_of("구글이 하드웨어 부문에서 수백 명을 해고했다."), {{{"type", "layoff"}, {"org", "Google"}}}));
  EXPECT_TRUE(HasExactly(events_of("아마존이 본사 직원 1만4000명을 내보낸다."), {{{"type", "layoff"}, {"org", "Amazon"}, {"count", 14000}}}));
  // Voluntary retirement counts; the organisation is the one whose staff are counted.
  EXPECT_TRUE(HasEvent(events_of("가나전자의 자회사인 다라소프트의 임직원 120여 명이 희망퇴직으로 회사를 떠났다."),
                       {{"type", "layoff"}, {"org", "다라소프트"}, {"count", 120}}));
}

// Each organisation coordinated with the one cutting staff is an event of its own when no
// figure is given.
TEST(ExtractLayoff, CoordinatedOrganisationsWithoutAFigure) {
  const auto events = events_of("Big tech companies like Google, Meta and Amazon continue on with layoffs.");
  for (const char* org : {"Google", "Meta", "Amazon"})
    EXPECT_TRUE(HasEvent(events, {{"type", "layoff"}, {"org", org}})) << org;
}

}  // namespace
}  // namespace tw::extract

namespace tw::extract {
namespace {

// Moves written the ways English news writes them, with names the lexicon lacks.
TEST(ExtractMove, EnglishShapesOfAMove) {
  EXPECT_TRUE(HasExactly(events_of("Former Meta engineer Tom Vale is now at xAI."),
                         {{{"type", "move"}, {"person", "Tom Vale"}, {"from", "Meta"}, {"to", "xAI"}}}));
  EXPECT_TRUE(HasExactly(events_of("Apple lost its top robotics researcher, Leo Park, to Meta."),
                         {{{"type", "move"}, {"person", "Leo Park"}, {"from", "Apple"}, {"to", "Meta"}}}));
  EXPECT_TRUE(HasEvent(events_of("OpenAI's head of research, Mark Fenn, left the company to start his own firm."),
                       {{"type", "move"}, {"person", "Mark Fenn"}, {"from", "OpenAI"}}));
  EXPECT_TRUE(HasEvent(events_of("Paul Ng departed xAI in May and joined OpenAI in June."),
                       {{"type", "move"}, {"person", "Paul Ng"}, {"from", "xAI"}, {"to", "OpenAI"}}));
  // Founders described by their former employer, named or not.
  const auto founded = events_of("Anthropic was founded by former OpenAI researchers, including Dario Amodei.");
  EXPECT_TRUE(HasEvent(founded, {{"type", "move"}, {"from", "OpenAI"}, {"to", "Anthropic"}, {"person", nullptr}}));
  EXPECT_TRUE(HasEvent(founded, {{"type", "move"}, {"person", "Dario Amodei"}, {"from", "OpenAI"}, {"to", "Anthropic"}}));
}

// Several origins (spec rule 9): a counted group goes without an origin, and each origin is
// a move of its own.
TEST(ExtractMove, SeveralOriginsInOneSentence) {
  const auto events = events_of("메타는 오픈AI·구글 딥마인드·앤스로픽 등 경쟁사에서 최소 11명의 AI 인재를 영입했다.");
  EXPECT_TRUE(HasEvent(events, {{"type", "move"}, {"to", "Meta"}, {"count", 11}, {"from", nullptr}}));
  for (const char* from : {"OpenAI", "Google", "Anthropic"})  // Google DeepMind as "from_unit" beside its organisation
    EXPECT_TRUE(HasEvent(events, {{"type", "move"}, {"to", "Meta"}, {"from", from}, {"count", nullptr}})) << from;
}

// Words in quotation marks are the speaker's: the speaker does not move.
TEST(ExtractMove, QuotedWordsMoveNobodyOutsideTheQuotes) {
  for (const auto& e : events_of("머스크는 “많은 메타 출신 엔지니어들이 xAI에 합류하고 있다”고 강조했다."))
    EXPECT_NE(e.slot("person"), "Elon Musk");
}

}  // namespace
}  // namespace tw::extract
