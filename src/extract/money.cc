#include "extract/money.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>

namespace tw::extract {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Figures at or past this are no amount or head-count of anything (and would not
// fit the whole numbers they are reported as): the text is noise, not a quantity.
constexpr double kMaxQuantity = 1e18;

// A head-count from a parsed figure; 0 (no count) when it is out of range.
long to_count(double v) { return v >= 0 && v < kMaxQuantity ? static_cast<long>(v) : 0; }

bool starts_with_at(std::string_view s, size_t pos, std::string_view w) {
  return s.substr(pos, w.size()) == w;
}

// A plain Arabic number with thousands commas and an optional decimal part.
std::optional<double> parse_plain_number(std::string_view s, size_t pos, size_t& end) {
  if (pos >= s.size() || !is_digit(s[pos])) return std::nullopt;
  auto three_digits_follow = [&](size_t k) {
    return k + 3 <= s.size() && is_digit(s[k]) && is_digit(s[k + 1]) && is_digit(s[k + 2]) &&
           (k + 3 == s.size() || !is_digit(s[k + 3]));
  };
  std::string digits;
  size_t i = pos;
  while (i < s.size()) {
    if (is_digit(s[i])) {
      digits.push_back(s[i++]);
    } else if (s[i] == ',' && three_digits_follow(i + 1)) {
      ++i;  // thousands separator
    } else if (s[i] == '.' && i + 1 < s.size() && is_digit(s[i + 1]) &&
               digits.find('.') == std::string::npos) {
      digits.push_back(s[i++]);
    } else {
      break;
    }
  }
  end = i;
  return std::strtod(digits.c_str(), nullptr);
}

struct KoreanUnit {
  std::string_view word;
  double scale;
};
constexpr std::array<KoreanUnit, 4> kKoreanUnits{
    {{"조", 1e12}, {"억", 1e8}, {"만", 1e4}, {"천", 1e3}}};

struct CurrencyWord {
  std::string_view word;
  std::string_view code;
};
constexpr std::array<CurrencyWord, 8> kKoreanCurrencies{{{"달러", "USD"},
                                                         {"불", "USD"},
                                                         {"원", "KRW"},
                                                         {"유로", "EUR"},
                                                         {"엔", "JPY"},
                                                         {"위안", "CNY"},
                                                         {"파운드", "GBP"},
                                                         {"위안화", "CNY"}}};

size_t skip_spaces(std::string_view s, size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  return i;
}

// Qualifier words written before an amount (Korean and English), longest first.
struct QualifierWord {
  std::string_view word;
  std::string_view qualifier;
};
constexpr std::array<QualifierWord, 22> kBefore{{{"최대 ", "up_to"},
                                                 {"최고 ", "up_to"},
                                                 {"최소 ", "at_least"},
                                                 {"적어도 ", "at_least"},
                                                 {"약 ", "about"},
                                                 {"대략 ", "about"},
                                                 {"up to ", "up_to"},
                                                 {"as much as ", "up_to"},
                                                 {"more than ", "at_least"},
                                                 {"at least ", "at_least"},
                                                 {"over ", "at_least"},
                                                 {"north of ", "at_least"},
                                                 {"upwards of ", "at_least"},
                                                 {"in excess of ", "at_least"},
                                                 {"about ", "about"},
                                                 {"around ", "about"},
                                                 {"roughly ", "about"},
                                                 {"nearly ", "about"},
                                                 {"almost ", "about"},
                                                 {"approximately ", "about"},
                                                 {"an estimated ", "about"},
                                                 {"close to ", "about"}}};

constexpr std::array<QualifierWord, 17> kAfter{{{"이상", "at_least"},
                                                {"넘는", "at_least"},
                                                {"넘게", "at_least"},
                                                {"초과", "at_least"},
                                                {"가 넘는", "at_least"},
                                                {"이 넘는", "at_least"},
                                                {"를 넘는", "at_least"},
                                                {"을 넘는", "at_least"},
                                                {"를 넘어", "at_least"},
                                                {"에 달하는", "up_to"},
                                                {"에 이르는", "up_to"},
                                                {"까지", "up_to"},
                                                {"가량", "about"},
                                                {"안팎", "about"},
                                                {"정도", "about"},
                                                {" or more", "at_least"},
                                                {"+", "at_least"}}};

void attach_qualifiers(std::string_view s, Money& m) {
  for (const auto& q : kBefore) {
    if (m.begin >= q.word.size()) {
      std::string before(s.substr(m.begin - q.word.size(), q.word.size()));
      std::transform(before.begin(), before.end(), before.begin(),
                     [](unsigned char c) { return std::tolower(c); });
      if (before == q.word && (m.begin == q.word.size() || !std::isalnum(static_cast<unsigned char>(
                                                               s[m.begin - q.word.size() - 1])))) {
        m.qualifier = q.qualifier;
        m.begin -= q.word.size();
        return;
      }
    }
  }
  size_t after = m.end;
  // Korean marks the amount with a particle before 넘는 / 달하는: "2억 달러가 넘는", "1억 달러에
  // 달하는".
  for (const auto& q : kAfter) {
    size_t at = (q.word[0] == ' ' || q.word[0] == '+') ? after : skip_spaces(s, after);
    if (starts_with_at(s, at, q.word)) {
      m.qualifier = q.qualifier;
      m.end = at + q.word.size();
      return;
    }
  }
}

const RE2& english_money_re() {
  // $100 million, US$1.25bn, $2.75B, €1bn, £650m, USD 3 billion
  static const RE2 re(
      R"((?i)(US\$|\$|€|£|¥|₩|USD ?|EUR ?|KRW ?)(\d[\d,]*(?:\.\d+)?)(?: ?(trillion|billion|)"
      R"(million|thousand|tn|bn|mn|b|m|k)\b)?)");
  return re;
}

const RE2& english_money_words_re() {
  // 2 billion euros, 1.3 trillion won, 100 million dollars
  static const RE2 re(
      R"((?i)\b(\d[\d,]*(?:\.\d+)?) ?(trillion|billion|million|thousand)? (dollars|euros|)"
      R"(won|yen|yuan|pounds)\b)");
  return re;
}

double english_scale(std::string unit) {
  std::transform(unit.begin(), unit.end(), unit.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (unit == "trillion" || unit == "tn") return 1e12;
  if (unit == "billion" || unit == "bn" || unit == "b") return 1e9;
  if (unit == "million" || unit == "mn" || unit == "m") return 1e6;
  if (unit == "thousand" || unit == "k") return 1e3;
  return 1;
}

std::string currency_of_symbol(std::string sym) {
  std::transform(sym.begin(), sym.end(), sym.begin(),
                 [](unsigned char c) { return std::toupper(c); });
  while (!sym.empty() && sym.back() == ' ') sym.pop_back();
  if (sym == "€" || sym == "EUR") return "EUR";
  if (sym == "£") return "GBP";
  if (sym == "¥") return "JPY";
  if (sym == "₩" || sym == "KRW") return "KRW";
  return "USD";
}

std::string currency_of_word(std::string w) {
  std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return std::tolower(c); });
  if (w == "euros") return "EUR";
  if (w == "won") return "KRW";
  if (w == "yen") return "JPY";
  if (w == "yuan") return "CNY";
  if (w == "pounds") return "GBP";
  return "USD";
}

double parse_number_text(std::string n) {
  n.erase(std::remove(n.begin(), n.end(), ','), n.end());
  return std::strtod(n.c_str(), nullptr);
}

void find_english_money(std::string_view s, std::vector<Money>& out) {
  // Both patterns need a digit: most sentences have none, and the regexes would scan them twice.
  if (std::none_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) return;
  for (const RE2* re : {&english_money_re(), &english_money_words_re()}) {
    re2::StringPiece input(s.data(), s.size());
    re2::StringPiece whole, g1, g2, g3;
    while (RE2::FindAndConsume(&input, *re, &g1, &g2, &g3)) {
      Money m;
      const size_t end = static_cast<size_t>(input.data() - s.data());
      if (re == &english_money_re()) {
        m.begin = static_cast<size_t>(g1.data() - s.data());
        m.value = parse_number_text(std::string(g2)) * english_scale(std::string(g3));
        m.currency = currency_of_symbol(std::string(g1));
      } else {
        m.begin = static_cast<size_t>(g1.data() - s.data());
        m.value = parse_number_text(std::string(g1)) * english_scale(std::string(g2));
        m.currency = currency_of_word(std::string(g3));
      }
      m.end = end;
      out.push_back(m);
    }
  }
}

// Vague Korean quantities such as 수백만, 수십억, 수천억 are not amounts.
bool preceded_by_vague(std::string_view s, size_t pos) {
  return pos >= 3 && s.substr(pos - 3, 3) == "수";
}

void find_korean_money(std::string_view s, std::vector<Money>& out) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (!is_digit(s[i]) || (i > 0 && (is_digit(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ',')))
      continue;
    size_t end = i;
    auto value = parse_korean_number(s, i, end);
    if (!value) continue;
    size_t c = skip_spaces(s, end);
    for (const auto& cur : kKoreanCurrencies) {
      if (!starts_with_at(s, c, cur.word)) continue;
      // "엔" and "원" must not be the start of another word ("엔지니어", "원칙")
      if ((cur.word == "엔" && (starts_with_at(s, c, "엔지") || starts_with_at(s, c, "엔비"))) ||
          (cur.word == "원" && (starts_with_at(s, c, "원칙") || starts_with_at(s, c, "원인"))))
        break;
      Money m;
      m.begin = i;
      m.end = c + cur.word.size();
      m.value = *value;
      m.currency = std::string(cur.code);
      out.push_back(m);
      break;
    }
    i = std::max(i, end);
  }
}

constexpr std::array<std::string_view, 10> kNativeNumerals{"한",   "두",   "세",   "네",   "다섯",
                                                           "여섯", "일곱", "여덟", "아홉", "열"};

const RE2& english_count_re() {
  // A number and the four words after it; the count noun is looked for among them.
  // "three senior machine learning (ML) engineers": up to five words, a gloss in brackets among
  // them.
  static const RE2 re(
      R"((?i)\b(\d[\d,]*|(?:two|three|four|five) dozen|one|two|three|four|five|six|seven|)"
      R"(eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a dozen|dozen|)"
      R"(several dozen|hundreds of|dozens of)((?: \(?[A-Za-z.'-]+\)?){1,5}))");
  return re;
}

long english_number_word(std::string w) {
  std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return std::tolower(c); });
  static const std::array<std::pair<std::string_view, long>, 17> words{{{"one", 1},
                                                                        {"two", 2},
                                                                        {"three", 3},
                                                                        {"four", 4},
                                                                        {"five", 5},
                                                                        {"six", 6},
                                                                        {"seven", 7},
                                                                        {"eight", 8},
                                                                        {"nine", 9},
                                                                        {"ten", 10},
                                                                        {"eleven", 11},
                                                                        {"twelve", 12},
                                                                        {"fifteen", 15},
                                                                        {"twenty", 20},
                                                                        {"thirty", 30},
                                                                        {"forty", 40},
                                                                        {"fifty", 50}}};
  for (auto& [k, v] : words)
    if (w == k) return v;
  if (w == "a dozen" || w == "dozen") return 12;
  if (w.ends_with(" dozen")) return 12 * english_number_word(w.substr(0, w.size() - 6));
  if (!w.empty() && is_digit(w[0])) return to_count(parse_number_text(w));
  return 0;  // vague: "dozens of", "hundreds of"
}

}  // namespace

std::optional<double> parse_korean_number(std::string_view s, size_t pos, size_t& end) {
  // Korean counts in groups of 만, 억 and 조; within a group 천 and 백 are sub-units:
  // "1억 4천593만" = 1억 + (4천 + 593)만 = 145,930,000; "2천700억" = 2,700억.
  static constexpr std::array<KoreanUnit, 2> kSmall{{{"천", 1e3}, {"백", 1e2}}};
  double total = 0, group = 0;
  bool any = false;
  size_t i = pos;
  auto unit_at = [&](size_t at) {
    for (const auto& u : kKoreanUnits)
      if (starts_with_at(s, at, u.word)) return true;
    for (const auto& u : kSmall)
      if (starts_with_at(s, at, u.word)) return true;
    return false;
  };
  while (i < s.size()) {
    size_t num_end = i;
    auto n = parse_plain_number(s, i, num_end);
    if (!n) break;
    any = true;
    size_t j = num_end;
    bool small = false;
    for (const auto& u : kSmall)
      if (starts_with_at(s, j, u.word)) {
        group += *n * u.scale;
        j += u.word.size();
        small = true;
        break;
      }
    if (!small) group += *n;
    bool big = false;
    for (const auto& u : kKoreanUnits) {
      if (u.scale < 1e4 || !starts_with_at(s, j, u.word)) continue;
      total += group * u.scale;
      group = 0;
      j += u.word.size();
      big = true;
      break;
    }
    i = j;
    if (!small && !big) break;  // a plain number closes the figure: "1억 5000"
    // The next group follows at once ("4천593만") or after one space ("12억 5000만"); only a
    // group with a unit continues after a space, and a plain number only straight after a unit.
    if (i < s.size() && is_digit(s[i])) continue;
    const size_t k = skip_spaces(s, i);
    if (k > i && k < s.size() && is_digit(s[k])) {
      size_t probe_end = k;
      if (parse_plain_number(s, k, probe_end) && unit_at(probe_end)) {
        i = k;
        continue;
      }
    }
    break;
  }
  if (!any) return std::nullopt;
  end = i;
  return total + group;
}

std::vector<Money> find_money(std::string_view s) {
  std::vector<Money> out;
  find_english_money(s, out);
  find_korean_money(s, out);
  // Drop Korean matches inside English ones and vague amounts; sort by position.
  std::sort(out.begin(), out.end(),
            [](const Money& a, const Money& b) { return a.begin < b.begin; });
  std::vector<Money> kept;
  for (auto& m : out) {
    if (!kept.empty() && m.begin < kept.back().end) continue;
    if (preceded_by_vague(s, m.begin)) continue;
    if (!(m.value > 0 && m.value < kMaxQuantity))
      continue;  // also NaN and inf ("$999…9" past double)
    kept.push_back(m);
  }
  for (auto& m : kept) attach_qualifiers(s, m);
  // "(약 3조7000억원)" right after an amount restates it in another currency.
  for (size_t k = 1; k < kept.size(); ++k) {
    size_t gap = kept[k - 1].end;
    std::string_view between = s.substr(gap, kept[k].begin - gap);
    if (between.find('(') != std::string_view::npos && between.size() <= 8)
      kept[k].conversion = true;
  }
  return kept;
}

std::vector<Count> find_counts(std::string_view s,
                               const std::vector<std::string>& english_count_nouns) {
  std::vector<Count> out;
  // Korean: <number>명 / <native numeral> 명
  for (size_t pos = s.find("명"); pos != std::string_view::npos; pos = s.find("명", pos + 1)) {
    size_t b = pos;
    while (b > 0 && s[b - 1] == ' ') --b;
    const bool approx = b >= 3 && s.substr(b - 3, 3) == "여";  // "3600여 명": some 3,600
    if (approx) b -= 3;
    long value = 0;
    size_t start = b;
    const bool unit_before =
        b >= 4 && (s.substr(b - 3, 3) == "만" || s.substr(b - 3, 3) == "천") && is_digit(s[b - 4]);
    if (b > 0 && (is_digit(s[b - 1]) || unit_before)) {
      // walk back over the number and its 만/천 groups
      size_t k = b;
      while (k > 0) {
        const char c = s[k - 1];
        if (is_digit(c) || c == ',') {
          --k;
          continue;
        }
        if (k >= 3 && (s.substr(k - 3, 3) == "만" || s.substr(k - 3, 3) == "천")) {
          k -= 3;
          continue;
        }
        break;
      }
      while (k < b && !is_digit(s[k])) k += 3;  // never start on a unit syllable
      size_t e = k;
      auto v = parse_korean_number(s, k, e);
      if (v && e == b) {
        value = to_count(*v);
        start = k;
      }
      if (start >= 3 && s.substr(start - 3, 3) == "수") value = 0;  // 수십 명
    } else {
      for (size_t n = 0; n < kNativeNumerals.size(); ++n) {
        const std::string_view w = kNativeNumerals[n];
        if (b >= w.size() && s.substr(b - w.size(), w.size()) == w &&
            (b == w.size() || s[b - w.size() - 1] == ' ')) {
          value = static_cast<long>(n) + 1;
          start = b - w.size();
          break;
        }
      }
    }
    if (value <= 0) continue;
    Count c{value, approx ? "about" : "", start, pos + 3};
    const size_t after = skip_spaces(s, c.end);
    if (starts_with_at(s, after, "이상") || starts_with_at(s, after, "넘는") ||
        starts_with_at(s, after, "넘게"))
      c.qualifier = "at_least";
    if (start >= 7 && s.substr(start - 7, 7) == "최소 ") c.qualifier = "at_least";
    if (start >= 4 && s.substr(start - 4, 4) == "약 ") c.qualifier = "about";
    out.push_back(c);
  }
  // English: <number> [up to three modifiers] <count noun>
  re2::StringPiece input(s.data(), s.size());
  re2::StringPiece num, words;
  while (RE2::FindAndConsume(&input, english_count_re(), &num, &words)) {
    // "45 AI researchers", "24 Google DeepMind staff": the first count noun among the next words.
    size_t noun_end = 0;
    for (size_t b = 0; b < words.size();) {
      while (b < words.size() && words[b] == ' ') ++b;
      size_t e = b;
      while (e < words.size() && words[e] != ' ') ++e;
      std::string w(words.substr(b, e - b));
      std::transform(w.begin(), w.end(), w.begin(),
                     [](unsigned char c) { return std::tolower(c); });
      while (!w.empty() && (w.back() == '.' || w.back() == '\'' || w.back() == ')')) w.pop_back();
      if (std::find(english_count_nouns.begin(), english_count_nouns.end(), w) !=
          english_count_nouns.end()) {
        noun_end = e;
        break;
      }
      b = e;
    }
    if (noun_end == 0) {
      input = re2::StringPiece(num.data() + num.size(),
                               s.data() + s.size() - (num.data() + num.size()));
      continue;  // no count noun: the words may hold the next number
    }
    const long v = english_number_word(std::string(num));
    if (v <= 0) continue;
    if (num.size() == 4 && v >= 1900 && v <= 2099)
      continue;  // a year: "in 2023 by three researchers"
    Count c{v, "", static_cast<size_t>(num.data() - s.data()),
            static_cast<size_t>(words.data() - s.data()) + noun_end};
    input = re2::StringPiece(s.data() + c.end, s.size() - c.end);
    std::string before(s.substr(c.begin >= 16 ? c.begin - 16 : 0, c.begin >= 16 ? 16 : c.begin));
    std::transform(before.begin(), before.end(), before.begin(),
                   [](unsigned char ch) { return std::tolower(ch); });
    if (before.ends_with("more than ") || before.ends_with("at least ") ||
        before.ends_with("over "))
      c.qualifier = "at_least";
    else if (before.ends_with("about ") || before.ends_with("around ") ||
             before.ends_with("roughly ") || before.ends_with("some ") ||
             before.ends_with("nearly "))
      c.qualifier = "about";
    out.push_back(c);
  }
  std::sort(out.begin(), out.end(),
            [](const Count& a, const Count& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace tw::extract
