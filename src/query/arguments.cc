#include "query/arguments.h"

#include <fmt/format.h>

#include <chrono>

#include "text/utf8.h"

namespace tw::query {

std::string window_bound(std::string_view value, std::string_view name) {
  if (value.empty()) return {};
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (i >= value.size() || value[i] < '0' || value[i] > '9') return false;
    return true;
  };
  auto number = [&](size_t from, size_t n) { return std::stoi(std::string(value.substr(from, n))); };
  bool ok = false;
  if (value.size() == 4) {
    ok = digits(0, 4);
  } else if (value.size() == 7) {
    ok = digits(0, 4) && value[4] == '-' && digits(5, 2) && number(5, 2) >= 1 && number(5, 2) <= 12;
  } else if (value.size() == 10 && digits(0, 4) && value[4] == '-' && digits(5, 2) && value[7] == '-' && digits(8, 2)) {
    const std::chrono::year_month_day day{std::chrono::year{number(0, 4)},
                                          std::chrono::month{static_cast<unsigned>(number(5, 2))},
                                          std::chrono::day{static_cast<unsigned>(number(8, 2))}};
    ok = day.ok();
  }
  if (!ok)
    throw BadArgument(
        fmt::format("{} must be a date: YYYY, YYYY-MM or YYYY-MM-DD (got \"{}\")", name, text::printable(value)));
  return std::string(value);
}

std::string known_organisation(const store::Store& db, const extract::Lexicon& lexicon, const std::string& name) {
  if (name.empty()) return {};
  if (const auto* e = lexicon.find(name); e && e->is_org()) return e->name;
  if (const auto stored = db.canonical_entity(name); stored && db.entity_kind(*stored) == "org") return *stored;
  throw BadArgument(fmt::format("no organisation named \"{}\"", text::printable(name)));
}

}  // namespace tw::query
