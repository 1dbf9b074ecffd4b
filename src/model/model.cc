#include "model/model.h"

#include <algorithm>
#include <cmath>

namespace tw::model {

bool is_event_type(std::string_view type) {
  return std::find(kEventTypes.begin(), kEventTypes.end(), type) != kEventTypes.end();
}

std::optional<EventType> event_type(std::string_view name) {
  const auto it = std::find(kEventTypes.begin(), kEventTypes.end(), name);
  if (it == kEventTypes.end()) return std::nullopt;
  return static_cast<EventType>(it - kEventTypes.begin());
}

bool within_one_percent(double value, double reference) {
  return std::fabs(value - reference) <= 0.01 * std::fabs(reference);
}

bool same_amount(double a, double b) { return within_one_percent(std::min(a, b), std::max(a, b)); }

}  // namespace tw::model
