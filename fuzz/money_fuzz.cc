// money_fuzz — the money and head-count parsers (src/extract/money.h).
//
// The input is one sentence: find_money and find_counts (with the English count
// nouns of data/triggers, as the extractor passes them) read all of it, and
// parse_korean_number is tried at every byte offset of the first 64. Checked: every
// span lies inside the sentence, amounts are finite and not negative, and a number
// that parses ends past where it began (its value may be inf: past double's range).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "extract/money.h"
#include "extract/triggers.h"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto& count_nouns = tw::extract::LanguageData::english().count_nouns;
  const std::string_view s(reinterpret_cast<const char*>(data), size);

  for (const auto& m : tw::extract::find_money(s)) {
    check(m.begin <= m.end && m.end <= s.size());
    check(std::isfinite(m.value) && m.value >= 0);
    check(!m.currency.empty());
  }
  for (const auto& c : tw::extract::find_counts(s, count_nouns)) {
    check(c.begin <= c.end && c.end <= s.size());
    check(c.value >= 0);
  }
  for (size_t pos = 0; pos <= s.size() && pos < 64; ++pos) {
    size_t end = pos;
    if (auto v = tw::extract::parse_korean_number(s, pos, end)) {
      check(end > pos && end <= s.size());
      check(*v >= 0);  // inf past double's range; never NaN or negative
    }
  }
  return 0;
}
