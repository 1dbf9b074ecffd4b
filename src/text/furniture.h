// furniture — drops the lines of a page that are not the story: tickers and prices,
// menus and button labels, related-article lists, share/comment/subscribe boxes.
//
// Works on plain text with one paragraph per line (what html_to_text produces and
// what scraped .txt pages look like). The marker phrases are data
// (data/lang/furniture.txt); the shape tests (numbers-only lines, bulleted
// headlines, runs of short lines) are language-independent.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "text/pattern_set.h"

namespace tw::text {

class FurnitureFilter {
 public:
  explicit FurnitureFilter(std::vector<std::string> markers);
  static const FurnitureFilter& standard();  // markers from data/lang/furniture.txt

  // The story lines of `text`, joined by '\n'.
  std::string clean(std::string_view text) const;

 private:
  PatternSet markers_;  // found in one pass over the page, not searched line by line
};

}  // namespace tw::text
