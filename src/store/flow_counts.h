// flow_counts — the flow aggregates held in memory, so a window of months or years is
// summed without a query.
//
// A windowed Sankey at ten million events has to add up every pair's months and years
// in the window (tens of thousands of pairs); read from SQLite on each request that
// cost 80–140 ms. The server loads these counts once per change of the database and
// answers windows from them. The window arithmetic (whole years from yearly counts,
// the months at either end from monthly ones) is the one Store::flow_pairs uses, so
// both give the same pairs; windows bounded by a day need the people themselves and
// stay with the store.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/store.h"

namespace tw::store {

// The yearly and monthly ranges a window of whole months or years covers.
struct WindowParts {
  std::optional<std::pair<std::string, std::string>> years;  // "YYYY", inclusive
  std::vector<std::pair<std::string, std::string>> months;    // "YYYY-MM", inclusive
};
// Nullopt for a window bounded by a day ("2025-03-14"): months cannot answer it.
std::optional<WindowParts> window_parts(const std::string& since, const std::string& until);

class FlowCounts {
 public:
  // Reads the aggregates as they stand; `version` is Store::flow_version() at the time.
  static FlowCounts load(const Store& db);

  int64_t version() const { return version_; }

  struct Windowed {
    std::vector<FlowPair> pairs;                              // every pair with people in the window
    std::vector<const std::vector<std::string>*> labels;      // per pair, what people moved from
  };
  // The pairs in [since, until]; nullopt for a window bounded by a day.
  std::optional<Windowed> pairs(const std::string& since, const std::string& until) const;

 private:
  struct Count {
    std::string key;  // year, month or first day, by which the rows are sorted
    uint32_t pair;
    int64_t n;
  };
  std::vector<std::pair<std::string, std::string>> pairs_;  // from, to
  std::vector<std::vector<std::string>> labels_;            // per pair
  std::vector<Count> years_, months_, groups_;
  int64_t version_ = 0;
};

}  // namespace tw::store
