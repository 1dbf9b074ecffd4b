#include "source/feed.h"

#include <fmt/format.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <climits>
#include <memory>
#include <string>

#include "text/utf8.h"

namespace tw::source {
namespace {

std::string_view name_of(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

std::string_view prefix_of(const xmlNode* n) {
  return n->ns && n->ns->prefix ? reinterpret_cast<const char*>(n->ns->prefix) : std::string_view();
}

std::string text_of(const xmlNode* n) {
  xmlChar* content = xmlNodeGetContent(n);
  std::string out = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return out;
}

std::string attribute_of(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string out = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return out;
}

std::string escaped(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
  return out;
}

std::string trimmed(std::string s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// One item or entry's fields, by local name (namespaces vary between feeds).
struct Entry {
  std::string id, link, title, date, content, summary;
};

Entry entry_of(const xmlNode* item) {
  Entry e;
  for (const xmlNode* c = item->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = name_of(c), prefix = prefix_of(c);
    if (name == "title" && e.title.empty())
      e.title = trimmed(text_of(c));
    else if ((name == "guid" || name == "id") && e.id.empty())
      e.id = trimmed(text_of(c));
    else if (name == "link" && e.link.empty()) {
      // RSS: the link is the text; Atom: href of the alternate (or unlabelled) link.
      const std::string rel = attribute_of(c, "rel");
      const std::string href = attribute_of(c, "href");
      if (!href.empty()) {
        if (rel.empty() || rel == "alternate") e.link = trimmed(href);
      } else {
        e.link = trimmed(text_of(c));
      }
    } else if ((name == "pubDate" || name == "published" || (name == "date" && prefix == "dc")) &&
               e.date.empty()) {
      e.date = trimmed(text_of(c));
    } else if (name == "updated" && e.date.empty()) {
      e.date = trimmed(text_of(c));  // a later published/pubDate replaces it below
    } else if ((name == "encoded" || name == "content") && e.content.empty()) {
      e.content = text_of(c);
    } else if ((name == "description" || name == "summary") && e.summary.empty()) {
      e.summary = text_of(c);
    }
  }
  // Published wins over updated wherever it came in the entry.
  for (const xmlNode* c = item->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && (name_of(c) == "published" || name_of(c) == "pubDate"))
      e.date = trimmed(text_of(c));
  return e;
}

}  // namespace

bool looks_like_feed(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 2048);
  return head.find("<rss") != std::string_view::npos ||
         head.find("<feed") != std::string_view::npos ||
         head.find("<rdf:RDF") != std::string_view::npos;
}

void read_feed(std::string_view bytes, const std::string& name, const std::string& origin,
               const std::function<void(Item&&)>& sink) {
  if (bytes.size() > INT_MAX) {
    sink(read_error(origin, "too large for a feed"));
    return;
  }
  static const bool initialised = (xmlInitParser(), true);  // once, before any thread parses
  (void)initialised;
  // No network, no external entities or DTDs: a feed is data, never a fetch.
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, "UTF-8", options),
      xmlFreeDoc);
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (!root || (name_of(root) != "rss" && name_of(root) != "feed" && name_of(root) != "RDF")) {
    sink(read_error(origin, "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)"));
    return;
  }
  // The items: children of <channel> (RSS 2.0), of the root (Atom, RSS 1.0).
  const xmlNode* holder = root;
  std::string outlet;
  for (const xmlNode* c = root->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && name_of(c) == "channel") holder = c;
  for (const xmlNode* c = holder->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && name_of(c) == "title") {
      outlet = trimmed(text_of(c));
      break;
    }
  size_t n = 0;
  auto items_in = [&](const xmlNode* parent) {
    for (const xmlNode* c = parent->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE || (name_of(c) != "item" && name_of(c) != "entry")) continue;
      ++n;
      const std::string where = fmt::format("{}#{}", origin, n);
      Entry e = entry_of(c);
      std::string body = !trimmed(e.content).empty() ? std::move(e.content) : std::move(e.summary);
      if (trimmed(body).empty()) {
        sink(read_error(where, "item without content or description"));
        continue;
      }
      if (auto bad = text::find_invalid_utf8(body)) {
        sink(read_error(where, fmt::format("invalid UTF-8 at byte {}", *bad)));
        continue;
      }
      RawArticle a;
      a.doc = !e.link.empty() ? e.link
              : !e.id.empty() ? e.id
                              : fmt::format("{}#{}", text::printable(name), n);
      a.origin = where;
      // The title leads the text, as it would on the page.
      a.bytes = e.title.empty() ? std::move(body)
                                : fmt::format("<h1>{}</h1>\n{}", escaped(e.title), body);
      a.html = true;
      a.url = std::move(e.link);
      a.title = std::move(e.title);
      a.date = std::move(e.date);
      a.outlet = outlet;
      sink(std::move(a));
    }
  };
  items_in(holder);
  if (holder != root) items_in(root);  // RSS 1.0 keeps its items beside the channel
  if (n == 0) sink(read_error(origin, "a feed without items"));
}

}  // namespace tw::source
