#include "text/pattern_set.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "test_support.h"

namespace tw::text {
namespace {

using Hits = std::vector<PatternSet::Hit>;

std::vector<std::tuple<uint32_t, size_t, size_t>> flat(const Hits& hits) {
  std::vector<std::tuple<uint32_t, size_t, size_t>> out;
  for (const auto& h : hits) out.emplace_back(h.id, h.begin, h.end);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(PatternSet, FindsEveryOccurrenceOfEveryWordOverlappingOnesToo) {
  const auto set = PatternSet::words({"hire", "hired", "red"}, PatternSet::Case::Exact);
  // "hired" holds "hire" and "red"; the second "hire" stands alone.
  EXPECT_EQ(flat(set.find_all("hired, hire")), (std::vector<std::tuple<uint32_t, size_t, size_t>>{
                                                   {0, 0, 4}, {0, 7, 11}, {1, 0, 5}, {2, 2, 5}}));
}

TEST(PatternSet, ExactCaseOrAsciiCaseInsensitive) {
  const auto exact = PatternSet::words({"Meta"}, PatternSet::Case::Exact);
  EXPECT_EQ(exact.find_all("META and Meta").size(), 1u);
  const auto folded = PatternSet::words({"Meta"}, PatternSet::Case::AsciiInsensitive);
  EXPECT_EQ(folded.find_all("META and meta").size(), 2u);
}

TEST(PatternSet, HangulWordsByByteOffsets) {
  const auto set = PatternSet::words({"영입", "합류"}, PatternSet::Case::Exact);
  const std::string text = "메타가 연구원을 영입했고 그는 합류했다";
  const auto hits = flat(set.find_all(text));
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(text.substr(std::get<1>(hits[0]), std::get<2>(hits[0]) - std::get<1>(hits[0])), "영입");
  EXPECT_EQ(text.substr(std::get<1>(hits[1]), std::get<2>(hits[1]) - std::get<1>(hits[1])), "합류");
}

TEST(PatternSet, EmptyWordsAndEmptyTextFindNothing) {
  const auto set = PatternSet::words({"", "x"}, PatternSet::Case::Exact);
  EXPECT_EQ(set.size(), 2u);
  EXPECT_TRUE(set.find_all("").empty());
  ASSERT_EQ(set.find_all("axb").size(), 1u);
  EXPECT_EQ(set.find_all("axb")[0].id, 1u);
  EXPECT_TRUE(PatternSet::words({}, PatternSet::Case::Exact).find_all("anything").empty());
}

TEST(PatternSet, PrefiltersSayWhichPatternsCanMatch) {
  const auto set = PatternSet::prefilters(
      {R"(([A-Z][a-z]+) joined)", R"((?:^| )연구원 ([가-힣]{2,4}))", R"(acquired by ([A-Z]\w+))"});
  EXPECT_EQ(set.possible("Then Jane joined the lab."), (std::vector<bool>{true, false, false}));
  EXPECT_EQ(set.possible("메타는 연구원 보웬을 영입했다"), (std::vector<bool>{false, true, false}));
  EXPECT_EQ(set.possible(""), (std::vector<bool>{false, false, false}));
}

TEST(PatternSet, APatternVectorscanCannotCompileIsAlwaysPossible) {
  const auto set = PatternSet::prefilters({"(unclosed", "closed"});
  EXPECT_EQ(set.possible("nothing here"), (std::vector<bool>{true, false}));
  EXPECT_EQ(set.possible("closed"), (std::vector<bool>{true, true}));
  EXPECT_FALSE(set.filters(0));
  EXPECT_TRUE(set.filters(1));
}

TEST(PatternSet, ThreadsScanOneSetAtOnce) {
  const auto set = PatternSet::words({"offer", "제안"}, PatternSet::Case::AsciiInsensitive);
  const auto other = PatternSet::words({"deal"}, PatternSet::Case::Exact);
  std::vector<size_t> found(4, 0);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < found.size(); ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i)
        found[t] +=
            set.find_all("An OFFER, 제안, and an offer").size() + other.find_all("a deal").size();
    });
  for (auto& th : threads) th.join();
  for (size_t n : found) EXPECT_EQ(n, 200u * 4);
}

// Compiled databases are kept in the cache directory and loaded from it by the next process; a
// file that does not load is compiled again and replaced.
TEST(PatternSet, CompiledDatabasesAreCachedAndABrokenCacheFileIsReplaced) {
  twtest::TempDir dir;
  ASSERT_EQ(setenv("TALENTWAR_CACHE_DIR", dir.path().c_str(), 1), 0);
  auto cached_files = [&] {
    std::vector<std::filesystem::path> out;
    for (const auto& f : std::filesystem::directory_iterator(dir.path())) out.push_back(f.path());
    return out;
  };
  const std::vector<std::string> patterns{R"(([A-Z][a-z]+) joined)", "(unclosed",
                                          R"(hired ([A-Z]\w+))"};
  const auto first = PatternSet::prefilters(patterns);
  const auto files = cached_files();
  ASSERT_EQ(files.size(), 1u);
  const auto second = PatternSet::prefilters(patterns);  // from the file
  for (const std::string text : {"Jane joined", "they hired Bo", "nothing"})
    EXPECT_EQ(second.possible(text), first.possible(text)) << text;
  EXPECT_FALSE(second.filters(1));  // what could not be compiled is remembered too

  std::ofstream(files[0], std::ios::trunc) << "01\nnot a database";
  const auto third = PatternSet::prefilters(patterns);
  EXPECT_EQ(third.possible("Jane joined"), (std::vector<bool>{true, true, false}));
  EXPECT_GT(std::filesystem::file_size(files[0]), 100u);  // replaced by a real database

  const auto words = PatternSet::words({"영입", "hire"}, PatternSet::Case::AsciiInsensitive);
  EXPECT_EQ(cached_files().size(), 2u);
  EXPECT_EQ(PatternSet::words({"영입", "hire"}, PatternSet::Case::AsciiInsensitive)
                .find_all("HIRE 영입")
                .size(),
            2u);
  EXPECT_EQ(cached_files().size(), 2u);  // the same list, the same file
  unsetenv("TALENTWAR_CACHE_DIR");
}

}  // namespace
}  // namespace tw::text
