// html_text_fuzz — the HTML/text cleaner (src/text/html_text.h).
//
// The input, as raw bytes (any encoding, any nesting), goes to looks_like_html,
// to drop_unrendered (comments, scripts, styles), to flatten_deep_nesting (the
// default depth and a small one, so the dropping of deep tags is reached by small
// inputs) and to html_to_text, which does both and parses the rest with gumbo to
// collect the story text and the title. Checked: neither rewrite makes the markup
// longer, and the text has no blank line and no line that starts or ends with a space.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "text/html_text.h"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  (void)tw::text::looks_like_html(in);
  check(tw::text::drop_unrendered(in).size() <= in.size());
  check(tw::text::flatten_deep_nesting(in).size() <= in.size());
  check(tw::text::flatten_deep_nesting(in, 3).size() <= in.size());

  const tw::text::HtmlText h = tw::text::html_to_text(in);
  const std::string& t = h.text;
  check(t.empty() || t.back() == '\n');
  for (size_t b = 0; b < t.size();) {
    const size_t e = t.find('\n', b);
    check(e != std::string::npos && e > b);  // every line ends, none is empty
    check(t[b] != ' ' && t[e - 1] != ' ');
    b = e + 1;
  }
  return 0;
}
