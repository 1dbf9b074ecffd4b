#include "text/language.h"

#include "text/utf8.h"

namespace tw::text {

std::string detect_language(std::string_view text) {
  size_t hangul = 0, latin = 0;
  for (size_t i = 0; i < text.size();) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      latin += is_ascii_alpha(b);
      ++i;
      continue;
    }
    hangul += is_hangul(next_code_point(text, i));
  }
  // A Hangul syllable carries about as much as three Latin letters.
  return hangul * 3 >= latin / 2 && hangul > 0 ? "ko" : "en";
}

}  // namespace tw::text
