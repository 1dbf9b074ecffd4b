// model — the domain's vocabulary and rules, in one place for every stage: the event
// types of shared/spec/events.md, the slots that name an organisation, and when two
// reported figures are the same figure. The extractor's merge of repeated reports, the
// fact merger across articles, the scorer, the store, the CLI and the API all ask here.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace tw::model {

// The event types, in the spec's order; their names below are the spec's.
enum class EventType : uint8_t {
  Move,
  Offer,
  Investment,
  Acquisition,
  Layoff,
  CompStat,
  Counteroffer
};
inline constexpr std::array<std::string_view, 7> kEventTypes{
    "move", "offer", "investment", "acquisition", "layoff", "comp_stat", "counteroffer"};

// The spec's name of a type ("comp_stat"), and the type a name names (none for others).
constexpr std::string_view name(EventType t) { return kEventTypes[static_cast<size_t>(t)]; }
std::optional<EventType> event_type(std::string_view name);

// The slots whose value is an organisation (a unit beside one is `<slot>_unit`).
inline constexpr std::array<std::string_view, 9> kOrganisationSlots{
    "from", "to", "by", "target_org", "investor", "investee", "acquirer", "target", "org"};

// Every field an event of the spec's types may carry besides type, amount and evidence,
// in the order of the spec's table (rule 7's organisation beside each unit slot, the
// attribution fields last): the columns of a table of events.
inline constexpr std::array<std::string_view, 33> kSlotNames{
    "person",       "count",           "from",           "from_org",
    "to",           "to_org",          "role",           "by",
    "by_org",       "target_org",      "target_org_org", "comp_kind",
    "outcome",      "investor",        "investor_org",   "investee",
    "investee_org", "round_investors", "stake_pct",      "cumulative",
    "acquirer",     "acquirer_org",    "target",         "status",
    "org",          "org_org",         "population",     "stat",
    "period",       "source",          "action",         "claimed_by",
    "disputed_by"};

bool is_event_type(std::string_view type);
// A slot an event may carry: one of kSlotNames, or `<organisation slot>_unit` (the unit the
// text named, kept beside its organisation while an article is read).
bool is_slot(std::string_view name);
bool is_organisation_slot(std::string_view slot);

// A figure agrees with a reference figure when it is within 1 % of it (the spec's rule
// for scoring an amount against the gold one).
bool within_one_percent(double value, double reference);
// Two reports give the same amount when they differ by at most 1 % of the larger: the
// rule is symmetric, so the order reports arrive in never matters.
bool same_amount(double a, double b);

}  // namespace tw::model
