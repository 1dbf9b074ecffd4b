// article_source — turns command-line inputs into raw articles.
//
// An input is a file (.txt, .md, .html, .htm, or anything else read as text), a
// directory (walked recursively, in sorted order, reading the article
// extensions), "-" for standard input, or a JSON Lines dump (.jsonl: one article
// per line with `text` or `html`, optional `id`, `url`, `title`, `date`, `outlet`), or an
// RSS or Atom feed (.rss, .atom, .xml: one article per item, see feed.h).
// Articles are streamed to a callback one at a time, so memory stays bounded by
// the largest article; a broken input is reported through the same callback and
// never stops the walk.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "common/result.h"
#include "text/document.h"

namespace tw::source {

// The text stage's input (text/document.h), as this stage reads it.
using RawArticle = text::RawArticle;

// An article read, or why an input could not be one (Failure::where: the path, or
// "path:line" in a dump).
using Item = Result<RawArticle>;
inline Failure read_error(std::string origin, std::string reason) {
  return {std::move(reason), std::move(origin)};
}

// Why these bytes cannot be an article, or "" when they can: empty, over `limit`, gzip,
// or binary (NUL bytes). The one rule for files, dumps, standard input and POSTs.
std::string refuse_reason(std::string_view bytes, size_t limit);

struct ReadOptions {
  size_t max_article_bytes = 8u << 20;  // larger inputs are refused: no news article is 8 MiB
};

// Calls `sink` once per article or error, in input order.
void read_inputs(const std::vector<std::string>& inputs, const std::function<void(Item&&)>& sink,
                 const ReadOptions& options = {});

}  // namespace tw::source
