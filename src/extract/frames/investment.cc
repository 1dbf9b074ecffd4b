// frames/investment — rounds, their lead and participating investors, tranches, stakes, and
// backers named with their own figures (spec rule 8).
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "extract/document_state.h"

namespace tw::extract::detail {

void DocumentState::invest(const AnnotatedSentence& s, const TriggerHit& t) {
  const Span clause = clause_of(s, t.begin);
  const Span whole{0, s.text.size()};
  if (hedged(s, t.end, words_after(s, t.end, 4).end)) return;
  // "Acme was in talks to invest", "투자를 검토": no money has moved.
  // Talks are auxiliaries before the trigger in English, endings after it in Korean ("조달을 추진
  // 중").
  const Span talks_side = verb_final()
                              ? Span{t.end, std::min(clause.end, words_after(s, t.end, 2).end)}
                              : Span{words_before(s, t.begin, 4).begin, t.begin};
  if (has(s, lang_.talks, talks_side.begin, talks_side.end) &&
      !has(s, lang_.received, t.begin, t.end))
    return;
  if (per_investor_figures(s, t)) return;
  if (s.money.empty() && backers_named(s, t)) return;
  // "알파벳·엔비디아도 투자자로 합류", "이번 투자에는 A, B 등이 참여했다", "with Nvidia and
  // SoftBank chipping in": backers of the round reported last (spec rule 8: one event per round,
  // any named backer is its investor).
  const bool joined_round =
      contains_any(s.text.substr(t.begin, t.end - t.begin), lang_.participation) ||
      (s.money.empty() && has(s, lang_.round_joined, t.end));
  if (joined_round) {
    Event* round = nullptr;
    for (auto it = events_.rbegin(); it != events_.rend(); ++it)
      if (it->type == EventType::Investment && it->has(Slot::investee) &&
          s.index - it->sentence <= kCarryOver + 1) {
        round = &*it;
        break;
      }
    // "이번 라운드에는 …": a sentence that names the round means the largest figure reported for
    // the company lately; one backer's own share is smaller than the round.
    if (!round && has(s, lang_.round_words))
      for (auto it = events_.rbegin(); it != events_.rend() && s.index - it->sentence <= 8; ++it)
        if (it->type == EventType::Investment && it->amount && !it->cumulative &&
            it->has(Slot::investee) &&
            (!round || (round->slot(Slot::investee) == it->slot(Slot::investee) &&
                        it->amount->currency == round->amount->currency &&
                        it->amount->value > round->amount->value)))
          round = &*it;
    const Entity* investee = round ? x_.lexicon().find(round->slot(Slot::investee)) : topic_;
    if (!investee && round) investee = ents_.find_any(round->slot(Slot::investee));
    if (!org_ok(investee)) return;
    std::vector<const Entity*> backers;
    for (const auto& a : s.args)
      if (clause.contains(a.begin) && org_ok(a.entity) && !same_org(a.entity, investee) &&
          (a.role == Role::Subject || a.role == Role::Other || a.role == Role::Object) &&
          std::find(backers.begin(), backers.end(), a.entity) == backers.end())
        backers.push_back(a.entity);
    if (backers.empty()) return;
    if (round) {
      // The round names any of its backers as its investor; all of them are kept beside it.
      if (!round->has(Slot::investor)) round->slots[Slot::investor] = backers.front()->name;
      std::string all = round->slot(Slot::round_investors).empty()
                            ? round->slot(Slot::investor)
                            : round->slot(Slot::round_investors);
      for (const Entity* b : backers)
        if (("," + all + ",").find("," + b->name + ",") == std::string::npos) all += "," + b->name;
      round->slots[Slot::round_investors] = all;
      return;
    }
    Event e = make(s, EventType::Investment);
    e.slots[Slot::investor] = backers.front()->name;
    e.slots[Slot::investee] = investee->name;
    events_.push_back(std::move(e));
    return;
  }
  // The lead investor: "A16z 주도로", "led by Accel".
  auto round_lead = [&](const Entity* not_this) -> const Entity* {
    for (const auto& a : s.args) {
      if (!org_ok(a.entity) || same_org(a.entity, not_this)) continue;
      // "A16z 주도로" (the marker follows the name), "led by Accel" (it comes before).
      if (verb_final()) {
        if (has(s, lang_.round_lead, a.word_end, words_after(s, a.word_end, 1).end))
          return a.entity;
      } else if (const Span lead_words = words_before(s, a.begin, 7);
                 a.begin >= 2 && has(s, lang_.round_lead, lead_words.begin, a.begin)) {
        // the marker right before the name, or before a list ending in it
        const size_t marker = find_folded(s, lang_.round_lead, lead_words.begin, a.begin);
        bool others_between = false;
        for (const auto& b : s.args) others_between |= b.begin > marker && b.begin < a.begin;
        if (!others_between) return a.entity;
      }
    }
    return nullptr;
  };
  // "아마존으로부터 투자받는다", "투자를 유치했다", "Anthropic raised $4B from Amazon": the subject
  // is the investee. The receiving verb: an ending after the trigger ("투자받는다", "투자를
  // 유치했다") or a verb before it ("raised $4B in funding").
  const Span receipt = verb_final()
                           ? Span{t.begin, std::min(clause.end, words_after(s, t.end, 2).end)}
                           : Span{words_before(s, t.begin, 6).begin, t.end};
  const bool received = has(s, lang_.received, receipt.begin, receipt.end);
  if (received) {
    // "SSI는 … 등으로부터 10억 달러를 유치했다", "Anthropic raised $13B in a round led by ICONIQ".
    // The investee is the subject of the trigger's clause ("리벨리온은 …을 유치했고, 업스테이지는
    // …"), else the sentence's first subject; the investor comes from 으로부터 / "led by" /
    // "주도로". "가나랩스는 3월 500억원을, 다라AI는 4월 300억원의 투자를 유치했다": each subject
    // with its own figure raised its own round.
    {
      std::vector<std::pair<const Entity*, Money>> rounds;
      for (size_t i = 0; i < s.args.size(); ++i) {
        const Arg& a = s.args[i];
        if (a.role != Role::Subject || !org_ok(a.entity) || a.begin >= t.begin) continue;
        size_t next_subject = t.begin;
        for (size_t k = i + 1; k < s.args.size(); ++k)
          if (s.args[k].role == Role::Subject && org_ok(s.args[k].entity)) {
            next_subject = std::min(next_subject, s.args[k].begin);
            break;
          }
        for (const auto& m : s.money)
          if (!m.conversion && m.begin > a.word_end && m.begin < next_subject) {
            rounds.emplace_back(a.entity, m);
            break;
          }
      }
      if (rounds.size() >= 2) {
        for (const auto& [investee, money] : rounds) {
          Event e = make(s, EventType::Investment);
          e.slots[Slot::investee] = investee->name;
          e.amount = money;
          events_.push_back(std::move(e));
        }
        return;
      }
    }
    const Entity* lead = round_lead(nullptr);
    const Entity* investee = nullptr;
    for (const auto& a : s.args)
      if (a.role == Role::Subject && a.begin < t.begin && clause.contains(a.begin) &&
          org_ok(a.entity) && a.entity != lead)
        investee = a.entity;
    if (!investee)
      for (const auto& a : s.args)
        if (a.role == Role::Subject && a.begin < t.begin && org_ok(a.entity) && a.entity != lead) {
          investee = a.entity;
          break;
        }
    if (!investee) investee = topic_;  // "…20억 달러 조달": the company the article is about
    const Entity* investor = lead && !same_org(lead, investee) ? lead : round_lead(investee);
    if (!investor)  // "아마존으로부터", "led by"; not "카카오 출신 윤재하" (a founder's background)
      for (const auto& a : s.args)
        if ((a.role == Role::Source || a.role == Role::Agent) && org_ok(a.entity) &&
            !same_org(a.entity, investee) &&
            !has(s, lang_.former_words, a.word_end, words_after(s, a.word_end, 2).end)) {
          investor = a.entity;
          break;
        }
    if (!investor && verb_final())
      investor = first_org(s, {clause.begin, t.begin}, {Role::Subject}, investee);
    if (!org_ok(investee) || (investor && same_org(investor, investee))) return;
    const auto amount = money_near(s, clause, t.begin) ? money_near(s, clause, t.begin)
                                                       : money_near(s, whole, t.begin);
    if (!investor && !amount) return;
    Event e = make(s, EventType::Investment);
    if (investor) e.slots[Slot::investor] = investor->name;
    e.slots[Slot::investee] = investee->name;
    e.amount = amount;
    if (e.amount) {
      e.cumulative = has(s, lang_.cumulative, words_before(s, e.amount->begin, 4).begin,
                         words_after(s, e.amount->end, 4).end) ||
                     has(s, lang_.cumulative_anywhere);
    }
    events_.push_back(std::move(e));
    return;
  }
  const Entity* investor = nullptr;
  const Entity* investee = nullptr;
  if (!verb_final()) {
    // "the $4 billion investment from Amazon", "backed by Nvidia": the investor follows.
    for (const auto& a : s.args)
      if ((a.role == Role::Source || a.role == Role::Agent) && a.begin >= t.end &&
          a.begin <= words_after(s, t.end, 3).end && org_ok(a.entity)) {
        investor = a.entity;
        investee = agent(s, t, /*allow_topic=*/false);
        break;
      }
  }
  // "Nvidia, which put in about $40 million": the organisation the relative clause is about,
  // putting money into the company the article is about.
  for (std::string_view marker : lang_.grammar.relative_markers) {
    if (investor) break;
    const size_t which = s.folded.find(marker, words_before(s, t.begin, 3).begin);
    if (which != std::string::npos && which < t.begin) {
      const Entity* owner = nullptr;
      for (const auto& a : s.args)
        if (a.end <= which && which - a.end <= 2 && org_ok(a.entity)) owner = a.entity;
      if (owner) {
        investor = owner;
        investee = first_org(s, {t.end, clause.end}, {Role::Recipient, Role::Destination}, owner);
        if (!investee) investee = salient_org(owner);
      }
    }
  }
  // "a $3 billion deal from Beta Capital into the start-up": the investment's source in its clause,
  // when no subject says who invested.
  if (!investor && !agent(s, t, /*allow_topic=*/false))
    investor = first_org(s, clause, {Role::Source});
  // "with Beta Capital pumping $1 billion into Acme": the organisation right before the verb acts.
  if (!investor && !verb_final())
    for (const auto& a : s.args)
      if (org_ok(a.entity) && a.word_end <= t.begin && t.begin - a.word_end <= 1 &&
          a.role != Role::Recipient && a.role != Role::Destination)
        investor = a.entity;
  if (!investor) investor = agent(s, t, /*allow_topic=*/false);
  if (!investor)
    investor = first_org(s, clause, {Role::Possessor}, nullptr, t.begin);  // "아마존의 누적 투자액"
  if (!investor) investor = topic_;
  if (!investee) investee = first_org(s, clause, {Role::Recipient}, investor);
  if (!investee) investee = first_org(s, whole, {Role::Recipient}, investor);
  if (!investee &&
      lang_.grammar.case_particles)  // "앤스로픽 총 투자액": a bare name before the noun
    investee = first_org(s, {clause.begin, t.begin}, {Role::Other}, investor);
  if (!investee && !verb_final())  // "backed Anthropic", "committed $10 billion to OpenAI"
    investee = first_org(s, {t.end, s.text.size()}, {Role::Object, Role::Destination}, investor);
  if (!investee && verb_final()) investee = first_org(s, clause, {Role::Object}, investor, t.begin);
  if (!investee && investor) {
    // The same investor's last investee anywhere in the article ("…추가 투자하겠다고 밝혔다").
    for (auto it = events_.rbegin(); it != events_.rend(); ++it)
      if (it->type == EventType::Investment && it->slot(Slot::investor) == investor->name) {
        investee = x_.lexicon().find(it->slot(Slot::investee));
        break;
      }
  }
  const Event* prev = recent(EventType::Investment, s.index);
  if (prev) {
    if (!investee && (!investor || prev->slot(Slot::investor) == investor->name))
      investee = x_.lexicon().find(prev->slot(Slot::investee));
    if (!investor || investor == topic_) {
      if (!investor) investor = x_.lexicon().find(prev->slot(Slot::investor));
    }
  }
  if (!investee && s.money.size() > 0) {
    // "자신의 전 회사에 143억 달러를 투자": the company the previous sentence named.
    for (auto it = previous_orgs_.rbegin(); it != previous_orgs_.rend(); ++it)
      if (!same_org(*it, investor)) {
        investee = *it;
        break;
      }
  }
  if (!org_ok(investor) || !org_ok(investee) || same_org(investor, investee)) return;
  Event e = make(s, EventType::Investment);
  e.slots[Slot::investor] = investor->name;
  e.slots[Slot::investee] = investee->name;
  e.amount = money_near(s, clause, t.begin);
  if (!e.amount) e.amount = money_near(s, whole, t.begin);
  if (e.amount) {
    e.cumulative = has(s, lang_.cumulative, words_before(s, e.amount->begin, 4).begin,
                       words_after(s, e.amount->end, 4).end);
  }
  // "a $1bn deal, which included a $300m first tranche", "invest $900m, which included a
  // $300m first payment and an additional $600m": each tranche named is its own investment.
  std::vector<Money> tranches;
  if (e.amount && has(s, lang_.tranche_words, e.amount->end))
    for (const auto& m : s.money)
      if (!m.conversion && m.begin > e.amount->end && clause.contains(m.begin) &&
          m.currency == e.amount->currency)
        tranches.push_back(m);
  events_.push_back(e);
  for (const auto& m : tranches) {
    Event part = e;
    part.amount = m;
    part.cumulative = false;
    events_.push_back(std::move(part));
  }
}

// "Investors in Acme include Intel and Accel", "Intel is one of its backers, alongside
// Cisco": each backer named is an investor of the company,
// whatever round it joined.
// The last round reported with its size in the last few sentences, for `investee` (any when null).
Event* DocumentState::recent_round(const AnnotatedSentence& s, const Entity* investee) {
  constexpr size_t kRoundReach = 6;  // sentences back
  for (auto it = events_.rbegin(); it != events_.rend() && s.index - it->sentence <= kRoundReach;
       ++it)
    if (it->type == EventType::Investment && it->amount && !it->cumulative &&
        it->has(Slot::investee) && (!investee || it->slot(Slot::investee) == investee->name))
      return &*it;
  return nullptr;
}

bool DocumentState::backers_named(const AnnotatedSentence& s, const TriggerHit& t) {
  if (!has(s, lang_.backer_statements, words_before(s, t.begin, 4).begin,
           words_after(s, t.end, 4).end))
    return false;
  // Whose backers: "investors in Acme", "Acme's backers", else the company whose
  // funding the article reported last.
  const Entity* investee = first_org(s, {t.begin, words_after(s, t.end, 6).end}, {Role::Recipient});
  for (const auto& a : s.args)
    if (!investee && a.role == Role::Possessor && org_ok(a.entity) && a.word_end <= t.begin &&
        t.begin - a.word_end <= 16)
      investee = a.entity;
  Event* round = nullptr;
  for (auto it = events_.rbegin(); it != events_.rend(); ++it)
    if (it->type == EventType::Investment && it->has(Slot::investee)) {
      round = &*it;
      break;
    }
  if (!investee && round) investee = ents_.find_any(round->slot(Slot::investee));
  // "이번 라운드에는 A를 비롯해 …", "backers of the round include …": the round just reported.
  if (has(s, lang_.round_words))
    if (const Event* sized = recent_round(s, nullptr))
      investee = ents_.find_any(sized->slot(Slot::investee));
  if (!investee) investee = salient_org();
  if (!org_ok(investee)) return false;
  // The round these backers belong to: the company's last reported round, with its size.
  if (Event* sized = recent_round(s, investee)) round = sized;
  // "Backers of the round include …", or backers named after a round that has none yet ("Other
  // investors include …"): the backers of the round just reported (spec rule 8).
  const bool of_the_round =
      round && round->slot(Slot::investee) == investee->name &&
      (has(s, lang_.round_words) || (round->amount && !round->has(Slot::investor)));
  bool any = false;
  std::vector<const Entity*> backers;  // named together with no share each: one fact (spec rule 8)
  for (const auto& a : s.args) {
    if (!org_ok(a.entity) || same_org(a.entity, investee) || a.role == Role::Recipient) continue;
    // "Acme founder Jane Roe": the organisation of a person named next.
    const bool persons_org = std::any_of(s.args.begin(), s.args.end(), [&](const Arg& b) {
      return b.entity->is_person() && b.begin >= a.word_end && b.begin - a.word_end <= 16;
    });
    if (persons_org) continue;
    if (of_the_round) {
      if (!round->has(Slot::investor)) round->slots[Slot::investor] = a.entity->name;
      std::string& all = round->slots[Slot::round_investors];
      if (all.empty()) all = round->slot(Slot::investor);
      if (("," + all + ",").find("," + a.entity->name + ",") == std::string::npos)
        all += "," + a.entity->name;
      any = true;
      continue;
    }
    if (std::find(backers.begin(), backers.end(), a.entity) == backers.end())
      backers.push_back(a.entity);
    any = true;
  }
  if (!backers.empty()) {
    Event e = make(s, EventType::Investment);
    e.slots[Slot::investor] = backers.front()->name;
    e.slots[Slot::investee] = investee->name;
    if (backers.size() > 1) {
      std::string all;
      for (const Entity* b : backers) all += (all.empty() ? "" : ",") + b->name;
      e.slots[Slot::round_investors] = all;
    }
    events_.push_back(std::move(e));
  }
  return any;
}

// "아마존(30억 달러)과 구글(10억 달러)이 투자를 약정", "Nvidia ($10 billion) and
// Microsoft ($5 billion)": each backer with its own figure is its own investment (spec rule 8).
bool DocumentState::per_investor_figures(const AnnotatedSentence& s, const TriggerHit& t) {
  std::vector<std::pair<const Entity*, Money>> pairs;
  for (const auto& a : s.args) {
    if (!org_ok(a.entity) || a.begin >= t.begin) continue;
    size_t p = a.end;
    while (p < s.text.size() && s.text[p] == ' ') ++p;
    if (p >= s.text.size() || s.text[p] != '(') continue;
    for (const auto& m : s.money)
      if (m.begin > p && m.begin <= p + 8 && !m.conversion) {
        pairs.emplace_back(a.entity, m);
        break;
      }
  }
  if (pairs.empty()) return false;
  const Entity* investee = first_org(s, {t.end, s.text.size()}, {Role::Recipient, Role::Object});
  if (!investee) investee = first_org(s, {0, s.text.size()}, {Role::Recipient});
  if (!investee) investee = topic_;
  if (!org_ok(investee)) return false;
  for (const auto& [investor, money] : pairs) {
    if (same_org(investor, investee)) continue;
    Event e = make(s, EventType::Investment);
    e.slots[Slot::investor] = investor->name;
    e.slots[Slot::investee] = investee->name;
    e.amount = money;
    events_.push_back(std::move(e));
  }
  return true;
}

// "Microsoft-backed OpenAI", "SoftBank-backed startup Acme": a backer written into the name of
// the company it backs. Only where the backed company is named right after.
void DocumentState::backed_compounds(const AnnotatedSentence& s) {
  for (const std::string& marker : lang_.grammar.backed_markers)
    for (size_t p = s.folded.find(marker); p != std::string::npos;
         p = s.folded.find(marker, p + 1)) {
      const Entity* backer = nullptr;
      const Entity* backed = nullptr;
      for (const auto& a : s.args) {
        if (org_ok(a.entity) && a.end == p) backer = a.entity;
        if (!backed && org_ok(a.entity) && a.begin > p && a.begin - p <= 40) backed = a.entity;
      }
      if (!backer || !backed || same_org(backer, backed)) continue;
      // Nothing but adjectives and a type noun between ("-backed AI startup Acme"), no new phrase.
      size_t backed_at = 0;
      for (const auto& a : s.args)
        if (a.entity == backed && a.begin > p) {
          backed_at = a.begin;
          break;
        }
      if (s.text.substr(p + 8, backed_at - (p + 8)).find(',') != std::string_view::npos) continue;
      Event e = make(s, EventType::Investment);
      e.slots[Slot::investor] = backer->name;
      e.slots[Slot::investee] = backed->name;
      events_.push_back(std::move(e));
    }
}

}  // namespace tw::extract::detail
