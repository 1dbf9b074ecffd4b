#include "pipeline/process.h"

#include "extract/extractor.h"
#include "text/pipeline.h"

namespace tw::pipeline {

Result process(const text::RawArticle& raw) {
  auto prepared = text::prepare(raw);
  if (auto* err = std::get_if<text::TextError>(&prepared)) return Refused{err->reason};
  Processed out{std::move(std::get<text::Document>(prepared)), {}};
  out.events = extract::Extractor::standard().extract(out.doc);
  return out;
}

}  // namespace tw::pipeline
