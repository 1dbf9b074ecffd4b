// facts — reports into facts: names resolved across scripts, reports merged when their
// type, key names and amounts agree (within 1 %, or a bound the other satisfies), a
// running total kept apart from a tranche, every source kept.
#include "query/facts.h"

#include <gtest/gtest.h>

namespace tw::query {
namespace {

using nlohmann::json;

store::EventRow report(int64_t id, std::string doc, std::string date, json event) {
  store::EventRow r;
  r.id = id;
  r.doc = std::move(doc);
  r.date = std::move(date);
  r.article_id = id;
  if (!event.contains("evidence")) event["evidence"] = "a sentence of " + r.doc;
  r.event = std::move(event);
  return r;
}

json investment(double usd, bool cumulative = false, std::string qualifier = "") {
  json e{{"type", "investment"},
         {"investor", "Amazon"},
         {"investee", "Anthropic"},
         {"amount", {{"value", usd}, {"currency", "USD"}}}};
  if (!qualifier.empty()) e["amount"]["qualifier"] = qualifier;
  if (cumulative) e["cumulative"] = true;
  return e;
}

std::vector<Fact> facts_of(const std::vector<store::EventRow>& rows) {
  const NameResolver names(knowledge::Lexicon::standard(), people_in(rows));
  return build_facts(rows, names);
}

TEST(Facts, ReportsThatAgreeWithinOnePercentAreOneFactWithEverySource) {
  const auto facts = facts_of({report(1, "a.txt", "2025-01-02", investment(4e9)),
                               report(2, "b.txt", "2025-01-03", investment(4.02e9)),
                               report(3, "c.txt", "2025-01-04", investment(8e9))});
  ASSERT_EQ(facts.size(), 2u) << "4.02 is within 1 % of 4; 8 is another investment";
  const Fact& four = facts[0].sources.size() == 2 ? facts[0] : facts[1];
  EXPECT_EQ(four.sources.size(), 2u);
  EXPECT_EQ(four.amounts.size(), 2u) << "each reported figure is kept";
  EXPECT_EQ(four.first_date, "2025-01-02");
  EXPECT_EQ(four.last_date, "2025-01-03");
}

TEST(Facts, ABoundMergesWithAFigureThatSatisfiesItAndThePreciseFigureIsBest) {
  const auto facts = facts_of({report(1, "a.txt", "2025-01-02", investment(4e9, false, "at_least")),
                               report(2, "b.txt", "2025-01-03", investment(4.3e9))});
  ASSERT_EQ(facts.size(), 1u);
  ASSERT_TRUE(facts[0].best_amount);
  EXPECT_DOUBLE_EQ(facts[0].best_amount->value, 4.3e9) << facts[0].best_rule;
}

TEST(Facts, ARunningTotalIsNeverMergedWithATranche) {
  const auto facts =
      facts_of({report(1, "a.txt", "2025-01-02", investment(4e9)),
                report(2, "b.txt", "2025-01-03", investment(4e9, /*cumulative=*/true))});
  EXPECT_EQ(facts.size(), 2u);
}

TEST(Facts, NamesAreResolvedAcrossScriptsBeforeMerging) {
  const json ko{{"type", "move"}, {"person", "셩자오 자오"}, {"from", "OpenAI"}, {"to", "Meta"}};
  const json en{{"type", "move"}, {"person", "Shengjia Zhao"}, {"from", "OpenAI"}, {"to", "Meta"}};
  const auto facts =
      facts_of({report(1, "ko.txt", "2025-07-26", ko), report(2, "en.txt", "2025-07-25", en)});
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].slot(Slot::person), "Shengjia Zhao");
  EXPECT_EQ(facts[0].sources.size(), 2u);
  const NameResolver names(knowledge::Lexicon::standard(), {"셩자오 자오"});
  EXPECT_EQ(names.canonical("셩자오 자오"), "Shengjia Zhao");
  EXPECT_EQ(fact_summary(facts[0].to_json()), "Shengjia Zhao: OpenAI → Meta");
}

TEST(Facts, DifferentPeopleAreDifferentFacts) {
  const json a{{"type", "move"}, {"person", "Jane Doerr"}, {"from", "OpenAI"}, {"to", "Meta"}};
  const json b{{"type", "move"}, {"person", "John Roe"}, {"from", "OpenAI"}, {"to", "Meta"}};
  EXPECT_EQ(facts_of({report(1, "a.txt", "", a), report(2, "b.txt", "", b)}).size(), 2u);
}

}  // namespace
TEST(Facts, AFactSummarisesAsItsJsonDoes) {
  const json offer{{"type", "offer"}, {"by", "Meta"}, {"target_org", "OpenAI"}};
  const json layoff{{"type", "layoff"}, {"org", "Quillfeather Labs"}, {"count", 40}};
  const json group{{"type", "move"}, {"count", 4}, {"to", "Meta"}};
  for (const json& e : {offer, layoff, group}) {
    const auto facts = facts_of({report(1, "a.txt", "2025-01-02", e)});
    ASSERT_EQ(facts.size(), 1u) << e.dump();
    EXPECT_EQ(fact_summary(facts[0]), fact_summary(facts[0].to_json())) << e.dump();
  }
  EXPECT_EQ(fact_summary(facts_of({report(1, "a.txt", "", offer)})[0]), "Meta → OpenAI staff");
  EXPECT_EQ(fact_summary(facts_of({report(1, "a.txt", "", group)})[0]), "4 people: ? → Meta");
  EXPECT_EQ(fact_summary(json{{"type", "weather"}}), "") << "no type of the spec: no line";
}

TEST(Facts, AmountsAreWrittenAsReportedWholeNumbersAsWholeNumbers) {
  EXPECT_EQ(amount_json({4e9, "USD", ""}).dump(), R"({"currency":"USD","value":4000000000})");
  EXPECT_EQ(amount_json({1.5, "EUR", "about"}).dump(),
            R"({"currency":"EUR","qualifier":"about","value":1.5})");
  const model::Amount read = amount_of(json{{"value", 100}});
  EXPECT_EQ(read.currency, "USD") << "a figure without a currency is in dollars";
  EXPECT_EQ(read.value, 100);
  EXPECT_EQ(read.qualifier, "");
}

}  // namespace tw::query
