// html_text — visible story text of an HTML page, read in one streaming pass.
//
// libxml2's SAX HTML parser reports elements and text as it reads; no tree is built
// (gumbo's tree cost three times as much on the same pages, docs/benchmarks.md).
// Script, style, navigation, header/footer, forms and elements whose class or id
// names page furniture (menus, tickers, share bars, comments, related lists) are
// dropped. When the page marks its story (<article>, itemprop=articleBody), only
// that subtree is read. Block elements end a line, so the result is one paragraph
// per line, ready for the line-level furniture filter.
#pragma once
#include <string>
#include <string_view>

namespace tw::text {

struct HtmlText {
  std::string text;
  std::string title;      // <title>, if any
  std::string published;  // YYYY-MM-DD from the page's metadata (see dates.h), if any
  std::string site_name;  // og:site_name or application-name, if any
  std::string url;        // <link rel="canonical">, else og:url, if any
};

HtmlText html_to_text(std::string_view html);

// Markup nested deeper than `max_depth` elements, with the tags past that depth
// removed (their text kept). An HTML parser's implied-end-tag checks walk the stack
// of open elements, so cost grows faster than linearly with depth; hostile pages are
// flattened first, and no real page nests anywhere near the default.
std::string flatten_deep_nesting(std::string_view html, size_t max_depth = 256);

// Markup without what is never shown as text: comments and the contents of <script>
// and <style>. Scripts are a third to most of a news page's bytes, and the parser would
// tokenise every one of them only for the reader to skip them.
std::string drop_unrendered(std::string_view html);

// Cheap sniff: does this buffer look like an HTML document?
bool looks_like_html(std::string_view bytes);

}  // namespace tw::text
