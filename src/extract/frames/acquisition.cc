// frames/acquisition — purchases, mergers and sales (a sale is the buyer's acquisition).
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "extract/document_state.h"

namespace tw::extract::detail {

void DocumentState::acquire(const AnnotatedSentence& s, const TriggerHit& t) {
  const Span clause = clause_of(s, t.begin);
  // "Acme's acquisition of Jane Roe": people are hired, not bought.
  if (!verb_final())
    for (const auto& a : s.args)
      if (a.begin >= t.end && a.begin <= words_after(s, t.end, 2).end && a.entity->is_person()) {
        hire(s, t);
        return;
      }
  // "지분을 인수", "acquire a stake" buys part of a company: an investment, found by its own
  // trigger.
  const Span object_words = verb_final() ? words_before(s, t.begin, 1) : words_after(s, t.end, 3);
  if (has(s, lang_.grammar.stake_words, object_words.begin, object_words.end)) return;
  // "without buying it outright", "회사를 통째로 사들이는 대신": no acquisition happened.
  const Span modifiers = verb_final() ? words_after(s, t.end, 3) : auxiliaries_before(s, t);
  if (has(s, lang_.negated, modifiers.begin, modifiers.end)) return;
  // "그레텔이 엔비디아에 인수됐다", "Windsurf was acquired by Cognition": the subject is the
  // target.
  if (passive_voice(s, t)) {
    const Entity* by =
        first_org(s, {words_before(s, t.begin, 6).begin, words_after(s, t.end, 6).end},
                  {Role::Recipient, Role::Agent});
    if (!org_ok(by)) return;
    // Every subject was bought: "그레텔이, 4월에는 렙톤AI가 엔비디아에 인수됐다".
    for (const auto& a : s.args) {
      if (a.begin >= t.begin || a.role != Role::Subject || !org_ok(a.entity) ||
          same_org(a.entity, by))
        continue;
      Event e = make(s, EventType::Acquisition);
      e.slots[Slot::acquirer] = by->name;
      e.slots[Slot::target] = a.entity->name;
      e.slots[Slot::status] =
          contains_any(s.text.substr(t.begin), lang_.failure) ? "failed" : "completed";
      events_.push_back(std::move(e));
    }
    return;
  }
  const Entity* acquirer = agent(s, t, /*allow_topic=*/false);
  // "윈드서프를 인수하려던 오픈AI의 계획", "OpenAI's planned acquisition of Windsurf": the owner of
  // the plan.
  if (!acquirer) acquirer = first_org(s, {clause.begin, t.begin}, {Role::Possessor});
  if (!acquirer && verb_final())
    acquirer = first_org(s, {t.end, clause.end}, {Role::Possessor});  // "인수한 X의 계획"
  if (!acquirer) acquirer = topic_;
  if (!org_ok(acquirer)) return;
  const Entity* target = verb_final()
                             ? first_org(s, clause, {Role::Object}, acquirer)
                             : first_org(s, {t.end, s.text.size()},
                                         {Role::Object, Role::Possessor, Role::Other}, acquirer);
  if (!target) target = first_org(s, {0, s.text.size()}, {Role::Object}, acquirer);
  if (!target &&
      verb_final())  // "가나로보틱스의 경영권을 확보": the company whose control is taken
    for (const auto& a : s.args)
      if (a.role == Role::Possessor && org_ok(a.entity) && a.word_end <= t.begin &&
          t.begin - a.word_end <= 4 && !same_org(a.entity, acquirer))
        target = a.entity;
  if (!target && !verb_final())
    target = first_org(s, {t.end, s.text.size()}, {Role::Other, Role::Possessor}, acquirer);
  if (!org_ok(target)) return;
  std::vector<const Entity*> targets{target};
  if (lang_.grammar.case_particles) {
    // "런에이아이(Run:ai), 데시(Deci), 옥토AI(OctoAI)를 인수": each listed company before the
    // object.
    const Span span = arg_span(s, t);
    for (const auto& a : s.args)
      if (span.contains(a.begin) && org_ok(a.entity) &&
          (a.role == Role::Other || a.role == Role::Object) && !same_org(a.entity, acquirer) &&
          std::find(targets.begin(), targets.end(), a.entity) == targets.end() && a.end < t.begin)
        targets.push_back(a.entity);
  }
  for (size_t k = 1; k < targets.size(); ++k) {
    Event more = make(s, EventType::Acquisition);
    more.slots[Slot::acquirer] = acquirer->name;
    more.slots[Slot::target] = targets[k]->name;
    more.slots[Slot::status] = "completed";
    events_.push_back(std::move(more));
  }
  Event e = make(s, EventType::Acquisition);
  e.slots[Slot::acquirer] = acquirer->name;
  e.slots[Slot::target] = target->name;
  const std::string_view around = s.text.substr(t.begin);
  // The agreement words are read in one window around the trigger: "agreed to acquire",
  // "will acquire" and "deal to acquire" hold it, "signed a definitive agreement" follows it.
  if (contains_any(around, lang_.failure))
    e.slots[Slot::status] = "failed";
  else if (has(s, lang_.agreed, words_before(s, t.begin, 4).begin, words_after(s, t.begin, 8).end))
    e.slots[Slot::status] = "agreed";
  else if (has(s, lang_.talks, t.begin, words_after(s, t.begin, 6).end) || has(s, lang_.attempt))
    e.slots[Slot::status] = "talks";
  else if (has(s, lang_.bid, t.begin, words_after(s, t.begin, 5).end))
    e.slots[Slot::status] = "offer";
  else
    e.slots[Slot::status] = "completed";
  events_.push_back(std::move(e));
}

// A sale is an acquisition by the buyer: "넥스플렉스를 MBK파트너스에 매각", "인텔에 매각한 스타트업
// 올라웍스", "sold Nexflex to MBK Partners".
void DocumentState::sell(const AnnotatedSentence& s, const TriggerHit& t) {
  const Span clause = clause_of(s, t.begin);
  if (hedged(s, t.end, words_after(s, t.end, 4).end)) return;
  const bool objects_follow = !verb_final();  // the buyer and the company sold follow the verb
  const Entity* buyer =
      objects_follow ? first_org(s, {t.end, s.text.size()}, {Role::Destination, Role::Recipient})
                     : first_org(s, {clause.begin, t.begin}, {Role::Recipient, Role::Destination});
  if (!buyer && !objects_follow) buyer = first_org(s, {0, t.begin}, {Role::Recipient});
  if (!org_ok(buyer)) return;
  const Entity* target = objects_follow
                             ? first_org(s, {t.end, s.text.size()},
                                         {Role::Object, Role::Other, Role::Possessor}, buyer)
                             : first_org(s, {0, t.begin}, {Role::Object}, buyer);
  if (!target && !objects_follow)  // the head of a relative clause: "매각한 (…) 스타트업 올라웍스"
    target = first_org(s, words_after(s, t.end, 8),
                       {Role::Other, Role::Recipient, Role::Object, Role::Subject}, buyer);
  if (!org_ok(target) || same_org(target, buyer)) return;
  Event e = make(s, EventType::Acquisition);
  e.slots[Slot::acquirer] = buyer->name;
  e.slots[Slot::target] = target->name;
  e.slots[Slot::status] = "completed";
  events_.push_back(std::move(e));
}

}  // namespace tw::extract::detail
