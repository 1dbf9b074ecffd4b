// merge — reports of one fact within an article become one event (spec rule 1, decided by
// model::same_fact); organisation slots name the organisation and keep the unit the text
// named beside it.
#include <algorithm>
#include <cmath>

#include "extract/extractor.h"
#include "model/model.h"
#include "model/reports.h"

namespace tw::extract {
namespace {

// Can `a` and `b` be reports of one fact? The rule of model/reports.h, within an article.
bool compatible(const Event& a, const Event& b) {
  auto view = [](const Event& e, std::optional<model::Amount>& amount) {
    if (e.amount) amount = model::Amount{e.amount->value, e.amount->currency, e.amount->qualifier};
    model::Report r{.type = e.type, .slots = &e.slots, .count = e.count};
    if (amount) r.amounts = std::span(&*amount, 1);
    r.group = e.group;
    r.cumulative = e.cumulative;
    r.one_of_origins = e.one_of_origins;
    r.names_backers = e.has(Slot::investor);
    return r;
  };
  std::optional<model::Amount> x, y;
  return model::same_fact(view(a, x), view(b, y), model::Scope::Article);
}

void absorb(Event& into, const Event& from) {
  for (const auto& [k, v] : from.slots)
    if (!v.empty() && (!into.has(k) || (k == Slot::outcome && into.slot(k) == "unknown")))
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
    for (const Slot k : model::kOrganisationSlots) {
      auto it = e.slots.find(k);
      if (it == e.slots.end() || it->second.empty()) continue;
      const std::string top(lex.top_parent(it->second));
      if (top != it->second) {
        e.slots[*model::unit_of(k)] = it->second;
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
