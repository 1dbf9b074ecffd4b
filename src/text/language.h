// language — tells Korean from English by the share of Hangul among the letters.
#pragma once
#include <string>
#include <string_view>

namespace tw::text {

// "ko" when Hangul syllables make up a meaningful share of the letters, else "en".
std::string detect_language(std::string_view text);

}  // namespace tw::text
