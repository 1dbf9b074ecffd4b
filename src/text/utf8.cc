#include "text/utf8.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <fmt/format.h>

#include <stdexcept>

namespace tw::text {

std::optional<size_t> find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {  // ASCII fast path
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return static_cast<size_t>(start);
  }
  return std::nullopt;
}

std::string printable(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  auto byte_escape = [](std::string& out, uint8_t b) {
    out += "\\x";
    out += kHex[b >> 4];
    out += kHex[b & 15];
  };
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  std::string out;
  out.reserve(s.size());
  int32_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      const char c = static_cast<char>(p[i++]);
      if (c == '\n')
        out += "\\n";
      else if (c == '\t')
        out += "\\t";
      else if (c == '\r')
        out += "\\r";
      else if (static_cast<uint8_t>(c) < 0x20 || c == 0x7F)
        byte_escape(out, static_cast<uint8_t>(c));
      else
        out += c;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      for (int32_t k = start; k < i; ++k) byte_escape(out, p[k]);
    } else if ((c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0x200E ||
               c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
      out += fmt::format("\\u{{{:04X}}}", static_cast<uint32_t>(c));
    } else {
      out.append(s.data() + start, static_cast<size_t>(i - start));
    }
  }
  return out;
}

namespace {

const icu::Normalizer2& nfkc_normaliser() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* norm = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC normaliser unavailable");
  return *norm;
}

}  // namespace

void to_nfkc(std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (nfkc_normaliser().isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return;
  text = nfkc(text);
}

std::string nfkc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* norm = &nfkc_normaliser();
  std::string out;
  out.reserve(s.size());
  icu::StringByteSink<std::string> sink(&out);
  norm->normalizeUTF8(0, icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), sink, nullptr,
                      status);
  if (U_FAILURE(status)) throw std::runtime_error("NFKC normalisation failed");
  return out;
}

char32_t next_code_point(std::string_view s, size_t& i) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(p, j, static_cast<int32_t>(s.size()), c);
  i = static_cast<size_t>(j);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

bool is_letter(char32_t c) {
  if (c < 0x80) return is_ascii_alpha(c);
  return u_isalpha(static_cast<UChar32>(c));
}

size_t hangul_syllables(std::string_view w) {
  if (w.size() % 3 != 0) return 0;
  for (size_t i = 0; i < w.size(); i += 3) {
    const auto b0 = static_cast<unsigned char>(w[i]), b1 = static_cast<unsigned char>(w[i + 1]),
               b2 = static_cast<unsigned char>(w[i + 2]);
    if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return 0;
    const char32_t c = static_cast<char32_t>((b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F));
    if (c < 0xAC00 || c > 0xD7A3) return 0;
  }
  return w.size() / 3;
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string join_words(const std::vector<std::string_view>& words, size_t from, size_t to) {
  std::string out;
  for (size_t k = from; k < to; ++k) {
    if (!out.empty()) out.push_back(' ');
    out += words[k];
  }
  return out;
}

}  // namespace tw::text
