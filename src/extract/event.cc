#include "extract/event.h"

#include <cmath>
#include <unordered_map>

namespace tw::extract {

const std::string& Event::slot(Slot k) const {
  static const std::string empty;
  auto it = slots.find(k);
  return it == slots.end() ? empty : it->second;
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
    if (!v.empty()) j[std::string(model::name(k))] = v;
  if (e.count) j["count"] = *e.count;
  if (e.amount) j["amount"] = money_json(*e.amount);
  if (e.cumulative) j["cumulative"] = true;
  j["evidence"] = e.evidence;
  return j;
}

nlohmann::json to_spec_json(const Event& e) {
  nlohmann::json j = to_json(e);
  for (const auto& [k, v] : e.slots) {
    const auto organisation = model::organisation_of_unit(k);
    if (v.empty() || !organisation || !e.has(*organisation)) continue;
    const std::string slot(model::name(*organisation));
    j[std::string(model::name(*model::organisation_field(*organisation)))] = e.slot(*organisation);
    j[slot] = v;
    j.erase(std::string(model::name(k)));
  }
  return j;
}

}  // namespace tw::extract
