// frames/comp_stat — pay for a population: statistics, published pay, job postings (rule 10).
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "extract/document_state.h"

namespace tw::extract::detail {

bool DocumentState::stat(const AnnotatedSentence& s, const TriggerHit& t) {
  const auto money = money_near(s, {0, s.text.size()}, t.begin);
  if (!money) return false;
  Event e = make(s, EventType::CompStat);
  for (const auto& a : s.args) {
    if (a.entity->is_org() && a.entity->is_source() && e.slot(Slot::source).empty())
      e.slots[Slot::source] = a.entity->name;
    if (org_ok(a.entity) && !e.has(Slot::org)) e.slots[Slot::org] = a.entity->name;
  }
  for (const auto& [stat, words] : lang_.stats)
    if (has(s, words) && !e.has(Slot::stat)) e.slots[Slot::stat] = stat;
  if (has(s, lang_.period_year)) e.slots[Slot::period] = "year";
  e.amount = money;
  events_.push_back(std::move(e));
  return true;
}

// "박사급 AI 연구원은 연봉 50만 달러 이상을 받는다": pay for a population, no trigger.
void DocumentState::pay_benchmark(const AnnotatedSentence& s) {
  // "남직원은 1억2000만원, 여직원은 9800만원": a sentence right after a pay
  // statistic that gives more figures for people continues it.
  // Copies: events_ grows below, and a pointer into it would dangle.
  const Event* last = recent(EventType::CompStat, s.index);
  const bool continues = last && s.index - last->sentence == 1;
  const std::string previous_org = continues ? last->slot(Slot::org) : std::string{};
  const bool previous_yearly = continues && last->slot(Slot::period) == "year";
  if (!has(s, lang_.pay_words) && !continues) return;
  if (!has(s, lang_.people_nouns)) return;
  for (const auto& a : s.args)
    if (a.entity->is_person()) return;
  const Entity* org = nullptr;
  for (const auto& a : s.args)
    if (org_ok(a.entity)) {
      org = a.entity;
      break;
    }
  if (!org && !previous_org.empty()) org = ents_.find_any(previous_org);
  size_t emitted = 0;
  for (const auto& m : s.money) {
    if (m.conversion) continue;
    // "1억원을 넘었지만": a threshold the figure is compared with, not a figure of its own.
    if (emitted > 0 && has(s, lang_.threshold_words, m.end, words_after(s, m.end, 2).end)) continue;
    Event e = make(s, EventType::CompStat);
    if (org) e.slots[Slot::org] = org->name;
    e.slots[Slot::stat] = m.qualifier == "at_least" ? "min"
                          : m.qualifier == "up_to"  ? "max"
                                                    : "typical";
    if (has(s, lang_.period_year) || previous_yearly) e.slots[Slot::period] = "year";
    e.amount = m;
    events_.push_back(std::move(e));
    // One figure, unless the sentence sets several populations side by side.
    if (++emitted == 1 && !continues) return;
  }
}

}  // namespace tw::extract::detail
