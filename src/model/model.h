// model — the domain's vocabulary and rules, in one place for every stage: the event
// types of shared/spec/events.md, their slots (model/slots.h), and when two reported
// figures are the same figure. The extractor's merge of repeated reports, the fact merger
// across articles, the scorer, the store, the CLI and the API all ask here.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "model/slots.h"

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

bool is_event_type(std::string_view type);

// A figure agrees with a reference figure when it is within 1 % of it (the spec's rule
// for scoring an amount against the gold one).
bool within_one_percent(double value, double reference);
// Two reports give the same amount when they differ by at most 1 % of the larger: the
// rule is symmetric, so the order reports arrive in never matters.
bool same_amount(double a, double b);

}  // namespace tw::model
