// frames/layoff — an organisation cutting staff, with the head-count where given.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "extract/document_state.h"

namespace tw::extract::detail {

// The organisation a relative clause before the trigger is about: "Acme Industries, which
// eliminated 5,000 jobs", "Beta Capital, which put in $200 million".
const Entity* DocumentState::relative_owner(const AnnotatedSentence& s, const TriggerHit& t) const {
  const size_t near = words_before(s, t.begin, 4).begin;
  for (std::string_view w : lang_.grammar.relative_markers) {
    const size_t which = s.folded.find(w, near);
    if (which == std::string::npos || which >= t.begin) continue;
    const Entity* owner = nullptr;
    for (const auto& a : s.args)
      if (a.end <= which && which - a.end <= 2 && org_ok(a.entity)) owner = a.entity;
    if (owner) return owner;
  }
  return nullptr;
}

void DocumentState::layoff(const AnnotatedSentence& s, const TriggerHit& t) {
  const Span clause = clause_of(s, t.begin);
  auto count = count_in(s, clause);
  const Entity* org = relative_owner(s, t);
  if (!org) org = agent(s, t, /*allow_topic=*/false);
  if (!org && lang_.grammar.case_particles && count) {
    // "X의 임직원 200여 명이", "X에서 직원 400여명이", "X에 소속된 직원 40여명은": the organisation
    // nearest before the people counted.
    for (const auto& a : s.args)
      if (a.begin < count->begin && org_ok(a.entity) &&
          (a.role == Role::Possessor || a.role == Role::Source || a.role == Role::Recipient ||
           a.role == Role::Other))
        org = a.entity;
  }
  if (!org) org = first_org(s, {clause.begin, t.begin}, {Role::Possessor});  // "Intel's cuts"
  // "The layoffs at Meta", "were let go from Tesla's team", "하드웨어 부문에서": where the cuts
  // fell.
  if (!org)
    org = first_org(s, words_after(s, t.end, 4), {Role::Recipient, Role::Source, Role::Possessor});
  if (!org) org = first_org(s, clause, {Role::Source});
  // "firms such as Intel, Cisco and Dell keep announcing layoffs": the companies the subject lists.
  if (!org && has(s, lang_.grammar.examples, clause.begin, t.begin))
    org = first_org(s, {clause.begin, t.begin}, {Role::Object, Role::Other, Role::Subject});
  if (!org && count) org = topic_;  // "it cut about 9,000 more jobs"
  if (!org_ok(org)) return;
  if (!count) count = count_in(s, {0, s.text.size()});
  if (!count && !is_group(s, clause) && !has(s, lang_.layoff_without_count) &&
      !has(s, lang_.people_nouns, clause.begin, clause.end) &&
      !has(s, lang_.group_markers, clause.begin, clause.end))  // "수백 명을 해고"
    return;
  // English says whose jobs ("cut 200 jobs", "laid off staff"); a cut of nothing named is no
  // layoff.
  if (!lang_.staff_nouns.empty() && !count && !has(s, lang_.layoff_without_count) &&
      !has(s, lang_.staff_nouns))
    return;
  // "firms such as Intel, Cisco and Dell keep announcing layoffs": every
  // organisation coordinated with the one found.
  const std::vector<const Entity*> orgs =
      count ? std::vector<const Entity*>{org} : coordinated_orgs(s, org);
  for (const Entity* o : orgs) {
    Event e = make(s, EventType::Layoff);
    e.slots[Slot::org] = o->name;
    if (count) e.count = count->value;
    events_.push_back(std::move(e));
  }
}

}  // namespace tw::extract::detail
