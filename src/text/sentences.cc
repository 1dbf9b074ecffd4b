#include "text/sentences.h"

#include <algorithm>
#include <cctype>

#include "common/data_dir.h"

namespace tw::text {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Length of a closing quote or bracket at s[i] (UTF-8), 0 if none.
size_t closing_quote_len(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == '"' || s[i] == '\'' || s[i] == ')') return 1;
  for (std::string_view q : {"”", "’", "」", "』", "》"})
    if (s.substr(i, q.size()) == q) return q.size();
  return 0;
}

}  // namespace

SentenceSplitter::SentenceSplitter(std::vector<std::string> abbreviations) {
  for (auto& a : abbreviations) {
    std::string w = a;
    if (!w.empty() && w.back() == '.') w.pop_back();
    std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return std::tolower(c); });
    abbreviations_.insert(std::move(w));
  }
}

const SentenceSplitter& SentenceSplitter::standard() {
  static const SentenceSplitter splitter(
      read_word_list(data_dir() / "lang" / "en" / "abbreviations.txt"));
  return splitter;
}

bool SentenceSplitter::is_abbreviation(std::string_view word) const {
  if (word.empty()) return false;
  if (word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0])))
    return true;  // initial
  std::string w(word);
  std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return std::tolower(c); });
  if (abbreviations_.count(w)) return true;
  // Dotted acronyms: "U.S", "U.K", "e.g"
  return w.size() >= 3 && w.size() <= 5 && w[1] == '.';
}

std::vector<Sentence> SentenceSplitter::split(std::string_view text) const {
  std::vector<Sentence> out;
  int paragraph = 0;
  auto emit = [&](size_t b, size_t e) {
    while (b < e && is_space(text[b])) ++b;
    while (e > b && is_space(text[e - 1])) --e;
    if (e > b) out.push_back({b, e, paragraph});
  };
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      emit(start, i);
      start = i + 1;
      ++paragraph;
      continue;
    }
    if (c != '.' && c != '?' && c != '!') continue;
    size_t end = i + 1;
    while (end < text.size() && (text[end] == '.' || text[end] == '?' || text[end] == '!')) ++end;
    for (size_t q; (q = closing_quote_len(text, end)) > 0;) end += q;
    if (end < text.size() && !is_space(text[end]) && text[end] != '\n') {
      // "밝혔습니다.회사는": Korean pages often drop the space after a sentence; a period
      // after a Hangul syllable and before another ends the sentence all the same.
      const bool hangul_before = i >= 3 && static_cast<unsigned char>(text[i - 3]) >= 0xEA &&
                                 static_cast<unsigned char>(text[i - 3]) <= 0xED;
      const bool hangul_after = static_cast<unsigned char>(text[end]) >= 0xEA &&
                                static_cast<unsigned char>(text[end]) <= 0xED;
      // "전부다.”라고 말했다" quotes a sentence inside another: only a bare period splits.
      if (!(c == '.' && end == i + 1 && hangul_before && hangul_after)) continue;
    }
    if (c == '.' && end == i + 1) {
      size_t w = i;
      while (w > start && !is_space(text[w - 1]) && text[w - 1] != '(' && text[w - 1] != '"') --w;
      if (is_abbreviation(text.substr(w, i - w))) continue;
      // "$1.5 bn. and": a short token before the period and a lower-case word after it
      // continue the sentence; "organisation. xAI laid off" starts a new one.
      size_t n = end;
      while (n < text.size() && is_space(text[n])) ++n;
      if (n < text.size() && std::islower(static_cast<unsigned char>(text[n])) && i - w <= 3)
        continue;
    }
    emit(start, end);
    start = end;
    i = end - 1;
  }
  emit(start, text.size());
  return out;
}

}  // namespace tw::text
