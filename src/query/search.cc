#include "query/search.h"

#include <algorithm>

#include "query/arguments.h"
#include "resolve/phonetic.h"
#include "text/utf8.h"

namespace tw::query {
namespace {

bool ascii_word_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Does a word begin at `text[at]`? Not after a letter of any script.
bool boundary_before(std::string_view text, size_t at) {
  if (at == 0) return true;
  const unsigned char prev = static_cast<unsigned char>(text[at - 1]);
  if (prev < 0x80) return !ascii_word_char(prev);
  size_t start = at - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  size_t i = start;
  const char32_t c = text::next_code_point(text, i);
  return !text::is_letter(c);
}

// Does the word end at `text[at]`? Only Latin letters and digits continue a Latin
// spelling; a Hangul one may be followed by a particle.
bool boundary_after(std::string_view text, size_t at, bool hangul) {
  if (hangul || at >= text.size()) return true;  // Korean particles follow the word
  return !ascii_word_char(static_cast<unsigned char>(text[at]));
}

size_t find_folded(std::string_view text, std::string_view word, size_t from) {
  if (word.empty() || word.size() > text.size()) return std::string_view::npos;
  const char first = text::ascii_lower(word[0]);
  for (size_t i = from; i + word.size() <= text.size(); ++i) {
    if (text::ascii_lower(text[i]) != first) continue;
    size_t k = 1;
    while (k < word.size() && text::ascii_lower(text[i + k]) == text::ascii_lower(word[k])) ++k;
    if (k == word.size()) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::vector<WordMatch> word_matches(std::string_view text,
                                    const std::vector<std::string>& spellings, size_t max) {
  std::vector<WordMatch> out;
  for (const auto& s : spellings) {
    const bool hangul = resolve::has_hangul(s);
    for (size_t at = find_folded(text, s, 0); at != std::string_view::npos && out.size() < max * 4;
         at = find_folded(text, s, at + 1))
      if (boundary_before(text, at) && boundary_after(text, at + s.size(), hangul))
        out.push_back({at, at + s.size()});
  }
  std::sort(out.begin(), out.end(), [](const WordMatch& a, const WordMatch& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  // Overlapping spellings (Meta, Meta Platforms) mark the longer once.
  std::vector<WordMatch> kept;
  for (const auto& m : out)
    if (kept.empty() || m.begin >= kept.back().end) kept.push_back(m);
  if (kept.size() > max) kept.resize(max);
  return kept;
}

std::string Snippet::plain() const {
  std::string out;
  for (const auto& p : parts) out += p.text;
  return out;
}

Snippet snippet(std::string_view text, const std::vector<std::string>& spellings, size_t width) {
  const auto first = word_matches(text, spellings, 1);
  const size_t centre = first.empty() ? 0 : first[0].begin;
  size_t begin = centre > width / 3 ? centre - width / 3 : 0;
  size_t end = std::min(text.size(), begin + width);
  // Whole words: move the cuts out to the nearest space (within reason), then to a
  // character boundary.
  if (begin > 0) {
    const size_t space = text.rfind(' ', begin);
    begin = space != std::string_view::npos && begin - space < 24 ? space + 1 : begin;
  }
  if (end < text.size()) {
    const size_t space = text.find(' ', end);
    end = space != std::string_view::npos && space - end < 24 ? space : end;
  }
  while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  const std::string_view window = text.substr(begin, end - begin);
  Snippet out;
  auto add = [&](std::string_view part, bool match) {
    std::string t(part);
    std::replace(t.begin(), t.end(), '\n', ' ');
    if (!match && !out.parts.empty() && !out.parts.back().match)
      out.parts.back().text += t;
    else if (!t.empty())
      out.parts.push_back({std::move(t), match});
  };
  if (begin > 0) add("…", false);
  size_t at = 0;
  for (const auto& m : word_matches(window, spellings, 64)) {
    add(window.substr(at, m.begin - at), false);
    add(window.substr(m.begin, m.end - m.begin), true);
    at = m.end;
  }
  add(window.substr(at), false);
  if (end < text.size()) add("…", false);
  return out;
}

nlohmann::json search(const store::Store& db, const knowledge::Lexicon& lexicon,
                      const std::string& query, size_t limit) {
  nlohmann::json answer = {{"query", query}};
  std::vector<std::string> spellings{query};
  std::string entity;
  if (const auto* e = lexicon.find(query))
    entity = e->name;
  else if (const auto stored = db.canonical_entity(query))
    entity = *stored;
  if (!entity.empty()) {
    spellings = db.spellings(entity);
    if (const auto* e = lexicon.find(entity)) {
      spellings.push_back(e->name);
      spellings.insert(spellings.end(), e->aliases.begin(), e->aliases.end());
    }
    if (std::find(spellings.begin(), spellings.end(), query) == spellings.end())
      spellings.push_back(query);
    std::sort(spellings.begin(), spellings.end());
    spellings.erase(std::unique(spellings.begin(), spellings.end()), spellings.end());
    std::string kind = db.entity_kind(entity);
    if (kind.empty())
      kind = lexicon.find(entity) && lexicon.find(entity)->is_person() ? "person" : "org";
    answer["entity"] = {{"name", entity}, {"kind", kind}};
  }
  answer["spellings"] = spellings;
  // Candidates contain a spelling somewhere; an article counts when one stands as a word.
  nlohmann::json items = nlohmann::json::array();
  for (const auto& h : db.search(spellings, limit * 3)) {
    std::string_view in = h.text;
    if (word_matches(in, spellings, 1).empty() && word_matches(h.title, spellings, 1).empty())
      continue;
    const Snippet cut = snippet(in, spellings);
    nlohmann::json parts = nlohmann::json::array();
    for (const auto& p : cut.parts) {
      nlohmann::json part = {{"text", p.text}};
      if (p.match) part["match"] = true;
      parts.push_back(std::move(part));
    }
    nlohmann::json item = {{"id", h.id},
                           {"doc", h.doc},
                           {"title", h.title},
                           {"snippet", cut.plain()},
                           {"snippet_parts", parts}};
    if (!h.outlet.empty()) item["outlet"] = h.outlet;
    if (!h.date.empty()) item["date"] = h.date;
    items.push_back(std::move(item));
    if (items.size() >= limit) break;
  }
  answer["items"] = items;
  if (items.empty() && entity.empty()) answer["suggestions"] = near_names(db, lexicon, query);
  return answer;
}

}  // namespace tw::query
