// document_state — argument helpers shared by the frames, and the discourse: anaphora,
// pronouns, dropped subjects, the topic, speakers and denials, and the sentence loop.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "extract/document_state.h"
#include "text/utf8.h"

namespace tw::extract::detail {

Span DocumentState::clause_of(const AnnotatedSentence& s, size_t pos) const {
  Span span{0, s.text.size()};
  for (size_t b : s.breaks) {
    if (b <= pos)
      span.begin = b;
    else {
      span.end = b;
      break;
    }
  }
  return span;
}

// Where a trigger's own arguments are. Korean is verb-final: a trigger's objects sit
// between the previous trigger and it ("A를 임명하는 동시에 B를 영입"); English keeps the clause.
Span DocumentState::arg_span(const AnnotatedSentence& s, const TriggerHit& t) const {
  Span span = clause_of(s, t.begin);
  if (!verb_final()) {
    // English objects follow the verb, past ", and", up to a clause with its own subject.
    size_t end = s.text.size();
    for (std::string_view c :
         {" as ", ", while ", ", but ", ", after ", " while ", "; ", " because "})
      if (size_t p = s.text.find(c, t.end); p != std::string_view::npos) {
        // "recruited A, an engineer from X; B, a former manager at Y; and …": a list, not a new
        // clause.
        if (c == "; ") {
          const bool listed = std::any_of(s.args.begin(), s.args.end(), [&](const Arg& a) {
            return a.entity->is_person() && (a.begin == p + 2 || s.text.substr(p + 2, 4) == "and ");
          });
          if (listed) continue;
        }
        end = std::min(end, p);
      }
    return {span.begin, end};
  }
  for (const auto& other : s.triggers)
    if (other.end <= t.begin && other.end > span.begin) span.begin = other.end;
  span.end = std::min(span.end, t.end);
  return span;
}

std::string_view DocumentState::after(const AnnotatedSentence& s, const TriggerHit& t,
                                      size_t chars) const {
  size_t end = t.end;
  for (size_t k = 0; k < chars && end < s.text.size(); ++k) text::next_code_point(s.text, end);
  return s.text.substr(t.end, end - t.end);
}

Span DocumentState::words_before(const AnnotatedSentence& s, size_t pos, size_t n) const {
  size_t b = std::min(pos, s.text.size());
  for (size_t k = 0; k < n && b > 0; ++k) {
    while (b > 0 && s.text[b - 1] == ' ') --b;
    while (b > 0 && s.text[b - 1] != ' ') --b;
  }
  return {b, pos};
}

Span DocumentState::words_after(const AnnotatedSentence& s, size_t pos, size_t n) const {
  size_t e = std::min(pos, s.text.size());
  for (size_t k = 0; k < n && e < s.text.size(); ++k) {
    while (e < s.text.size() && s.text[e] == ' ') ++e;
    while (e < s.text.size() && s.text[e] != ' ') ++e;
  }
  return {pos, e};
}

// A verb-final clause puts the trigger's objects before it (from the previous trigger on);
// otherwise they follow it to the end of the clause.
Span DocumentState::object_side(const AnnotatedSentence& s, const TriggerHit& t,
                                Span clause) const {
  if (verb_final()) return {arg_span(s, t).begin, t.begin};
  return {t.end, clause.end};
}

Span DocumentState::auxiliaries_before(const AnnotatedSentence& s, const TriggerHit& t) const {
  return words_before(s, t.begin, lang_.grammar.modifier_words_before);
}

bool DocumentState::negated_after(const AnnotatedSentence& s, const TriggerHit& t) const {
  const Span clause = clause_of(s, t.begin);
  const Span after_trigger = words_after(s, t.end, 2);
  if (has(s, lang_.negation_after, t.end, std::min(clause.end, after_trigger.end))) return true;
  const Span aux = auxiliaries_before(s, t);
  return has(s, lang_.negation_after, aux.begin, aux.end);
}

bool DocumentState::joined_to_next(const AnnotatedSentence& s, const Arg& a) const {
  const std::string_view word = s.text.substr(a.begin, a.word_end - a.begin);
  return std::any_of(
      lang_.grammar.list_joiners.begin(), lang_.grammar.list_joiners.end(),
      [&](const std::string& j) { return word.size() > j.size() && word.ends_with(j); });
}

// "인수됐다" (an ending after the trigger), "was acquired" (an auxiliary before it).
bool DocumentState::passive_voice(const AnnotatedSentence& s, const TriggerHit& t) const {
  if (verb_final()) return contains_any(after(s, t, 2), lang_.passive);
  const Span aux = words_before(s, t.begin, 2);
  return has(s, lang_.passive, aux.begin, aux.end);
}

const Entity* DocumentState::acting_org(const Arg& a) const {
  if (a.entity->is_org()) return org_ok(a.entity) ? a.entity : nullptr;
  if (a.entity->acts_for.empty()) return nullptr;
  return x_.lexicon().find(a.entity->acts_for);
}

// The organisation doing what the trigger says: the nearest subject before it in its
// clause, else the sentence's subject, else the passive agent ("by Meta"), else the topic.
const Entity* DocumentState::agent(const AnnotatedSentence& s, const TriggerHit& t,
                                   bool allow_topic) const {
  const Span clause = clause_of(s, t.begin);
  const Entity* best = nullptr;
  for (const auto& a : s.args)
    if (a.role == Role::Subject && a.begin < t.begin && clause.contains(a.begin))
      if (const Entity* o = acting_org(a)) best = o;
  if (best) return best;
  for (const auto& a : s.args)
    if (a.role == Role::Subject && a.begin < t.begin)
      if (const Entity* o = acting_org(a)) best = o;
  if (best) return best;
  for (const auto& a : s.args)
    if (a.role == Role::Agent && a.begin >= t.end &&
        a.begin - t.end <= 24)  // "led by Meta", "was bought by Meta"
      if (const Entity* o = acting_org(a)) return o;
  for (const auto& a : s.args)  // a subject after the trigger: "…라고 메타는 밝혔다"
    if (a.role == Role::Subject && verb_final())
      if (const Entity* o = acting_org(a)) return o;
  return allow_topic ? topic_ : nullptr;
}

const Entity* DocumentState::first_org(const AnnotatedSentence& s, Span span,
                                       std::initializer_list<Role> roles, const Entity* not_this,
                                       size_t before) const {
  for (const auto& a : s.args) {
    if (!span.contains(a.begin) || a.begin >= before || !org_ok(a.entity)) continue;
    if (std::find(roles.begin(), roles.end(), a.role) == roles.end()) continue;
    if (not_this && same_org(a.entity, not_this)) continue;
    return a.entity;
  }
  return nullptr;
}

std::vector<const Arg*> DocumentState::people(const AnnotatedSentence& s, Span span,
                                              const Entity* agent_org, bool subjects) const {
  std::vector<const Arg*> out;
  for (const auto& a : s.args) {
    if (!a.entity->is_person() || !span.contains(a.begin)) continue;
    if (!subjects && a.role == Role::Subject) continue;
    if (starts_with_any(s.text.substr(a.word_end), lang_.grammar.possessive_suffixes))
      continue;  // "Elon Musk's artificial intelligence company": an owner, not a mover or a target
    if (a.role == Role::Possessor) {
      // "Elon Musk's xAI": the owner of an organisation named next, not a mover.
      auto next = std::find_if(s.args.begin(), s.args.end(),
                               [&](const Arg& o) { return o.begin > a.begin; });
      if (next != s.args.end() && next->entity->is_org() && next->begin - a.word_end <= 6) continue;
    }
    if (a.role == Role::Subject && agent_org && !a.entity->acts_for.empty() &&
        x_.lexicon().find(a.entity->acts_for) == agent_org)
      continue;  // the boss doing the hiring, not a hire
    if (std::any_of(out.begin(), out.end(), [&](const Arg* o) { return o->entity == a.entity; }))
      continue;
    out.push_back(&a);
  }
  return out;
}

const Entity* DocumentState::affiliation_before(const Entity* person, const Entity* to) const {
  const auto& aff = person->affiliations;
  for (size_t i = 0; i < aff.size(); ++i) {
    const Entity* o = x_.lexicon().find(aff[i]);
    if (to && o && same_org(o, to)) {
      // Not stated in the text: name the organisation, not one of its units.
      for (size_t k = i; k-- > 0;) {
        const Entity* before = x_.lexicon().find(x_.lexicon().top_parent(aff[k]));
        if (before && !same_org(before, to)) return before;
      }
      return nullptr;
    }
  }
  return nullptr;
}

// Where a person comes from: "OpenAI의 노암 브라운", "OpenAI researcher Noam Brown", "Apple's
// Ruoming Pang", "오픈AI 출신 … 일리아 수츠케버", "Pang, who led Apple's models team".
const Entity* DocumentState::origin_of(const AnnotatedSentence& s, const Arg& person,
                                       const Entity* to) const {
  auto possessive_owner =
      [&](const Arg& a) {  // "Elon Musk's xAI": not a person the clause is about
        return s.text.substr(a.word_end, 2) == "'s" ||
               s.text.substr(a.word_end, 4) == "\xE2\x80\x99s";
      };
  // English describes a person after the name: "Angela Fan, who came from Meta's AI team",
  // "Uday Ruddarraju, who ran engineering at Elon Musk's xAI".
  if (!verb_final()) {
    for (const auto& a : s.args) {
      if (a.begin <= person.begin) continue;
      if (a.entity->is_person() && !possessive_owner(a)) break;
      if (org_ok(a.entity) && (a.role == Role::Possessor || a.role == Role::Source) &&
          a.begin - person.word_end < 80 && !(to && same_org(a.entity, to)))
        return a.entity;
    }
  }
  std::vector<const Entity*> candidates;  // "인플렉션AI와 구글 딥마인드의 공동창업자인 P": several
  for (const auto& a : s.args) {
    if (a.begin >= person.begin) break;
    // Another person's affiliation, unless that person is listed with this one ("다리오·다니엘라").
    if (a.entity->is_person() && !possessive_owner(a) &&
        !(a.word_end <= person.begin && person.begin - a.word_end <= 3))
      candidates.clear();
    if (org_ok(a.entity) && (a.role == Role::Possessor || a.role == Role::Source) &&
        person.begin - a.word_end < 80 && !(to && same_org(a.entity, to)))
      candidates.push_back(a.entity);
  }
  if (candidates.size() > 1) {
    // Of several, the one the person left for `to` (lexicon), else the nearest.
    if (const Entity* known = affiliation_before(person.entity, to))
      for (const Entity* c : candidates)
        if (same_org(c, known)) return c;
  }
  if (!candidates.empty()) return candidates.back();
  if (lang_.grammar.case_particles) {
    // "일리아 수츠케버(Ilya Sutskever) 오픈AI 공동창업자가": the organisation in the title after
    // the name.
    for (const auto& a : s.args) {
      if (a.begin < person.word_end) continue;
      if (a.begin - person.word_end > 12 || a.entity->is_person()) break;
      if (!org_ok(a.entity) || (to && same_org(a.entity, to))) break;
      const std::string_view next =
          s.text.substr(a.word_end, std::min<size_t>(30, s.text.size() - a.word_end));
      for (const auto* list : {&lang_.titles, &lang_.people_nouns})
        for (const auto& title : *list)
          if (next.starts_with(" " + title) || next.starts_with(" 전 " + title)) return a.entity;
      break;
    }
  }
  if (lang_.grammar.case_particles) {  // a bare organisation before the name in its clause
    const Span clause = clause_of(s, person.begin);
    for (const auto& a : s.args) {
      if (a.begin >= person.begin) break;
      if (clause.contains(a.begin) && org_ok(a.entity) && a.role == Role::Other &&
          !(to && same_org(a.entity, to)))
        return a.entity;
    }
  }
  return nullptr;
}

bool DocumentState::is_group(const AnnotatedSentence& s, Span span) const {
  const std::string_view c = s.text.substr(span.begin, span.end - span.begin);
  if (!contains_any(c, lang_.people_nouns)) return false;
  if (!lang_.grammar.plural_suffixes.empty()) {  // "연구원들", not "연구원장"
    for (const auto& n : lang_.people_nouns) {
      for (size_t p = c.find(n); p != std::string_view::npos; p = c.find(n, p + 1)) {
        const std::string_view rest = c.substr(p + n.size(), 6);
        if (starts_with_any(rest, lang_.grammar.plural_suffixes) || rest.starts_with(" "))
          return true;
      }
    }
    return contains_any(c, lang_.group_markers);
  }
  return contains_any(c, lang_.group_markers);
}

std::optional<Count> DocumentState::count_in(const AnnotatedSentence& s, Span span) const {
  for (const auto& c : s.counts) {
    if (!span.contains(c.begin)) continue;
    // "70여 명 가운데 대부분", "most of Inflection's roughly 70 employees": a part of the count.
    if (has(s, lang_.partitive, c.end, words_after(s, c.end, 4).end) ||
        has(s, lang_.partitive, words_before(s, c.begin, 6).begin, c.begin))
      return std::nullopt;
    // "약 100명 규모의 팀", "a team of 100", "정원 약 2,000명의 10%", "30% of its 1,100 staff": the
    // size of something, or the whole a share is taken of, not people moving.
    const Span before = words_before(s, c.begin, 2), after = words_after(s, c.end, 2);
    if (has(s, lang_.size_words, c.end, after.end) ||
        has(s, lang_.size_words, before.begin, c.begin) ||
        has(s, lang_.share_after, c.end, after.end) ||
        has(s, lang_.share_before, words_before(s, c.begin, 4).begin, c.begin))
      continue;
    return c;
  }
  return std::nullopt;
}

std::optional<Money> DocumentState::money_near(const AnnotatedSentence& s, Span span,
                                               size_t pos) const {
  std::optional<Money> best;
  size_t best_dist = std::string_view::npos;
  for (const auto& m : s.money) {
    if (m.conversion || !span.contains(m.begin)) continue;
    const size_t d = m.begin > pos ? m.begin - pos : pos - m.end;
    if (d < best_dist) {
      best = m;
      best_dist = d;
    }
  }
  return best;
}

// A modal or plan within [from, to): "could join", "할 수도". English modals are lower case:
// "May" the month hedges nothing.
bool DocumentState::hedged(const AnnotatedSentence& s, size_t from, size_t to) const {
  to = std::min(to, s.text.size());
  for (const auto& w : lang_.hypothetical) {
    for (size_t p = s.folded.find(w, from); p != std::string::npos && p + w.size() <= to;
         p = s.folded.find(w, p + 1)) {
      if (lang_.grammar.capitalises_names) {
        if (s.text[p] != s.folded[p]) continue;  // capitalised: a name or a month
        if (p > 0 && std::isalpha(static_cast<unsigned char>(s.folded[p - 1])))
          continue;  // inside a word
      }
      return true;
    }
  }
  return false;
}

// The organisation the article has named most so far: what "the startup" means when the
// sentence-to-sentence topic has drifted to a backer or a rival.
const Entity* DocumentState::salient_org(const Entity* not_this) const {
  const Entity* best = nullptr;
  size_t most = 0;
  for (const auto& [org, n] : org_mentions_)
    if (n > most && !(not_this && same_org(org, not_this))) {
      best = org;
      most = n;
    }
  return best;
}

const Event* DocumentState::recent(EventType type, size_t sentence) const {
  for (auto it = events_.rbegin(); it != events_.rend(); ++it)
    if (it->type == type && sentence - it->sentence <= kCarryOver) return &*it;
  return nullptr;
}

std::string DocumentState::comp_kind(std::string_view s) const {
  for (const auto& [kind, words] : lang_.comp_kinds)
    if (contains_any(s, words)) return kind;
  return {};
}

std::string DocumentState::outcome(std::string_view s) const {
  if (contains_any(s, lang_.declined)) return "declined";
  if (contains_any(s, lang_.accepted)) return "accepted";
  return "unknown";
}

void DocumentState::emit_offer(const AnnotatedSentence& s, const Entity* by, const Entity* person,
                               const Entity* target, std::optional<Money> amount,
                               std::optional<Count> count) {
  if (!by) return;
  // "capex of up to $72B" is no job offer; "일부 인재들에게 1억 달러 연봉을 제안", "offering $100
  // million signing bonuses" are offers to people nobody names. Pay published for a population is a
  // pay statistic (spec rule 10), so an offer without a person or a rival needs the words of a
  // talent raid ("to attract", "인재들에게").
  if (!person && !target &&
      !(amount && !comp_kind(s.text).empty() && has(s, lang_.people_nouns) &&
        has(s, lang_.raid_words)))
    return;
  Event e = make(s, EventType::Offer);
  e.slots[Slot::by] = by->name;
  if (person) e.slots[Slot::person] = person->name;
  if (target && !same_org(target, by)) e.slots[Slot::target_org] = target->name;
  e.amount = amount;
  if (count && !person) e.count = count->value;
  e.slots[Slot::comp_kind] = comp_kind(s.text);
  e.slots[Slot::outcome] = outcome(s.text);
  e.group = !person;
  events_.push_back(std::move(e));
}

// ---------------------------------------------------------------- discourse

bool inside_quotes(std::string_view s, size_t p) {
  size_t straight = 0, curly_open = 0, curly_close = 0;
  for (size_t i = 0; i < p; ++i) {
    if (s[i] == '"')
      ++straight;
    else if (s.substr(i, 3) == "\xE2\x80\x9C")
      ++curly_open;  // “
    else if (s.substr(i, 3) == "\xE2\x80\x9D")
      ++curly_close;  // ”
  }
  return straight % 2 == 1 || curly_open > curly_close;
}

// "이 회사는", "회사를 떠났다", "the company": stand-ins for the topic organisation.
void DocumentState::add_anaphora(AnnotatedSentence& s) const {
  if (!topic_) return;
  for (const auto& w : lang_.anaphora) {
    for (size_t p = s.text.find(w); p != std::string_view::npos; p = s.text.find(w, p + 1)) {
      if (p > 0 && s.text[p - 1] != ' ' && s.text[p - 1] != '"' && s.text[p - 1] != '(')
        continue;  // starts a word
      if (inside_quotes(s.text, p))
        continue;  // "회사에서 안전은 뒷전이 됐다"는 글: the speaker's words, not the story's
      // "앤스로픽은 …, 구글도 이 업체에 투자": the sentence's own topic, when another subject
      // stands between.
      const Entity* referent = topic_;
      std::vector<const Entity*> subjects;
      for (const auto& other : s.args)
        if (other.role == Role::Subject && other.begin < p && org_ok(other.entity))
          subjects.push_back(other.entity);
      // Subjects of two clauses: the anaphor is the first one's. Coordinated subjects of one clause
      // ("Acme and Beta Capital backed the company") are not what the anaphor means.
      if (subjects.size() >= 2) {
        const auto joined = coordinated_orgs(s, subjects.front());
        if (std::find(joined.begin(), joined.end(), subjects[1]) != joined.end()) subjects.clear();
      }
      // "left the company", "회사를 떠났다": the company left, not the one the person leads now.
      const Span after_anaphor = words_after(s, p, 2);
      const bool left = std::any_of(s.triggers.begin(), s.triggers.end(), [&](const TriggerHit& t) {
        return t.frame == Frame::Leave &&
               ((t.end <= p && p - t.end <= 2) || (t.begin >= p && t.begin <= after_anaphor.end));
      });
      for (const auto& other : s.args)  // "Chief Executive Marc Benioff said the company…"
        if (!left && other.begin < p && other.role == Role::Subject && other.entity->is_person() &&
            !other.entity->acts_for.empty())
          if (const Entity* o = x_.lexicon().find(other.entity->acts_for)) referent = o;
      if (subjects.size() >= 2)
        referent = subjects.front();
      else if (lang_.grammar.case_particles ||
               std::any_of(s.triggers.begin(), s.triggers.end(), [&](const TriggerHit& t) {
                 return t.frame == Frame::Leave && t.end <= p &&
                        p - t.end <= 2;  // "left the company"
               })) {
        // "스케일AI 창업자인 왕이 회사를 떠나", "Murati, who was OpenAI's CTO, left that company":
        // the organisation the sentence already tied to its subject.
        for (const auto& other : s.args)
          if (other.begin < p && org_ok(other.entity) && other.role != Role::Subject &&
              (other.role == Role::Possessor || other.role == Role::Other ||
               other.role == Role::Source))
            referent = other.entity;
      }
      Arg a{referent, p, p + w.size(), p + w.size(), Role::Other, false, true};
      if (lang_.grammar.case_particles) {
        const std::string_view tail = s.text.substr(p + w.size(), 3);
        std::string_view last = std::string_view(w).substr(w.size() >= 3 ? w.size() - 3 : 0);
        if (last == "는" || last == "은" || tail == "는" || tail == "은" || tail == "가" ||
            tail == "이")
          a.role = Role::Subject;
        else if (last == "를" || last == "을")
          a.role = Role::Object;
        else if (last == "서")
          a.role = Role::Source;
        else if (tail == "에")
          a.role = Role::Recipient;
      } else {
        a.role = Role::Subject;
        for (const auto& t : s.triggers)
          if (t.begin < p) {
            a.role = Role::Object;
            break;
          }
        const std::string before = p >= 5 ? std::string(s.text.substr(p - 5, 5)) : "";
        if (before.ends_with("in ") || before.ends_with("into ")) a.role = Role::Recipient;
        if (before.ends_with("from ")) a.role = Role::Source;
      }
      s.args.push_back(a);
    }
  }
  std::sort(s.args.begin(), s.args.end(),
            [](const Arg& a, const Arg& b) { return a.begin < b.begin; });
}

void DocumentState::dump(const AnnotatedSentence& s) const {
  static const char* roles[] = {"SUBJ", "OBJ", "POSS", "RECIP", "SRC", "DEST", "AGENT", "OTHER"};
  std::cerr << "[" << s.index << "] " << s.text << "\n    topic=" << (topic_ ? topic_->name : "-");
  for (const auto& a : s.args)
    std::cerr << " | " << a.entity->name << ":" << roles[static_cast<int>(a.role)];
  for (const auto& t : s.triggers)
    std::cerr << " | T:" << event_type_of(t.frame) << "@"
              << s.text.substr(t.begin, t.end - t.begin);
  for (const auto& m : s.money) std::cerr << " | $" << m.value << (m.conversion ? "(conv)" : "");
  for (const auto& b : s.breaks) std::cerr << " | /" << b;
  std::cerr << "\n";
}

// Who asserts what a sentence reports: "알트먼은 … 말했다", "according to The Information",
// "Altman said". The speaker is the subject nearest before the speech verb, or the
// source of "에 따르면" / "according to".
const Entity* DocumentState::speaker(const AnnotatedSentence& s) const {
  const size_t verb = find_folded(s, lang_.speech);
  if (verb == std::string_view::npos) return nullptr;
  const Entity* who = nullptr;
  for (const auto& a : s.args) {
    // "A에 따르면" (after the source), "according to A" (before it).
    const Span before_source = words_before(s, a.begin, 2), after_source = words_after(s, a.end, 2);
    const bool according =
        has(s, lang_.grammar.according_before, before_source.begin, before_source.end) ||
        has(s, lang_.grammar.according_after, after_source.begin, after_source.end);
    if (according) return a.entity;
    // Korean reported speech puts the speaker first ("A는 B가 …했다고 말했다"); English nearest the
    // verb.
    if (a.role != Role::Subject || a.begin >= verb || a.anaphor) continue;
    if (verb_final() && !who) who = a.entity;
    if (!verb_final() && a.word_end + 2 >= verb)
      who = a.entity;  // "Altman said", not "Pang …, the companies said"
  }
  if (!who && !verb_final())  // "…, Altman said." — the name right after the verb
    for (const auto& a : s.args)
      if (a.begin > verb && a.begin - verb <= 12) return a.entity;
  return who;
}

void DocumentState::attribute(const AnnotatedSentence& s, size_t first_event) {
  // Only sentences with events of their own, or denying recent ones, are read for a speaker.
  const bool own = first_event < events_.size();
  const bool recent = !events_.empty() && s.index - std::min(s.index, events_.back().sentence) <= 3;
  const bool denial = (own || recent) && has(s, lang_.denial);
  if (!own && !denial) return;
  const Entity* who = speaker(s);
  if (who)
    for (size_t k = first_event; k < events_.size(); ++k)
      if (events_[k].sentence == s.index) events_[k].slots[Slot::claimed_by] = who->name;
  // "a researcher called it fake news": the claim just reported is disputed.
  if (!denial) return;
  if (!who)  // "Lucas Beyer … called the figure fake news": the subject denies
    for (const auto& a : s.args)
      if (a.role == Role::Subject && !a.anaphor) {
        who = a.entity;
        break;
      }
  // The figure denied is the latest one reported before this sentence.
  for (auto it = events_.rbegin(); it != events_.rend(); ++it) {
    if (it->sentence >= s.index) continue;
    if (s.index - it->sentence > 3) break;
    if (it->amount || it->type == EventType::Offer) {
      it->slots[Slot::disputed_by] = who ? who->name : "unnamed source";
      break;
    }
  }
}

// "He has since joined OpenAI", "그는 … 합류했다": a pronoun subject is the person last named.
// "졸업 후 바이두에 입사했고, 이후 문샷AI에 합류해": Korean drops the subject a biography is
// about; a move verb with no person and no subject of its own is the last subject person's.
void DocumentState::add_zero_subject(AnnotatedSentence& s) const {
  if (!lang_.grammar.drops_subjects || !last_subject_person_ || s.index - last_subject_index_ > 2)
    return;
  const bool moves = std::any_of(s.triggers.begin(), s.triggers.end(), [](const TriggerHit& t) {
    return t.frame == Frame::Join || t.frame == Frame::Leave;
  });
  if (!moves) return;
  // "창업 멤버 가운데 두 사람이 회사를 떠났다": people named by a noun are the subject.
  if (has(s, lang_.people_nouns) || !find_counts(s.text, lang_.count_nouns).empty()) return;
  for (const auto& a : s.args)
    if (a.entity->is_person() || a.role == Role::Subject) return;
  s.args.insert(s.args.begin(), Arg{last_subject_person_, 0, 0, 0, Role::Subject, false, true});
}

void DocumentState::add_pronoun(AnnotatedSentence& s) const {
  // The person a pronoun means is the last one who was a subject ("Subramanya joins … He spent").
  const Entity* person = last_subject_person_ ? last_subject_person_ : last_person_;
  if (!person || s.triggers.empty()) return;
  for (const auto& a : s.args)
    if (a.entity->is_person()) return;  // the sentence names its own people
  for (const auto& w : lang_.pronouns) {
    const size_t p = s.folded.find(w);
    if (p == std::string::npos || (p > 0 && s.folded[p - 1] != ' ' && s.folded[p - 1] != '"'))
      continue;
    if (p + w.size() < s.folded.size() &&
        std::isalpha(static_cast<unsigned char>(s.folded[p + w.size()])))
      continue;
    if (p > s.triggers.front().begin) continue;  // only a subject before the verb
    s.args.push_back(Arg{person, p, p + w.size(), p + w.size(), Role::Subject, false, true});
    std::sort(s.args.begin(), s.args.end(),
              [](const Arg& a, const Arg& b) { return a.begin < b.begin; });
    return;
  }
}

void DocumentState::update_topic(const AnnotatedSentence& s) {
  if (!s.args.empty() && s.args.front().begin == 0 && s.args.front().role == Role::Possessor &&
      org_ok(s.args.front().entity)) {
    topic_ = s.args.front().entity;  // "Intel's cuts are older…", "애플의 AI 연구팀은…"
  }
  for (const auto& a : s.args) {
    if (a.role != Role::Subject || a.anaphor)
      continue;  // a dropped subject filled in says nothing new
    if (const Entity* o = acting_org(a)) {
      // The article's topic is the organisation, not one of its units ("애플의 AI 연구팀 AFM이" →
      // Apple).
      const Entity* top = x_.lexicon().find(x_.lexicon().top_parent(o->name));
      topic_ = top ? top : o;
      return;
    }
  }
  // No subject yet says what the article is about: its first organisation does ("xAI에서 …
  // 이탈했다").
  if (!topic_)
    for (const auto& a : s.args)
      if (org_ok(a.entity) && !a.anaphor && a.role != Role::Destination &&
          a.role != Role::Recipient) {
        const Entity* top = x_.lexicon().find(x_.lexicon().top_parent(a.entity->name));
        topic_ = top ? top : a.entity;
        return;
      }
}

void DocumentState::note_former_employers(const AnnotatedSentence& s) {
  for (const auto& p : s.args) {
    if (!p.entity->is_person() || p.anaphor || former_employer_.count(p.entity)) continue;
    // An organisation just before the name with a "former" word between ("오픈AI의 전 CTO 무라티",
    // "오픈AI 공동창업자였던 수츠케버", "former Acme CTO Jane Roe").
    const Span near = words_before(s, p.begin, 6);
    for (auto it = s.args.rbegin(); it != s.args.rend(); ++it) {
      const Arg& a = *it;
      if (a.begin >= p.begin || a.begin < near.begin) continue;
      if (a.entity->is_person() && a.entity != p.entity) break;  // another person's description
      if (!org_ok(a.entity)) continue;
      const size_t from = words_before(s, a.begin, 1).begin;
      if (has(s, lang_.former_between, from, p.begin)) former_employer_[p.entity] = a.entity;
      break;
    }
  }
}

const Entity* DocumentState::own_staff_of_speaker(const AnnotatedSentence& s, const Arg& person,
                                                  const Entity* to) const {
  if (!has(s, lang_.speech)) return nullptr;
  const Span title = words_before(s, person.begin, 2);
  if (!has(s, lang_.titles, title.begin, title.end)) return nullptr;
  for (const auto& a : s.args) {
    if (a.begin >= person.begin) break;
    if (a.role == Role::Subject && org_ok(a.entity) && !a.anaphor)
      return to && same_org(a.entity, to) ? nullptr : a.entity;
    if (a.begin >= title.begin) break;  // an organisation in the title names the person's own
  }
  return nullptr;
}

const Entity* DocumentState::former_employer(const Entity* person, const Entity* to) const {
  const auto it = former_employer_.find(person);
  if (it == former_employer_.end() || (to && same_org(it->second, to))) return nullptr;
  return it->second;
}

std::vector<Event> DocumentState::run() {
  for (size_t i = 0; i < doc_.sentences.size(); ++i) {
    AnnotatedSentence s;
    s.text = doc_.sentence(i);
    s.folded = ascii_fold(s.text);
    s.lang = &lang_;
    s.index = i;
    const auto& mentions = ents_.mentions_in(i);
    s.triggers = lang_.find_triggers(s.text);
    // Roles from case particles (Korean) or from word order (English).
    s.args = lang_.grammar.case_particles ? korean_roles(s.text, mentions, lang_)
                                          : english_roles(s.text, mentions, s.triggers, lang_);
    add_anaphora(s);
    add_pronoun(s);
    add_zero_subject(s);
    const bool has_digit =
        std::any_of(s.text.begin(), s.text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (s.args.empty() && s.triggers.empty() && !has_digit) continue;
    s.money = find_money(s.text);
    // "기업가치 120억 달러", "valuing it at $90 billion": what a company is worth, not money paid.
    {
      std::vector<bool> worth(s.money.size(), false);
      for (size_t k = 0; k < s.money.size(); ++k) {
        const Money& m = s.money[k];
        size_t end = m.end;  // past a restatement "(약 20조원)"
        if (k + 1 < s.money.size() && s.money[k + 1].conversion &&
            s.money[k + 1].begin <= m.end + 4) {
          end = s.money[k + 1].end;
          if (end < s.text.size() && s.text[end] == ')') ++end;
        }
        // Before the figure, back to the figure before it ("valuing it at $90 billion"); after it,
        // only what qualifies it ("$4bn valuation", "의 기업가치로"). Korean puts the valuation
        // word after the figure ("…달러의 기업가치"); before it only right before ("기업가치 120억
        // 달러").
        size_t before = words_before(s, m.begin, lang_.grammar.valuation_words_before).begin;
        for (size_t q = 0; q < k; ++q) before = std::max(before, s.money[q].end);
        worth[k] = has(s, lang_.valuation, before, m.begin) ||
                   has(s, lang_.valuation, end,
                       words_after(s, end, lang_.grammar.valuation_words_after).end);
        if (m.conversion && k > 0) worth[k] = worth[k - 1];
        // "50억 유로, 약 7조 원": the same figure in another currency right after a valuation.
        if (k > 0 && worth[k - 1] && m.currency != s.money[k - 1].currency &&
            m.begin <= words_after(s, s.money[k - 1].end, 2).end)
          worth[k] = true;
      }
      size_t k = 0;
      std::erase_if(s.money, [&](const Money&) { return worth[k++]; });
    }
    s.counts = find_counts(s.text, lang_.count_nouns);
    s.breaks = clause_breaks(s.text, lang_);
    if (debug_) dump(s);

    const size_t before = events_.size();
    bool claimed = false;  // a pay statistic or a counteroffer explains the whole sentence
    for (const auto& t : s.triggers)
      if (t.frame == Frame::Stat) claimed |= stat(s, t);
    if (!claimed)
      for (const auto& t : s.triggers)
        if (t.frame == Frame::Counter) claimed |= counter(s, t);
    if (!claimed) {
      for (const auto& t : s.triggers) {
        switch (t.frame) {
          case Frame::Hire:
          case Frame::Appoint: hire(s, t); break;
          case Frame::Join:
          case Frame::Leave: join_or_leave(s, t); break;
          case Frame::Found: found(s, t); break;
          case Frame::Include: include(s); break;
          case Frame::Offer: offer(s, t); break;
          case Frame::Invest: invest(s, t); break;
          case Frame::Acquire: acquire(s, t); break;
          case Frame::Sell: sell(s, t); break;
          case Frame::Layoff: layoff(s, t); break;
          default: break;
        }
      }
      if (events_.size() == before && !s.money.empty()) pay_benchmark(s);
      backed_compounds(s);
      open_list(s);
      list_item(s);
    }
    attribute(s, before);
    note_former_employers(s);
    update_topic(s);
    for (const auto& a : s.args)
      if (org_ok(a.entity) && !a.anaphor) ++org_mentions_[a.entity];
    previous_orgs_.clear();
    for (const auto& a : s.args) {
      if (org_ok(a.entity)) previous_orgs_.push_back(a.entity);
      if (a.entity->is_person() &&
          (a.role == Role::Subject || a.role == Role::Other || a.role == Role::Object))
        last_person_ = a.entity;
      if (a.entity->is_person() && a.role == Role::Subject && !a.anaphor) {
        last_subject_person_ = a.entity;
        last_subject_index_ = s.index;
      }
    }
  }
  return merge_reports(std::move(events_), x_.lexicon());
}

}  // namespace tw::extract::detail
