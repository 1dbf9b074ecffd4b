// process — one article through the text and extract stages: the one way every caller
// (the CLI, the server, the tests, the fuzzers, the benchmarks) runs them, so an article
// gives the same events whichever door it came in by.
#pragma once
#include <string>
#include <variant>
#include <vector>

#include "extract/event.h"
#include "text/document.h"

namespace tw::pipeline {

struct Processed {
  text::Document doc;
  std::vector<extract::Event> events;
};

// Why an article was refused: one line, naming no path (the caller names the article).
struct Refused {
  std::string reason;
};

using Result = std::variant<Processed, Refused>;

// Cleans `raw` into a Document and extracts its events with the standard extractor.
Result process(const text::RawArticle& raw);

// The processed article, or nullptr when it was refused (then `refused` is set).
inline Processed* processed(Result& r) { return std::get_if<Processed>(&r); }
inline const Refused* refused(const Result& r) { return std::get_if<Refused>(&r); }

}  // namespace tw::pipeline
