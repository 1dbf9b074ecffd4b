// pipeline_fuzz — the whole extract: the text stage (src/text/pipeline.h) and the
// extractor (src/extract/extractor.h) with the standard data of data/.
//
// The input is one article, read three ways: as HTML, as plain text and as Markdown
// (as .html, .txt and .md files are). Each Document that comes out goes through
// Extractor::standard().extract, and every event is turned into JSON and dumped, as
// `talentwar extract` prints it. Checked: invalid UTF-8 is an error, never a crash;
// a Document has a language and sentences inside its text; every event names its
// sentence, and its JSON dumps (strict UTF-8) with a non-negative amount and count.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

#include "extract/event.h"
#include "extract/extractor.h"
#include "pipeline/process.h"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

void run(std::string_view bytes, bool html, bool markdown) {
  tw::text::RawArticle raw;
  raw.doc = raw.origin = "fuzz";
  raw.bytes = std::string(bytes);
  raw.html = html;
  raw.markdown = markdown;
  auto result = tw::pipeline::process(raw);
  if (!result) {
    check(!result.failure().reason.empty());
    return;
  }
  const auto& doc = result->doc;
  check(!doc.text.empty());
  check(doc.lang == "ko" || doc.lang == "en");
  for (const auto& s : doc.sentences) check(s.begin < s.end && s.end <= doc.text.size());

  const auto& events = result->events;
  for (const auto& e : events) {
    check(tw::model::event_type(tw::model::name(e.type)) == e.type);
    check(e.sentence < doc.sentences.size());
    const nlohmann::json j = tw::extract::to_json(e);
    (void)j.dump();  // throws on invalid UTF-8 in a slot: that is a crash for `talentwar extract`
    if (j.contains("amount")) check(j["amount"]["value"].get<long long>() >= 0);
    if (j.contains("count")) check(j["count"].get<long>() >= 0);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  run(in, /*html=*/true, /*markdown=*/false);
  run(in, /*html=*/false, /*markdown=*/false);
  run(in, /*html=*/false, /*markdown=*/true);
  return 0;
}
