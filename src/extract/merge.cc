// merge — reports of one fact within an article become one event (spec rule 1): same type,
// no key slot in conflict, figures within 1 %; organisation slots name the organisation and
// keep the unit the text named beside it.
#include <algorithm>
#include <cmath>

#include "extract/extractor.h"
#include "model/model.h"

namespace tw::extract {
namespace {

bool same_amount(const Money& a, const Money& b) {
  return a.currency == b.currency && model::same_amount(a.value, b.value);
}

// Can `a` and `b` be reports of one fact? Every key slot agrees or is missing on one side.
bool compatible(const Event& a, const Event& b) {
  if (a.type != b.type || a.group != b.group) return false;
  for (const auto& k : key_slots(a.type)) {
    if (k == "amount") {
      if (a.amount && b.amount && !same_amount(*a.amount, *b.amount)) return false;
      if ((a.amount && b.amount) && a.cumulative != b.cumulative) return false;
      continue;
    }
    if (k == "count") {
      if (a.count && b.count && *a.count != *b.count) return false;
      continue;
    }
    if (a.has(k) && b.has(k) && a.slot(k) != b.slot(k)) return false;
  }
  // A named person's event never absorbs an event about nobody in particular, and vice versa.
  if (a.has("person") != b.has("person")) return false;
  // A counted group from several origins and one origin's share of it are two facts (spec rule 9).
  if (a.one_of_origins != b.one_of_origins) return false;
  // A round without its investors and a backer without the round's figure are two facts:
  // merging them would credit the whole round to one backer.
  if (a.type == "investment" && a.has("investor") != b.has("investor") &&
      a.amount.has_value() != b.amount.has_value()) {
    const bool a_named_no_figure = a.has("investor") && !a.amount;
    const bool b_named_no_figure = b.has("investor") && !b.amount;
    if (a_named_no_figure != b_named_no_figure) return false;
  }
  return true;
}

void absorb(Event& into, const Event& from) {
  for (const auto& [k, v] : from.slots)
    if (!v.empty() && (!into.has(k) || (k == "outcome" && into.slot(k) == "unknown")))
      into.slots[k] = v;
  if (!into.count && from.count) into.count = from.count;
  if (!into.amount && from.amount) {
    into.amount = from.amount;
    into.cumulative = from.cumulative;
  }
}

}  // namespace

std::vector<Event> merge_reports(std::vector<Event> events) {
  return merge_reports(std::move(events), Lexicon::standard());
}

std::vector<Event> merge_reports(std::vector<Event> events, const Lexicon& lex) {
  std::vector<Event> out;
  for (auto& e : events) {
    // Slots name the organisation ("Google"); the unit the text named stays beside it
    // ("from_unit": "Google DeepMind"), so flows add up per organisation.
    for (const std::string_view slot : model::kOrganisationSlots) {
      const std::string k(slot);
      auto it = e.slots.find(k);
      if (it == e.slots.end() || it->second.empty()) continue;
      const std::string top(lex.top_parent(it->second));
      if (top != it->second) {
        e.slots[std::string(k) + "_unit"] = it->second;
        e.slots[k] = top;
      }
    }
  }
  for (auto& e : events) {
    auto it =
        std::find_if(out.begin(), out.end(), [&](const Event& o) { return compatible(o, e); });
    if (it == out.end())
      out.push_back(std::move(e));
    else
      absorb(*it, e);
  }
  // Drop unfilled labels so output only carries what was found.
  for (auto& e : out)
    for (auto it = e.slots.begin(); it != e.slots.end();)
      it = it->second.empty() ? e.slots.erase(it) : std::next(it);
  return out;
}

}  // namespace tw::extract
