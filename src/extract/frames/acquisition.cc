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
  if (lang_.lang == "en")
    for (const auto& a : s.args)
      if (a.begin >= t.end && a.begin - t.end <= 5 && a.entity->is_person()) {
        hire(s, t);
        return;
      }
  // "지분을 인수" buys a stake: an investment, found by its own trigger.
  const size_t look = t.begin >= 12 ? t.begin - 12 : 0;
  if (s.text.substr(look, t.begin - look).find("지분") != std::string_view::npos) return;
  if (lang_.lang == "en" && s.text.substr(t.end, 12).find("stake") != std::string_view::npos) return;
  // "without buying it outright", "회사를 통째로 사들이는 대신": no acquisition happened.
  if (lang_.lang == "en" ? has(s, lang_.negated, t.begin >= 16 ? t.begin - 16 : 0, t.begin)
                         : has(s, lang_.negated, t.end, std::min(s.text.size(), t.end + 16)))
    return;
  // "그레텔이 엔비디아에 인수됐다", "Windsurf was acquired by Cognition": the subject is the target.
  const std::string_view tail = after(s, t, 6);
  const bool passive = lang_.lang == "ko" ? (tail.starts_with("됐") || tail.starts_with("되") || tail.starts_with("된") || tail.starts_with("돼"))
                                          : contains_any(s.text.substr(t.begin >= 10 ? t.begin - 10 : 0, std::min<size_t>(10, t.begin)), {"was", "were", "been", "being"});
  if (passive) {
    const Entity* by = first_org(s, {t.begin >= 40 ? t.begin - 40 : 0, std::min(s.text.size(), t.end + 40)}, {Role::Recipient, Role::Agent});
    if (!org_ok(by)) return;
    // Every subject was bought: "그레텔이, 4월에는 렙톤AI가 엔비디아에 인수됐다".
    for (const auto& a : s.args) {
      if (a.begin >= t.begin || a.role != Role::Subject || !org_ok(a.entity) || same_org(a.entity, by)) continue;
      Event e = make(s, "acquisition");
      e.slots["acquirer"] = by->name;
      e.slots["target"] = a.entity->name;
      e.slots["status"] = contains_any(s.text.substr(t.begin), lang_.failure) ? "failed" : "completed";
      events_.push_back(std::move(e));
    }
    return;
  }
  const Entity* acquirer = agent(s, t, /*allow_topic=*/false);
  // "윈드서프를 인수하려던 오픈AI의 계획", "OpenAI's planned acquisition of Windsurf": the owner of the plan.
  if (!acquirer) acquirer = first_org(s, {clause.begin, t.begin}, {Role::Possessor});
  if (!acquirer && lang_.lang == "ko") acquirer = first_org(s, {t.end, clause.end}, {Role::Possessor});
  if (!acquirer) acquirer = topic_;
  if (!org_ok(acquirer)) return;
  const Entity* target = lang_.lang == "en" ? first_org(s, {t.end, s.text.size()}, {Role::Object, Role::Possessor, Role::Other}, acquirer)
                                            : first_org(s, clause, {Role::Object}, acquirer);
  if (!target) target = first_org(s, {0, s.text.size()}, {Role::Object}, acquirer);
  if (!target && !(lang_.lang == "en"))  // "가나로보틱스의 경영권을 확보": the company whose control is taken
    for (const auto& a : s.args)
      if (a.role == Role::Possessor && org_ok(a.entity) && a.word_end <= t.begin && t.begin - a.word_end <= 4 && !same_org(a.entity, acquirer))
        target = a.entity;
  if (!target && lang_.lang == "en") target = first_org(s, {t.end, s.text.size()}, {Role::Other, Role::Possessor}, acquirer);
  if (!org_ok(target)) return;
  std::vector<const Entity*> targets{target};
  if (lang_.lang == "ko") {
    // "런에이아이(Run:ai), 데시(Deci), 옥토AI(OctoAI)를 인수": each listed company before the object.
    const Span span = arg_span(s, t);
    for (const auto& a : s.args)
      if (span.contains(a.begin) && org_ok(a.entity) && (a.role == Role::Other || a.role == Role::Object) && !same_org(a.entity, acquirer) &&
          std::find(targets.begin(), targets.end(), a.entity) == targets.end() && a.end < t.begin)
        targets.push_back(a.entity);
  }
  for (size_t k = 1; k < targets.size(); ++k) {
    Event more = make(s, "acquisition");
    more.slots["acquirer"] = acquirer->name;
    more.slots["target"] = targets[k]->name;
    more.slots["status"] = "completed";
    events_.push_back(std::move(more));
  }
  Event e = make(s, "acquisition");
  e.slots["acquirer"] = acquirer->name;
  e.slots["target"] = target->name;
  const std::string_view around = s.text.substr(t.begin);
  if (contains_any(around, lang_.failure)) e.slots["status"] = "failed";
  else if (contains_any(around.substr(0, std::min<size_t>(around.size(), 60)), lang_.agreed) ||
           has(s, lang_.agreed, t.begin >= 24 ? t.begin - 24 : 0, t.begin))  // "agreed to acquire"
    e.slots["status"] = "agreed";
  else if (contains_any(around.substr(0, std::min<size_t>(around.size(), 40)), lang_.talks) ||
           has(s, lang_.attempt))
    e.slots["status"] = "talks";
  else if (contains_any(around.substr(0, std::min<size_t>(around.size(), 30)), lang_.bid))
    e.slots["status"] = "offer";
  else e.slots["status"] = "completed";
  events_.push_back(std::move(e));
}

// A sale is an acquisition by the buyer: "넥스플렉스를 MBK파트너스에 매각", "인텔에 매각한 스타트업
// 올라웍스", "sold Nexflex to MBK Partners".
void DocumentState::sell(const AnnotatedSentence& s, const TriggerHit& t) {
  const Span clause = clause_of(s, t.begin);
  if (hedged(s, t.end, std::min(s.text.size(), t.end + 24))) return;
  const bool english = lang_.lang == "en";
  const Entity* buyer = english ? first_org(s, {t.end, s.text.size()}, {Role::Destination, Role::Recipient})
                                : first_org(s, {clause.begin, t.begin}, {Role::Recipient, Role::Destination});
  if (!buyer && !english) buyer = first_org(s, {0, t.begin}, {Role::Recipient});
  if (!org_ok(buyer)) return;
  const Entity* target = english ? first_org(s, {t.end, s.text.size()}, {Role::Object, Role::Other, Role::Possessor}, buyer)
                                 : first_org(s, {0, t.begin}, {Role::Object}, buyer);
  if (!target && !english)  // the head of a relative clause: "매각한 (…) 스타트업 올라웍스"
    target = first_org(s, {t.end, std::min(s.text.size(), t.end + 60)}, {Role::Other, Role::Recipient, Role::Object, Role::Subject}, buyer);
  if (!org_ok(target) || same_org(target, buyer)) return;
  Event e = make(s, "acquisition");
  e.slots["acquirer"] = buyer->name;
  e.slots["target"] = target->name;
  e.slots["status"] = "completed";
  events_.push_back(std::move(e));
}

}  // namespace tw::extract::detail
