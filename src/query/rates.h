// rates — a dated table of exchange rates (data/rates/usd.tsv), so an amount in won or
// euros can be shown beside dollars with the rate and the date it was in effect.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tw::query {

class Rates {
 public:
  struct Rate {
    std::string from;    // ISO date the rate is in effect from
    double per_usd = 0;  // units of the currency per US dollar
  };
  struct Converted {
    double usd = 0;
    Rate rate;
  };

  // Reads `currency<TAB>from<TAB>per_usd` lines ('#' comments); throws naming the file
  // and line for a line that is not one.
  static Rates load(const std::filesystem::path& path);
  static const Rates& standard();  // data/rates/usd.tsv, read once

  // `value` of `currency` in dollars at the rate in effect on `date` (the latest row from
  // that date or before; the earliest row for an older date, the latest for none). Nullopt for a
  // currency the table does not hold. Dollars convert to themselves.
  std::optional<Converted> to_usd(double value, const std::string& currency,
                                  const std::string& date) const;

  const std::map<std::string, std::vector<Rate>>& table() const { return table_; }

 private:
  std::map<std::string, std::vector<Rate>> table_;  // per currency, by date
};

}  // namespace tw::query
