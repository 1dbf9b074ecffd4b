#include "text/pipeline.h"

#include <cmark.h>
#include <cstdlib>
#include <fmt/format.h>

#include "text/dates.h"
#include "text/furniture.h"
#include "text/html_text.h"
#include "text/language.h"
#include "text/sentences.h"
#include "text/utf8.h"

namespace tw::text {
namespace {

// Hard-wrapped plain text: a line that stops mid-sentence continues on the next
// line when that one starts in lower case.
std::string unwrap_lines(std::string text) {
  for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', nl + 1)) {
    if (nl == 0 || nl + 1 >= text.size()) continue;
    const char prev = text[nl - 1];
    const char next = text[nl + 1];
    const bool ends_sentence = prev == '.' || prev == '!' || prev == '?' || prev == ':' || prev == '"';
    if (!ends_sentence && next >= 'a' && next <= 'z') text[nl] = ' ';
  }
  return text;
}

}  // namespace

std::variant<Document, TextError> prepare(const source::RawArticle& raw) {
  if (auto bad = find_invalid_utf8(raw.bytes))
    return TextError{fmt::format("invalid UTF-8 at byte {}", *bad)};
  Document d;
  d.doc = raw.doc;
  d.url = raw.url;
  d.title = raw.title;
  d.date = raw.date;
  std::string body;
  std::string rendered;  // Markdown is rendered to HTML by cmark, then read like any page
  if (raw.markdown) {
    char* html = cmark_markdown_to_html(raw.bytes.data(), raw.bytes.size(), CMARK_OPT_DEFAULT);
    rendered = html ? html : "";
    std::free(html);
  }
  if (raw.html || raw.markdown) {
    HtmlText h = html_to_text(raw.markdown ? std::string_view(rendered) : std::string_view(raw.bytes));
    body = std::move(h.text);
    if (d.title.empty()) d.title = std::move(h.title);
    if (d.date.empty()) d.date = std::move(h.published);
  } else {
    body = raw.bytes;
  }
  to_nfkc(body);
  if (d.date.empty()) d.date = stated_date(body);
  for (char& c : body)
    if (c == '\r' || c == '\t' || c == '\f' || c == '\v') c = c == '\r' ? '\n' : ' ';
  d.text = FurnitureFilter::standard().clean(unwrap_lines(std::move(body)));
  if (d.text.empty()) return TextError{"no story text left after removing markup and page furniture"};
  d.lang = detect_language(d.text);
  d.sentences = SentenceSplitter::standard().split(d.text);
  return d;
}

void load_shared_data() { nfkc("ｔｗ"); }

}  // namespace tw::text
