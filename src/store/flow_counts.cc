#include "store/flow_counts.h"

#include <fmt/format.h>
#include <algorithm>
#include <map>
#include <unordered_map>

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
  std::unordered_map<std::string, uint32_t> ids;  // "from\x1fto" → pair id
  std::string key;
  auto pair_id = [&](std::string from, std::string to) {
    key.assign(from).append(1, '\x1f').append(to);
    auto [it, added] = ids.try_emplace(key, static_cast<uint32_t>(c.pairs_.size()));
    if (added) c.pairs_.emplace_back(std::move(from), std::move(to));
    return it->second;
  };
  db.for_each_flow_count(
      [&](FlowCountKind kind, std::string from, std::string to, std::string key, int64_t n) {
        const uint32_t id = pair_id(std::move(from), std::move(to));
        auto& rows = kind == FlowCountKind::Year    ? c.years_
                     : kind == FlowCountKind::Month ? c.months_
                                                    : c.groups_;
        rows.push_back({std::move(key), id, n});
      });
  std::vector<std::vector<std::string>> labels(
      c.pairs_.size());  // per pair, what people moved from
  for (auto& [pair, names] : db.flow_labels()) {
    const uint32_t id = pair_id(pair.first, pair.second);
    if (labels.size() <= id) labels.resize(id + 1);
    labels[id] = std::move(names);
  }
  labels.resize(c.pairs_.size());
  for (auto* rows : {&c.years_, &c.months_, &c.groups_})
    std::sort(rows->begin(), rows->end(),
              [](const Count& a, const Count& b) { return a.key < b.key; });
  std::map<std::string, uint32_t> name_ids;
  auto name_id = [&](const std::string& n) {
    auto [it, added] = name_ids.try_emplace(n, static_cast<uint32_t>(c.names_.size()));
    if (added) c.names_.push_back(n);
    return it->second;
  };
  std::unordered_map<uint64_t, uint32_t> slots;  // (destination, label) → slot
  for (size_t i = 0; i < c.pairs_.size(); ++i) {
    const uint32_t to = name_id(c.pairs_[i].second);
    c.pair_ids_.emplace_back(name_id(c.pairs_[i].first), to);
    c.pair_slots_.emplace_back();
    for (const auto& label : labels[i]) {
      const uint32_t l = name_id(label);
      auto [it, added] =
          slots.try_emplace((uint64_t{to} << 32) | l, static_cast<uint32_t>(c.slot_label_.size()));
      if (added) {
        c.slot_label_.push_back(l);
        if (c.org_slots_.size() <= to) c.org_slots_.resize(to + 1);
        c.org_slots_[to].push_back(it->second);
      }
      c.pair_slots_.back().push_back(it->second);
    }
  }
  c.org_slots_.resize(c.names_.size());
  c.rank_.resize(c.names_.size());
  uint32_t rank = 0;
  for (const auto& [name, id] : name_ids) c.rank_[id] = rank++;  // std::map: in name order
  return c;
}

std::optional<std::pair<std::vector<int64_t>, std::vector<int64_t>>> FlowCounts::sizes(
    const std::string& since, const std::string& until) const {
  const auto parts = window_parts(since, until);
  if (!parts) return std::nullopt;
  std::vector<int64_t> named(pairs_.size(), 0), largest_group(pairs_.size(), 0);
  // Rows with key in [lo, hi], by binary search over the sorted keys.
  auto each_in = [](const std::vector<Count>& rows, const std::string& lo, const std::string& hi,
                    auto&& fn) {
    auto from = std::lower_bound(rows.begin(), rows.end(), lo,
                                 [](const Count& c, const std::string& k) { return c.key < k; });
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
  return std::pair{std::move(named), std::move(largest_group)};
}

std::optional<std::vector<FlowPair>> FlowCounts::pairs(const std::string& since,
                                                       const std::string& until) const {
  auto counted = sizes(since, until);
  if (!counted) return std::nullopt;
  const std::vector<int64_t>& named =
      counted->first;  // not structured bindings: clang 14 cannot capture those
  const std::vector<int64_t>& largest_group = counted->second;
  std::vector<FlowPair> out;
  for (uint32_t i = 0; i < pairs_.size(); ++i)
    if (named[i] > 0 || largest_group[i] > 0)
      out.push_back({pairs_[i].first, pairs_[i].second, named[i], largest_group[i]});
  return out;
}

std::vector<FlowCounts::Month> FlowCounts::monthly(
    const std::string& since, const std::string& until,
    const std::function<bool(const std::string&)>& in_focus) const {
  std::vector<char> focused(names_.size(), 0);
  if (in_focus)
    for (size_t i = 0; i < names_.size(); ++i) focused[i] = in_focus(names_[i]) ? 1 : 0;
  const std::string first = since.substr(0, std::min<size_t>(since.size(), 7));
  const std::string last =
      until.empty() ? "\x7f" : until.substr(0, std::min<size_t>(until.size(), 7)) + "\x7f";
  std::vector<Month> out;
  auto from = std::lower_bound(months_.begin(), months_.end(), std::max(first, std::string("0")),
                               [](const Count& c, const std::string& k) { return c.key < k; });
  for (auto it = from; it != months_.end() && it->key < last; ++it) {
    const auto [a, b] = pair_ids_[it->pair];
    const bool gain = in_focus ? focused[b] && !focused[a] : true,
               loss = in_focus && focused[a] && !focused[b];
    if (!gain && !loss) continue;
    if (out.empty() || out.back().month != it->key) out.push_back({it->key, 0, 0});
    (gain ? out.back().in : out.back().out) += it->n;
  }
  return out;
}

std::optional<FlowCounts::Summary> FlowCounts::summarise(
    const std::string& since, const std::string& until,
    const std::function<bool(const std::string&, const std::string&)>& in_view, size_t max_edges,
    size_t sources_per_org) const {
  auto counted = sizes(since, until);
  if (!counted) return std::nullopt;
  const std::vector<int64_t>& named =
      counted->first;  // not structured bindings: clang 14 cannot capture those
  const std::vector<int64_t>& largest_group = counted->second;
  Summary s;
  std::vector<uint32_t> shown;  // pairs in view with people in the window
  std::vector<int64_t> gained(names_.size(), 0), lost(names_.size(), 0);
  std::vector<bool> seen(names_.size(), false);
  std::vector<int64_t> slot_people(slot_label_.size(), 0);  // people per (destination, label)
  for (uint32_t i = 0; i < pairs_.size(); ++i) {
    const int64_t people = std::max(named[i], largest_group[i]);
    if (people == 0) continue;
    if (in_view && !in_view(pairs_[i].first, pairs_[i].second)) continue;
    shown.push_back(i);
    const auto [from, to] = pair_ids_[i];
    gained[to] += people;
    lost[from] += people;
    seen[to] = seen[from] = true;
    for (uint32_t slot : pair_slots_[i]) slot_people[slot] += people;
  }
  s.pair_count = shown.size();
  // The largest pairs: people, then the names of their organisations.
  auto larger = [&](uint32_t a, uint32_t b) {
    const int64_t x = std::max(named[a], largest_group[a]),
                  y = std::max(named[b], largest_group[b]);
    if (x != y) return x > y;
    const auto [af, at] = pair_ids_[a];
    const auto [bf, bt] = pair_ids_[b];
    return rank_[af] != rank_[bf] ? rank_[af] < rank_[bf] : rank_[at] < rank_[bt];
  };
  const size_t listed = std::min(shown.size(), max_edges);
  std::partial_sort(shown.begin(), shown.begin() + static_cast<std::ptrdiff_t>(listed), shown.end(),
                    larger);
  for (size_t k = 0; k < listed; ++k) {
    const uint32_t i = shown[k];
    s.listed.push_back({pairs_[i].first, pairs_[i].second, named[i], largest_group[i]});
  }
  // Each organisation's sources: most people first, then the label later in name order.
  std::vector<std::pair<uint32_t, int64_t>> from;  // one organisation's sources: label, people
  for (uint32_t org = 0; org < names_.size(); ++org) {
    if (!seen[org]) continue;
    FlowBalance b{names_[org], gained[org], lost[org], {}};
    from.clear();
    for (uint32_t slot : org_slots_[org])
      if (slot_people[slot] > 0) from.emplace_back(slot_label_[slot], slot_people[slot]);
    auto first = [&](const auto& x, const auto& y) {
      return x.second != y.second ? x.second > y.second : rank_[x.first] > rank_[y.first];
    };
    const size_t keep = std::min(from.size(), sources_per_org);
    std::partial_sort(from.begin(), from.begin() + static_cast<std::ptrdiff_t>(keep), from.end(),
                      first);
    for (size_t k = 0; k < keep; ++k) b.sources.emplace_back(names_[from[k].first], from[k].second);
    s.balances.push_back(std::move(b));
  }
  return s;
}

}  // namespace tw::store
