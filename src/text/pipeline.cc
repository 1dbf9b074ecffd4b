#include "text/pipeline.h"

#include <cmark.h>
#include <fmt/format.h>
#include <cstdlib>

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
    const bool ends_sentence =
        prev == '.' || prev == '!' || prev == '?' || prev == ':' || prev == '"';
    if (!ends_sentence && next >= 'a' && next <= 'z') text[nl] = ' ';
  }
  return text;
}

// A text file's headline: its first line, when that is short enough to be one.
std::string headline_of(std::string_view text) {
  const std::string_view first = text.substr(0, text.find('\n'));
  return first.size() <= 300 ? std::string(first) : std::string();
}

// "https://www.example.com/a/b" → "example.com": who published a page that names no site.
std::string host_of(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view host = url.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/?#:"));
  if (host.starts_with("www.")) host.remove_prefix(4);
  return std::string(host);
}

}  // namespace

Result<Document> prepare(const RawArticle& raw) {
  if (auto bad = find_invalid_utf8(raw.bytes))
    return Failure{fmt::format("invalid UTF-8 at byte {}", *bad)};
  Document d;
  d.doc = raw.doc;
  d.url = raw.url;
  d.title = raw.title;
  d.date = iso_date(raw.date);
  d.outlet = raw.outlet;
  std::string body;
  std::string rendered;  // Markdown is rendered to HTML by cmark, then read like any page
  if (raw.markdown) {
    char* html = cmark_markdown_to_html(raw.bytes.data(), raw.bytes.size(), CMARK_OPT_DEFAULT);
    rendered = html ? html : "";
    std::free(html);
  }
  if (raw.html || raw.markdown) {
    HtmlText h =
        html_to_text(raw.markdown ? std::string_view(rendered) : std::string_view(raw.bytes));
    body = std::move(h.text);
    if (d.title.empty()) d.title = std::move(h.title);
    if (d.date.empty()) d.date = std::move(h.published);
    if (d.outlet.empty()) d.outlet = std::move(h.site_name);
    if (d.url.empty()) d.url = std::move(h.url);
  } else {
    body = raw.bytes;
  }
  to_nfkc(body);
  // U+FEFF is a byte-order mark at the start and an invisible "no-break" elsewhere (a use
  // Unicode deprecates): dropped, so that a file saved with and without a BOM is one
  // article (the same cleaned text, the same hash).
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  for (size_t at = body.find(kBom); at != std::string::npos; at = body.find(kBom, at))
    body.erase(at, kBom.size());
  if (d.date.empty()) d.date = stated_date(body);
  for (char& c : body)
    if (c == '\r' || c == '\t' || c == '\f' || c == '\v') c = c == '\r' ? '\n' : ' ';
  d.text = FurnitureFilter::standard().clean(unwrap_lines(std::move(body)));
  if (d.text.empty()) return Failure{"no story text left after removing markup and page furniture"};
  if (d.title.empty()) d.title = headline_of(d.text);
  if (d.outlet.empty()) d.outlet = host_of(d.url);
  d.lang = detect_language(d.text);
  d.sentences = SentenceSplitter::standard().split(d.text);
  return d;
}

void load_shared_data() { nfkc("ｔｗ"); }

}  // namespace tw::text
