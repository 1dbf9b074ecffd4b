// Shared by the frame tests: run the whole pipeline over a few sentences written for the test.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "extract/event.h"
#include "test_support.h"

namespace tw::extract::frametest {

using nlohmann::json;
using twtest::HasEvent;
using twtest::HasExactly;

inline std::vector<Event> events_of(std::string_view text) { return twtest::extract_events(text); }

inline json money(double value, const char* currency = "USD", const char* qualifier = nullptr) {
  json m{{"value", static_cast<long long>(value)}, {"currency", currency}};
  if (qualifier) m["qualifier"] = qualifier;
  return m;
}

// Rule 7: an event names the unit the text names; the organisation it belongs to may
// stand in the slot as long as the unit is kept beside it ("from_unit").
inline ::testing::AssertionResult NamesUnit(const std::vector<Event>& events,
                                            const std::string& type, model::Slot slot,
                                            const std::string& unit) {
  for (const auto& e : events)
    if (model::name(e.type) == type &&
        (e.slot(slot) == unit || e.slot(*model::unit_of(slot)) == unit))
      return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "no " << type << " with " << model::name(slot) << " = "
                                       << unit << " in " << twtest::events_json(events).dump();
}

}  // namespace tw::extract::frametest
