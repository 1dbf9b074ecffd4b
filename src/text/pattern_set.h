// pattern_set — many patterns found in one pass over a text, with vectorscan (Hyperscan's
// portable fork, libhs).
//
// Two kinds of set:
//  * words: every occurrence of every word, overlapping ones too, with where it begins and
//    ends. The extractor's word lists (trigger words, lexicon aliases) are searched this way
//    once per sentence or document instead of once per word or per position.
//  * prefilters: regexes compiled in Hyperscan's prefilter mode, which may report a match the
//    exact pattern would not make but never misses one. The capturing RE2 search then runs
//    only for the patterns that can match the text at all.
// Databases are compiled once and shared; each thread keeps its own scratch space.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct hs_database;

namespace tw::text {

class PatternSet {
 public:
  struct Hit {
    uint32_t id = 0;  // index of the word in the list the set was built from
    size_t begin = 0, end = 0;
  };
  enum class Case { Exact, AsciiInsensitive };

  // Every word of `words` (empty ones are never found). Throws std::runtime_error when
  // vectorscan rejects the set.
  static PatternSet words(const std::vector<std::string>& words, Case c);
  // Regexes in RE2 syntax; a pattern vectorscan cannot compile is reported as always possible.
  static PatternSet prefilters(const std::vector<std::string>& regexes);

  PatternSet() = default;

  // Words: every occurrence in `text`, ordered by where it ends, then by id.
  std::vector<Hit> find_all(std::string_view text) const;
  // Prefilters: which patterns may match somewhere in `text` (indexed like the regexes).
  std::vector<bool> possible(std::string_view text) const;

  size_t size() const { return count_; }
  // Prefilters: false for a pattern vectorscan could not compile (it is always possible).
  bool filters(size_t i) const { return i < always_.size() && !always_[i]; }

 private:
  std::shared_ptr<hs_database> db_;  // null when no pattern compiled
  std::vector<uint32_t> lengths_;    // words: byte length of each, for where a hit begins
  std::vector<bool> always_;         // prefilters: patterns vectorscan could not compile
  size_t count_ = 0;
  uint64_t serial_ = 0;  // tells a thread's scratch which databases it has been sized for
};

}  // namespace tw::text
