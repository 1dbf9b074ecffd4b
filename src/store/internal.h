// internal — what the store's files share and nobody else needs: which slots name an
// entity, and the date arithmetic of the flow aggregates.
#pragma once
#include <fmt/format.h>

#include <string>

#include "model/model.h"

namespace tw::store::internal {

inline bool is_entity_slot(model::Slot slot) {
  if (slot == model::Slot::person || slot == model::Slot::source || model::is_organisation(slot))
    return true;
  // A unit named beside its parent (from_unit: "Google DeepMind") is an entity of its own.
  return model::organisation_of_unit(slot).has_value();
}

// "2025-07-01" → "2025-07"; undated reports have the month "".
inline std::string month_of(const std::string& day) {
  return day.size() >= 7 ? day.substr(0, 7) : "";
}

// Is `day` an earlier first report than `known`? An undated first report is the latest.
inline bool earlier(const std::string& day, const std::string& known) {
  return !day.empty() && (known.empty() || day < known);
}

// Restricts `column` (an ISO date, month or year) to the window; $N and $N+1 are since and
// date_after(until).
inline std::string window_sql(const char* column, int n) {
  return fmt::format("{0} <> '' AND {0} >= ${1} AND {0} < ${2}", column, n, n + 1);
}

}  // namespace tw::store::internal
