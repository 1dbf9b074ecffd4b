#include "resolve/phonetic.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include "text/utf8.h"

namespace tw::resolve {
namespace {

constexpr size_t kMinKey = 2;  // skeletons shorter than this match too much

std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '-' || c == '\'' || c == '.' || c == ',') {
      if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

}  // namespace

bool has_hangul(std::string_view s) {
  for (size_t i = 0; i < s.size();)
    if (text::is_hangul(text::next_code_point(s, i))) return true;
  return false;
}

std::string romanize(std::string_view text) {
  if (!has_hangul(text)) return std::string(text);
  // ICU transliterators are not thread-safe: one per thread.
  thread_local std::unique_ptr<icu::Transliterator> hangul_latin = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Hangul-Latin", UTRANS_FORWARD, status));
    return U_FAILURE(status) ? nullptr : std::move(t);
  }();
  if (!hangul_latin) return std::string(text);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  hangul_latin->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string phonetic_key(std::string_view word) {
  std::string w;
  for (char c : romanize(word)) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c >= 'a' && c <= 'z') w.push_back(c);
  }
  std::string key;
  auto emit = [&](char k) {
    if (key.empty() || key.back() != k)
      key.push_back(k);  // doubled letters and repeated classes collapse
  };
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    const char n = i + 1 < w.size() ? w[i + 1] : '\0';
    switch (c) {
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
      case 'y':
      case 'w':
      case 'h': break;  // vowels, glides, h: what transliteration changes most
      case 's':
        if (n == 'h') ++i;
        emit('S');
        break;
      case 'x':
        if (i == 0)
          emit('S');  // pinyin Xiao; elsewhere Alexandr
        else {
          emit('K');
          emit('S');
        }
        break;
      case 'z':
        if (n == 'h') ++i;
        emit('J');
        break;
      case 'c':
        if (n == 'h') {
          ++i;
          emit('J');
        } else if (n == 'k') {
          ++i;
          emit('K');
        } else
          emit(i == 0 || n == 'i' || n == 'e' ? 'J' : 'K');
        break;
      case 'j':
      case 'q': emit('J'); break;
      case 't':
        if (n == 's' || n == 'z') {
          ++i;
          emit('J');
        } else
          emit('T');
        break;
      case 'd': emit('T'); break;
      case 'k':
      case 'g':
        if (c == 'g' && i > 0 && w[i - 1] == 'n') break;  // "ng" is one nasal
        emit('K');
        break;
      case 'p':
      case 'b':
      case 'f':
      case 'v': emit('P'); break;
      case 'r':
        // English r after a vowel is silent in Korean spelling: Park = 박, Gunter = 건터.
        if (i > 0 && std::string_view("aeiou").find(w[i - 1]) != std::string_view::npos &&
            (n == '\0' || std::string_view("aeiouy").find(n) == std::string_view::npos))
          break;
        emit('L');
        break;
      case 'l': emit('L'); break;
      case 'm': emit('M'); break;
      case 'n': emit('N'); break;
      default: break;
    }
  }
  return key;
}

std::vector<std::string> name_keys(std::string_view name) {
  std::vector<std::string> parts;
  for (const auto& w : words_of(name)) parts.push_back(phonetic_key(w));
  if (parts.empty() || parts.size() > 4) return {};
  std::sort(parts.begin(), parts.end());
  std::vector<std::string> keys;
  do {
    std::string k;
    for (const auto& p : parts)
      for (char c : p)
        if (k.empty() || k.back() != c) k.push_back(c);
    if (k.size() >= kMinKey && std::find(keys.begin(), keys.end(), k) == keys.end())
      keys.push_back(k);
  } while (std::next_permutation(parts.begin(), parts.end()));
  return keys;
}

bool same_name(std::string_view a, std::string_view b) {
  const auto ka = name_keys(a);
  const auto kb = name_keys(b);
  for (const auto& x : ka)
    if (std::find(kb.begin(), kb.end(), x) != kb.end()) return true;
  return false;
}

}  // namespace tw::resolve
