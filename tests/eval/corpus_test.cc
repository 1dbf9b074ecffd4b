// End to end over annotated corpora: source → text → extract, scored against gold.
// The seed corpus lives in ../shared (skipped when absent); the sample corpus in data/samples.
#include <gtest/gtest.h>

#include <cctype>
#include <variant>

#include "eval/scorer.h"
#include "extract/extractor.h"
#include "pipeline/process.h"
#include "source/article_source.h"
#include "test_support.h"
#include "text/pipeline.h"

namespace tw::eval {
namespace {

// Runs the whole pipeline over `dir`; every article must get through.
EventsByDoc extract_dir(const twtest::fs::path& dir) {
  EventsByDoc pred;
  source::read_inputs({dir.string()}, [&](source::Item&& item) {
    if (!item) {
      ADD_FAILURE() << item.failure().where << ": " << item.failure().reason;
      return;
    }
    const auto& raw = *item;
    auto result = pipeline::process(raw);
    if (!result) {
      ADD_FAILURE() << raw.origin << ": " << result.failure().reason;
      return;
    }
    auto& events = pred[raw.doc];
    for (const auto& e : result->events) events.push_back(extract::to_spec_json(e));
  });
  return pred;
}

std::string report(const Score& s) {
  std::string out;
  for (const auto& [type, t] : s.by_type)
    out += "\n  " + type + ": gold " + std::to_string(t.gold) + ", pred " + std::to_string(t.pred) +
           ", matched " + std::to_string(t.matched);
  for (const auto& m : s.misses) {
    nlohmann::json e = m.event;
    e.erase("evidence");
    out += "\n  " + m.kind + " " + m.doc + ": " + e.dump();
  }
  return out;
}

// Scores the corpus in `articles` against `gold` and checks F1 reaches `bar`.
void expect_f1_at_least(const twtest::fs::path& articles, const twtest::fs::path& gold,
                        double bar) {
  const EventsByDoc gold_events = load_events_jsonl(gold.string());
  const EventsByDoc pred = extract_dir(articles);
  for (const auto& [doc, events] : gold_events)
    EXPECT_TRUE(pred.count(doc)) << "no output for gold document " << doc;
  const Score s = score(gold_events, pred);
  EXPECT_GT(s.all.gold, 0u);
  EXPECT_GE(s.all.f1(), bar) << "P " << s.all.precision() << " R " << s.all.recall() << report(s);
}

TEST(Corpus, SharedSeedsReachF1Of95) {
  const auto shared = twtest::shared_dir();
  if (!twtest::fs::exists(shared / "corpus" / "seeds") ||
      !twtest::fs::exists(shared / "gold" / "seeds.jsonl"))
    GTEST_SKIP() << shared << " is absent";
  expect_f1_at_least(shared / "corpus" / "seeds", shared / "gold" / "seeds.jsonl", 0.95);
}

// The real news pages of ../shared/corpus/news, split as its README says: the files numbered
// 04, 08, 12, 16 and 20 of each series are the test split, the others the dev split. The floors
// sit just under the figures in the README, so a change that loses accuracy fails here.
bool in_test_split(const std::string& doc) {
  size_t i = 0;
  while (i < doc.size() && std::isalpha(static_cast<unsigned char>(doc[i]))) ++i;
  const std::string number = doc.substr(i, 2);
  return number == "04" || number == "08" || number == "12" || number == "16" || number == "20";
}

void expect_news_split_f1_at_least(bool test_split, double bar) {
  const auto news = twtest::shared_dir() / "corpus" / "news";
  const auto gold_dir = twtest::shared_dir() / "gold";
  if (!twtest::fs::exists(news) || !twtest::fs::exists(gold_dir))
    GTEST_SKIP() << news << " is absent";
  EventsByDoc gold;
  for (const auto& f : twtest::fs::directory_iterator(gold_dir)) {
    const std::string name = f.path().filename().string();
    if (!name.starts_with("news-") || f.path().extension() != ".jsonl") continue;
    for (auto& [doc, events] : load_events_jsonl(f.path().string()))
      if (in_test_split(doc) == test_split) gold[doc] = std::move(events);
  }
  ASSERT_FALSE(gold.empty());
  const EventsByDoc pred = extract_dir(news);
  for (const auto& [doc, events] : gold)
    EXPECT_TRUE(pred.count(doc)) << "no output for gold document " << doc;
  const Score s = score(gold, pred);
  EXPECT_GE(s.all.f1(), bar) << "P " << s.all.precision() << " R " << s.all.recall();
}

TEST(Corpus, RealNewsDevSplitHoldsItsFloor) { expect_news_split_f1_at_least(false, 0.57); }
TEST(Corpus, RealNewsTestSplitHoldsItsFloor) { expect_news_split_f1_at_least(true, 0.34); }

TEST(Corpus, SampleArticlesReachF1Of90) {
  const auto samples = twtest::source_dir() / "data" / "samples";
  expect_f1_at_least(samples / "articles", samples / "gold.jsonl", 0.90);
}

}  // namespace
}  // namespace tw::eval
