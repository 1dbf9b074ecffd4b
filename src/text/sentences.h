// sentences — sentence boundaries for Korean and English news text.
//
// Every line is a paragraph and never shares a sentence with the next. Inside a
// line a sentence ends at . ? ! (and closing quotes after them) followed by a
// space, unless the period closes an abbreviation ("U.S.", "Inc.", "Dr."), an
// initial ("J."), or the next word starts in lower case ("$1.5 bn. and").
#pragma once
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "text/document.h"

namespace tw::text {

class SentenceSplitter {
 public:
  explicit SentenceSplitter(std::vector<std::string> abbreviations);
  static const SentenceSplitter& standard();  // data/lang/en/abbreviations.txt

  std::vector<Sentence> split(std::string_view text) const;

 private:
  bool is_abbreviation(std::string_view word) const;
  std::unordered_set<std::string> abbreviations_;  // lower case, without the final period
};

}  // namespace tw::text
