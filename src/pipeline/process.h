// process — one article through the text and extract stages: the one way every caller
// (the CLI, the server, the tests, the fuzzers, the benchmarks) runs them, so an article
// gives the same events whichever door it came in by.
#pragma once
#include <string>
#include <vector>

#include "common/result.h"
#include "extract/event.h"
#include "text/document.h"

namespace tw::pipeline {

struct Processed {
  text::Document doc;
  std::vector<extract::Event> events;
};

// Cleans `raw` into a Document and extracts its events with the standard extractor; or
// why the article was refused (one line, naming no path: the caller names the article).
Result<Processed> process(const text::RawArticle& raw);

}  // namespace tw::pipeline
