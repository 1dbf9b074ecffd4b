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
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/store.h"

namespace tw::store {

// The yearly and monthly ranges a window of whole months or years covers.
struct WindowParts {
  std::optional<std::pair<std::string, std::string>> years;  // "YYYY", inclusive
  std::vector<std::pair<std::string, std::string>> months;   // "YYYY-MM", inclusive
};
// Nullopt for a window bounded by a day ("2025-03-14"): months cannot answer it.
std::optional<WindowParts> window_parts(const std::string& since, const std::string& until);

class FlowCounts {
 public:
  // Reads the aggregates as they stand; `version` is Store::flow_version() at the time.
  static FlowCounts load(const Store& db);

  int64_t version() const { return version_; }

  // Every pair with people in [since, until]; nullopt for a window bounded by a day.
  std::optional<std::vector<FlowPair>> pairs(const std::string& since,
                                             const std::string& until) const;

  // What a Sankey of the window shows, summed over organisation and label ids rather
  // than names: the `max_edges` largest pairs (people, then names, in order), every
  // organisation's gains and losses with its `sources_per_org` largest sources, and how
  // many pairs there are. `in_view` (when given) keeps the pairs it accepts, by the
  // names of their organisations. Nullopt for a window bounded by a day.
  struct Summary {
    std::vector<FlowPair> listed;
    std::vector<FlowBalance> balances;
    size_t pair_count = 0;
  };
  // People named per month of their first report, over [since, until] (months of
  // either bound; open ends take every month): into and out of the organisations
  // `in_focus` accepts, moves among them left out; with no focus, every move as `in`.
  // Months with no one are left out; so are people reported without a date.
  struct Month {
    std::string month;  // "YYYY-MM"
    int64_t in = 0, out = 0;
  };
  std::vector<Month> monthly(const std::string& since, const std::string& until,
                             const std::function<bool(const std::string& org)>& in_focus) const;

  std::optional<Summary> summarise(
      const std::string& since, const std::string& until,
      const std::function<bool(const std::string& from, const std::string& to)>& in_view,
      size_t max_edges, size_t sources_per_org) const;

 private:
  struct Count {
    std::string key;  // year, month or first day, by which the rows are sorted
    uint32_t pair;
    int64_t n;
  };
  // Per pair and window: people named, largest group (nullopt for a window to the day).
  std::optional<std::pair<std::vector<int64_t>, std::vector<int64_t>>> sizes(
      const std::string& since, const std::string& until) const;

  std::vector<std::pair<std::string, std::string>> pairs_;  // from, to
  // The same by id: every organisation and label name once, its rank in name order, and
  // per pair the ids of its organisations and labels.
  std::vector<std::string> names_;
  std::vector<uint32_t> rank_;
  std::vector<std::pair<uint32_t, uint32_t>> pair_ids_;
  // A source of an organisation is a (destination, label) slot: per pair the slots its
  // people count towards, per slot its label, per organisation its slots.
  std::vector<std::vector<uint32_t>> pair_slots_;
  std::vector<uint32_t> slot_label_;
  std::vector<std::vector<uint32_t>> org_slots_;
  std::vector<Count> years_, months_, groups_;
  int64_t version_ = 0;
};

}  // namespace tw::store
