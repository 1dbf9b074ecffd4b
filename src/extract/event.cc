#include "extract/event.h"

#include <cmath>
#include <unordered_map>

namespace tw::extract {

const std::string& Event::slot(const std::string& k) const {
  static const std::string empty;
  auto it = slots.find(k);
  return it == slots.end() ? empty : it->second;
}

const std::vector<std::string>& slot_names() {
  static const std::vector<std::string> names{
      "person",       "count",           "from",           "from_org",
      "to",           "to_org",          "role",           "by",
      "by_org",       "target_org",      "target_org_org", "comp_kind",
      "outcome",      "investor",        "investor_org",   "investee",
      "investee_org", "round_investors", "stake_pct",      "cumulative",
      "acquirer",     "acquirer_org",    "target",         "status",
      "org",          "org_org",         "population",     "stat",
      "period",       "source",          "action",         "claimed_by",
      "disputed_by"};
  return names;
}

nlohmann::json money_json(const Money& m) {
  nlohmann::json j{{"value", std::llround(m.value)}, {"currency", m.currency}};
  if (!m.qualifier.empty()) j["qualifier"] = m.qualifier;
  return j;
}

nlohmann::json to_json(const Event& e) {
  nlohmann::json j;
  j["type"] = model::name(e.type);
  for (const auto& [k, v] : e.slots)
    if (!v.empty()) j[k] = v;
  if (e.count) j["count"] = *e.count;
  if (e.amount) j["amount"] = money_json(*e.amount);
  if (e.cumulative) j["cumulative"] = true;
  j["evidence"] = e.evidence;
  return j;
}

nlohmann::json to_spec_json(const Event& e) {
  nlohmann::json j = to_json(e);
  for (const auto& [k, v] : e.slots) {
    if (v.empty() || k.size() <= 5 || !k.ends_with("_unit")) continue;
    const std::string slot = k.substr(0, k.size() - 5);
    if (!e.has(slot)) continue;
    j[slot + "_org"] = e.slot(slot);
    j[slot] = v;
    j.erase(k);
  }
  return j;
}

}  // namespace tw::extract
