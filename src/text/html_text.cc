#include "text/html_text.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace tw::text {
namespace {

bool is_skipped_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

bool is_block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_LI:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TR: case GUMBO_TAG_TD:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_TABLE: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_FIGURE: case GUMBO_TAG_MAIN: case GUMBO_TAG_PRE:
    case GUMBO_TAG_HR: case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

// Words in class/id attributes that mark page furniture rather than the story.
constexpr std::array<std::string_view, 26> kFurnitureMarkers = {
    "nav", "menu", "footer", "header", "ticker", "share", "social", "comment",
    "related", "banner", "cookie", "sidebar", "advert", "breadcrumb", "popular",
    "subscribe", "newsletter", "font-size", "fontsize", "toolbar", "most-read",
    "recommend", "promo", "stock", "crypto", "gnb"};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool has_furniture_attr(const GumboElement& el) {
  for (const char* name : {"class", "id", "role"}) {
    const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
    if (!a) continue;
    const std::string v = lower(a->value);
    if (std::string_view(name) == "role" && (v == "navigation" || v == "banner" || v == "contentinfo" || v == "complementary"))
      return true;
    for (auto m : kFurnitureMarkers)
      if (v.find(m) != std::string::npos) return true;
  }
  return false;
}

bool is_story_root(const GumboElement& el) {
  if (el.tag == GUMBO_TAG_ARTICLE) return true;
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, "itemprop");
  return a && lower(a->value) == "articlebody";
}

// Depth-first search without recursion: pages nested 100 000 deep must not blow the stack.
const GumboNode* find_story_root(const GumboNode* root) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    if (is_story_root(n->v.element)) return n;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
  }
  return nullptr;
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

void collect_text(const GumboNode* root, std::string& out) {
  struct Frame { const GumboNode* node; bool closing; };
  std::vector<Frame> stack{{root, false}};
  while (!stack.empty()) {
    Frame f = stack.back();
    stack.pop_back();
    const GumboNode* n = f.node;
    if (f.closing) {
      end_line(out);
      continue;
    }
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
      append_text(out, n->v.text.text);
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) continue;
    const GumboVector* kids;
    if (n->type == GUMBO_NODE_ELEMENT) {
      const GumboElement& el = n->v.element;
      if (is_skipped_tag(el.tag) || has_furniture_attr(el)) continue;
      if (is_block_tag(el.tag)) {
        end_line(out);
        stack.push_back({n, true});
      }
      kids = &el.children;
    } else {
      kids = &n->v.document.children;
    }
    for (unsigned i = kids->length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(kids->data[i]), false});
  }
  end_line(out);
}

std::string find_title(const GumboNode* root) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    if (n->v.element.tag == GUMBO_TAG_TITLE) {
      std::string t;
      const GumboVector& kids = n->v.element.children;
      for (unsigned i = 0; i < kids.length; ++i) {
        auto* k = static_cast<const GumboNode*>(kids.data[i]);
        if (k->type == GUMBO_NODE_TEXT) append_text(t, k->v.text.text);
      }
      return t;
    }
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
  }
  return {};
}

}  // namespace

std::string flatten_deep_nesting(std::string_view html, size_t max_depth) {
  std::string out;
  out.reserve(html.size());
  size_t depth = 0, dropped = 0;
  static constexpr std::array<std::string_view, 14> kVoid{"br", "img", "hr", "meta", "link", "input", "source",
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
    const bool opening = !closing && tag.size() > 1 && std::isalpha(static_cast<unsigned char>(tag[1]));
    size_t name_end = closing ? 2 : 1;
    while (name_end < tag.size() && std::isalnum(static_cast<unsigned char>(tag[name_end]))) ++name_end;
    const std::string name = lower(tag.substr(closing ? 2 : 1, name_end - (closing ? 2 : 1)));
    const bool self_closing = tag.size() > 2 && tag[tag.size() - 2] == '/';
    const bool is_void = std::find(kVoid.begin(), kVoid.end(), name) != kVoid.end();
    bool keep = true;
    if (opening && !self_closing && !is_void) {
      if (depth >= max_depth) { ++dropped; keep = false; }
      else ++depth;
    } else if (closing) {
      if (dropped > 0) { --dropped; keep = false; }
      else if (depth > 0) --depth;
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
    return at >= html.size() || html[at] == '>' || html[at] == '/' || std::isspace(static_cast<unsigned char>(html[at]));
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
    // Raw text runs to the first "</script" or "</style", whatever it sits in (as in the HTML spec).
    size_t end = i + 1 + element.size();
    for (;;) {
      end = html.find("</", end);
      if (end == std::string_view::npos || (starts(end + 2, element) && ends_name(end + 2 + element.size()))) break;
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
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // we never read gumbo's error list: don't pay for building it
  const std::string flat = flatten_deep_nesting(drop_unrendered(html));
  GumboOutput* parsed = gumbo_parse_with_options(&options, flat.data(), flat.size());
  HtmlText result;
  result.title = find_title(parsed->root);
  const GumboNode* story = find_story_root(parsed->root);
  collect_text(story ? story : parsed->root, result.text);
  gumbo_destroy_output(&options, parsed);
  return result;
}

bool looks_like_html(std::string_view bytes) {
  const std::string head = lower(bytes.substr(0, 2048));
  for (std::string_view marker : {"<!doctype html", "<html", "<body", "<head", "<div", "<p>", "<article", "<meta "})
    if (head.find(marker) != std::string::npos) return true;
  return false;
}

}  // namespace tw::text
