// utf8 — validation and NFKC normalisation of article text (ICU).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tw::text {

// Byte offset of the first ill-formed UTF-8 sequence, or nullopt when `s` is valid.
std::optional<size_t> find_invalid_utf8(std::string_view s);

// NFKC-normalised copy of valid UTF-8 `s` (full-width digits become ASCII, etc.).
std::string nfkc(std::string_view s);

// Normalises valid UTF-8 `text` to NFKC in place. Most news text already is: ICU's
// check reads it once and nothing is copied; only text that needs it is rewritten.
void to_nfkc(std::string& text);

// `s` as one line of printable, valid UTF-8, for messages and names made from file
// names: control characters become \n, \t, \r or \xNN (C1 controls, the line and
// paragraph separators and the bidirectional overrides \u{NNNN}), and bytes that are
// not UTF-8 become \xNN. So a file name can neither split an error line in two nor make
// a JSON answer invalid. Backslashes are kept as they are: printable(printable(s)) ==
// printable(s).
std::string printable(std::string_view s);

// Decodes the code point at s[i] (valid UTF-8 assumed) and advances i.
char32_t next_code_point(std::string_view s, size_t& i);

// ASCII letters lowered, every other byte as it is: case-insensitive matching of Latin
// words without touching UTF-8 (Hangul has no case).
inline char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

// Character classes used across the pipeline.
inline bool is_hangul(char32_t c) {
  return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x3131 && c <= 0x318E);
}
inline bool is_ascii_alpha(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_letter(char32_t c);  // any Unicode letter (ICU)

// Hangul syllables (U+AC00–U+D7A3) are three UTF-8 bytes each. The number of them in `w`, or 0
// when `w` holds anything else; decoded inline, since the name tagger measures every word.
size_t hangul_syllables(std::string_view w);
// The three bytes of a syllable at the start of `s` (s.size() >= 3) as one integer, for lists of
// syllables compared without string compares.
inline uint32_t syllable_code(std::string_view s) {
  return static_cast<uint32_t>(static_cast<unsigned char>(s[0])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[1])) << 8 |
         static_cast<unsigned char>(s[2]);
}

// The space-separated words of `s` (views into it), and some of them joined again by one space.
std::vector<std::string_view> split_words(std::string_view s);
std::string join_words(const std::vector<std::string_view>& words, size_t from, size_t to);

}  // namespace tw::text
