// End to end over annotated corpora: source → text → extract, scored against gold.
// The seed corpus lives in ../shared (skipped when absent); the sample corpus in data/samples.
#include <gtest/gtest.h>

#include <variant>

#include "eval/scorer.h"
#include "extract/extractor.h"
#include "source/article_source.h"
#include "test_support.h"
#include "text/pipeline.h"

namespace tw::eval {
namespace {

// Runs the whole pipeline over `dir`; every article must get through.
EventsByDoc extract_dir(const twtest::fs::path& dir) {
  EventsByDoc pred;
  source::read_inputs({dir.string()}, [&](source::Item&& item) {
    if (auto* err = std::get_if<source::ReadError>(&item)) {
      ADD_FAILURE() << err->origin << ": " << err->reason;
      return;
    }
    const auto& raw = std::get<source::RawArticle>(item);
    auto prepared = text::prepare(raw);
    if (auto* err = std::get_if<text::TextError>(&prepared)) {
      ADD_FAILURE() << raw.origin << ": " << err->reason;
      return;
    }
    auto& events = pred[raw.doc];
    for (const auto& e : extract::Extractor::standard().extract(std::get<text::Document>(prepared)))
      events.push_back(extract::to_json(e));
  });
  return pred;
}

std::string report(const Score& s) {
  std::string out;
  for (const auto& [type, t] : s.by_type)
    out += "\n  " + type + ": gold " + std::to_string(t.gold) + ", pred " + std::to_string(t.pred) + ", matched " +
           std::to_string(t.matched);
  for (const auto& m : s.misses) {
    nlohmann::json e = m.event;
    e.erase("evidence");
    out += "\n  " + m.kind + " " + m.doc + ": " + e.dump();
  }
  return out;
}

// Scores the corpus in `articles` against `gold` and checks F1 reaches `bar`.
void expect_f1_at_least(const twtest::fs::path& articles, const twtest::fs::path& gold, double bar) {
  const EventsByDoc gold_events = load_events_jsonl(gold.string());
  const EventsByDoc pred = extract_dir(articles);
  for (const auto& [doc, events] : gold_events) EXPECT_TRUE(pred.count(doc)) << "no output for gold document " << doc;
  const Score s = score(gold_events, pred);
  EXPECT_GT(s.all.gold, 0u);
  EXPECT_GE(s.all.f1(), bar) << "P " << s.all.precision() << " R " << s.all.recall() << report(s);
}

TEST(Corpus, SharedSeedsReachF1Of90) {
  const auto shared = twtest::shared_dir();
  if (!twtest::fs::exists(shared / "corpus" / "seeds") || !twtest::fs::exists(shared / "gold" / "seeds.jsonl"))
    GTEST_SKIP() << shared << " is absent";
  expect_f1_at_least(shared / "corpus" / "seeds", shared / "gold" / "seeds.jsonl", 0.90);
}

TEST(Corpus, SampleArticlesReachF1Of85) {
  const auto samples = twtest::source_dir() / "data" / "samples";
  expect_f1_at_least(samples / "articles", samples / "gold.jsonl", 0.85);
}

}  // namespace
}  // namespace tw::eval
