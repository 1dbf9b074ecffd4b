// feed — the articles of an RSS or Atom file (RSS 0.9x/2.0, RSS 1.0/RDF, Atom 1.0).
//
// Each item or entry becomes one raw article: its full content where the feed carries
// it (content:encoded, Atom content), else its description or summary, read as HTML;
// its link, title and date (pubDate, published, updated, dc:date); the feed's own title
// as the outlet. Parsed with libxml2, never fetching anything (no network, no external
// entities); an item without text is reported and the others go on.
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "source/article_source.h"

namespace tw::source {

// Does `bytes` look like an RSS or Atom document?
bool looks_like_feed(std::string_view bytes);

// Calls `sink` once per item (an article or a one-line error); `name` is the file's base
// name, `origin` its path for messages. A document that is not a feed is one error.
void read_feed(std::string_view bytes, const std::string& name, const std::string& origin,
               const std::function<void(Item&&)>& sink);

}  // namespace tw::source
