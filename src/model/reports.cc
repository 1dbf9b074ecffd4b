#include "model/reports.h"

#include <cmath>

#include "model/model.h"

namespace tw::model {

std::span<const std::string_view> key_slots(EventType type) {
  static constexpr std::string_view kMove[] = {"to", "from", "person", "count"};
  static constexpr std::string_view kOffer[] = {"by", "person", "target_org", "amount"};
  static constexpr std::string_view kInvestment[] = {"investor", "investee", "amount"};
  static constexpr std::string_view kAcquisition[] = {"acquirer", "target"};
  static constexpr std::string_view kLayoff[] = {"org", "count"};
  static constexpr std::string_view kCompStat[] = {"org", "amount"};
  static constexpr std::string_view kCounteroffer[] = {"org"};
  switch (type) {
    case EventType::Move: return kMove;
    case EventType::Offer: return kOffer;
    case EventType::Investment: return kInvestment;
    case EventType::Acquisition: return kAcquisition;
    case EventType::Layoff: return kLayoff;
    case EventType::CompStat: return kCompStat;
    case EventType::Counteroffer: return kCounteroffer;
  }
  return {};
}

std::span<const std::string_view> key_slots(std::string_view type) {
  const auto known = event_type(type);
  return known ? key_slots(*known) : std::span<const std::string_view>{};
}

std::string_view Report::slot(const std::string& name) const {
  if (!slots) return {};
  auto it = slots->find(name);
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
  for (const std::string_view key : key_slots(a.type)) {
    if (key == "amount") {
      for (const Amount& x : a.amounts)
        for (const Amount& y : b.amounts)
          if (!amounts_agree(x, y, scope)) return false;
      if (article && !a.amounts.empty() && !b.amounts.empty() && a.cumulative != b.cumulative)
        return false;
      continue;
    }
    if (key == "count") {
      if (a.count && b.count && *a.count != *b.count) return false;
      continue;
    }
    const std::string k(key);
    const std::string_view x = a.slot(k), y = b.slot(k);
    if (!x.empty() && !y.empty() && x != y) return false;
  }
  if (article) {
    // A named person's event never absorbs an event about nobody in particular.
    if (a.slot("person").empty() != b.slot("person").empty()) return false;
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
    for (const std::string k : {"from", "to"})
      if (a.slot(k).empty() != b.slot(k).empty()) return false;
  }
  return true;
}

}  // namespace tw::model
