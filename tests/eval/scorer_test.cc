// scorer — precision, recall and F1 against gold by the rules of shared/spec/events.md.
#include "eval/scorer.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace tw::eval {
namespace {

using nlohmann::json;

// Scores one document's predicted events against its gold events.
Score score_one(std::vector<json> gold, std::vector<json> pred) {
  return score(EventsByDoc{{"d.txt", std::move(gold)}}, EventsByDoc{{"d.txt", std::move(pred)}});
}

size_t matched(std::vector<json> gold, std::vector<json> pred) {
  return score_one(std::move(gold), std::move(pred)).all.matched;
}

json usd(double v) { return {{"value", v}, {"currency", "USD"}}; }

TEST(Scorer, NamesMatchIgnoringCaseSpacesAndPunctuation) {
  const json gold = {{"type", "move"}, {"person", "Ruoming Pang"}, {"to", "OpenAI"}};
  EXPECT_EQ(matched({gold}, {{{"type", "move"}, {"person", "ruoming  pang"}, {"to", "Open AI"}}}),
            1u);
  EXPECT_EQ(matched({gold}, {{{"type", "move"}, {"person", "RUOMING-PANG"}, {"to", "openai."}}}),
            1u);
  EXPECT_EQ(matched({gold}, {{{"type", "move"}, {"person", "Ruoming Pan"}, {"to", "OpenAI"}}}), 0u);
}

TEST(Scorer, GoldListsAlternatives) {
  const json gold = {{"type", "move"}, {"to", {"Meta", "Meta Superintelligence Labs"}}};
  EXPECT_EQ(matched({gold}, {{{"type", "move"}, {"to", "Meta Superintelligence Labs"}}}), 1u);
  EXPECT_EQ(matched({gold}, {{{"type", "move"}, {"to", "meta"}}}), 1u);
  EXPECT_EQ(matched({gold}, {{{"type", "move"}, {"to", "Google"}}}), 0u);
}

TEST(Scorer, TypesMustAgree) {
  EXPECT_EQ(matched({{{"type", "move"}, {"to", "Meta"}}}, {{{"type", "offer"}, {"to", "Meta"}}}),
            0u);
}

TEST(Scorer, OnlyGoldKeySlotsCount) {
  const json gold = {{"type", "move"}, {"to", "Meta"}, {"from", nullptr}, {"role", "researcher"}};
  // role is not a key slot, from is null in the gold, the extra prediction slot is ignored.
  EXPECT_EQ(
      matched({gold}, {{{"type", "move"}, {"to", "Meta"}, {"from", "Apple"}, {"role", "CEO"}}}),
      1u);
  // a key slot filled in the gold must be present in the prediction.
  EXPECT_EQ(matched({{{"type", "move"}, {"to", "Meta"}, {"from", "Apple"}}},
                    {{{"type", "move"}, {"to", "Meta"}}}),
            0u);
}

TEST(Scorer, CountsMatchExactly) {
  const json gold = {{"type", "layoff"}, {"org", "Meta"}, {"count", 600}};
  EXPECT_EQ(matched({gold}, {{{"type", "layoff"}, {"org", "Meta"}, {"count", 600}}}), 1u);
  EXPECT_EQ(matched({gold}, {{{"type", "layoff"}, {"org", "Meta"}, {"count", 601}}}), 0u);
}

TEST(Scorer, MoneyWithinOnePercent) {
  const json gold = {{"type", "investment"}, {"investee", "Anthropic"}, {"amount", usd(4e9)}};
  auto pred = [](json amount) {
    return json{{"type", "investment"}, {"investee", "Anthropic"}, {"amount", amount}};
  };
  EXPECT_EQ(matched({gold}, {pred(usd(4e9))}), 1u);
  EXPECT_EQ(matched({gold}, {pred(usd(4.039e9))}), 1u);
  EXPECT_EQ(matched({gold}, {pred(usd(3.961e9))}), 1u);
  EXPECT_EQ(matched({gold}, {pred(usd(4.05e9))}), 0u);
  EXPECT_EQ(matched({gold}, {pred(usd(3.9e9))}), 0u);
}

TEST(Scorer, CurrencyMustAgree) {
  const json gold = {{"type", "investment"}, {"investee", "Anthropic"}, {"amount", usd(4e9)}};
  EXPECT_EQ(matched({gold}, {{{"type", "investment"},
                              {"investee", "Anthropic"},
                              {"amount", {{"value", 4e9}, {"currency", "KRW"}}}}}),
            0u);
  EXPECT_EQ(matched({gold}, {{{"type", "investment"},
                              {"investee", "Anthropic"},
                              {"amount", {{"value", 4e9}, {"currency", "usd"}}}}}),
            1u);
}

TEST(Scorer, EachGoldEventIsMatchedOnce) {
  const json gold = {{"type", "move"}, {"to", "Meta"}};
  const json pred = {{"type", "move"}, {"to", "Meta"}};
  const Score s = score_one({gold}, {pred, pred});
  EXPECT_EQ(s.all.matched, 1u);
  EXPECT_EQ(s.all.gold, 1u);
  EXPECT_EQ(s.all.pred, 2u);
  EXPECT_DOUBLE_EQ(s.all.precision(), 0.5);
  EXPECT_DOUBLE_EQ(s.all.recall(), 1.0);
  EXPECT_NEAR(s.all.f1(), 2.0 / 3.0, 1e-12);
  ASSERT_EQ(s.misses.size(), 1u);
  EXPECT_EQ(s.misses[0].kind, "spurious");
}

TEST(Scorer, MatchingIsMaximumNotGreedy) {
  // The first prediction fits both gold events; a greedy matcher would give it to the
  // first gold and leave the second unmatched.
  const json g1 = {{"type", "move"}, {"to", "Meta"}};
  const json g2 = {{"type", "move"}, {"to", "Meta"}, {"from", "Apple"}};
  const json p1 = {{"type", "move"}, {"to", "Meta"}, {"from", "Apple"}};
  const json p2 = {{"type", "move"}, {"to", "Meta"}, {"from", "Google"}};
  EXPECT_EQ(matched({g1, g2}, {p1, p2}), 2u);
}

TEST(Scorer, PerTypeScoresAndMisses) {
  const Score s = score(
      EventsByDoc{
          {"a", {{{"type", "move"}, {"to", "Meta"}}, {{"type", "layoff"}, {"org", "Meta"}}}},
          {"b", {}}},
      EventsByDoc{{"a", {{{"type", "move"}, {"to", "Meta"}}}},
                  {"b", {{{"type", "offer"}, {"by", "Meta"}}}},
                  {"only-in-pred", {{{"type", "move"}, {"to", "X"}}}}});
  EXPECT_EQ(s.by_type.at("move").matched, 1u);
  EXPECT_EQ(s.by_type.at("layoff").gold, 1u);
  EXPECT_EQ(s.by_type.at("layoff").matched, 0u);
  EXPECT_EQ(s.by_type.at("offer").pred, 1u);
  EXPECT_EQ(s.all.gold, 2u);
  EXPECT_EQ(s.all.pred, 2u) << "documents only in pred are ignored";
  size_t missed = 0, spurious = 0;
  for (const auto& m : s.misses) (m.kind == "missed" ? missed : spurious) += 1;
  EXPECT_EQ(missed, 1u);
  EXPECT_EQ(spurious, 1u);
}

TEST(Scorer, EmptyScoresAreZeroNotNaN) {
  const Score s = score({}, {});
  EXPECT_EQ(s.all.f1(), 0.0);
  EXPECT_EQ(s.all.precision(), 0.0);
}

TEST(NormaliseName, FoldsCaseWidthAndPunctuation) {
  EXPECT_EQ(normalise_name("Google DeepMind"), "googledeepmind");
  EXPECT_EQ(normalise_name("ＯｐｅｎＡＩ"), "openai");
  EXPECT_EQ(normalise_name("루오밍 팡"), "루오밍팡");
  EXPECT_EQ(normalise_name("Sébastien"), "sébastien");
}

TEST(LoadEventsJsonl, ReadsDocsAndEvents) {
  twtest::TempDir dir;
  const auto p = dir.write("gold.jsonl",
                           "{\"doc\":\"a.txt\",\"events\":[{\"type\":\"move\",\"to\":\"Meta\"}]}\n"
                           "\n"
                           "{\"doc\":\"b.txt\",\"events\":[]}\n");
  const auto docs = load_events_jsonl(p.string());
  ASSERT_EQ(docs.size(), 2u);
  ASSERT_EQ(docs.at("a.txt").size(), 1u);
  EXPECT_EQ(docs.at("a.txt")[0]["to"], "Meta");
  EXPECT_TRUE(docs.at("b.txt").empty());
}

TEST(LoadEventsJsonl, BadLineIsReportedAsPathColonLine) {
  twtest::TempDir dir;
  const auto p = dir.write("gold.jsonl", "{\"doc\":\"a.txt\",\"events\":[]}\n{not json\n");
  try {
    load_events_jsonl(p.string());
    FAIL() << "no exception";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find(p.string() + ":2"), std::string::npos) << e.what();
  }
}

TEST(LoadEventsJsonl, MissingFileThrows) {
  EXPECT_THROW(load_events_jsonl("/nonexistent/gold.jsonl"), std::runtime_error);
}

}  // namespace
}  // namespace tw::eval
