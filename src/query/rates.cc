#include "query/rates.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <string_view>

#include "common/data_dir.h"
#include "text/dates.h"

namespace tw::query {

Rates Rates::load(const std::filesystem::path& path) {
  Rates r;
  size_t line_no = 0;
  const std::string text = read_file(path);
  std::string_view rest = text;
  while (!rest.empty()) {
    const size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const size_t a = line.find('\t'), b = a == std::string_view::npos ? a : line.find('\t', a + 1);
    Rate rate;
    bool ok = b != std::string_view::npos;
    if (ok) {
      rate.from = std::string(line.substr(a + 1, b - a - 1));
      const std::string_view number = line.substr(b + 1);
      auto [p, ec] = std::from_chars(number.data(), number.data() + number.size(), rate.per_usd);
      ok = ec == std::errc() && p == number.data() + number.size() && rate.per_usd > 0 && a == 3 &&
           text::iso_date(rate.from) == rate.from && rate.from.size() == 10;
    }
    if (!ok)
      throw std::runtime_error(
          fmt::format("{}:{}: expected currency<TAB>YYYY-MM-DD<TAB>units per dollar, got \"{}\"",
                      path.string(), line_no, line));
    r.table_[std::string(line.substr(0, a))].push_back(std::move(rate));
  }
  for (auto& [currency, rows] : r.table_)
    std::sort(rows.begin(), rows.end(),
              [](const Rate& x, const Rate& y) { return x.from < y.from; });
  return r;
}

const Rates& Rates::standard() {
  static const Rates rates = load(data_dir() / "rates" / "usd.tsv");
  return rates;
}

std::optional<Rates::Converted> Rates::to_usd(double value, const std::string& currency,
                                              const std::string& date) const {
  if (currency == "USD") return Converted{value, {"", 1.0}};
  auto it = table_.find(currency);
  if (it == table_.end() || it->second.empty()) return std::nullopt;
  const auto& rows = it->second;
  // The last row dated on or before `date` ("2025" or "2025-07" compare as their first day).
  const std::string day = date.size() == 4   ? date + "-01-01"
                          : date.size() == 7 ? date + "-01"
                                             : date;
  auto after = std::upper_bound(rows.begin(), rows.end(), day,
                                [](const std::string& d, const Rate& r) { return d < r.from; });
  const Rate& rate = date.empty() || after == rows.begin()
                         ? (date.empty() ? rows.back() : rows.front())
                         : *std::prev(after);
  return Converted{value / rate.per_usd, rate};
}

}  // namespace tw::query
