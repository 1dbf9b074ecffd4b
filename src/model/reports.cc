#include "model/reports.h"

#include <cmath>

#include "model/model.h"

namespace tw::model {

KeyFields key_fields(EventType type) {
  using enum Slot;
  static constexpr Slot kMove[] = {to, from, person, count};
  static constexpr Slot kOffer[] = {by, person, target_org};
  static constexpr Slot kInvestment[] = {investor, investee};
  static constexpr Slot kAcquisition[] = {acquirer, target};
  static constexpr Slot kLayoff[] = {org, count};
  static constexpr Slot kOrg[] = {org};
  switch (type) {
    case EventType::Move: return {kMove};
    case EventType::Offer: return {kOffer, true};
    case EventType::Investment: return {kInvestment, true};
    case EventType::Acquisition: return {kAcquisition};
    case EventType::Layoff: return {kLayoff};
    case EventType::CompStat: return {kOrg, true};
    case EventType::Counteroffer: return {kOrg};
  }
  return {};
}

std::vector<std::string_view> key_field_names(std::string_view type) {
  std::vector<std::string_view> names;
  const auto known = event_type(type);
  if (!known) return names;
  const KeyFields keys = key_fields(*known);
  for (const Slot slot : keys.slots) names.push_back(name(slot));
  if (keys.amount) names.push_back("amount");
  return names;
}

std::string_view Report::slot(Slot slot) const {
  if (!slots) return {};
  auto it = slots->find(slot);
  return it == slots->end() ? std::string_view{} : std::string_view(it->second);
}

bool amounts_agree(const Amount& a, const Amount& b, Scope scope) {
  if (a.currency != b.currency) return false;
  if (same_amount(a.value, b.value)) return true;
  if (scope == Scope::Article) return false;
  auto admits = [](const Amount& bound, double v) {
    const double b = bound.value;
    if (bound.qualifier == "at_least") return v >= b && v <= b * 1.25;
    if (bound.qualifier == "up_to") return v <= b && v >= b * 0.75;
    if (bound.qualifier == "about") return std::fabs(v - b) <= 0.1 * b;
    return false;
  };
  return admits(a, b.value) || admits(b, a.value);
}

bool same_fact(const Report& a, const Report& b, Scope scope) {
  if (a.type != b.type || a.group != b.group) return false;
  const bool article = scope == Scope::Article;
  if (!article && a.cumulative != b.cumulative) return false;
  const KeyFields keys = key_fields(a.type);
  if (keys.amount) {
    for (const Amount& x : a.amounts)
      for (const Amount& y : b.amounts)
        if (!amounts_agree(x, y, scope)) return false;
    if (article && !a.amounts.empty() && !b.amounts.empty() && a.cumulative != b.cumulative)
      return false;
  }
  for (const Slot key : keys.slots) {
    if (key == Slot::count) {
      if (a.count && b.count && *a.count != *b.count) return false;
      continue;
    }
    const std::string_view x = a.slot(key), y = b.slot(key);
    if (!x.empty() && !y.empty() && x != y) return false;
  }
  if (article) {
    // A named person's event never absorbs an event about nobody in particular.
    if (a.slot(Slot::person).empty() != b.slot(Slot::person).empty()) return false;
    // A counted group from several origins and one origin's share of it are two facts.
    if (a.one_of_origins != b.one_of_origins) return false;
    // A round without its investors and a backer without the round's figure are two facts:
    // merging them would credit the whole round to one backer.
    if (a.type == EventType::Investment && a.names_backers != b.names_backers &&
        a.amounts.empty() != b.amounts.empty()) {
      const bool a_backer_only = a.names_backers && a.amounts.empty();
      const bool b_backer_only = b.names_backers && b.amounts.empty();
      if (a_backer_only != b_backer_only) return false;
    }
  } else if (a.group) {
    for (const Slot k : {Slot::from, Slot::to})
      if (a.slot(k).empty() != b.slot(k).empty()) return false;
  }
  return true;
}

}  // namespace tw::model
