#include "model/slots.h"

#include <algorithm>

namespace tw::model {

static_assert(name(Slot::disputed_by) == kSlotNames.back(),
              "the spec's fields come first, in the enumerators' order");
static_assert(name(Slot::org_unit) == kSlotNamesWithUnits.back());

std::optional<Slot> slot_named(std::string_view name) {
  const auto it = std::find(kSlotNamesWithUnits.begin(), kSlotNamesWithUnits.end(), name);
  if (it == kSlotNamesWithUnits.end()) return std::nullopt;
  return static_cast<Slot>(it - kSlotNamesWithUnits.begin());
}

bool is_slot(std::string_view name) { return slot_named(name).has_value(); }

bool is_organisation(Slot slot) {
  return std::find(kOrganisationSlots.begin(), kOrganisationSlots.end(), slot) !=
         kOrganisationSlots.end();
}

bool is_organisation_slot(std::string_view name) {
  const auto slot = slot_named(name);
  return slot && is_organisation(*slot);
}

namespace {
// A slot with a suffix ("from" + "_unit"), when that names one.
std::optional<Slot> suffixed(Slot slot, std::string_view suffix) {
  if (!is_organisation(slot)) return std::nullopt;
  return slot_named(std::string(name(slot)) + std::string(suffix));
}
}  // namespace

std::optional<Slot> unit_of(Slot organisation) { return suffixed(organisation, "_unit"); }

std::optional<Slot> organisation_field(Slot organisation) { return suffixed(organisation, "_org"); }

std::optional<Slot> organisation_of_unit(Slot unit) {
  constexpr std::string_view kUnit = "_unit";
  const std::string_view n = name(unit);
  if (!n.ends_with(kUnit)) return std::nullopt;
  const auto slot = slot_named(n.substr(0, n.size() - kUnit.size()));
  return slot && is_organisation(*slot) ? slot : std::nullopt;
}

}  // namespace tw::model
