// slots — the fields an event carries besides its type, amount and evidence (the spec's
// table, shared/spec/events.md), as a type: a misspelt slot does not compile. Names are
// read and written only at the edges (JSON, CSV, the store's columns) through name() and
// slot_named().
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace tw::model {

// The enumerators are the spec's field names, so code that fills an event reads like the
// spec ("slots[Slot::target_org]"). `count` and `cumulative` are listed because the spec's
// table lists them; events keep them in members of their own, never in a Slots map.
enum class Slot : uint8_t {
  person,
  count,
  from,
  from_org,
  to,
  to_org,
  role,
  by,
  by_org,
  target_org,
  target_org_org,
  comp_kind,
  outcome,
  investor,
  investor_org,
  investee,
  investee_org,
  round_investors,
  stake_pct,
  cumulative,
  acquirer,
  acquirer_org,
  target,
  status,
  org,
  org_org,
  population,
  stat,
  period,
  source,
  action,
  claimed_by,
  disputed_by,
  // The unit the text named beside an organisation slot ("from_unit": "Google DeepMind"
  // beside "from": "Google"), kept while an article is read and stored with the event.
  from_unit,
  to_unit,
  by_unit,
  target_org_unit,
  investor_unit,
  investee_unit,
  acquirer_unit,
  target_unit,
  org_unit,
};

// Every slot's name, in the enumerators' order.
// clang-format off
inline constexpr std::array<std::string_view, 42> kSlotNamesWithUnits{
    "person",       "count",           "from",           "from_org",
    "to",           "to_org",          "role",           "by",
    "by_org",       "target_org",      "target_org_org", "comp_kind",
    "outcome",      "investor",        "investor_org",   "investee",
    "investee_org", "round_investors", "stake_pct",      "cumulative",
    "acquirer",     "acquirer_org",    "target",         "status",
    "org",          "org_org",         "population",     "stat",
    "period",       "source",          "action",         "claimed_by",
    "disputed_by",
    "from_unit",    "to_unit",         "by_unit",        "target_org_unit",
    "investor_unit", "investee_unit",  "acquirer_unit",  "target_unit",
    "org_unit"};
// clang-format on

// The spec's fields, in the order of its table (the organisation beside each unit slot
// per rule 7, the attribution fields last): the columns of a table of events.
inline constexpr std::span<const std::string_view, 33> kSlotNames{kSlotNamesWithUnits.data(), 33};

// The slots whose value is an organisation; each has a unit slot beside it.
inline constexpr std::array<Slot, 9> kOrganisationSlots{
    Slot::from,     Slot::to,       Slot::by,     Slot::target_org, Slot::investor,
    Slot::investee, Slot::acquirer, Slot::target, Slot::org};

// An event's name and label slots and their values.
using Slots = std::map<Slot, std::string>;

// The slot's name ("target_org", "from_unit"), and the slot a name names (none for others).
constexpr std::string_view name(Slot slot) {
  return kSlotNamesWithUnits[static_cast<size_t>(slot)];
}
std::optional<Slot> slot_named(std::string_view name);
bool is_slot(std::string_view name);

bool is_organisation(Slot slot);
bool is_organisation_slot(std::string_view name);
// The unit slot beside an organisation slot (from → from_unit), and back; none otherwise.
std::optional<Slot> unit_of(Slot organisation);
std::optional<Slot> organisation_of_unit(Slot unit);
// The spec's field naming the organisation of a unit slot's value (from → from_org).
std::optional<Slot> organisation_field(Slot organisation);

}  // namespace tw::model
