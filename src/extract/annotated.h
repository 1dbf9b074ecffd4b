// annotated — one sentence as the extractor's components leave it: its text (and a folded copy
// for the word-list searches), the names in it with their grammatical roles, the trigger words,
// the figures and head-counts, and the clause boundaries. Mentions and roles are filled by the
// name stages, triggers by the language data, figures by money; the frames only read it.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/money.h"
#include "extract/roles.h"
#include "extract/triggers.h"

namespace tw::extract {

struct AnnotatedSentence {
  std::string_view text;
  std::string folded;                  // text in ASCII lower case, for the word-list searches
  const LanguageData* lang = nullptr;  // whose word lists `hits` holds
  // Where those lists' words occur in `folded`: found on the first search, since many sentences
  // are never searched.
  mutable std::optional<WordListHits> hits;
  size_t index = 0;
  std::vector<Arg> args;
  std::vector<TriggerHit> triggers;
  std::vector<Money> money;
  std::vector<Count> counts;
  std::vector<size_t> breaks;
};

struct Span {
  size_t begin = 0, end = 0;
  bool contains(size_t p) const { return p >= begin && p < end; }
};

// Where the first of `words` (stored folded) occurs in the sentence within [from, to), or npos:
// looked up in the sentence's one-pass hits when `words` is a list of its language.
inline size_t find_folded(const AnnotatedSentence& s, const std::vector<std::string>& words,
                          size_t from = 0, size_t to = std::string_view::npos) {
  if (!s.lang) return find_any_folded(s.folded, words, from, to);
  if (!s.hits) s.hits = s.lang->word_list_hits(s.folded);
  return s.lang->find_folded(s.folded, *s.hits, words, from, to);
}

// Does any of `words` (stored folded) occur in the sentence, within [from, to)?
inline bool has(const AnnotatedSentence& s, const std::vector<std::string>& words, size_t from = 0,
                size_t to = std::string_view::npos) {
  return find_folded(s, words, from, to) != std::string_view::npos;
}

}  // namespace tw::extract
