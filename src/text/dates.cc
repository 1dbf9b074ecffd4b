#include "text/dates.h"

#include <fmt/format.h>
#include <re2/re2.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <memory>
#include <vector>

#include "common/data_dir.h"
#include "text/utf8.h"

namespace tw::text {
namespace {

int number(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

// YYYY-MM-DD for a real calendar day of a plausible news year; "" otherwise.
std::string day_of(int y, int m, int d) {
  if (y < 1990 || y > 2100) return {};
  const std::chrono::year_month_day ymd{std::chrono::year{y},
                                        std::chrono::month{static_cast<unsigned>(m)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (m < 1 || m > 12 || d < 1 || !ymd.ok()) return {};
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

// Every form of date this reader knows, as one leftmost-first regex, with English month
// names (full and abbreviated) from ICU's date symbols.
class DateForms {
 public:
  static const DateForms& get() {
    static const DateForms forms;
    return forms;
  }

  struct Found {
    std::string date;
    size_t begin = 0, end = 0;
    bool words = false;
  };

  Found first_in(std::string_view line) const {
    std::array<re2::StringPiece, kGroups + 1> g;
    for (size_t from = 0; from < line.size();) {
      if (!re_->Match(line, from, line.size(), RE2::UNANCHORED, g.data(),
                      static_cast<int>(g.size())))
        break;
      Found f;
      f.begin = static_cast<size_t>(g[0].data() - line.data());
      f.end = f.begin + g[0].size();
      auto has = [&](int i) { return g[i].data() != nullptr; };
      auto num = [&](int i) { return number({g[i].data(), g[i].size()}); };
      auto month = [&](int i) { return month_of({g[i].data(), g[i].size()}); };
      if (has(1))
        f.date = day_of(num(1), num(2), num(3));
      else if (has(4))
        f.date = day_of(num(4), num(5), num(6));
      else if (has(7))
        f.date = day_of(num(7), num(8), num(9)), f.words = true;
      else if (has(10))
        f.date = day_of(num(12), month(10), num(11)), f.words = true;
      else if (has(13))
        f.date = day_of(num(15), month(14), num(13)), f.words = true;
      if (!f.date.empty()) return f;
      from = f.begin + 1;
    }
    return {};
  }

 private:
  static constexpr int kGroups = 15;

  DateForms() {
    UErrorCode status = U_ZERO_ERROR;
    icu::DateFormatSymbols symbols(icu::Locale::getEnglish(), status);
    std::vector<std::string> names;
    if (U_SUCCESS(status)) {
      int32_t n = 0;
      for (const icu::UnicodeString* list : {symbols.getMonths(n), symbols.getShortMonths(n)}) {
        for (int32_t i = 0; i < n && i < 12; ++i) {
          std::string name;
          list[i].toUTF8String(name);
          months_[ascii_lower(name)] = i + 1;
          names.push_back(RE2::QuoteMeta(name));
        }
      }
    }
    // Korean dates often carry their weekday (2025년 10월 16일 목요일, (목)): part of the date.
    std::string weekday = "(?:";
    icu::DateFormatSymbols korean(icu::Locale::getKorean(), status);
    if (U_SUCCESS(status)) {
      int32_t n = 0;
      const icu::UnicodeString* days = korean.getShortWeekdays(n);
      for (int32_t i = 1; i < n; ++i) {  // index 0 is unused
        std::string day;
        days[i].toUTF8String(day);
        weekday += (i > 1 ? "|" : "") + RE2::QuoteMeta(day);
      }
    }
    weekday += ")";
    months_["sept"] = 9;  // the one abbreviation ICU's English symbols lack
    names.push_back("Sept");
    std::sort(names.begin(), names.end(),
              [](const auto& a, const auto& b) { return a.size() > b.size(); });
    std::string month = "(";
    for (size_t i = 0; i < names.size(); ++i) month += (i ? "|" : "") + names[i];
    month += ")";
    const std::string pattern = fmt::format(
        // 1–3: digits with one separator, as bylines write them (2025-07-01, 2025.07.01,
        // 2025/07/01)
        R"((?:^|[^0-9/])(20\d\d)[-./](\d\d)[-./](\d\d)(?:[^0-9]|$))"
        // 4–6: Korean dotted dates with spaces (2025. 7. 1.)
        R"(|(?:^|[^0-9])(20\d\d)\. (\d{{1,2}})\. (\d{{1,2}})\.)"
        // 7–9: Korean units (2025년 7월 1일)
        R"(|(\d{{4}})\s*년\s*(\d{{1,2}})\s*월\s*(\d{{1,2}})\s*일(?:\s*\(?{1}(?:요일)?\)?)?)"
        // 10–12: English, month first (July 23, 2025; Jul. 23 2025)
        R"(|(?i:\b{0}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b))"
        // 13–15: English, day first (23 July 2025; Wed, 23 Jul 2025)
        R"(|(?i:\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{0}\.?,?\s+(\d{{4}})\b))",
        month, weekday);
    re_ = std::make_unique<RE2>(pattern);
    month_group_ = month;
  }

 public:
  const std::string& month_group() const { return month_group_; }  // "(January|…|Sept|…)"
  int month_of(std::string_view name) const {
    auto it = months_.find(ascii_lower(name));
    return it == months_.end() ? 0 : it->second;
  }

 private:
  std::unique_ptr<RE2> re_;
  std::map<std::string, int> months_;  // lower-case name → 1–12
  std::string month_group_;
};

// The forms of a time an event sentence gives without a full date: a month of a year,
// a month alone, a year after a preposition or before 년, and the words that count back
// from the report (data/lang/event_time_cues.txt).
class EventTimeForms {
 public:
  static const EventTimeForms& get() {
    static const EventTimeForms forms;
    return forms;
  }

  std::string find(std::string_view sentence, std::string_view report) const {
    const int ry = report.size() >= 4 ? number(report.substr(0, 4)) : 0;
    const int rm = report.size() >= 7 ? number(report.substr(5, 2)) : 0;
    std::array<re2::StringPiece, 10> g;
    if (re_->Match(sentence, 0, sentence.size(), RE2::UNANCHORED, g.data(),
                   static_cast<int>(g.size()))) {
      auto has = [&](int i) { return g[i].data() != nullptr; };
      auto num = [&](int i) { return number({g[i].data(), g[i].size()}); };
      const auto& forms = DateForms::get();
      auto month_year = [](int y, int m) {
        return m >= 1 && m <= 12 ? fmt::format("{:04}-{:02}", y, m) : std::string();
      };
      // A month without its year is the latest such month up to the report's.
      auto latest = [&](int m) {
        return ry && rm ? month_year(m <= rm ? ry : ry - 1, m) : std::string();
      };
      if (has(1)) return month_year(num(2), forms.month_of({g[1].data(), g[1].size()}));
      if (has(3)) return month_year(num(3), num(4));
      if (has(5)) {
        const int m = forms.month_of({g[5].data(), g[5].size()});
        return has(6) ? month_year(num(6), m) : latest(m);
      }
      if (has(7)) return latest(num(7));
      if (has(8)) return fmt::format("{:04}", num(8));
      if (has(9)) return fmt::format("{:04}", num(9));
    }
    if (!ry) return {};
    const std::string lower = ascii_lower(sentence);
    for (const auto& [phrase, shift] : cues_) {
      if (lower.find(phrase) == std::string::npos) continue;
      const int n = shift.second;
      if (shift.first == 'y') return fmt::format("{:04}", ry + n);
      if (shift.first == 'm' && rm) {
        const int months = ry * 12 + (rm - 1) + n;
        return fmt::format("{:04}-{:02}", months / 12, months % 12 + 1);
      }
      if (shift.first == 'd' && report.size() >= 10) {
        const std::chrono::year_month_day day{
            std::chrono::year{ry}, std::chrono::month{static_cast<unsigned>(rm)},
            std::chrono::day{static_cast<unsigned>(number(report.substr(8, 2)))}};
        if (!day.ok()) return {};
        const std::chrono::year_month_day then{std::chrono::sys_days{day} + std::chrono::days{n}};
        return day_of(static_cast<int>(then.year()),
                      static_cast<int>(static_cast<unsigned>(then.month())),
                      static_cast<int>(static_cast<unsigned>(then.day())));
      }
    }
    return {};
  }

 private:
  EventTimeForms() {
    const std::string& month = DateForms::get().month_group();
    const std::string pattern = fmt::format(
        // 1–2: an English month and year (July 2024, in Sept. 2025)
        R"((?i:\b{0}\.?,?\s+((?:19|20)\d\d)\b))"
        // 3–4: a Korean year and month (2024년 7월)
        R"(|((?:19|20)\d\d)\s*년\s*(\d{{1,2}})\s*월)"
        // 5–6: an English month after a preposition, with its year or alone (in July 2024, since
        // March)
        R"(|(?i:\b(?:in|since|during|until|by|early|late|mid-?)\s+{0}\.?(?:,?\s+((?:19|)"
        R"(20)\d\d))?\b))"
        // 7: a Korean month alone (지난 3월, 3월에)
        R"(|(?:지난\s*)?\b(\d{{1,2}})\s*월)"
        // 8: an English year after a preposition (in 2021, since 2019)
        R"(|(?i:\b(?:in|since|during|until|by)\s+((?:19|20)\d\d)\b))"
        // 9: a Korean year (2021년)
        R"(|((?:19|20)\d\d)\s*년)",
        month);
    re_ = std::make_unique<RE2>(pattern);
    if (!re_->ok()) throw std::runtime_error("event time pattern: " + re_->error());
    // "phrase<TAB>shift": -1m, 0y, -1d …, longest phrase first so "earlier this month" beats "this
    // month".
    for (const auto& line : read_word_list(data_dir() / "lang" / "event_time_cues.txt")) {
      const size_t tab = line.rfind('\t');
      if (tab == std::string::npos || tab + 2 >= line.size())
        throw std::runtime_error("event_time_cues.txt: expected phrase<TAB>shift, got: " + line);
      const std::string shift = line.substr(tab + 1);
      cues_.emplace_back(ascii_lower(line.substr(0, tab)),
                         std::pair{shift.back(), std::stoi(shift.substr(0, shift.size() - 1))});
    }
    std::stable_sort(cues_.begin(), cues_.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  }

  std::unique_ptr<RE2> re_;
  std::vector<std::pair<std::string, std::pair<char, int>>> cues_;  // phrase → (unit, count)
};

bool has_any(std::string_view line, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& w) { return line.find(w) != std::string_view::npos; });
}

// Lines that say they give the publication date, and lines that give an update's.
bool publication_line(std::string_view line) {
  static const std::vector<std::string> words =
      read_word_list(data_dir() / "lang" / "date_cues.txt");
  return has_any(line, words);
}
bool update_line(std::string_view line) {
  static const std::vector<std::string> words =
      read_word_list(data_dir() / "lang" / "date_cues_updated.txt");
  return has_any(line, words);
}

// Is `line`, with a date written in words at [begin, end), a byline or date line rather
// than a sentence about something that happened that day? A line marked by a cue word
// is; a dateline ("14 July 2023 – …") is; otherwise the rest of the line must be a
// byline's worth of names and labels: no English word in lower case (sentences have
// verbs and function words; "am", "pm" and "by" are short enough to pass), few Hangul
// syllables, and no full stop after words following the date. E-mail addresses and
// links are skipped.
bool is_date_line(std::string_view line, size_t begin, size_t end) {
  if (publication_line(line) || update_line(line)) return true;
  std::string_view after = line.substr(end);
  while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
  if (begin == 0 && (after.starts_with("–") || after.starts_with("—") || after.starts_with("- ")))
    return true;
  size_t letters = 0, hangul = 0;
  bool lower_word = false;
  auto scan = [&](std::string_view part) {
    for (size_t pos = 0; pos < part.size();) {
      size_t space = part.find(' ', pos);
      if (space == std::string_view::npos) space = part.size();
      const std::string_view token = part.substr(pos, space - pos);
      pos = space + 1;
      if (token.find('@') != std::string_view::npos || token.find('/') != std::string_view::npos)
        continue;
      size_t run = 0;
      bool run_lower = false;
      for (size_t i = 0; i <= token.size();) {
        const char32_t c = i < token.size() ? next_code_point(token, i) : (++i, U' ');
        if (is_letter(c)) {
          ++letters;
          hangul += is_hangul(c);
          if (run++ == 0) run_lower = c >= 'a' && c <= 'z';
        } else {
          if (run_lower && run > 2) lower_word = true;
          run = 0;
        }
      }
    }
  };
  scan(line.substr(0, begin));
  scan(line.substr(end));
  if (letters > 40 || hangul > 12 || lower_word) return false;
  std::string_view rest = line.substr(end), whole = line;
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '.')) rest.remove_suffix(1);
  while (!whole.empty() && whole.back() == ' ') whole.remove_suffix(1);
  return !(whole.ends_with('.') && !rest.empty());
}

}  // namespace

std::string iso_date(std::string_view value) {
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  auto digits = [&](size_t from, size_t n) {
    if (value.size() < from + n) return false;
    return std::all_of(value.begin() + static_cast<long>(from),
                       value.begin() + static_cast<long>(from + n),
                       [](char c) { return c >= '0' && c <= '9'; });
  };
  if (digits(0, 4) && value.size() >= 10 && (value[4] == '-' || value[4] == '/') &&
      value[7] == value[4] && digits(5, 2) && digits(8, 2))
    return day_of(number(value.substr(0, 4)), number(value.substr(5, 2)),
                  number(value.substr(8, 2)));
  if (digits(0, 8) && !digits(8, 1))
    return day_of(number(value.substr(0, 4)), number(value.substr(4, 2)),
                  number(value.substr(6, 2)));
  return date_in_line(value);
}

std::string date_in_line(std::string_view line, bool* words) {
  const auto found = DateForms::get().first_in(line);
  if (words) *words = found.words;
  return found.date;
}

std::string event_time(std::string_view sentence, std::string_view report_date) {
  if (std::string day = date_in_line(sentence); !day.empty()) return day;
  return EventTimeForms::get().find(sentence, report_date);
}

std::string stated_date(std::string_view text) {
  constexpr size_t kTop = 4096, kBottom = 2048;  // bytes: where bylines and date lines sit
  std::vector<std::string_view> top, bottom;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(pos, nl - pos);
    if (pos < kTop)
      top.push_back(line);
    else if (nl + kBottom >= text.size())
      bottom.push_back(line);
    pos = nl + 1;
  }
  // A line that says it gives the publication date wins over the site's date of issue
  // or a date line above it; then the first date line, from the top, then the bottom.
  for (std::string_view line : top)
    if (publication_line(line))
      if (auto found = DateForms::get().first_in(line); !found.date.empty()) return found.date;
  for (const auto* lines : {&top, &bottom})
    for (std::string_view line : *lines) {
      const auto found = DateForms::get().first_in(line);
      if (found.date.empty()) continue;
      if (!found.words || is_date_line(line, found.begin, found.end)) return found.date;
    }
  return {};
}

}  // namespace tw::text
