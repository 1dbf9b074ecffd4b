// sentences_fuzz — the sentence splitter (src/text/sentences.h).
//
// The input is a text, one paragraph per line, as the text stage hands it over; the
// standard splitter (abbreviations from data/lang/en) splits it. Checked: sentences
// are in order, do not overlap, are not empty, lie inside the text, never cross a
// line break, do not start or end with a space, and count paragraphs by line.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "text/sentences.h"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto sentences = tw::text::SentenceSplitter::standard().split(text);
  size_t prev_end = 0;
  int prev_paragraph = 0;
  for (const auto& s : sentences) {
    check(s.begin < s.end && s.end <= text.size());
    check(s.begin >= prev_end);
    check(s.paragraph >= prev_paragraph);
    const std::string_view body = text.substr(s.begin, s.end - s.begin);
    check(body.find('\n') == std::string_view::npos);
    check(!is_space(body.front()) && !is_space(body.back()));
    // The paragraph index is the number of line breaks before the sentence.
    size_t lines = 0;
    for (size_t i = prev_end; i < s.begin; ++i) lines += text[i] == '\n';
    check(static_cast<size_t>(s.paragraph - prev_paragraph) == lines);
    prev_end = s.end;
    prev_paragraph = s.paragraph;
  }
  return 0;
}
