#include "store/flow_counts.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace tw::store {

std::optional<WindowParts> window_parts(const std::string& since, const std::string& until) {
  if (since.size() > 7 || until.size() > 7) return std::nullopt;
  const std::string first = since.empty() ? "0000-01" : since.size() == 4 ? since + "-01" : since;
  const std::string last = until.empty() ? "9999-12" : until.size() == 4 ? until + "-12" : until;
  const int y0 = std::stoi(first.substr(0, 4)) + (first.substr(5) == "01" ? 0 : 1);
  const int y1 = std::stoi(last.substr(0, 4)) - (last.substr(5) == "12" ? 0 : 1);
  WindowParts parts;
  auto months = [&](const std::string& a, const std::string& b) {
    if (a <= b) parts.months.emplace_back(a, b);
  };
  if (y0 <= y1) {
    parts.years.emplace(fmt::format("{:04}", y0), fmt::format("{:04}", y1));
    if (first.substr(5) != "01") months(first, first.substr(0, 4) + "-12");
    if (last.substr(5) != "12") months(last.substr(0, 4) + "-01", last);
  } else {
    months(first, last);
  }
  return parts;
}

FlowCounts FlowCounts::load(const Store& db) {
  FlowCounts c;
  c.version_ = db.flow_version();
  std::map<std::pair<std::string, std::string>, uint32_t> ids;
  auto pair_id = [&](std::string from, std::string to) {
    auto [it, added] = ids.try_emplace({std::move(from), std::move(to)}, static_cast<uint32_t>(c.pairs_.size()));
    if (added) {
      c.pairs_.push_back(it->first);
      c.labels_.emplace_back();
    }
    return it->second;
  };
  db.for_each_flow_count([&](FlowCountKind kind, std::string from, std::string to, std::string key, int64_t n) {
    const uint32_t id = pair_id(std::move(from), std::move(to));
    auto& rows = kind == FlowCountKind::Year ? c.years_ : kind == FlowCountKind::Month ? c.months_ : c.groups_;
    rows.push_back({std::move(key), id, n});
  });
  for (auto& [pair, labels] : db.flow_labels()) c.labels_[pair_id(pair.first, pair.second)] = std::move(labels);
  for (auto* rows : {&c.years_, &c.months_, &c.groups_})
    std::sort(rows->begin(), rows->end(), [](const Count& a, const Count& b) { return a.key < b.key; });
  return c;
}

std::optional<FlowCounts::Windowed> FlowCounts::pairs(const std::string& since, const std::string& until) const {
  const auto parts = window_parts(since, until);
  if (!parts) return std::nullopt;
  std::vector<int64_t> named(pairs_.size(), 0), largest_group(pairs_.size(), 0);
  // Rows with key in [lo, hi], by binary search over the sorted keys.
  auto each_in = [](const std::vector<Count>& rows, const std::string& lo, const std::string& hi, auto&& fn) {
    auto from = std::lower_bound(rows.begin(), rows.end(), lo, [](const Count& c, const std::string& k) { return c.key < k; });
    for (auto it = from; it != rows.end() && it->key <= hi; ++it) fn(*it);
  };
  auto add_named = [&](const Count& c) { named[c.pair] += c.n; };
  if (parts->years) each_in(years_, parts->years->first, parts->years->second, add_named);
  for (const auto& [a, b] : parts->months) each_in(months_, a, b, add_named);
  // Groups: first reported in [since, the first date after until), as the store reads them.
  const std::string before = date_after(until);
  auto from = std::lower_bound(groups_.begin(), groups_.end(), since,
                               [](const Count& c, const std::string& k) { return c.key < k; });
  for (auto it = from; it != groups_.end() && it->key < before; ++it)
    if (!it->key.empty()) largest_group[it->pair] = std::max(largest_group[it->pair], it->n);
  Windowed w;
  for (uint32_t i = 0; i < pairs_.size(); ++i) {
    if (named[i] == 0 && largest_group[i] == 0) continue;
    w.pairs.push_back({pairs_[i].first, pairs_[i].second, named[i], largest_group[i]});
    w.labels.push_back(&labels_[i]);
  }
  return w;
}

}  // namespace tw::store
