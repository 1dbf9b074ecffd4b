// triggers — the words that signal each kind of event, and their modifiers, per
// language (data/triggers/<lang>.json), with the scanner that finds them.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tw::extract {

enum class Frame { Hire, Appoint, Join, Leave, Found, Include, Offer, Invest, Acquire, Sell, Layoff, Counter, Stat };

const char* event_type_of(Frame f);

struct TriggerHit {
  Frame frame;
  size_t begin = 0, end = 0;  // bytes in the sentence
};

struct LanguageData {
  std::string lang;  // "ko" or "en"
  std::vector<std::pair<Frame, std::vector<std::string>>> frames;
  std::vector<std::string> blocked_after, blocked_next_word, passive, attempt, hypothetical, talks, bid,
      failure, accepted, declined, cumulative, people_nouns, count_nouns, anaphora, pay_words, valuation, round_lead, round_joined, unit_nouns, former_words, layoff_without_count, agreed, raid_words, negation_after, alumni_words, tranche_words, backer_statements, round_words, threshold_words, loss_verbs,
      period_year, group_markers, including, titles, received, partitive, size_words, speech, denial, pronouns, negated, participation;
  std::vector<std::pair<std::string, std::vector<std::string>>> comp_kinds;  // in priority order
  std::vector<std::pair<std::string, std::vector<std::string>>> stats;

  static const LanguageData& korean();
  static const LanguageData& english();
  static LanguageData from_json(std::string_view json, std::string lang);

  // Trigger occurrences in a sentence, in order, overlapping hits resolved to the longest.
  std::vector<TriggerHit> find_triggers(std::string_view sentence) const;

 private:
  // All trigger words of all frames in one byte trie (ASCII case-folded), walked once
  // from each word start: one pass over the sentence whatever the number of words.
  struct TrieNode {
    std::vector<std::pair<unsigned char, uint32_t>> next;
    int frame = -1;
  };
  std::shared_ptr<std::vector<TrieNode>> trie_;
  void build_trie();
};

// The same search on text already folded to ASCII lower case (`words` are stored folded):
// a plain substring search, for the hot path where a sentence is folded once.
size_t find_any_folded(std::string_view folded, const std::vector<std::string>& words, size_t from = 0,
                       size_t to = std::string_view::npos);
std::string ascii_fold(std::string_view s);

// Does any of `words` occur in s[from, to)? English matching is case-insensitive.
bool contains_any(std::string_view s, const std::vector<std::string>& words, size_t from = 0,
                  size_t to = std::string_view::npos);
// Position of the first occurrence of any of `words` in s[from, to), or npos.
size_t find_any(std::string_view s, const std::vector<std::string>& words, size_t from = 0,
                size_t to = std::string_view::npos);

}  // namespace tw::extract
