// search — one search for people, organisations and articles, across scripts.
//
// A query that names an entity (any spelling the lexicon or the store knows, or one
// that sounds like a known person) is expanded to all its spellings, so "Meta" finds
// the Korean articles that write 메타 and "앤트로픽" the English ones about Anthropic.
// An article counts when one spelling stands in it as a word: Latin spellings between
// non-letters ("Meta" is not found in "Metaverse"), Hangul ones at a word's start (a
// particle may follow: 메타가, 메타는). Snippets are cut from a bounded window around the
// first such word, at word boundaries, with every spelling in the window marked; the
// cost is the same for a 1 MiB article as for a 10 KiB one. No hit brings suggestions.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "knowledge/lexicon.h"
#include "store/store.h"

namespace tw::query {

struct WordMatch {
  size_t begin = 0, end = 0;  // bytes
};

// Where any of `spellings` stands as a word in `text` (ASCII case aside), in order.
std::vector<WordMatch> word_matches(std::string_view text,
                                    const std::vector<std::string>& spellings,
                                    size_t max = SIZE_MAX);

// About `width` bytes of `text` around its first match, cut at spaces; "…" where the text
// goes on. Its parts alternate between text and matches, so a match is shown as one
// whatever brackets or marks the article itself contains.
struct Snippet {
  struct Part {
    std::string text;
    bool match = false;
  };
  std::vector<Part> parts;
  std::string plain() const;
};
Snippet snippet(std::string_view text, const std::vector<std::string>& spellings,
                size_t width = 160);

// {"query", "entity"?: {name, kind}, "spellings", "items": [{id, doc, title, outlet, date,
// snippet (plain text), snippet_parts: [{text, match?}]}], "suggestions"?}
nlohmann::json search(const store::Store& db, const knowledge::Lexicon& lexicon,
                      const std::string& query, size_t limit);

}  // namespace tw::query
