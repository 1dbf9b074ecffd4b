// frames/move — hires, appointments, joins, departures, founders and members named after a
// group: one `move` per person, or per group with its head-count (spec rules 2 and 9).
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "extract/document_state.h"

namespace tw::extract::detail {

void DocumentState::hire(const AnnotatedSentence& s, const TriggerHit& t) {
  const Span clause = clause_of(s, t.begin);
  const bool passive = passive_voice(s, t);
  const Span rest{t.begin, clause.end};
  const Span aux = auxiliaries_before(s, t);
  const bool attempt =
      has(s, lang_.attempt, rest.begin, rest.end) || has(s, lang_.attempt, aux.begin, aux.end);
  if (negated_after(s, t)) return;
  if (hedged(s, rest.begin, rest.end) && !attempt) return;
  if (hedged(s, aux.begin, aux.end)) return;
  const Entity* to = passive
                         ? first_org(s, clause, {Role::Destination, Role::Agent, Role::Recipient})
                         : agent(s, t);
  if (!passive && !verb_final())  // "OpenAI's recruitment of …", "Acme's acquisition of Jane Roe"
    for (const auto& a : s.args)
      if (a.role == Role::Possessor && org_ok(a.entity) && a.word_end <= t.begin &&
          t.begin - a.word_end <= 16 &&
          s.text.substr(a.end, t.begin - a.end).find(',') == std::string_view::npos)
        to = a.entity;
  if (passive && !to) to = agent(s, t);
  if (!to) {
    if (const Event* prev = recent(EventType::Move, s.index); prev && prev->has(Slot::to))
      to = x_.lexicon().find(prev->slot(Slot::to));
  }
  if (!org_ok(to)) return;
  // "마이크로소프트에 영입된 최민서 부사장은": a passive relative clause names its hire after the
  // verb.
  auto persons = people(s, passive && verb_final() ? clause : arg_span(s, t),
                        passive ? nullptr : to, /*subjects=*/passive);
  std::erase_if(persons, [&](const Arg* p) {
    if (p->role == Role::Agent) return true;  // "led by Suleyman": the hirer
    if (inside_quotes(s.text, p->begin) != inside_quotes(s.text, t.begin))
      return true;  // the speaker
    // "왕과 함께 … 이끌 인물로 프리드먼을 데려왔다": a companion, not a hire.
    return joined_to_next(s, *p) &&
           has(s, lang_.grammar.companions, p->word_end, words_after(s, p->word_end, 2).end);
  });
  const auto money = money_near(s, clause, t.begin);
  for (const Arg* p : persons) {
    const Entity* from = origin_of(s, *p, to);
    if (!from) from = first_org(s, clause, {Role::Source}, to);
    if (!from)
      from = first_org(s, {0, s.text.size()},
                       {Role::Source, Role::Possessor, Role::Object, Role::Recipient}, to);
    // An appointment is a move only when the text says where the person came from;
    // otherwise it is a promotion ("임시 CEO로 선임").
    if (!from && t.frame == Frame::Appoint) continue;
    if (!from) from = former_employer(p->entity, to);
    if (!from) from = affiliation_before(p->entity, to);
    if (!from) {
      if (const Event* prev = recent(EventType::Move, s.index);
          prev && prev->has(Slot::from) && prev->slot(Slot::to) == to->name)
        from = x_.lexicon().find(prev->slot(Slot::from));
    }
    if (attempt) {
      emit_offer(s, to, p->entity, from, money, std::nullopt);
      continue;
    }
    Event e = make(s, EventType::Move);
    e.slots[Slot::person] = p->entity->name;
    e.slots[Slot::to] = to->name;
    if (from) e.slots[Slot::from] = from->name;
    events_.push_back(std::move(e));
    if (money && persons.size() == 1) {
      emit_offer(s, to, p->entity, from, money, std::nullopt);
      events_.back().slots[Slot::outcome] = "accepted";
    }
  }
  // A group hired, alone ("AI 엔지니어·연구원을 대부분 영입") or besides named people
  // ("왕을 비롯한 여러 임원을 영입", "four researchers, among them …").
  const bool listed_with_group =
      !persons.empty() && (has(s, lang_.including) || count_in(s, arg_span(s, t)));
  if ((persons.empty() || listed_with_group) &&
      (is_group(s, arg_span(s, t)) || (verb_final() && count_in(s, arg_span(s, t))))) {
    // The group's origin comes before its named members: "…, among them David Lau, previously at
    // Tesla".
    Span span = arg_span(s, t);
    if (!persons.empty()) span.end = std::min(span.end, persons.front()->begin);
    const Entity* from = first_org(s, span, {Role::Source, Role::Possessor, Role::Object}, to);
    if (!from)
      from = first_org(s, {0, persons.empty() ? s.text.size() : persons.front()->begin},
                       {Role::Source, Role::Possessor}, to);
    // "구글과 오픈AI 등 주요 연구소의 인재들을": organisations listed without a case particle of
    // their own.
    if (!from && lang_.grammar.case_particles) {
      const Entity* listed = first_org(s, span, {Role::Other}, to);
      if (listed && coordinated_orgs(s, listed).size() > 1) from = listed;
    }
    const auto count = count_in(s, span);
    if (attempt) {
      emit_offer(s, to, nullptr, from, money, count);
      return;
    }
    if (!from && !count) return;  // "메타는 AI 인재를 스카우트하고 있다": no fact to count
    // "구글·애플·아마존 등 경쟁사에서 최소 7명", "from OpenAI, Google and Microsoft":
    // several origins. Spec rule 9: the count goes with no origin, and each origin is a move of
    // its own without a count.
    auto origins = from ? coordinated_orgs(s, from) : std::vector<const Entity*>{};
    // "인플렉션AI와 구글 딥마인드의 공동창업자인 술레이만": the affiliations of one person named
    // next.
    if (origins.size() > 1) {
      size_t list_end = 0;
      for (const auto& a : s.args)
        if (a.entity == origins.back()) list_end = std::max(list_end, a.word_end);
      for (const auto& a : s.args)
        if (a.entity->is_person() && a.begin >= list_end && a.begin - list_end <= 40)
          origins.resize(1);
    }
    if (origins.size() > 1) {
      if (count) {
        Event all = make(s, EventType::Move);
        all.group = true;
        all.slots[Slot::to] = to->name;
        all.count = count->value;
        events_.push_back(std::move(all));
      }
      for (const Entity* o : origins) {
        if (same_org(o, to)) continue;
        Event e = make(s, EventType::Move);
        e.group = true;
        e.one_of_origins = true;
        e.slots[Slot::to] = to->name;
        e.slots[Slot::from] = o->name;
        events_.push_back(std::move(e));
      }
      return;
    }
    Event e = make(s, EventType::Move);
    e.group = true;
    e.slots[Slot::to] = to->name;
    if (from) e.slots[Slot::from] = from->name;
    if (count) e.count = count->value;
    events_.push_back(std::move(e));
  }
}

// The organisations listed with `first`, itself included: "구글·애플·아마존",
// "OpenAI와 구글, 마이크로소프트(MS)", "Cohere and Adept".
std::vector<const Entity*> DocumentState::coordinated_orgs(const AnnotatedSentence& s,
                                                           const Entity* first) const {
  std::vector<const Entity*> out;
  size_t i = 0;
  while (i < s.args.size() && s.args[i].entity != first) ++i;
  if (i == s.args.size()) return {first};
  auto joined = [&](const Arg& a, const Arg& b) {
    if (b.begin < a.word_end) return false;
    std::string_view gap = s.text.substr(a.word_end, b.begin - a.word_end);
    if (gap.starts_with("(")) gap.remove_prefix(std::min(gap.size(), gap.find(')') + 1));  // "(MS)"
    for (std::string_view sep : {"·", ", ", " and ", ", and ", "ㆍ", "/", " 및 "})
      if (gap == sep) return true;
    // "OpenAI와 구글": the conjunction is the first name's particle.
    return (gap.empty() || gap == " ") && joined_to_next(s, a);
  };
  size_t b = i;
  while (b > 0 && org_ok(s.args[b - 1].entity) && joined(s.args[b - 1], s.args[b])) --b;
  size_t e = i;
  while (e + 1 < s.args.size() && org_ok(s.args[e + 1].entity) && joined(s.args[e], s.args[e + 1]))
    ++e;
  for (size_t k = b; k <= e; ++k)
    if (std::find(out.begin(), out.end(), s.args[k].entity) == out.end())
      out.push_back(s.args[k].entity);
  return out;
}

void DocumentState::join_or_leave(const AnnotatedSentence& s, const TriggerHit& t) {
  const Span clause = clause_of(s, t.begin);
  const std::string_view tail = after(s, t, 8);
  if (hedged(s, t.end, t.end + tail.size()) || negated_after(s, t)) return;
  const Span aux = auxiliaries_before(s, t);
  if (hedged(s, aux.begin, aux.end)) return;
  const Span whole{0, s.text.size()};
  const Entity* to = nullptr;
  // "is now at xAI", "now works with Meta": the organisation right after the trigger.
  const std::string_view said = s.text.substr(t.begin, t.end - t.begin);
  if (t.frame == Frame::Join &&
      std::any_of(lang_.grammar.at_words.begin(), lang_.grammar.at_words.end(),
                  [&](const std::string& w) { return said.ends_with(w); }))
    for (const auto& a : s.args)
      if (a.begin >= t.end && a.begin - t.end <= 2 && org_ok(a.entity)) to = a.entity;
  if (!to) to = first_org(s, clause, {Role::Destination});
  if (!to && t.frame == Frame::Join) to = first_org(s, clause, {Role::Recipient});
  if (!to && t.frame == Frame::Join && !verb_final())
    to = first_org(s, object_side(s, t, clause), {Role::Object});
  if (!to && t.frame == Frame::Join) to = first_org(s, whole, {Role::Destination});
  // "가나랩스에는 A를 비롯해 B, C 등이 합류했다": what is joined, set off at the head of the
  // sentence.
  if (!to && t.frame == Frame::Join) to = first_org(s, {0, t.begin}, {Role::Recipient});
  const Entity* from =
      first_org(s, clause, {Role::Source}, to);  // stated: "구글에서", "from Google"
  // The company left: the trigger's object ("left OpenAI", "오픈AI를 떠나"), not any object of the
  // clause
  // ("saying in a post on LinkedIn").
  const Span left_span =
      verb_final() ? clause : Span{t.end, std::min(clause.end, words_after(s, t.end, 3).end)};
  const Entity* left_object =
      t.frame == Frame::Leave ? first_org(s, left_span, {Role::Object}, to) : nullptr;
  // "Apple lost its top robotics researcher, Leo Park, to Meta": the loser is the subject.
  const bool loss = contains_any(s.text.substr(t.begin, t.end - t.begin), lang_.loss_verbs);
  if (loss) left_object = first_org(s, {clause.begin, t.begin}, {Role::Subject}, to);
  if (left_object && t.frame == Frame::Leave) {
    const bool anaphoric = std::any_of(s.args.begin(), s.args.end(), [&](const Arg& a) {
      return a.anaphor && a.entity == left_object;
    });
    // "members of Apple's team have left the company": the sentence names the company itself.
    const Entity* named = first_org(s, {0, t.begin}, {Role::Possessor, Role::Source});
    if (anaphoric && named)
      left_object = named;
    else if (anaphoric)
      for (auto it = events_.rbegin(); it != events_.rend(); ++it)
        if (it->type == EventType::Move && it->has(Slot::from) && s.index - it->sentence <= 6) {
          left_object = x_.lexicon().find(it->slot(Slot::from));
          break;
        }
  }
  if (t.frame == Frame::Join)
    for (const auto& other : s.triggers)
      if (other.frame == Frame::Leave && other.end <= t.begin) {
        const Span before_leave{0, other.end};
        // The company left (its object) wins over any background ("구글 출신인 A는 가나랩스를
        // 떠나").
        if (const Entity* left = first_org(s, before_leave, {Role::Object}, to))
          from = left;
        else if (!from)
          from = first_org(s, before_leave, {Role::Source}, to);
        if (!from && !verb_final())
          from = first_org(s, {other.end, t.begin}, {Role::Object, Role::Source},
                           to);  // "left X to join"
      }
  auto persons = people(s, clause, nullptr);
  if (persons.empty()) persons = people(s, whole, nullptr);
  // A trigger that is a noun ("called the recent exits a warning sign") is not what its sentence's
  // subject did; only its owner moved ("Murati's departure").
  const std::string_view trigger_word = std::string_view(s.folded).substr(t.begin, t.end - t.begin);
  const bool nominal = std::find(lang_.nominal_triggers.begin(), lang_.nominal_triggers.end(),
                                 trigger_word) != lang_.nominal_triggers.end();
  if (nominal)
    std::erase_if(persons, [&](const Arg* p) {
      return p->role == Role::Subject && !(p->word_end <= t.begin && t.begin - p->word_end <= 4);
    });
  // Who joins or leaves is a subject: "… will report to software chief Craig Federighi" moves
  // nobody else.
  std::erase_if(persons, [&](const Arg* p) {
    // "the departure of Jane Roe", "departures, which included Jane Roe": a noun's movers follow
    // it.
    if (nominal && !verb_final() && p->begin >= t.end) return false;
    if (loss && p->begin < t.begin) return true;
    if (p->role == Role::Subject) return false;
    if (p->role == Role::Other) {
      if (!lang_.grammar.case_particles) return false;
      // Korean: a name without a subject particle moves only as part of a list ("A와 B가",
      // "A, B 등이"); "수츠케버와 함께 … 이끌던 레이케는" and "올트먼 CEO 해임 사태" move nobody.
      std::string_view rest =
          s.text.substr(p->word_end, std::min<size_t>(40, s.text.size() - p->word_end));
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      // "도리안 벨크 공동창업자와 …": past a title, the list marker is the title's.
      for (const auto& t : lang_.titles)
        if (rest.starts_with(t) && rest.size() > t.size() && rest.substr(t.size(), 1) != " ") {
          rest.remove_prefix(t.size());
          if (starts_with_any(rest, lang_.grammar.list_joiners)) return false;
          break;
        }
      rest = rest.substr(0, std::min<size_t>(12, rest.size()));
      if (starts_with_any(rest, lang_.grammar.companions)) return true;
      // "밥 맥그루 최고연구책임자(CRO), 배럿 조프 부사장이": a title, then the comma of a list
      const std::string_view ahead =
          s.text.substr(p->word_end, std::min<size_t>(40, s.text.size() - p->word_end));
      const bool listed = ahead.find(',') != std::string_view::npos &&
                          ahead.find(',') < ahead.find(' ', ahead.find_first_not_of(' ') + 1) + 30;
      return !(joined_to_next(s, *p) || starts_with_any(rest, lang_.grammar.list_continuers) ||
               listed);
    }
    if (p->role == Role::Possessor)
      return !(p->word_end <= t.begin && t.begin - p->word_end <= 4);  // "보웬 장의 이직"
    // "A를 비롯해 B, C 등이 합류했다": the object of "including" is one of the movers.
    if (p->role == Role::Object &&
        has(s, lang_.including, p->word_end, words_after(s, p->word_end, 3).end))
      return false;
    // "Apple lost its top researcher, Leo Park, to Meta": the one lost is the object after the
    // verb.
    if (loss) return p->begin < t.end;
    // English movers stand before their verb, whatever an earlier verb made of them.
    return !(!verb_final() && p->begin < t.begin && p->role == Role::Object);
  });
  // Words quoted are the speaker's: "머스크는 “메타 출신 엔지니어들이 xAI에 합류하고 있다”고
  // 말했다" moves nobody outside the quotation.
  std::erase_if(persons, [&](const Arg* p) {
    return inside_quotes(s.text, p->begin) != inside_quotes(s.text, t.begin);
  });
  // Subjects that are organisations do not move: "메타는 … 이직했다" is about its people.
  // A copy: events_ grows in the loop below, and a pointer into it would dangle.
  std::optional<Event> prev_move;
  if (const Event* r = recent(EventType::Move, s.index)) prev_move = *r;
  const Event* prev = prev_move ? &*prev_move : nullptr;
  for (const Arg* p : persons) {
    // A boss as the subject moves only when the sentence says what they left: "Jane Roe, who left
    // the company (OpenAI)", not "the company" that means the boss's own.
    if (!p->entity->acts_for.empty() && p->role == Role::Subject && !to && !from &&
        !(left_object && !same_org(left_object, x_.lexicon().find(p->entity->acts_for))))
      continue;
    // What the sentence says was left comes before the person's background ("딥마인드 공동창업자인
    // 술레이만은 … 인플렉션AI를 떠나").
    const Entity* pf = from                                     ? from
                       : t.frame == Frame::Leave && left_object ? left_object
                                                                : origin_of(s, *p, to);
    if (!pf) pf = left_object;
    if (!pf) pf = former_employer(p->entity, to);
    if (!pf) pf = own_staff_of_speaker(s, *p, to);
    if (!pf) pf = affiliation_before(p->entity, to);
    const Entity* pt = to;
    if (!pt && t.frame == Frame::Leave)
      if (size_t now = find_any(s.text, lang_.grammar.now_words, t.end);
          now != std::string_view::npos)
        pt = first_org(
            s, {now, s.text.size()},
            {Role::Possessor, Role::Destination, Role::Subject, Role::Object, Role::Recipient}, pf);
    // "바이두에 입사했고, 이후 문샷AI에 합류해": the same person's previous employer.
    if (prev && !pf && pt && prev->slot(Slot::person) == p->entity->name && prev->has(Slot::to) &&
        prev->slot(Slot::to) != pt->name)
      pf = x_.lexicon().find(prev->slot(Slot::to));
    // A joiner with no destination joins where the last move went ("4명이 합류했다"); a leaver
    // does not follow anyone.
    if (prev && !pt && prev->has(Slot::to) && t.frame != Frame::Leave)
      pt = x_.lexicon().find(prev->slot(Slot::to));
    if (prev && !pf && prev->has(Slot::from) && (!pt || prev->slot(Slot::to) == pt->name))
      pf = x_.lexicon().find(prev->slot(Slot::from));
    if (!pf && topic_ && (!pt || !same_org(topic_, pt)) && t.frame == Frame::Leave) pf = topic_;
    // "xAI에서 … 이탈했다. … 카일 코식 공동창업자 등 일부 직원들이 오픈AI로 이직했다": a joiner
    // with no origin of their own, in an article about the company they are leaving.
    if (!pf && topic_ && pt && !same_org(topic_, pt) && t.frame == Frame::Join &&
        p->role == Role::Other)
      pf = topic_;
    if (!pt && !pf) continue;
    if (pt && pf && same_org(pt, pf)) continue;
    Event e = make(s, EventType::Move);
    e.slots[Slot::person] = p->entity->name;
    if (pt) e.slots[Slot::to] = pt->name;
    if (pf) e.slots[Slot::from] = pf->name;
    events_.push_back(std::move(e));
  }
  // "A와 B, 엔지니어링 팀 일부는 … 합류할 예정이다": a group listed after the named people moves
  // too.
  bool group_listed_after = false;
  if (!persons.empty() && persons.back()->word_end < t.begin) {
    const size_t end = persons.back()->word_end;
    const std::string_view gap = s.text.substr(end, t.begin - end);
    // The next item of the list, two or three words at most: ", 엔지니어링 팀 일부는", ", and part
    // of the team".
    if (gap.starts_with(", ") && !starts_with_any(gap, lang_.grammar.relative_markers))
      group_listed_after =
          has(s, lang_.group_markers, end, std::min(t.begin, words_after(s, end + 2, 3).end));
  }
  if (!persons.empty() && !has(s, lang_.including) && !count_in(s, clause) && !group_listed_after)
    return;
  if (!is_group(s, clause) && !count_in(s, clause)) return;
  const auto count = count_in(s, clause);
  const Entity* gfrom = from          ? from
                        : left_object ? left_object
                                      : first_org(s, clause, {Role::Possessor}, to);
  if (!gfrom) gfrom = first_org(s, whole, {Role::Possessor, Role::Source}, to);
  if (!gfrom && lang_.grammar.case_particles)
    gfrom = first_org(s, {clause.begin, t.begin}, {Role::Other},
                      to);  // "오픈AI 취리히 사무소를 세운 … 3명"
  if (!gfrom && s.args.empty() && t.frame == Frame::Leave && topic_ && has(s, lang_.anaphora))
    gfrom = topic_;
  const Entity* gto = to;
  if (!gto && t.frame == Frame::Join && prev && prev->has(Slot::to) &&
      (s.args.empty() || !verb_final())) {
    // "최소 4명이 메타 합류를 수락했다" has its destination; a bare "4명이 합류했다" inherits it.
    gto = x_.lexicon().find(prev->slot(Slot::to));
  }
  if (!gfrom && !gto) return;
  if (!gfrom) {
    // People who accepted an offer come from the organisation it targeted.
    for (auto it = events_.rbegin(); it != events_.rend(); ++it)
      if (it->type == EventType::Offer && s.index - it->sentence <= kCarryOver &&
          it->has(Slot::target_org)) {
        gfrom = x_.lexicon().find(it->slot(Slot::target_org));
        break;
      }
    if (!gfrom && topic_ && gto && !same_org(topic_, gto)) gfrom = topic_;
  }
  if (gfrom && gto && same_org(gfrom, gto)) return;
  Event e = make(s, EventType::Move);
  e.group = true;
  if (gto) e.slots[Slot::to] = gto->name;
  if (gfrom) e.slots[Slot::from] = gfrom->name;
  if (count) e.count = count->value;
  events_.push_back(std::move(e));
}

// "Acme was started by former Google engineers", "run by ex-Apple staff including Jane
// Amodei", "딥마인드 출신 연구원들이 공동 창립한 미스트랄 AI": the founders' former employer is a
// move's origin; the company founded (or led) is its destination.
bool DocumentState::founded_by_former(const AnnotatedSentence& s, const TriggerHit& t) {
  Span founders;  // where the founders are described
  if (!verb_final()) {
    // "founded by …", or a trigger that is itself "led by", "run by".
    const bool trigger_has_by = s.folded.substr(t.begin, t.end - t.begin).ends_with(" by");
    const size_t by = trigger_has_by ? t.end - 3 : s.folded.find(" by ", t.end > 0 ? t.end - 1 : 0);
    if (by == std::string::npos || by > t.end + 2) return false;
    founders = words_after(s, by + 4, 20);
  } else {
    founders = arg_span(s, t);
    founders.end = std::min(founders.end, t.begin);
  }
  if (!has(s, lang_.people_nouns, founders.begin, founders.end)) return false;
  // The organisations the founders came from: "former/ex- X" in English, "X 출신" in Korean.
  std::vector<const Entity*> origins;
  for (const auto& a : s.args) {
    if (!founders.contains(a.begin) || !org_ok(a.entity)) continue;
    // "former OpenAI researchers", "ex-OpenAI staff", "Google veterans"
    const Span before_name = words_before(s, a.begin, 1), after_name = words_after(s, a.end, 1);
    const bool former = a.role == Role::Source ||
                        has(s, lang_.former_words, before_name.begin, before_name.end) ||
                        has(s, lang_.alumni_words, after_name.begin, after_name.end);
    if (former && std::find(origins.begin(), origins.end(), a.entity) == origins.end())
      origins.push_back(a.entity);
  }
  if (origins.empty()) return false;
  const Entity* company = nullptr;
  if (!verb_final()) {
    company = first_org(s, {0, t.begin}, {Role::Subject});
    if (!company && has(s, lang_.pronouns, 0, t.begin)) company = topic_;  // "It was founded by …"
    if (!company && t.begin < 24) company = topic_;  // "Created by … , the company …"
  } else {
    company = first_org(s, words_after(s, t.end, 8),
                        {Role::Subject, Role::Object, Role::Other, Role::Possessor});
    if (!company) company = first_org(s, {0, founders.begin}, {Role::Subject});
  }
  if (!org_ok(company)) return false;
  for (const Entity* from : origins) {
    if (same_org(from, company)) continue;
    Event e = make(s, EventType::Move);
    e.group = true;
    e.slots[Slot::from] = from->name;
    e.slots[Slot::to] = company->name;
    e.slots[Slot::role] = "founders";
    if (origins.size() == 1)
      if (const auto c = count_in(s, founders)) e.count = c->value;
    events_.push_back(std::move(e));
  }
  // Named founders among them ("including Jane Roe and John Moe").
  for (const Arg* p : people(s, founders, nullptr)) {
    if (origins.size() != 1 || same_org(origins.front(), company)) break;
    Event e = make(s, EventType::Move);
    e.slots[Slot::person] = p->entity->name;
    e.slots[Slot::from] = origins.front()->name;
    e.slots[Slot::to] = company->name;
    e.slots[Slot::role] = "founder";
    events_.push_back(std::move(e));
  }
  return true;
}

void DocumentState::found(const AnnotatedSentence& s, const TriggerHit& t) {
  const Span clause = clause_of(s, t.begin);
  const std::string_view tail = after(s, t, 4);
  if (verb_final() && passive_voice(s, t)) return;  // "설립된 회사": the company, not its founding
  if (founded_by_former(s, t)) return;
  const auto persons = people(s, {0, t.begin}, nullptr);
  if (persons.empty()) return;
  const Entity* to =
      first_org(s, verb_final() ? arg_span(s, t) : Span{t.end, clause.end}, {Role::Object});
  if (!to && !verb_final())
    to = first_org(s, {t.end, s.text.size()}, {Role::Object, Role::Other, Role::Subject});
  if (!to) {
    // "앤스로픽은 … 다리오·다니엘라 아모데이가 창업한 회사다": the sentence is about the company.
    for (const auto& a : s.args)
      if (a.role == Role::Subject && org_ok(a.entity) && a.begin < persons.front()->begin) {
        to = a.entity;
        break;
      }
  }
  if (!to) {
    // "가나AI의 홍길동 대표는 구글에서 독립해 창업": the founder's own company.
    for (const auto& a : s.args)
      if (a.role == Role::Possessor && org_ok(a.entity) && a.end <= persons.front()->begin)
        to = a.entity;
  }
  if (!to &&
      starts_with_any(
          tail, lang_.grammar.adnominal_endings))  // "창업한 회사 X": the company after the verb
    to = first_org(s, words_after(s, t.end, 8),
                   {Role::Subject, Role::Object, Role::Other, Role::Possessor});
  if (!org_ok(to)) return;
  const Entity* from =
      persons.size() == 1 ? first_org(s, {0, s.text.size()}, {Role::Source}, to) : nullptr;
  for (const Arg* p : persons) {
    // Zuckerberg "co-founding FAIR" inside Meta is no move.
    if (const Entity* boss_of =
            p->entity->acts_for.empty() ? nullptr : x_.lexicon().find(p->entity->acts_for);
        boss_of && boss_of != to && x_.lexicon().within(to->name, boss_of->name))
      continue;
    const Entity* pf = origin_of(s, *p, to);
    if (!pf) pf = from;
    if (!pf)  // "구글을 떠나 캐릭터닷에이아이를 설립한", "left Google to found": what was left
              // before founding
      for (const auto& other : s.triggers)
        if (other.frame == Frame::Leave && other.end <= t.begin)
          pf = verb_final() ? first_org(s, {0, other.begin}, {Role::Object, Role::Source}, to)
                            : first_org(s, {other.end, t.begin},
                                        {Role::Object, Role::Source, Role::Other}, to);
    // "회사를 나와 캐릭터닷AI를 창업했다": the sentence says the founder left an employer; the
    // lexicon knows which.
    if (!pf && std::any_of(s.triggers.begin(), s.triggers.end(),
                           [&](const TriggerHit& o) { return o.frame == Frame::Leave; }))
      pf = affiliation_before(p->entity, to);
    if (!pf) pf = former_employer(p->entity, to);
    // Founding is a move from the organisation the person left, when the article names it (spec
    // rule 9); a founder whose earlier employer the text does not give moved from nowhere it says.
    if (!pf) continue;
    Event e = make(s, EventType::Move);
    e.slots[Slot::person] = p->entity->name;
    e.slots[Slot::to] = to->name;
    e.slots[Slot::from] = pf->name;
    e.slots[Slot::role] = "founder";
    events_.push_back(std::move(e));
  }
}

void DocumentState::open_list(const AnnotatedSentence& s) {
  std::string_view text = s.text;
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (!text.ends_with(":")) return;
  const bool moves = std::any_of(s.triggers.begin(), s.triggers.end(), [](const TriggerHit& t) {
    return t.frame == Frame::Join || t.frame == Frame::Leave || t.frame == Frame::Hire;
  });
  if (!moves) return;
  const Entity* from = first_org(s, {0, s.text.size()}, {Role::Source});
  const Entity* to = first_org(s, {0, s.text.size()}, {Role::Destination}, from);
  if (!to) to = first_org(s, {0, s.text.size()}, {Role::Subject}, from);
  if (!from && !to) return;
  move_list_ = MoveList{from, to, s.index};
}

void DocumentState::list_item(const AnnotatedSentence& s) {
  if (!move_list_ || s.index == move_list_->sentence || s.index - move_list_->sentence > 16) return;
  // The item opens with the person's name and a colon: "Jane Roe: Worked at …".
  if (s.args.empty() || s.args.front().begin != 0 || !s.args.front().entity->is_person()) return;
  const Arg& p = s.args.front();
  if (p.end >= s.text.size() || s.text[p.end] != ':') return;
  Event e = make(s, EventType::Move);
  e.slots[Slot::person] = p.entity->name;
  if (move_list_->from) e.slots[Slot::from] = move_list_->from->name;
  if (move_list_->to) e.slots[Slot::to] = move_list_->to->name;
  events_.push_back(std::move(e));
}

// "애플 연구원 네 명이 메타로 떠났다. 이 가운데에는 루오밍 팡도 포함됐다": members named after
// their group moved as the group did.
// "Ke Yang … followed in October": the same move as the one just reported.
void DocumentState::include(const AnnotatedSentence& s) {
  const Event* group = nullptr;
  for (auto it = events_.rbegin(); it != events_.rend(); ++it)
    if (it->type == EventType::Move && it->group && s.index - it->sentence <= kCarryOver) {
      group = &*it;
      break;
    }
  if (!group)
    for (auto it = events_.rbegin(); it != events_.rend(); ++it)
      if (it->type == EventType::Move && it->sentence < s.index &&
          s.index - it->sentence <= kCarryOver && it->has(Slot::to)) {
        group = &*it;
        break;
      }
  if (!group) return;
  const Event copy = *group;  // events_ grows below
  const Entity* to = copy.has(Slot::to) ? x_.lexicon().find(copy.slot(Slot::to)) : nullptr;
  for (const Arg* p : people(s, {0, s.text.size()}, to)) {
    if (p->role == Role::Possessor) continue;  // "주커버그의 AI 비전에는 … 포함되며": not a member
    if (!p->entity->acts_for.empty() && to && same_org(x_.lexicon().find(p->entity->acts_for), to))
      continue;
    Event e = make(s, EventType::Move);
    e.slots[Slot::person] = p->entity->name;
    for (const Slot k : {Slot::from, Slot::to})
      if (copy.has(k)) e.slots[k] = copy.slot(k);
    // "Mike Dalton, … hired away from xAI, was part of the group": the member's own origin.
    if (const Entity* own = origin_of(s, *p, to)) e.slots[Slot::from] = own->name;
    events_.push_back(std::move(e));
  }
}

}  // namespace tw::extract::detail
