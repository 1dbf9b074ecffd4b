// frames/counteroffer — an organisation raising pay or bonuses to keep its people.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "extract/document_state.h"

namespace tw::extract::detail {

bool DocumentState::counter(const AnnotatedSentence& s, const TriggerHit& t) {
  const Entity* org = agent(s, t);
  if (!org_ok(org)) return false;
  // Keeping people: "to keep" a market share or "to retain" a stake is no counteroffer.
  bool about_people = has(s, lang_.people_nouns) || has(s, lang_.pay_words);
  for (const auto& a : s.args) about_people |= a.entity->is_person();
  if (!about_people) return false;
  Event e = make(s, EventType::Counteroffer);
  e.slots[Slot::org] = org->name;
  const Entity* rival = first_org(
      s, {0, s.text.size()}, {Role::Destination, Role::Agent, Role::Possessor, Role::Source}, org);
  if (!rival) {
    // The rival is whoever has been taking this organisation's people.
    for (auto it = events_.rbegin(); it != events_.rend(); ++it)
      if (it->type == EventType::Move && it->has(Slot::to) && it->slot(Slot::from) == org->name) {
        rival = x_.lexicon().find(it->slot(Slot::to));
        break;
      }
  }
  if (rival) e.slots[Slot::target_org] = rival->name;
  const bool raise = has(s, lang_.raise_words);
  e.slots[Slot::action] = raise ? "raise" : "retention";
  events_.push_back(std::move(e));
  return true;
}

}  // namespace tw::extract::detail
