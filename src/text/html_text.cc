#include "text/html_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "text/dates.h"
#include "text/utf8.h"

namespace tw::text {
namespace {

using namespace std::string_view_literals;

// Both lists sorted: looked up by binary search on the lower-case tag name libxml2 reports.
constexpr std::array kSkippedTags = {"aside"sv, "button"sv,   "figcaption"sv, "footer"sv, "form"sv,
                                     "head"sv,  "header"sv,   "iframe"sv,     "input"sv,  "menu"sv,
                                     "nav"sv,   "noscript"sv, "script"sv,     "select"sv, "style"sv,
                                     "svg"sv,   "template"sv, "textarea"sv};
constexpr std::array kBlockTags = {
    "article"sv, "blockquote"sv, "br"sv,    "dd"sv, "div"sv,   "dt"sv, "figure"sv, "h1"sv, "h2"sv,
    "h3"sv,      "h4"sv,         "h5"sv,    "h6"sv, "hr"sv,    "li"sv, "main"sv,   "ol"sv, "p"sv,
    "pre"sv,     "section"sv,    "table"sv, "td"sv, "title"sv, "tr"sv, "ul"sv};

template <size_t N>
bool listed(const std::array<std::string_view, N>& sorted, std::string_view name) {
  return std::binary_search(sorted.begin(), sorted.end(), name);
}

// <meta> names (property, name or itemprop) that give the publication date; sorted.
constexpr std::array kPublishedMeta = {"article:published_time"sv,
                                       "article_date_original"sv,
                                       "date"sv,
                                       "datepublished"sv,
                                       "dc.date"sv,
                                       "dc.date.issued"sv,
                                       "dcterms.created"sv,
                                       "og:article:published_time"sv,
                                       "parsely-pub-date"sv,
                                       "pubdate"sv,
                                       "publish-date"sv,
                                       "publishdate"sv,
                                       "sailthru.date"sv};

// JSON-LD's datePublished, read before scripts are dropped: "" when the page has none.
std::string json_ld_published(std::string_view html) {
  constexpr std::string_view kKey = "\"datePublished\"";
  const size_t at = html.find(kKey);
  if (at == std::string_view::npos) return {};
  std::string_view rest = html.substr(at + kKey.size(), 64);
  const size_t quote = rest.find('"');
  if (quote == std::string_view::npos ||
      rest.substr(0, quote).find_first_not_of(" \t\r\n:") != std::string_view::npos)
    return {};
  return iso_date(rest.substr(quote + 1));
}

// Words in class/id attributes that mark page furniture rather than the story.
constexpr std::array<std::string_view, 26> kFurnitureMarkers = {
    "nav",       "menu",      "footer",     "header",    "ticker",   "share",   "social",
    "comment",   "related",   "banner",     "cookie",    "sidebar",  "advert",  "breadcrumb",
    "popular",   "subscribe", "newsletter", "font-size", "fontsize", "toolbar", "most-read",
    "recommend", "promo",     "stock",      "crypto",    "gnb"};

// libxml2's attribute list: name, value, name, value, …, null (a value may be null).
std::string_view attribute(const xmlChar** attributes, std::string_view name) {
  if (!attributes) return {};
  for (size_t i = 0; attributes[i]; i += 2)
    if (name == reinterpret_cast<const char*>(attributes[i]) && attributes[i + 1])
      return reinterpret_cast<const char*>(attributes[i + 1]);
  return {};
}

bool has_furniture_attr(const xmlChar** attributes) {
  for (std::string_view name : {"class"sv, "id"sv, "role"sv}) {
    const std::string v = ascii_lower(attribute(attributes, name));
    if (v.empty()) continue;
    if (name == "role" &&
        (v == "navigation" || v == "banner" || v == "contentinfo" || v == "complementary"))
      return true;
    for (auto m : kFurnitureMarkers)
      if (v.find(m) != std::string::npos) return true;
  }
  return false;
}

bool is_story_root(std::string_view tag, const xmlChar** attributes) {
  return tag == "article" || ascii_lower(attribute(attributes, "itemprop")) == "articlebody";
}

void append_text(std::string& out, std::string_view t) {
  for (char c : t) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (space) {
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
}

void end_line(std::string& out) {
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty() && out.back() != '\n') out.push_back('\n');
}

// Text of one region of the page: inside a skipped element only depth is counted.
struct TextSink {
  std::string text;
  size_t skipped_depth = 0;

  void open(bool skipped, bool block) {
    if (skipped_depth > 0 || skipped)
      ++skipped_depth;
    else if (block)
      end_line(text);
  }
  void close(bool block) {
    if (skipped_depth > 0)
      --skipped_depth;
    else if (block)
      end_line(text);
  }
  void add(std::string_view t) {
    if (skipped_depth == 0) append_text(text, t);
  }
};

// One pass over the parser's events. Until the story root (the first <article> or
// itemprop=articleBody) opens, text goes to the page; from then on only the story's
// subtree is read, and the page's text is never needed.
struct PageReader {
  struct Open {
    std::string tag;  // short: held in place, no allocation
    bool block;
  };
  std::vector<Open> open_elements;
  TextSink page, story;
  size_t story_depth = 0;  // depth of the story root once found; 0 before
  bool story_closed = false;
  std::string title;
  enum class Title { not_seen, inside, read } title_state = Title::not_seen;
  // When the page says it was published: a <meta> that says so, else the first
  // <time datetime> of the story, else the first of the page.
  std::string meta_published, story_time, page_time;
  std::string site_name, canonical, og_url;

  TextSink* sink() {
    if (story_depth == 0) return &page;
    return story_closed ? nullptr : &story;
  }

  void start(std::string_view tag, const xmlChar** attributes) {
    const bool skipped = listed(kSkippedTags, tag) || has_furniture_attr(attributes);
    const bool block = listed(kBlockTags, tag);
    if (story_depth == 0 && is_story_root(tag, attributes)) story_depth = open_elements.size() + 1;
    open_elements.push_back({std::string(tag), block});
    if (TextSink* s = sink()) s->open(skipped, block);
    if (tag == "title" && title_state == Title::not_seen) title_state = Title::inside;
    if (tag == "meta") {
      for (std::string_view key : {"property"sv, "name"sv, "itemprop"sv}) {
        const std::string name = ascii_lower(attribute(attributes, key));
        if (name.empty()) continue;
        const std::string_view content = attribute(attributes, "content");
        if (meta_published.empty() && listed(kPublishedMeta, name))
          meta_published = iso_date(content);
        if (site_name.empty() && (name == "og:site_name" || name == "application-name"))
          site_name = content;
        if (og_url.empty() && name == "og:url") og_url = content;
      }
    } else if (tag == "link" && canonical.empty() &&
               ascii_lower(attribute(attributes, "rel")) == "canonical") {
      canonical = attribute(attributes, "href");
    } else if (tag == "time") {
      std::string& slot = story_depth > 0 && !story_closed ? story_time : page_time;
      if (slot.empty()) slot = iso_date(attribute(attributes, "datetime"));
    }
  }

  void close_innermost() {
    const Open o = std::move(open_elements.back());
    open_elements.pop_back();
    if (TextSink* s = sink()) {
      s->close(o.block);
      if (s == &story && open_elements.size() + 1 == story_depth) story_closed = true;
    }
    if (o.tag == "title" && title_state == Title::inside) title_state = Title::read;
  }

  // An end tag closes everything opened after its element; a stray one closes nothing.
  void end(std::string_view tag) {
    auto it = std::find_if(open_elements.rbegin(), open_elements.rend(),
                           [&](const Open& o) { return o.tag == tag; });
    if (it == open_elements.rend()) return;
    for (auto n = it - open_elements.rbegin() + 1; n > 0; --n) close_innermost();
  }

  void characters(std::string_view t) {
    if (title_state == Title::inside) append_text(title, t);
    if (TextSink* s = sink()) s->add(t);
  }
};

PageReader& reader_of(void* context) {
  return *static_cast<PageReader*>(static_cast<htmlParserCtxtPtr>(context)->_private);
}

std::string_view as_view(const xmlChar* s) { return reinterpret_cast<const char*>(s); }
}  // namespace

std::string flatten_deep_nesting(std::string_view html, size_t max_depth) {
  std::string out;
  out.reserve(html.size());
  size_t depth = 0, dropped = 0;
  static constexpr std::array<std::string_view, 14> kVoid{
      "br",   "img",  "hr",  "meta",  "link",  "input", "source",
      "area", "base", "col", "embed", "param", "track", "wbr"};
  for (size_t i = 0; i < html.size();) {
    if (html[i] != '<' || i + 1 >= html.size()) {
      out.push_back(html[i++]);
      continue;
    }
    const size_t close = html.find('>', i);
    if (close == std::string_view::npos) {
      out.append(html.substr(i));
      break;
    }
    const std::string_view tag = html.substr(i, close - i + 1);
    const bool closing = tag.size() > 1 && tag[1] == '/';
    const bool opening =
        !closing && tag.size() > 1 && std::isalpha(static_cast<unsigned char>(tag[1]));
    const size_t name_begin = closing ? 2 : 1;
    size_t name_end = name_begin;
    while (name_end < tag.size() && std::isalnum(static_cast<unsigned char>(tag[name_end])))
      ++name_end;
    const std::string_view name = tag.substr(name_begin, name_end - name_begin);
    const bool self_closing = tag.size() > 2 && tag[tag.size() - 2] == '/';
    const bool is_void = std::any_of(kVoid.begin(), kVoid.end(), [&](std::string_view v) {
      return v.size() == name.size() &&
             std::equal(v.begin(), v.end(), name.begin(), [](char a, char b) {
               return a == std::tolower(static_cast<unsigned char>(b));
             });
    });
    bool keep = true;
    if (opening && !self_closing && !is_void) {
      if (depth >= max_depth) {
        ++dropped;
        keep = false;
      } else
        ++depth;
    } else if (closing) {
      if (dropped > 0) {
        --dropped;
        keep = false;
      } else if (depth > 0)
        --depth;
    }
    if (keep) out.append(tag);
    i = close + 1;
  }
  return out;
}

std::string drop_unrendered(std::string_view html) {
  // Case-insensitive: does `html` at `at` start with `word` (lower case)?
  auto starts = [&](size_t at, std::string_view word) {
    if (at + word.size() > html.size()) return false;
    for (size_t k = 0; k < word.size(); ++k)
      if (std::tolower(static_cast<unsigned char>(html[at + k])) != word[k]) return false;
    return true;
  };
  auto ends_name = [&](size_t at) {
    return at >= html.size() || html[at] == '>' || html[at] == '/' ||
           std::isspace(static_cast<unsigned char>(html[at]));
  };
  std::string out;
  out.reserve(html.size());
  size_t i = 0;
  while (i < html.size()) {
    const size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) break;
    out.append(html.substr(i, lt - i));
    i = lt;
    if (starts(i, "<!--")) {
      const size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    std::string_view element;
    for (std::string_view name : {"script", "style"})
      if (starts(i + 1, name) && ends_name(i + 1 + name.size())) element = name;
    if (element.empty()) {
      out.push_back('<');
      ++i;
      continue;
    }
    // Raw text runs to the first "</script" or "</style", whatever it sits in (as in the HTML
    // spec).
    size_t end = i + 1 + element.size();
    for (;;) {
      end = html.find("</", end);
      if (end == std::string_view::npos ||
          (starts(end + 2, element) && ends_name(end + 2 + element.size())))
        break;
      end += 2;
    }
    if (end == std::string_view::npos) {
      i = html.size();
      break;
    }
    const size_t close = html.find('>', end);
    i = close == std::string_view::npos ? html.size() : close + 1;
  }
  if (i < html.size()) out.append(html.substr(i));
  return out;
}

HtmlText html_to_text(std::string_view html) {
  static const bool initialised = (xmlInitParser(), true);  // once, before any thread parses
  (void)initialised;
  std::string json_ld = json_ld_published(html);
  const std::string flat = flatten_deep_nesting(drop_unrendered(html));

  htmlSAXHandler events{};
  events.startElement = [](void* c, const xmlChar* tag, const xmlChar** attributes) {
    reader_of(c).start(as_view(tag), attributes);
  };
  events.endElement = [](void* c, const xmlChar* tag) { reader_of(c).end(as_view(tag)); };
  events.characters = [](void* c, const xmlChar* t, int n) {
    reader_of(c).characters({reinterpret_cast<const char*>(t), static_cast<size_t>(n)});
  };
  events.cdataBlock = events.characters;
  events.ignorableWhitespace = events.characters;

  PageReader reader;
  htmlParserCtxtPtr parser =
      htmlCreatePushParserCtxt(&events, nullptr, nullptr, 0, nullptr, XML_CHAR_ENCODING_UTF8);
  if (!parser) return {};
  parser->_private = &reader;
  parser->userData = parser;  // callbacks receive the parser, which carries the reader
  // The bytes are already valid UTF-8: a page's <meta charset> must not re-decode them.
  htmlCtxtUseOptions(
      parser, HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
  // Fed in pieces: the push parser keeps only what it has not yet reported.
  constexpr size_t kPiece = 1 << 20;
  std::string_view rest = flat;
  do {
    const std::string_view piece = rest.substr(0, kPiece);
    rest.remove_prefix(piece.size());
    htmlParseChunk(parser, piece.data(), static_cast<int>(piece.size()), rest.empty() ? 1 : 0);
  } while (!rest.empty());
  while (!reader.open_elements.empty()) reader.close_innermost();
  htmlFreeParserCtxt(parser);

  HtmlText result;
  result.title = std::move(reader.title);
  for (std::string* date :
       {&reader.meta_published, &json_ld, &reader.story_time, &reader.page_time})
    if (result.published.empty()) result.published = std::move(*date);
  result.site_name = std::move(reader.site_name);
  result.url = reader.canonical.empty() ? std::move(reader.og_url) : std::move(reader.canonical);
  result.text = reader.story_depth > 0 ? std::move(reader.story.text) : std::move(reader.page.text);
  end_line(result.text);
  return result;
}

bool looks_like_html(std::string_view bytes) {
  const std::string head = ascii_lower(bytes.substr(0, 2048));
  for (std::string_view marker :
       {"<!doctype html", "<html", "<body", "<head", "<div", "<p>", "<article", "<meta "})
    if (head.find(marker) != std::string::npos) return true;
  return false;
}

}  // namespace tw::text
