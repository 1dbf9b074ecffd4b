// extract_bench — throughput of the text and extract stages on one core.
//
// Reads the sample corpus (data/samples/articles, or the directory given in
// $TALENTWAR_BENCH_CORPUS) into memory once, then runs every article through
// text::prepare and Extractor::extract in a loop. bytes_per_second is article
// bytes (as read, HTML included) per second on one thread.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <variant>
#include <vector>

#include "common/data_dir.h"
#include "extract/extractor.h"
#include "extract/money.h"
#include "source/article_source.h"
#include "text/pipeline.h"

namespace {

const std::vector<tw::source::RawArticle>& corpus() {
  static const std::vector<tw::source::RawArticle> articles = [] {
    std::vector<tw::source::RawArticle> out;
    const char* dir = std::getenv("TALENTWAR_BENCH_CORPUS");
    const std::string path = dir ? dir : (tw::data_dir() / "samples" / "articles").string();
    tw::source::read_inputs({path}, [&](tw::source::Item&& item) {
      if (item) out.push_back(std::move(*item));
    });
    return out;
  }();
  return articles;
}

int64_t corpus_bytes() {
  int64_t n = 0;
  for (const auto& a : corpus()) n += static_cast<int64_t>(a.bytes.size());
  return n;
}

void BM_TextStage(benchmark::State& state) {
  for (auto _ : state)
    for (const auto& a : corpus()) benchmark::DoNotOptimize(tw::text::prepare(a));
  state.SetBytesProcessed(state.iterations() * corpus_bytes());
}
BENCHMARK(BM_TextStage)->Unit(benchmark::kMillisecond);

void BM_Extract(benchmark::State& state) {
  const auto& x = tw::extract::Extractor::standard();
  size_t events = 0;
  for (auto _ : state) {
    for (const auto& a : corpus()) {
      auto doc = tw::text::prepare(a);
      if (doc) events += x.extract(*doc).size();
    }
  }
  state.SetBytesProcessed(state.iterations() * corpus_bytes());
  state.counters["articles"] = static_cast<double>(corpus().size());
  benchmark::DoNotOptimize(events);
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

void BM_MoneyParser(benchmark::State& state) {
  const std::string sentence =
      // Our own words (figures in both languages' forms), not a sentence of the corpus.
      "한빛로보틱스의 올해 상반기 유치액은 3억 4000만 달러였고, 하반기에는 12억5000만 달러(약 "
      "1조7000억 원) 규모의 라운드가 예정돼 있다. Acme offered up to $80 million, more than "
      "$9.6 billion and US$2.5bn.";
  for (auto _ : state) benchmark::DoNotOptimize(tw::extract::find_money(sentence));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(sentence.size()));
}
BENCHMARK(BM_MoneyParser);

}  // namespace

BENCHMARK_MAIN();
