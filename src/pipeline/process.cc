#include "pipeline/process.h"

#include "extract/extractor.h"
#include "text/pipeline.h"

namespace tw::pipeline {

Result<Processed> process(const text::RawArticle& raw) {
  auto prepared = text::prepare(raw);
  if (!prepared) return prepared.failure();
  Processed out{std::move(*prepared), {}};
  out.events = extract::Extractor::standard().extract(out.doc);
  return out;
}

}  // namespace tw::pipeline
