// frames/offer — an organisation approaching or paying people of another.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "extract/document_state.h"

namespace tw::extract::detail {

void DocumentState::offer(const AnnotatedSentence& s, const TriggerHit& t) {
  const Span clause = clause_of(s, t.begin);
  const Span whole{0, s.text.size()};
  const std::string_view tail = after(s, t, 4);
  // "제안을 받았다" (an ending after the trigger), "received an offer" (anywhere in the clause).
  const Span receipt = verb_final() ? words_after(s, t.end, 2) : Span{0, s.text.size()};
  const bool received = has(s, lang_.offer_received, receipt.begin, receipt.end);
  // "수츠케버는 제안을 거절했다": the subject answered the offer; the bidder is elsewhere.
  const bool answered = contains_any(tail, lang_.declined) || contains_any(tail, lang_.accepted);
  const Entity* by = nullptr;
  if (received) by = first_org(s, whole, {Role::Source, Role::Agent});
  if (!by && answered) {
    for (const auto& a : s.args)
      if (a.role == Role::Subject && a.begin < t.begin &&
          clause_of(s, a.begin).begin != clause.begin)
        if ((by = acting_org(a))) break;
  }
  if (!by) {
    by = agent(s, t);
    if (received && by) {
      // "OpenAI 직원들은 메타로부터 제안을 받았다": the subject is the target, not the bidder
      bool subject_named = false;
      for (const auto& a : s.args) subject_named |= a.role == Role::Subject && a.entity == by;
      if (subject_named) by = nullptr;
    }
  }
  const Event* prev = recent(EventType::Offer, s.index);
  if (!by && prev) by = x_.lexicon().find(prev->slot(Slot::by));
  if (!org_ok(by)) return;
  // An offer is about people or pay: "사명을 제시하지 못했다" is neither.
  if (contains_any(tail.substr(0, std::min<size_t>(tail.size(), 12)), {"지 못", "지 않"}) &&
      !answered)
    return;
  bool about_people = !s.money.empty() || has(s, lang_.people_nouns) || has(s, lang_.pay_words);
  for (const auto& a : s.args) about_people |= a.entity->is_person() && a.role != Role::Subject;
  if (!about_people) return;
  // The people offered to are in the offer's clause: "…에게 1억 달러를 제시해 A 등 8명을 영입"
  // names hires in the next clause, not the ones the figure was offered to.
  auto persons = people(s, clause, by, /*subjects=*/false);
  if (answered || received)
    for (const Arg* p : people(s, clause, by))  // the one who answered or received it
      if (p->role == Role::Subject &&
          std::find(persons.begin(), persons.end(), p) == persons.end() &&
          (p->entity->acts_for.empty() || !same_org(x_.lexicon().find(p->entity->acts_for), by) ||
           received))
        persons.push_back(p);
  std::erase_if(persons, [&](const Arg* p) {  // the bidder's own boss is no target
    return !p->entity->acts_for.empty() && same_org(x_.lexicon().find(p->entity->acts_for), by);
  });
  const auto money = money_near(s, whole, t.begin);
  if (!persons.empty()) {
    for (const Arg* p : persons) {
      const Entity* target = origin_of(s, *p, by);
      for (const auto& other : s.args)  // described at another mention of the same person
        if (!target && other.entity == p->entity && &other != p) target = origin_of(s, other, by);
      if (!target) target = former_employer(p->entity, by);
      if (!target) target = affiliation_before(p->entity, by);
      emit_offer(s, by, p->entity, target, persons.size() == 1 ? money : std::nullopt,
                 std::nullopt);
    }
    return;
  }
  const Entity* target =
      received
          ? first_org(s, whole, {Role::Possessor, Role::Recipient, Role::Object}, by)
          : first_org(s, whole, {Role::Possessor, Role::Recipient, Role::Object, Role::Source}, by);
  if (!target) {
    // "Meta dangled $100M in front of his staff", said OpenAI's CEO: the other organisation named.
    for (const auto& a : s.args)
      if (const Entity* o = acting_org(a); o && !same_org(o, by)) {
        target = o;
        break;
      }
  }
  if (!target && prev && prev->slot(Slot::by) == by->name && prev->has(Slot::target_org) &&
      (money || count_in(s, whole)))
    target = x_.lexicon().find(prev->slot(Slot::target_org));
  auto count = count_in(s, clause);
  if (!count) count = count_in(s, whole);
  if (!target && !money) return;
  emit_offer(s, by, nullptr, target, money, count);
}

}  // namespace tw::extract::detail
