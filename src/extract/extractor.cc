#include "extract/extractor.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "common/data_dir.h"
#include "extract/roles.h"

namespace tw::extract {
namespace {

constexpr size_t kCarryOver = 2;  // sentences an event's slots may be carried over to the next

struct Sentence {
  std::string_view text;
  std::string folded;  // text in ASCII lower case, for the word-list searches
  size_t index = 0;
  std::vector<Arg> args;
  std::vector<TriggerHit> triggers;
  std::vector<Money> money;
  std::vector<Count> counts;
  std::vector<size_t> breaks;
};

struct Span {
  size_t begin = 0, end = 0;
  bool contains(size_t p) const { return p >= begin && p < end; }
};

class DocumentState;
bool inside_quotes(std::string_view s, size_t p);

// Does any of `words` (stored folded) occur in the sentence, within [from, to)?
bool has(const Sentence& s, const std::vector<std::string>& words, size_t from = 0, size_t to = std::string_view::npos) {
  return find_any_folded(s.folded, words, from, to) != std::string_view::npos;
}

// Everything one document's extraction needs; lives for one extract() call.
class DocumentState {
 public:
  DocumentState(const Extractor& x, const LanguageData& lang, DocumentEntities& ents, const text::Document& doc)
      : x_(x), lang_(lang), ents_(ents), doc_(doc) {}

  std::vector<Event> run();

 private:
  // Sentence helpers
  Span clause_of(const Sentence& s, size_t pos) const;
  Span arg_span(const Sentence& s, const TriggerHit& t) const;
  std::string_view after(const Sentence& s, const TriggerHit& t, size_t n) const;
  bool org_ok(const Entity* e) const { return e && e->is_org() && !e->is_source(); }
  const Entity* acting_org(const Arg& a) const;
  const Entity* agent(const Sentence& s, const TriggerHit& t, bool allow_topic = true) const;
  const Entity* first_org(const Sentence& s, Span span, std::initializer_list<Role> roles, const Entity* not_this = nullptr,
                          size_t before = std::string_view::npos) const;
  std::vector<const Arg*> people(const Sentence& s, Span span, const Entity* agent_org, bool subjects = true) const;
  const Entity* origin_of(const Sentence& s, const Arg& person, const Entity* to) const;
  const Entity* affiliation_before(const Entity* person, const Entity* to) const;
  bool is_group(const Sentence& s, Span span) const;
  std::optional<Count> count_in(const Sentence& s, Span span) const;
  std::optional<Money> money_near(const Sentence& s, Span span, size_t pos) const;
  const Event* recent(const std::string& type, size_t sentence) const;
  bool hedged(const Sentence& s, size_t from, size_t to) const;
  bool same_org(const Entity* a, const Entity* b) const {
    return a && b && (a == b || x_.lexicon().within(a->name, b->name) || x_.lexicon().within(b->name, a->name));
  }

  // Frames
  void hire(const Sentence& s, const TriggerHit& t);
  void join_or_leave(const Sentence& s, const TriggerHit& t);
  void found(const Sentence& s, const TriggerHit& t);
  bool founded_by_former(const Sentence& s, const TriggerHit& t);
  void include(const Sentence& s);
  void offer(const Sentence& s, const TriggerHit& t);
  void invest(const Sentence& s, const TriggerHit& t);
  void acquire(const Sentence& s, const TriggerHit& t);
  void sell(const Sentence& s, const TriggerHit& t);
  bool per_investor_figures(const Sentence& s, const TriggerHit& t);
  bool backers_named(const Sentence& s, const TriggerHit& t);
  std::vector<const Entity*> coordinated_orgs(const Sentence& s, const Entity* first) const;
  void layoff(const Sentence& s, const TriggerHit& t);
  const Entity* relative_owner(const Sentence& s, const TriggerHit& t) const;
  bool counter(const Sentence& s, const TriggerHit& t);
  bool stat(const Sentence& s, const TriggerHit& t);
  void pay_benchmark(const Sentence& s);

  Event make(const Sentence& s, const char* type) const {
    Event e;
    e.type = type;
    e.evidence = std::string(s.text);
    e.sentence = s.index;
    return e;
  }
  void emit_offer(const Sentence& s, const Entity* by, const Entity* person, const Entity* target,
                  std::optional<Money> amount, std::optional<Count> count);
  std::string comp_kind(std::string_view s) const;
  std::string outcome(std::string_view s) const;
  void add_anaphora(Sentence& s) const;
  void add_pronoun(Sentence& s) const;
  void add_zero_subject(Sentence& s) const;
  void update_topic(const Sentence& s);
  const Entity* speaker(const Sentence& s) const;
  void attribute(const Sentence& s, size_t first_event);

  const Extractor& x_;
  const LanguageData& lang_;
  DocumentEntities& ents_;
  const text::Document& doc_;
  void dump(const Sentence& s) const;
  const bool debug_ = std::getenv("TALENTWAR_DEBUG") != nullptr;  // sentence analyses to stderr
  const Entity* topic_ = nullptr;
  std::vector<const Entity*> previous_orgs_;  // organisations the previous sentence named
  std::map<const Entity*, size_t> org_mentions_;  // how often each organisation has been named so far
  const Entity* salient_org(const Entity* not_this = nullptr) const;
  const Entity* last_person_ = nullptr;       // for "He has since joined OpenAI"
  const Entity* last_subject_person_ = nullptr;
  size_t last_subject_index_ = 0;
  std::vector<Event> events_;
};

Span DocumentState::clause_of(const Sentence& s, size_t pos) const {
  Span span{0, s.text.size()};
  for (size_t b : s.breaks) {
    if (b <= pos) span.begin = b;
    else { span.end = b; break; }
  }
  return span;
}

// Where a trigger's own arguments are. Korean is verb-final: a trigger's objects sit
// between the previous trigger and it ("A를 임명하는 동시에 B를 영입"); English keeps the clause.
Span DocumentState::arg_span(const Sentence& s, const TriggerHit& t) const {
  Span span = clause_of(s, t.begin);
  if (lang_.lang != "ko") {
    // English objects follow the verb, past ", and", up to a clause with its own subject.
    size_t end = s.text.size();
    for (std::string_view c : {" as ", ", while ", ", but ", ", after ", " while ", "; ", " because "})
      if (size_t p = s.text.find(c, t.end); p != std::string_view::npos) {
        // "recruited A, an engineer from X; B, a former manager at Y; and …": a list, not a new clause.
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

std::string_view DocumentState::after(const Sentence& s, const TriggerHit& t, size_t n) const {
  return s.text.substr(t.end, std::min(n, s.text.size() - t.end));
}

const Entity* DocumentState::acting_org(const Arg& a) const {
  if (a.entity->is_org()) return org_ok(a.entity) ? a.entity : nullptr;
  if (a.entity->acts_for.empty()) return nullptr;
  return x_.lexicon().find(a.entity->acts_for);
}

// The organisation doing what the trigger says: the nearest subject before it in its
// clause, else the sentence's subject, else the passive agent ("by Meta"), else the topic.
const Entity* DocumentState::agent(const Sentence& s, const TriggerHit& t, bool allow_topic) const {
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
    if (a.role == Role::Agent && a.begin >= t.end && a.begin - t.end <= 24)  // "led by Meta", "was bought by Meta"
      if (const Entity* o = acting_org(a)) return o;
  for (const auto& a : s.args)  // a subject after the trigger: "…라고 메타는 밝혔다"
    if (a.role == Role::Subject && lang_.lang == "ko")
      if (const Entity* o = acting_org(a)) return o;
  return allow_topic ? topic_ : nullptr;
}

const Entity* DocumentState::first_org(const Sentence& s, Span span, std::initializer_list<Role> roles,
                                       const Entity* not_this, size_t before) const {
  for (const auto& a : s.args) {
    if (!span.contains(a.begin) || a.begin >= before || !org_ok(a.entity)) continue;
    if (std::find(roles.begin(), roles.end(), a.role) == roles.end()) continue;
    if (not_this && same_org(a.entity, not_this)) continue;
    return a.entity;
  }
  return nullptr;
}

std::vector<const Arg*> DocumentState::people(const Sentence& s, Span span, const Entity* agent_org, bool subjects) const {
  std::vector<const Arg*> out;
  for (const auto& a : s.args) {
    if (!a.entity->is_person() || !span.contains(a.begin)) continue;
    if (!subjects && a.role == Role::Subject) continue;
    if (lang_.lang == "en" && (s.text.substr(a.word_end, 2) == "'s" || s.text.substr(a.word_end, 4) == "\xE2\x80\x99s"))
      continue;  // "Elon Musk's artificial intelligence company": an owner, not a mover or a target
    if (a.role == Role::Possessor) {
      // "Elon Musk's xAI": the owner of an organisation named next, not a mover.
      auto next = std::find_if(s.args.begin(), s.args.end(), [&](const Arg& o) { return o.begin > a.begin; });
      if (next != s.args.end() && next->entity->is_org() && next->begin - a.word_end <= 6) continue;
    }
    if (a.role == Role::Subject && agent_org && !a.entity->acts_for.empty() && x_.lexicon().find(a.entity->acts_for) == agent_org)
      continue;  // the boss doing the hiring, not a hire
    if (std::any_of(out.begin(), out.end(), [&](const Arg* o) { return o->entity == a.entity; })) continue;
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

// Where a person comes from: "OpenAI의 노암 브라운", "OpenAI researcher Noam Brown", "Apple's Ruoming Pang",
// "오픈AI 출신 … 일리아 수츠케버", "Pang, who led Apple's models team".
const Entity* DocumentState::origin_of(const Sentence& s, const Arg& person, const Entity* to) const {
  auto possessive_owner = [&](const Arg& a) {  // "Elon Musk's xAI": not a person the clause is about
    return s.text.substr(a.word_end, 2) == "'s" || s.text.substr(a.word_end, 4) == "\xE2\x80\x99s";
  };
  // English describes a person after the name: "Angela Fan, who came from Meta's AI team",
  // "Uday Ruddarraju, who ran engineering at Elon Musk's xAI".
  if (lang_.lang == "en") {
    for (const auto& a : s.args) {
      if (a.begin <= person.begin) continue;
      if (a.entity->is_person() && !possessive_owner(a)) break;
      if (org_ok(a.entity) && (a.role == Role::Possessor || a.role == Role::Source) && a.begin - person.word_end < 80 &&
          !(to && same_org(a.entity, to)))
        return a.entity;
    }
  }
  std::vector<const Entity*> candidates;  // "인플렉션AI와 구글 딥마인드의 공동창업자인 P": several
  for (const auto& a : s.args) {
    if (a.begin >= person.begin) break;
    // Another person's affiliation, unless that person is listed with this one ("다리오·다니엘라").
    if (a.entity->is_person() && !possessive_owner(a) && !(a.word_end <= person.begin && person.begin - a.word_end <= 3))
      candidates.clear();
    if (org_ok(a.entity) && (a.role == Role::Possessor || a.role == Role::Source) && person.begin - a.word_end < 80 &&
        !(to && same_org(a.entity, to)))
      candidates.push_back(a.entity);
  }
  if (candidates.size() > 1) {
    // Of several, the one the person left for `to` (lexicon), else the nearest.
    if (const Entity* known = affiliation_before(person.entity, to))
      for (const Entity* c : candidates)
        if (same_org(c, known)) return c;
  }
  if (!candidates.empty()) return candidates.back();
  if (lang_.lang == "ko") {
    // "일리아 수츠케버(Ilya Sutskever) 오픈AI 공동창업자가": the organisation in the title after the name.
    for (const auto& a : s.args) {
      if (a.begin < person.word_end) continue;
      if (a.begin - person.word_end > 12 || a.entity->is_person()) break;
      if (!org_ok(a.entity) || (to && same_org(a.entity, to))) break;
      const std::string_view next = s.text.substr(a.word_end, std::min<size_t>(30, s.text.size() - a.word_end));
      for (const auto* list : {&lang_.titles, &lang_.people_nouns})
        for (const auto& title : *list)
          if (next.starts_with(" " + title) || next.starts_with(" 전 " + title)) return a.entity;
      break;
    }
  }
  if (lang_.lang == "ko") {
    const Span clause = clause_of(s, person.begin);
    for (const auto& a : s.args) {
      if (a.begin >= person.begin) break;
      if (clause.contains(a.begin) && org_ok(a.entity) && a.role == Role::Other && !(to && same_org(a.entity, to)))
        return a.entity;
    }
  }
  return nullptr;
}

bool DocumentState::is_group(const Sentence& s, Span span) const {
  const std::string_view c = s.text.substr(span.begin, span.end - span.begin);
  if (!contains_any(c, lang_.people_nouns)) return false;
  if (lang_.lang == "ko") {
    for (const auto& n : lang_.people_nouns) {
      for (size_t p = c.find(n); p != std::string_view::npos; p = c.find(n, p + 1)) {
        const std::string_view rest = c.substr(p + n.size(), 6);
        if (rest.starts_with("들") || rest.starts_with(" ")) return true;
      }
    }
    return contains_any(c, lang_.group_markers);
  }
  return contains_any(c, lang_.group_markers);
}

std::optional<Count> DocumentState::count_in(const Sentence& s, Span span) const {
  for (const auto& c : s.counts) {
    if (!span.contains(c.begin)) continue;
    // "70여 명 가운데 대부분", "most of Inflection's roughly 70 employees": a part of the count.
    const size_t near = c.begin >= 40 ? c.begin - 40 : 0;
    if (has(s, lang_.partitive, c.end, std::min(s.text.size(), c.end + 24)) ||
        has(s, lang_.partitive, near, c.begin))
      return std::nullopt;
    // "약 100명 규모의 팀", "a team of 100": the size of something, not people moving.
    if (has(s, lang_.size_words, c.end, std::min(s.text.size(), c.end + 12)) ||
        has(s, lang_.size_words, c.begin >= 12 ? c.begin - 12 : 0, c.begin))
      continue;
    return c;
  }
  return std::nullopt;
}

std::optional<Money> DocumentState::money_near(const Sentence& s, Span span, size_t pos) const {
  std::optional<Money> best;
  size_t best_dist = std::string_view::npos;
  for (const auto& m : s.money) {
    if (m.conversion || !span.contains(m.begin)) continue;
    const size_t d = m.begin > pos ? m.begin - pos : pos - m.end;
    if (d < best_dist) { best = m; best_dist = d; }
  }
  return best;
}

// A modal or plan within [from, to): "could join", "할 수도". English modals are lower case:
// "May" the month hedges nothing.
bool DocumentState::hedged(const Sentence& s, size_t from, size_t to) const {
  to = std::min(to, s.text.size());
  for (const auto& w : lang_.hypothetical) {
    for (size_t p = s.folded.find(w, from); p != std::string::npos && p + w.size() <= to; p = s.folded.find(w, p + 1)) {
      if (lang_.lang == "en") {
        if (s.text[p] != s.folded[p]) continue;  // capitalised: a name or a month
        if (p > 0 && std::isalpha(static_cast<unsigned char>(s.folded[p - 1]))) continue;  // inside a word
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

const Event* DocumentState::recent(const std::string& type, size_t sentence) const {
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

void DocumentState::emit_offer(const Sentence& s, const Entity* by, const Entity* person, const Entity* target,
                               std::optional<Money> amount, std::optional<Count> count) {
  if (!by) return;
  // "capex of up to $72B" is no job offer; "일부 인재들에게 1억 달러 연봉을 제안", "offering $100 million
  // signing bonuses" are offers to people nobody names.
  // Pay published for a population is a pay statistic (spec rule 10), so an offer without a
  // person or a rival needs the words of a talent raid ("to attract", "인재들에게").
  if (!person && !target && !(amount && !comp_kind(s.text).empty() && has(s, lang_.people_nouns) && has(s, lang_.raid_words)))
    return;
  Event e = make(s, "offer");
  e.slots["by"] = by->name;
  if (person) e.slots["person"] = person->name;
  if (target && !same_org(target, by)) e.slots["target_org"] = target->name;
  e.amount = amount;
  if (count && !person) e.count = count->value;
  e.slots["comp_kind"] = comp_kind(s.text);
  e.slots["outcome"] = outcome(s.text);
  e.group = !person;
  events_.push_back(std::move(e));
}

// ---------------------------------------------------------------- move frames

void DocumentState::hire(const Sentence& s, const TriggerHit& t) {
  const Span clause = clause_of(s, t.begin);
  const std::string_view tail = after(s, t, 24);
  const bool passive = lang_.lang == "ko" ? contains_any(tail.substr(0, std::min<size_t>(tail.size(), 6)), lang_.passive)
                                          : contains_any(s.text.substr(t.begin >= 8 ? t.begin - 8 : 0, std::min<size_t>(8, t.begin)), lang_.passive);
  const Span rest{t.begin, clause.end};
  const bool attempt = has(s, lang_.attempt, rest.begin, rest.end) ||
                       (lang_.lang == "en" && has(s, lang_.attempt, t.begin >= 20 ? t.begin - 20 : 0, t.begin));
  if (contains_any(tail.substr(0, std::min<size_t>(tail.size(), 12)), {"지 않", "지 못"})) return;
  if (hedged(s, rest.begin, rest.end) && !attempt) return;
  if (lang_.lang == "en" && hedged(s, t.begin >= 24 ? t.begin - 24 : 0, t.begin)) return;
  const Entity* to = passive ? first_org(s, clause, {Role::Destination, Role::Agent}) : agent(s, t);
  if (!passive && lang_.lang == "en")  // "OpenAI's recruitment of …", "Meta's acquisition of Ruoming Pang"
    for (const auto& a : s.args)
      if (a.role == Role::Possessor && org_ok(a.entity) && a.word_end <= t.begin && t.begin - a.word_end <= 16 &&
          s.text.substr(a.end, t.begin - a.end).find(',') == std::string_view::npos)
        to = a.entity;
  if (passive && !to) to = agent(s, t);
  if (!to) {
    if (const Event* prev = recent("move", s.index); prev && prev->has("to")) to = x_.lexicon().find(prev->slot("to"));
  }
  if (!org_ok(to)) return;
  auto persons = people(s, arg_span(s, t), passive ? nullptr : to, /*subjects=*/passive);
  std::erase_if(persons, [&](const Arg* p) {
    if (p->role == Role::Agent) return true;  // "led by Suleyman": the hirer
    if (inside_quotes(s.text, p->begin) != inside_quotes(s.text, t.begin)) return true;  // the speaker
    // "왕과 함께 … 이끌 인물로 프리드먼을 데려왔다": a companion, not a hire.
    const std::string_view last = p->word_end >= 3 ? s.text.substr(p->word_end - 3, 3) : std::string_view{};
    return lang_.lang == "ko" && (last == "와" || last == "과") && s.text.substr(p->word_end, 8).find("함께") != std::string_view::npos;
  });
  const auto money = money_near(s, clause, t.begin);
  for (const Arg* p : persons) {
    const Entity* from = origin_of(s, *p, to);
    if (!from) from = first_org(s, clause, {Role::Source}, to);
    if (!from) from = first_org(s, {0, s.text.size()}, {Role::Source, Role::Possessor, Role::Object, Role::Recipient}, to);
    // An appointment is a move only when the text says where the person came from;
    // otherwise it is a promotion ("임시 CEO로 선임").
    if (!from && t.frame == Frame::Appoint) continue;
    if (!from) from = affiliation_before(p->entity, to);
    if (!from) {
      if (const Event* prev = recent("move", s.index); prev && prev->has("from") && prev->slot("to") == to->name)
        from = x_.lexicon().find(prev->slot("from"));
    }
    if (attempt) {
      emit_offer(s, to, p->entity, from, money, std::nullopt);
      continue;
    }
    Event e = make(s, "move");
    e.slots["person"] = p->entity->name;
    e.slots["to"] = to->name;
    if (from) e.slots["from"] = from->name;
    events_.push_back(std::move(e));
    if (money && persons.size() == 1) {
      emit_offer(s, to, p->entity, from, money, std::nullopt);
      events_.back().slots["outcome"] = "accepted";
    }
  }
  // A group hired, alone ("AI 엔지니어·연구원을 대부분 영입") or besides named people
  // ("왕을 비롯한 여러 임원을 영입", "four researchers, among them …").
  const bool listed_with_group = !persons.empty() && (has(s, lang_.including) || count_in(s, arg_span(s, t)));
  if ((persons.empty() || listed_with_group) && (is_group(s, arg_span(s, t)) || (lang_.lang == "ko" && count_in(s, arg_span(s, t))))) {
    // The group's origin comes before its named members: "…, among them David Lau, previously at Tesla".
    Span span = arg_span(s, t);
    if (!persons.empty()) span.end = std::min(span.end, persons.front()->begin);
    const Entity* from = first_org(s, span, {Role::Source, Role::Possessor, Role::Object}, to);
    if (!from) from = first_org(s, {0, persons.empty() ? s.text.size() : persons.front()->begin}, {Role::Source, Role::Possessor}, to);
    const auto count = count_in(s, span);
    if (attempt) {
      emit_offer(s, to, nullptr, from, money, count);
      return;
    }
    if (!from && !count) return;  // "메타는 AI 인재를 스카우트하고 있다": no fact to count
    // "오픈AI·구글 딥마인드·앤트로픽 등 경쟁사에서 최소 11명", "from OpenAI, Google and Microsoft":
    // several origins. Spec rule 9: the count goes with no origin, and each origin is a move of
    // its own without a count.
    auto origins = from ? coordinated_orgs(s, from) : std::vector<const Entity*>{};
    // "인플렉션AI와 구글 딥마인드의 공동창업자인 술레이만": the affiliations of one person named next.
    if (origins.size() > 1) {
      size_t list_end = 0;
      for (const auto& a : s.args)
        if (a.entity == origins.back()) list_end = std::max(list_end, a.word_end);
      for (const auto& a : s.args)
        if (a.entity->is_person() && a.begin >= list_end && a.begin - list_end <= 40) origins.resize(1);
    }
    if (origins.size() > 1) {
      if (count) {
        Event all = make(s, "move");
        all.group = true;
        all.slots["to"] = to->name;
        all.count = count->value;
        events_.push_back(std::move(all));
      }
      for (const Entity* o : origins) {
        if (same_org(o, to)) continue;
        Event e = make(s, "move");
        e.group = true;
        e.one_of_origins = true;
        e.slots["to"] = to->name;
        e.slots["from"] = o->name;
        events_.push_back(std::move(e));
      }
      return;
    }
    Event e = make(s, "move");
    e.group = true;
    e.slots["to"] = to->name;
    if (from) e.slots["from"] = from->name;
    if (count) e.count = count->value;
    events_.push_back(std::move(e));
  }
}

// The organisations listed with `first`, itself included: "오픈AI·구글 딥마인드·앤트로픽",
// "OpenAI와 구글, 마이크로소프트(MS)", "Character.ai and Google DeepMind".
std::vector<const Entity*> DocumentState::coordinated_orgs(const Sentence& s, const Entity* first) const {
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
    const std::string_view last = s.text.substr(a.word_end >= 3 ? a.word_end - 3 : 0, 3);
    return (gap.empty() || gap == " ") && (last == "와" || last == "과");
  };
  size_t b = i;
  while (b > 0 && org_ok(s.args[b - 1].entity) && joined(s.args[b - 1], s.args[b])) --b;
  size_t e = i;
  while (e + 1 < s.args.size() && org_ok(s.args[e + 1].entity) && joined(s.args[e], s.args[e + 1])) ++e;
  for (size_t k = b; k <= e; ++k)
    if (std::find(out.begin(), out.end(), s.args[k].entity) == out.end()) out.push_back(s.args[k].entity);
  return out;
}

void DocumentState::join_or_leave(const Sentence& s, const TriggerHit& t) {
  const Span clause = clause_of(s, t.begin);
  const std::string_view tail = after(s, t, 24);
  if (hedged(s, t.end, t.end + tail.size()) || contains_any(tail.substr(0, std::min<size_t>(tail.size(), 12)), {"지 않", "지 못"}) ||
      has(s, lang_.negation_after, t.end, std::min(s.text.size(), std::min(clause_of(s, t.begin).end, t.end + 16))))
    return;
  if (lang_.lang == "en" && hedged(s, t.begin >= 12 ? t.begin - 12 : 0, t.begin)) return;
  const Span whole{0, s.text.size()};
  const Entity* to = nullptr;
  // "is now at xAI", "now works with Meta": the organisation right after the trigger.
  const std::string_view said = s.text.substr(t.begin, t.end - t.begin);
  if (lang_.lang == "en" && t.frame == Frame::Join && (said.ends_with(" at") || said.ends_with(" with")))
    for (const auto& a : s.args)
      if (a.begin >= t.end && a.begin - t.end <= 2 && org_ok(a.entity)) to = a.entity;
  if (!to) to = first_org(s, clause, {Role::Destination});
  if (!to && t.frame == Frame::Join) to = first_org(s, clause, {Role::Recipient});
  if (!to && t.frame == Frame::Join && lang_.lang == "en") to = first_org(s, {t.end, clause.end}, {Role::Object});
  if (!to && t.frame == Frame::Join) to = first_org(s, whole, {Role::Destination});
  const Entity* from = first_org(s, clause, {Role::Source}, to);  // stated: "구글에서", "from Google"
  const Entity* left_object = t.frame == Frame::Leave ? first_org(s, clause, {Role::Object}, to) : nullptr;
  // "Apple lost its top robotics researcher, Leo Park, to Meta": the loser is the subject.
  const bool loss = contains_any(s.text.substr(t.begin, t.end - t.begin), lang_.loss_verbs);
  if (loss) left_object = first_org(s, {clause.begin, t.begin}, {Role::Subject}, to);
  if (left_object && t.frame == Frame::Leave) {
    const bool anaphoric = std::any_of(s.args.begin(), s.args.end(), [&](const Arg& a) { return a.anaphor && a.entity == left_object; });
    // "members of Apple's team have left the company": the sentence names the company itself.
    const Entity* named = first_org(s, {0, t.begin}, {Role::Possessor, Role::Source});
    if (anaphoric && named) left_object = named;
    else if (anaphoric)
      for (auto it = events_.rbegin(); it != events_.rend(); ++it)
        if (it->type == "move" && it->has("from") && s.index - it->sentence <= 6) {
          left_object = x_.lexicon().find(it->slot("from"));
          break;
        }
  }
  if (t.frame == Frame::Join && !from)
    for (const auto& other : s.triggers)
      if (other.frame == Frame::Leave && other.end <= t.begin) {
        const Span before_leave{0, other.end};
        if (const Entity* left = first_org(s, before_leave, {Role::Object, Role::Source}, to)) from = left;
        else if (lang_.lang == "en") from = first_org(s, {other.end, t.begin}, {Role::Object, Role::Source}, to);
      }
  auto persons = people(s, clause, nullptr);
  if (persons.empty()) persons = people(s, whole, nullptr);
  // Who joins or leaves is a subject: "… will report to software chief Craig Federighi" moves nobody else.
  std::erase_if(persons, [&](const Arg* p) {
    if (loss && p->begin < t.begin) return true;
    if (p->role == Role::Subject) return false;
    if (p->role == Role::Other) {
      if (lang_.lang != "ko") return false;
      // Korean: a name without a subject particle moves only as part of a list ("A와 B가",
      // "A, B 등이"); "수츠케버와 함께 … 이끌던 레이케는" and "올트먼 CEO 해임 사태" move nobody.
      std::string_view rest = s.text.substr(p->word_end, std::min<size_t>(40, s.text.size() - p->word_end));
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      // "카일 코식 공동창업자와 …": past a title, the list marker is the title's.
      for (const auto& t : lang_.titles)
        if (rest.starts_with(t) && rest.size() > t.size() && rest.substr(t.size(), 1) != " ") {
          rest.remove_prefix(t.size());
          if (rest.starts_with("와") || rest.starts_with("과")) return false;
          break;
        }
      rest = rest.substr(0, std::min<size_t>(12, rest.size()));
      if (rest.starts_with("함께")) return true;
      const std::string_view last = s.text.substr(p->word_end >= 3 ? p->word_end - 3 : 0, 3);
      // "밥 맥그루 최고연구책임자(CRO), 배럿 조프 부사장이": a title, then the comma of a list
      const std::string_view ahead = s.text.substr(p->word_end, std::min<size_t>(40, s.text.size() - p->word_end));
      const bool listed = ahead.find(',') != std::string_view::npos && ahead.find(',') < ahead.find(' ', ahead.find_first_not_of(' ') + 1) + 30;
      return !(last == "와" || last == "과" || rest.starts_with(",") || rest.starts_with("·") || rest.starts_with("등") ||
               rest.starts_with("및") || listed);
    }
    if (p->role == Role::Possessor) return !(p->word_end <= t.begin && t.begin - p->word_end <= 4);  // "보웬 장의 이직"
    // "A를 비롯해 B, C 등이 합류했다": the object of "including" is one of the movers.
    if (p->role == Role::Object && has(s, lang_.including, p->word_end, std::min(s.text.size(), p->word_end + 16))) return false;
    // "Apple lost its top researcher, Leo Park, to Meta": the one lost is the object after the verb.
    if (loss) return p->begin < t.end;
    // English movers stand before their verb, whatever an earlier verb made of them.
    return !(lang_.lang == "en" && p->begin < t.begin && p->role == Role::Object);
  });
  // Words quoted are the speaker's: "머스크는 “메타 출신 엔지니어들이 xAI에 합류하고 있다”고 말했다"
  // moves nobody outside the quotation.
  std::erase_if(persons, [&](const Arg* p) { return inside_quotes(s.text, p->begin) != inside_quotes(s.text, t.begin); });
  // Subjects that are organisations do not move: "메타는 … 이직했다" is about its people.
  // A copy: events_ grows in the loop below, and a pointer into it would dangle.
  std::optional<Event> prev_move;
  if (const Event* r = recent("move", s.index)) prev_move = *r;
  const Event* prev = prev_move ? &*prev_move : nullptr;
  for (const Arg* p : persons) {
    // A boss as the subject moves only when the sentence says what they left: "Mira Murati, who left
    // the company (OpenAI)", not "the company" that means the boss's own.
    if (!p->entity->acts_for.empty() && p->role == Role::Subject && !to && !from &&
        !(lang_.lang == "en" && left_object && !same_org(left_object, x_.lexicon().find(p->entity->acts_for))))
      continue;
    const Entity* pf = from ? from : origin_of(s, *p, to);
    if (!pf) pf = left_object;
    if (!pf) pf = affiliation_before(p->entity, to);
    const Entity* pt = to;
    if (!pt && lang_.lang == "en" && t.frame == Frame::Leave)
      if (size_t now = s.text.find(" now ", t.end); now != std::string_view::npos)
        pt = first_org(s, {now, s.text.size()}, {Role::Possessor, Role::Destination, Role::Subject, Role::Object, Role::Recipient}, pf);
    // "알리바바에 입사했고, 이후 딥시크에 합류해": the same person's previous employer.
    if (prev && !pf && pt && prev->slot("person") == p->entity->name && prev->has("to") && prev->slot("to") != pt->name)
      pf = x_.lexicon().find(prev->slot("to"));
    // A joiner with no destination joins where the last move went ("4명이 합류했다"); a leaver
    // does not follow anyone.
    if (prev && !pt && prev->has("to") && t.frame != Frame::Leave) pt = x_.lexicon().find(prev->slot("to"));
    if (prev && !pf && prev->has("from") && (!pt || prev->slot("to") == pt->name)) pf = x_.lexicon().find(prev->slot("from"));
    if (!pf && topic_ && (!pt || !same_org(topic_, pt)) && t.frame == Frame::Leave) pf = topic_;
    if (!pt && !pf) continue;
    if (pt && pf && same_org(pt, pf)) continue;
    Event e = make(s, "move");
    e.slots["person"] = p->entity->name;
    if (pt) e.slots["to"] = pt->name;
    if (pf) e.slots["from"] = pf->name;
    events_.push_back(std::move(e));
  }
  if (!persons.empty() && !has(s, lang_.including) && !count_in(s, clause)) return;
  if (!is_group(s, clause) && !count_in(s, clause)) return;
  const auto count = count_in(s, clause);
  const Entity* gfrom = from ? from : left_object ? left_object : first_org(s, clause, {Role::Possessor}, to);
  if (!gfrom) gfrom = first_org(s, whole, {Role::Possessor, Role::Source}, to);
  if (!gfrom && lang_.lang == "ko") gfrom = first_org(s, {clause.begin, t.begin}, {Role::Other}, to);  // "오픈AI 취리히 사무소를 세운 … 3명"
  if (!gfrom && s.args.empty() && t.frame == Frame::Leave && topic_ && has(s, lang_.anaphora)) gfrom = topic_;
  const Entity* gto = to;
  if (!gto && t.frame == Frame::Join && prev && prev->has("to") && (s.args.empty() || lang_.lang == "en")) {
    // "최소 4명이 메타 합류를 수락했다" has its destination; a bare "4명이 합류했다" inherits it.
    gto = x_.lexicon().find(prev->slot("to"));
  }
  if (!gfrom && !gto) return;
  if (!gfrom) {
    // People who accepted an offer come from the organisation it targeted.
    for (auto it = events_.rbegin(); it != events_.rend(); ++it)
      if (it->type == "offer" && s.index - it->sentence <= kCarryOver && it->has("target_org")) {
        gfrom = x_.lexicon().find(it->slot("target_org"));
        break;
      }
    if (!gfrom && topic_ && gto && !same_org(topic_, gto)) gfrom = topic_;
  }
  if (gfrom && gto && same_org(gfrom, gto)) return;
  Event e = make(s, "move");
  e.group = true;
  if (gto) e.slots["to"] = gto->name;
  if (gfrom) e.slots["from"] = gfrom->name;
  if (count) e.count = count->value;
  events_.push_back(std::move(e));
}

// "Anthropic was founded by former OpenAI researchers", "led by ex-OpenAI execs including Dario
// Amodei", "딥마인드 출신 연구원들이 공동 창립한 미스트랄 AI": the founders' former employer is a
// move's origin; the company founded (or led) is its destination.
bool DocumentState::founded_by_former(const Sentence& s, const TriggerHit& t) {
  const bool english = lang_.lang == "en";
  Span founders;  // where the founders are described
  if (english) {
    const size_t by = s.folded.find(" by ", t.end > 0 ? t.end - 1 : 0);
    if (by == std::string::npos || by > t.end + 2) return false;
    founders = {by + 4, std::min(s.text.size(), by + 4 + 120)};
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
    const bool former = english ? has(s, lang_.former_words, a.begin >= 10 ? a.begin - 10 : 0, a.begin) ||
                                      has(s, lang_.alumni_words, a.end, std::min(s.text.size(), a.end + 10))
                                : a.role == Role::Source;
    if (former && std::find(origins.begin(), origins.end(), a.entity) == origins.end()) origins.push_back(a.entity);
  }
  if (origins.empty()) return false;
  const Entity* company = nullptr;
  if (english) {
    company = first_org(s, {0, t.begin}, {Role::Subject});
    if (!company && has(s, lang_.pronouns, 0, t.begin)) company = topic_;  // "It was founded by …"
    if (!company && t.begin < 24) company = topic_;                       // "Created by … , the company …"
  } else {
    company = first_org(s, {t.end, std::min(s.text.size(), t.end + 60)}, {Role::Subject, Role::Object, Role::Other, Role::Possessor});
    if (!company) company = first_org(s, {0, founders.begin}, {Role::Subject});
  }
  if (!org_ok(company)) return false;
  for (const Entity* from : origins) {
    if (same_org(from, company)) continue;
    Event e = make(s, "move");
    e.group = true;
    e.slots["from"] = from->name;
    e.slots["to"] = company->name;
    e.slots["role"] = "founders";
    if (origins.size() == 1)
      if (const auto c = count_in(s, founders)) e.count = c->value;
    events_.push_back(std::move(e));
  }
  // Named founders among them ("including siblings Dario and Daniela Amodei").
  for (const Arg* p : people(s, founders, nullptr)) {
    if (origins.size() != 1 || same_org(origins.front(), company)) break;
    Event e = make(s, "move");
    e.slots["person"] = p->entity->name;
    e.slots["from"] = origins.front()->name;
    e.slots["to"] = company->name;
    e.slots["role"] = "founder";
    events_.push_back(std::move(e));
  }
  return true;
}

void DocumentState::found(const Sentence& s, const TriggerHit& t) {
  const Span clause = clause_of(s, t.begin);
  const std::string_view tail = after(s, t, 12);
  if (lang_.lang == "ko" && (tail.starts_with("된") || tail.starts_with("됐") || tail.starts_with("되"))) return;  // passive
  if (founded_by_former(s, t)) return;
  const auto persons = people(s, {0, t.begin}, nullptr);
  if (persons.empty()) return;
  const Entity* to = first_org(s, lang_.lang == "ko" ? arg_span(s, t) : Span{t.end, clause.end}, {Role::Object});
  if (!to && lang_.lang == "en") to = first_org(s, {t.end, s.text.size()}, {Role::Object, Role::Other, Role::Subject});
  if (!to) {
    // "앤스로픽은 … 다리오·다니엘라 아모데이가 창업한 회사다": the sentence is about the company.
    for (const auto& a : s.args)
      if (a.role == Role::Subject && org_ok(a.entity) && a.begin < persons.front()->begin) { to = a.entity; break; }
  }
  if (!to) {
    // "미스트랄AI의 아서 멘쉬 CEO는 구글에서 독립해 창업": the founder's own company.
    for (const auto& a : s.args)
      if (a.role == Role::Possessor && org_ok(a.entity) && a.end <= persons.front()->begin) to = a.entity;
  }
  if (!to && lang_.lang == "ko" && (tail.starts_with("한") || tail.starts_with("운") || tail.starts_with("린")))
    to = first_org(s, {t.end, std::min(s.text.size(), t.end + 60)}, {Role::Subject, Role::Object, Role::Other, Role::Possessor});
  if (!org_ok(to)) return;
  const Entity* from = persons.size() == 1 ? first_org(s, {0, s.text.size()}, {Role::Source}, to) : nullptr;
  for (const Arg* p : persons) {
    // Zuckerberg "co-founding FAIR" inside Meta is no move.
    if (const Entity* boss_of = p->entity->acts_for.empty() ? nullptr : x_.lexicon().find(p->entity->acts_for);
        boss_of && boss_of != to && x_.lexicon().within(to->name, boss_of->name))
      continue;
    const Entity* pf = origin_of(s, *p, to);
    if (!pf) pf = from;
    if (!pf)  // "구글을 떠나 캐릭터닷에이아이를 설립한", "left Google to found": what was left before founding
      for (const auto& other : s.triggers)
        if (other.frame == Frame::Leave && other.end <= t.begin)
          pf = lang_.lang == "ko" ? first_org(s, {0, other.begin}, {Role::Object, Role::Source}, to)
                                  : first_org(s, {other.end, t.begin}, {Role::Object, Role::Source, Role::Other}, to);
    // "회사를 나와 캐릭터닷AI를 창업했다": the sentence says the founder left an employer; the
    // lexicon knows which.
    if (!pf && std::any_of(s.triggers.begin(), s.triggers.end(), [&](const TriggerHit& o) { return o.frame == Frame::Leave; }))
      pf = affiliation_before(p->entity, to);
    // Founding is a move from the organisation the person left, when the article names it (spec
    // rule 9); a founder whose earlier employer the text does not give moved from nowhere it says.
    if (!pf) continue;
    Event e = make(s, "move");
    e.slots["person"] = p->entity->name;
    e.slots["to"] = to->name;
    e.slots["from"] = pf->name;
    e.slots["role"] = "founder";
    events_.push_back(std::move(e));
  }
}

// "애플 연구원 네 명이 메타로 떠났다. 이 가운데에는 루오밍 팡도 포함됐다": members named after
// their group moved as the group did.
// "Ke Yang … followed in October": the same move as the one just reported.
void DocumentState::include(const Sentence& s) {
  const Event* group = nullptr;
  for (auto it = events_.rbegin(); it != events_.rend(); ++it)
    if (it->type == "move" && it->group && s.index - it->sentence <= kCarryOver) {
      group = &*it;
      break;
    }
  if (!group)
    for (auto it = events_.rbegin(); it != events_.rend(); ++it)
      if (it->type == "move" && it->sentence < s.index && s.index - it->sentence <= kCarryOver && it->has("to")) {
        group = &*it;
        break;
      }
  if (!group) return;
  const Event copy = *group;  // events_ grows below
  const Entity* to = copy.has("to") ? x_.lexicon().find(copy.slot("to")) : nullptr;
  for (const Arg* p : people(s, {0, s.text.size()}, to)) {
    if (p->role == Role::Possessor) continue;  // "주커버그의 AI 비전에는 … 포함되며": not a member
    if (!p->entity->acts_for.empty() && to && same_org(x_.lexicon().find(p->entity->acts_for), to)) continue;
    Event e = make(s, "move");
    e.slots["person"] = p->entity->name;
    for (const char* k : {"from", "to"})
      if (copy.has(k)) e.slots[k] = copy.slot(k);
    // "Mike Dalton, … hired away from xAI, was part of the group": the member's own origin.
    if (const Entity* own = origin_of(s, *p, to)) e.slots["from"] = own->name;
    events_.push_back(std::move(e));
  }
}

// ---------------------------------------------------------------- money frames

void DocumentState::offer(const Sentence& s, const TriggerHit& t) {
  const Span clause = clause_of(s, t.begin);
  const Span whole{0, s.text.size()};
  const std::string_view tail = after(s, t, 12);
  const bool received = lang_.lang == "ko" ? (tail.find("받") != std::string_view::npos)
                                           : has(s, {"received", "receiving", "got", "been offered", "were offered", "was offered"});
  // "수츠케버는 제안을 거절했다": the subject answered the offer; the bidder is elsewhere.
  const bool answered = contains_any(tail, lang_.declined) || contains_any(tail, lang_.accepted);
  const Entity* by = nullptr;
  if (received) by = first_org(s, whole, {Role::Source, Role::Agent});
  if (!by && answered) {
    for (const auto& a : s.args)
      if (a.role == Role::Subject && a.begin < t.begin && clause_of(s, a.begin).begin != clause.begin)
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
  const Event* prev = recent("offer", s.index);
  if (!by && prev) by = x_.lexicon().find(prev->slot("by"));
  if (!org_ok(by)) return;
  // An offer is about people or pay: "사명을 제시하지 못했다" is neither.
  if (contains_any(tail.substr(0, std::min<size_t>(tail.size(), 12)), {"지 못", "지 않"}) && !answered) return;
  bool about_people = !s.money.empty() || has(s, lang_.people_nouns) || has(s, lang_.pay_words);
  for (const auto& a : s.args) about_people |= a.entity->is_person() && a.role != Role::Subject;
  if (!about_people) return;
  auto persons = people(s, whole, by, /*subjects=*/false);
  if (answered || received)
    for (const Arg* p : people(s, clause, by))  // the one who answered or received it
      if (p->role == Role::Subject && std::find(persons.begin(), persons.end(), p) == persons.end() &&
          (p->entity->acts_for.empty() || !same_org(x_.lexicon().find(p->entity->acts_for), by) || received))
        persons.push_back(p);
  std::erase_if(persons, [&](const Arg* p) {  // the bidder's own boss is no target
    return !p->entity->acts_for.empty() && same_org(x_.lexicon().find(p->entity->acts_for), by);
  });
  const auto money = money_near(s, whole, t.begin);
  if (!persons.empty()) {
    for (const Arg* p : persons) {
      const Entity* target = origin_of(s, *p, by);
      if (!target) target = affiliation_before(p->entity, by);
      emit_offer(s, by, p->entity, target, persons.size() == 1 ? money : std::nullopt, std::nullopt);
    }
    return;
  }
  const Entity* target = received ? first_org(s, whole, {Role::Possessor, Role::Recipient, Role::Object}, by)
                                  : first_org(s, whole, {Role::Possessor, Role::Recipient, Role::Object, Role::Source}, by);
  if (!target) {
    // "Meta dangled $100M in front of his staff", said OpenAI's CEO: the other organisation named.
    for (const auto& a : s.args)
      if (const Entity* o = acting_org(a); o && !same_org(o, by)) { target = o; break; }
  }
  if (!target && prev && prev->slot("by") == by->name && prev->has("target_org") && (money || count_in(s, whole)))
    target = x_.lexicon().find(prev->slot("target_org"));
  auto count = count_in(s, clause);
  if (!count) count = count_in(s, whole);
  if (!target && !money) return;
  emit_offer(s, by, nullptr, target, money, count);
}

void DocumentState::invest(const Sentence& s, const TriggerHit& t) {
  const Span clause = clause_of(s, t.begin);
  const Span whole{0, s.text.size()};
  if (hedged(s, t.end, std::min(s.text.size(), t.end + 24))) return;
  // "Apple was in talks to invest", "투자를 검토": no money has moved.
  if (has(s, lang_.talks, t.begin >= 24 ? t.begin - 24 : 0, t.begin) && !has(s, lang_.received, t.begin, t.end)) return;
  if (per_investor_figures(s, t)) return;
  if (s.money.empty() && backers_named(s, t)) return;
  // "알파벳·엔비디아도 투자자로 합류", "이번 투자에는 A, B 등이 참여했다", "with Nvidia and SoftBank
  // chipping in": backers of the round reported last (spec rule 8: one event per round, any
  // named backer is its investor).
  const bool joined_round = contains_any(s.text.substr(t.begin, t.end - t.begin), lang_.participation) ||
                            (s.money.empty() && has(s, lang_.round_joined, t.end));
  if (joined_round) {
    Event* round = nullptr;
    for (auto it = events_.rbegin(); it != events_.rend(); ++it)
      if (it->type == "investment" && it->has("investee") && s.index - it->sentence <= kCarryOver + 1) { round = &*it; break; }
    const Entity* investee = round ? x_.lexicon().find(round->slot("investee")) : topic_;
    if (!investee && round) investee = ents_.find_any(round->slot("investee"));
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
      if (!round->has("investor")) round->slots["investor"] = backers.front()->name;
      std::string all = round->slot("round_investors").empty() ? round->slot("investor") : round->slot("round_investors");
      for (const Entity* b : backers)
        if (("," + all + ",").find("," + b->name + ",") == std::string::npos) all += "," + b->name;
      round->slots["round_investors"] = all;
      return;
    }
    Event e = make(s, "investment");
    e.slots["investor"] = backers.front()->name;
    e.slots["investee"] = investee->name;
    events_.push_back(std::move(e));
    return;
  }
  // The lead investor: "A16z 주도로", "led by Spark Capital".
  auto round_lead = [&](const Entity* not_this) -> const Entity* {
    for (const auto& a : s.args) {
      if (!org_ok(a.entity) || same_org(a.entity, not_this)) continue;
      if (lang_.lang == "ko") {
        if (has(s, lang_.round_lead, a.word_end, std::min(s.text.size(), a.word_end + 12))) return a.entity;
      } else if (a.begin >= 2 && has(s, lang_.round_lead, a.begin >= 40 ? a.begin - 40 : 0, a.begin)) {
        // the marker right before the name, or before a list ending in it
        const size_t marker = find_any_folded(s.folded, lang_.round_lead, a.begin >= 40 ? a.begin - 40 : 0, a.begin);
        bool others_between = false;
        for (const auto& b : s.args) others_between |= b.begin > marker && b.begin < a.begin;
        if (!others_between) return a.entity;
      }
    }
    return nullptr;
  };
  // "아마존으로부터 투자받는다", "투자를 유치했다", "Anthropic raised $4B from Amazon": the subject is the investee.
  const size_t recv_end = lang_.lang == "ko" ? std::min(std::min(s.text.size(), clause.end), t.end + 13) : t.end;
  const bool received = lang_.lang == "ko"
                            ? contains_any(s.text.substr(t.begin, recv_end - t.begin), lang_.received)
                            : contains_any(s.text.substr(t.begin >= 24 ? t.begin - 24 : 0, t.end - (t.begin >= 24 ? t.begin - 24 : 0)), lang_.received);
  if (received) {
    // "SSI는 … 등으로부터 10억 달러를 유치했다", "Anthropic raised $13B in a round led by ICONIQ".
    // The investee is the subject of the trigger's clause ("리벨리온은 …을 유치했고, 업스테이지는 …"),
    // else the sentence's first subject; the investor comes from 으로부터 / "led by" / "주도로".
    // "딥엑스는 5월 약 1100억원을, 트웰브랩스는 6월 약 700억원의 투자를 유치했다": each subject with
    // its own figure raised its own round.
    {
      std::vector<std::pair<const Entity*, Money>> rounds;
      for (size_t i = 0; i < s.args.size(); ++i) {
        const Arg& a = s.args[i];
        if (a.role != Role::Subject || !org_ok(a.entity) || a.begin >= t.begin) continue;
        size_t next_subject = t.begin;
        for (size_t k = i + 1; k < s.args.size(); ++k)
          if (s.args[k].role == Role::Subject && org_ok(s.args[k].entity)) { next_subject = std::min(next_subject, s.args[k].begin); break; }
        for (const auto& m : s.money)
          if (!m.conversion && m.begin > a.word_end && m.begin < next_subject) { rounds.emplace_back(a.entity, m); break; }
      }
      if (rounds.size() >= 2) {
        for (const auto& [investee, money] : rounds) {
          Event e = make(s, "investment");
          e.slots["investee"] = investee->name;
          e.amount = money;
          events_.push_back(std::move(e));
        }
        return;
      }
    }
    const Entity* lead = round_lead(nullptr);
    const Entity* investee = nullptr;
    for (const auto& a : s.args)
      if (a.role == Role::Subject && a.begin < t.begin && clause.contains(a.begin) && org_ok(a.entity) && a.entity != lead)
        investee = a.entity;
    if (!investee)
      for (const auto& a : s.args)
        if (a.role == Role::Subject && a.begin < t.begin && org_ok(a.entity) && a.entity != lead) { investee = a.entity; break; }
    if (!investee) investee = topic_;  // "…20억 달러 조달": the company the article is about
    const Entity* investor = lead && !same_org(lead, investee) ? lead : round_lead(investee);
    if (!investor)  // "아마존으로부터", "led by"; not "카카오 출신 윤재하" (a founder's background)
      for (const auto& a : s.args)
        if ((a.role == Role::Source || a.role == Role::Agent) && org_ok(a.entity) && !same_org(a.entity, investee) &&
            !has(s, lang_.former_words, a.word_end, std::min(s.text.size(), a.word_end + 8))) {
          investor = a.entity;
          break;
        }
    if (!investor && lang_.lang == "ko") investor = first_org(s, {clause.begin, t.begin}, {Role::Subject}, investee);
    if (!org_ok(investee) || (investor && same_org(investor, investee))) return;
    const auto amount = money_near(s, clause, t.begin) ? money_near(s, clause, t.begin) : money_near(s, whole, t.begin);
    if (!investor && !amount) return;
    Event e = make(s, "investment");
    if (investor) e.slots["investor"] = investor->name;
    e.slots["investee"] = investee->name;
    e.amount = amount;
    if (e.amount) {
      const size_t from = e.amount->begin >= 24 ? e.amount->begin - 24 : 0;
      e.cumulative = has(s, lang_.cumulative, from, e.amount->end + 24) || has(s, {"so far", "to date", "in total", "지금까지"});
    }
    events_.push_back(std::move(e));
    return;
  }
  const Entity* investor = nullptr;
  const Entity* investee = nullptr;
  if (lang_.lang == "en") {
    // "the $4 billion investment from Amazon", "backed by Nvidia": the investor follows.
    for (const auto& a : s.args)
      if ((a.role == Role::Source || a.role == Role::Agent) && a.begin >= t.end && a.begin - t.end <= 12 && org_ok(a.entity)) {
        investor = a.entity;
        investee = agent(s, t, /*allow_topic=*/false);
        break;
      }
  }
  if (!investor && lang_.lang == "en") {
    // "SoftBank, which put in around $500 million": the organisation the relative clause is about,
    // putting money into the company the article is about.
    const size_t near = t.begin >= 16 ? t.begin - 16 : 0;
    const size_t which = s.folded.find(", which ", near);
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
  if (!investor) investor = agent(s, t, /*allow_topic=*/false);
  if (!investor) investor = first_org(s, clause, {Role::Possessor}, nullptr, t.begin);  // "아마존의 누적 투자액"
  if (!investor) investor = topic_;
  if (!investee) investee = first_org(s, clause, {Role::Recipient}, investor);
  if (!investee) investee = first_org(s, whole, {Role::Recipient}, investor);
  if (!investee && lang_.lang == "ko") investee = first_org(s, {clause.begin, t.begin}, {Role::Other}, investor);  // "앤스로픽 총 투자액"
  if (!investee && lang_.lang == "en")  // "backed Anthropic", "committed $10 billion to OpenAI"
    investee = first_org(s, {t.end, s.text.size()}, {Role::Object, Role::Destination}, investor);
  if (!investee && lang_.lang == "ko") investee = first_org(s, clause, {Role::Object}, investor, t.begin);
  if (!investee && investor) {
    // The same investor's last investee anywhere in the article ("…추가 투자하겠다고 밝혔다").
    for (auto it = events_.rbegin(); it != events_.rend(); ++it)
      if (it->type == "investment" && it->slot("investor") == investor->name) {
        investee = x_.lexicon().find(it->slot("investee"));
        break;
      }
  }
  const Event* prev = recent("investment", s.index);
  if (prev) {
    if (!investee && (!investor || prev->slot("investor") == investor->name)) investee = x_.lexicon().find(prev->slot("investee"));
    if (!investor || investor == topic_) {
      if (!investor) investor = x_.lexicon().find(prev->slot("investor"));
    }
  }
  if (!investee && s.money.size() > 0) {
    // "자신의 전 회사에 143억 달러를 투자": the company the previous sentence named.
    for (auto it = previous_orgs_.rbegin(); it != previous_orgs_.rend(); ++it)
      if (!same_org(*it, investor)) { investee = *it; break; }
  }
  if (!org_ok(investor) || !org_ok(investee) || same_org(investor, investee)) return;
  Event e = make(s, "investment");
  e.slots["investor"] = investor->name;
  e.slots["investee"] = investee->name;
  e.amount = money_near(s, clause, t.begin);
  if (!e.amount) e.amount = money_near(s, whole, t.begin);
  if (e.amount) {
    const size_t from = e.amount->begin >= 24 ? e.amount->begin - 24 : 0;
    e.cumulative = has(s, lang_.cumulative, from, e.amount->end + 24);
  }
  // "a $4bn deal, which included a $1.25bn initial investment", "invest $2bn, which included a
  // $500m cash infusion and an additional $1.5bn": each tranche named is its own investment.
  std::vector<Money> tranches;
  if (e.amount && has(s, lang_.tranche_words, e.amount->end))
    for (const auto& m : s.money)
      if (!m.conversion && m.begin > e.amount->end && clause.contains(m.begin) && m.currency == e.amount->currency) tranches.push_back(m);
  events_.push_back(e);
  for (const auto& m : tranches) {
    Event part = e;
    part.amount = m;
    part.cumulative = false;
    events_.push_back(std::move(part));
  }
}

// "Some notable investors in Perplexity include Nvidia and Jeff Bezos", "Nvidia is one of the
// corporate backers, along with Salesforce": each backer named is an investor of the company,
// whatever round it joined.
bool DocumentState::backers_named(const Sentence& s, const TriggerHit& t) {
  if (!has(s, lang_.backer_statements, t.begin >= 24 ? t.begin - 24 : 0, std::min(s.text.size(), t.end + 24))) return false;
  // Whose backers: "investors in Perplexity", "Perplexity's backers", else the company whose
  // funding the article reported last.
  const Entity* investee = first_org(s, {t.begin, std::min(s.text.size(), t.end + 40)}, {Role::Recipient});
  for (const auto& a : s.args)
    if (!investee && a.role == Role::Possessor && org_ok(a.entity) && a.word_end <= t.begin && t.begin - a.word_end <= 16) investee = a.entity;
  Event* round = nullptr;
  for (auto it = events_.rbegin(); it != events_.rend(); ++it)
    if (it->type == "investment" && it->has("investee")) {
      round = &*it;
      break;
    }
  if (!investee && round) investee = ents_.find_any(round->slot("investee"));
  if (!investee) investee = salient_org();
  if (!org_ok(investee)) return false;
  // "Investors in the round include …": the backers of the round just reported (spec rule 8).
  const bool of_the_round = has(s, lang_.round_words) && round && round->slot("investee") == investee->name;
  bool any = false;
  for (const auto& a : s.args) {
    if (!org_ok(a.entity) || same_org(a.entity, investee) || a.role == Role::Recipient) continue;
    // "Amazon founder Jeff Bezos": the organisation of a person named next.
    const bool persons_org = std::any_of(s.args.begin(), s.args.end(), [&](const Arg& b) {
      return b.entity->is_person() && b.begin >= a.word_end && b.begin - a.word_end <= 16;
    });
    if (persons_org) continue;
    if (of_the_round) {
      if (!round->has("investor")) round->slots["investor"] = a.entity->name;
      any = true;
      continue;
    }
    Event e = make(s, "investment");
    e.slots["investor"] = a.entity->name;
    e.slots["investee"] = investee->name;
    events_.push_back(std::move(e));
    any = true;
  }
  return any;
}

void DocumentState::acquire(const Sentence& s, const TriggerHit& t) {
  const Span clause = clause_of(s, t.begin);
  // "Meta's high-profile acquisition of Ruoming Pang": people are hired, not bought.
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
  if (!target && !(lang_.lang == "en"))  // "베어로보틱스의 경영권을 확보": the company whose control is taken
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
  else if (contains_any(around.substr(0, std::min<size_t>(around.size(), 60)), lang_.agreed)) e.slots["status"] = "agreed";
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
void DocumentState::sell(const Sentence& s, const TriggerHit& t) {
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

// "엔비디아(100억 달러)와 마이크로소프트(50억 달러)가 투자를 약정", "Nvidia ($10 billion) and
// Microsoft ($5 billion)": each backer with its own figure is its own investment (spec rule 8).
bool DocumentState::per_investor_figures(const Sentence& s, const TriggerHit& t) {
  std::vector<std::pair<const Entity*, Money>> pairs;
  for (const auto& a : s.args) {
    if (!org_ok(a.entity) || a.begin >= t.begin) continue;
    size_t p = a.end;
    while (p < s.text.size() && s.text[p] == ' ') ++p;
    if (p >= s.text.size() || s.text[p] != '(') continue;
    for (const auto& m : s.money)
      if (m.begin > p && m.begin <= p + 8 && !m.conversion) { pairs.emplace_back(a.entity, m); break; }
  }
  if (pairs.empty()) return false;
  const Entity* investee = first_org(s, {t.end, s.text.size()}, {Role::Recipient, Role::Object});
  if (!investee) investee = first_org(s, {0, s.text.size()}, {Role::Recipient});
  if (!investee) investee = topic_;
  if (!org_ok(investee)) return false;
  for (const auto& [investor, money] : pairs) {
    if (same_org(investor, investee)) continue;
    Event e = make(s, "investment");
    e.slots["investor"] = investor->name;
    e.slots["investee"] = investee->name;
    e.amount = money;
    events_.push_back(std::move(e));
  }
  return true;
}

// The organisation a relative clause before the trigger is about: "Reliance Industries, which
// eliminated 42,000 jobs", "SoftBank, which put in $500 million".
const Entity* DocumentState::relative_owner(const Sentence& s, const TriggerHit& t) const {
  if (lang_.lang != "en") return nullptr;
  const size_t near = t.begin >= 24 ? t.begin - 24 : 0;
  for (std::string_view w : {", which ", ", who "}) {
    const size_t which = s.folded.find(w, near);
    if (which == std::string::npos || which >= t.begin) continue;
    const Entity* owner = nullptr;
    for (const auto& a : s.args)
      if (a.end <= which && which - a.end <= 2 && org_ok(a.entity)) owner = a.entity;
    if (owner) return owner;
  }
  return nullptr;
}

void DocumentState::layoff(const Sentence& s, const TriggerHit& t) {
  const Span clause = clause_of(s, t.begin);
  auto count = count_in(s, clause);
  const Entity* org = relative_owner(s, t);
  if (!org) org = agent(s, t, /*allow_topic=*/false);
  if (!org && lang_.lang == "ko" && count) {
    // "X의 임직원 200여 명이", "X에서 직원 400여명이", "X에 소속된 직원 40여명은": the organisation
    // nearest before the people counted.
    for (const auto& a : s.args)
      if (a.begin < count->begin && org_ok(a.entity) &&
          (a.role == Role::Possessor || a.role == Role::Source || a.role == Role::Recipient || a.role == Role::Other))
        org = a.entity;
  }
  if (!org) org = first_org(s, {clause.begin, t.begin}, {Role::Possessor});  // "Intel's cuts"
  // "The layoffs at Meta", "were let go from Tesla's team", "하드웨어 부문에서": where the cuts fell.
  if (!org) org = first_org(s, {t.end, std::min(s.text.size(), t.end + 24)}, {Role::Recipient, Role::Source, Role::Possessor});
  if (!org) org = first_org(s, clause, {Role::Source});
  // "companies like Google, Meta and Amazon continue on with layoffs": the companies the subject lists.
  if (!org && lang_.lang == "en" && has(s, {" like ", " such as ", " including "}, clause.begin, t.begin))
    org = first_org(s, {clause.begin, t.begin}, {Role::Object, Role::Other, Role::Subject});
  if (!org && count) org = topic_;  // "it cut about 9,000 more jobs"
  if (!org_ok(org)) return;
  if (!count) count = count_in(s, {0, s.text.size()});
  if (!count && !is_group(s, clause) && !has(s, lang_.layoff_without_count) && !has(s, lang_.people_nouns, clause.begin, clause.end) &&
      !has(s, lang_.group_markers, clause.begin, clause.end))  // "수백 명을 해고"
    return;
  if (lang_.lang == "en" && !count && !has(s, lang_.layoff_without_count) &&
      !has(s, {"jobs", "staff", "employees", "workers", "roles", "positions", "workforce", "people", "personnel", "headcount"}))
    return;
  // "big tech companies like Google, Meta and Amazon continue on with layoffs": every
  // organisation coordinated with the one found.
  const std::vector<const Entity*> orgs = count ? std::vector<const Entity*>{org} : coordinated_orgs(s, org);
  for (const Entity* o : orgs) {
    Event e = make(s, "layoff");
    e.slots["org"] = o->name;
    if (count) e.count = count->value;
    events_.push_back(std::move(e));
  }
}

bool DocumentState::counter(const Sentence& s, const TriggerHit& t) {
  const Entity* org = agent(s, t);
  if (!org_ok(org)) return false;
  // Keeping people: "to keep" a market share or "to retain" a stake is no counteroffer.
  bool about_people = has(s, lang_.people_nouns) || has(s, lang_.pay_words);
  for (const auto& a : s.args) about_people |= a.entity->is_person();
  if (!about_people) return false;
  Event e = make(s, "counteroffer");
  e.slots["org"] = org->name;
  const Entity* rival = first_org(s, {0, s.text.size()}, {Role::Destination, Role::Agent, Role::Possessor, Role::Source}, org);
  if (!rival) {
    // The rival is whoever has been taking this organisation's people.
    for (auto it = events_.rbegin(); it != events_.rend(); ++it)
      if (it->type == "move" && it->has("to") && it->slot("from") == org->name) {
        rival = x_.lexicon().find(it->slot("to"));
        break;
      }
  }
  if (rival) e.slots["target_org"] = rival->name;
  const bool raise = has(s, {"인상", "올려", "올리", "raise", "raised", "raises", "bump"});
  e.slots["action"] = raise ? "raise" : "retention";
  events_.push_back(std::move(e));
  return true;
}

bool DocumentState::stat(const Sentence& s, const TriggerHit& t) {
  const auto money = money_near(s, {0, s.text.size()}, t.begin);
  if (!money) return false;
  Event e = make(s, "comp_stat");
  for (const auto& a : s.args) {
    if (a.entity->is_org() && a.entity->is_source() && e.slot("source").empty()) e.slots["source"] = a.entity->name;
    if (org_ok(a.entity) && !e.has("org")) e.slots["org"] = a.entity->name;
  }
  for (const auto& [stat, words] : lang_.stats)
    if (has(s, words) && !e.has("stat")) e.slots["stat"] = stat;
  if (has(s, lang_.period_year)) e.slots["period"] = "year";
  e.amount = money;
  events_.push_back(std::move(e));
  return true;
}

// "최상위급 AI 인재의 경우 100만 달러 이상의 연봉 패키지를 받는다": pay for a population, no trigger.
void DocumentState::pay_benchmark(const Sentence& s) {
  // "성별로 따져보면 남직원은 1억4100만원, 여직원은 1억1300만원": a sentence right after a pay
  // statistic that gives more figures for people continues it.
  // Copies: events_ grows below, and a pointer into it would dangle.
  const Event* last = recent("comp_stat", s.index);
  const bool continues = last && s.index - last->sentence == 1;
  const std::string previous_org = continues ? last->slot("org") : std::string{};
  const bool previous_yearly = continues && last->slot("period") == "year";
  if (!has(s, lang_.pay_words) && !continues) return;
  if (!has(s, lang_.people_nouns)) return;
  for (const auto& a : s.args)
    if (a.entity->is_person()) return;
  const Entity* org = nullptr;
  for (const auto& a : s.args)
    if (org_ok(a.entity)) { org = a.entity; break; }
  if (!org && !previous_org.empty()) org = ents_.find_any(previous_org);
  size_t emitted = 0;
  for (const auto& m : s.money) {
    if (m.conversion) continue;
    // "1억원을 넘었지만": a threshold the figure is compared with, not a figure of its own.
    if (emitted > 0 && has(s, lang_.threshold_words, m.end, std::min(s.text.size(), m.end + 12))) continue;
    Event e = make(s, "comp_stat");
    if (org) e.slots["org"] = org->name;
    e.slots["stat"] = m.qualifier == "at_least" ? "min" : m.qualifier == "up_to" ? "max" : "typical";
    if (has(s, lang_.period_year) || previous_yearly) e.slots["period"] = "year";
    e.amount = m;
    events_.push_back(std::move(e));
    // One figure, unless the sentence sets several populations side by side.
    if (++emitted == 1 && !continues) return;
  }
}

// ---------------------------------------------------------------- discourse

// Is position `p` inside a quotation (an odd number of quote marks before it)?
bool inside_quotes(std::string_view s, size_t p) {
  size_t straight = 0, curly_open = 0, curly_close = 0;
  for (size_t i = 0; i < p; ++i) {
    if (s[i] == '"') ++straight;
    else if (s.substr(i, 3) == "\xE2\x80\x9C") ++curly_open;   // “
    else if (s.substr(i, 3) == "\xE2\x80\x9D") ++curly_close;  // ”
  }
  return straight % 2 == 1 || curly_open > curly_close;
}

// "이 회사는", "회사를 떠났다", "the company": stand-ins for the topic organisation.
void DocumentState::add_anaphora(Sentence& s) const {
  if (!topic_) return;
  for (const auto& w : lang_.anaphora) {
    for (size_t p = s.text.find(w); p != std::string_view::npos; p = s.text.find(w, p + 1)) {
      if (p > 0 && s.text[p - 1] != ' ' && s.text[p - 1] != '"' && s.text[p - 1] != '(') continue;  // starts a word
      if (inside_quotes(s.text, p)) continue;  // "회사에서 안전은 뒷전이 됐다"는 글: the speaker's words, not the story's
      // "앤스로픽은 …, 구글도 이 업체에 투자": the sentence's own topic, when another subject stands between.
      const Entity* referent = topic_;
      std::vector<const Entity*> subjects;
      for (const auto& other : s.args)
        if (other.role == Role::Subject && other.begin < p && org_ok(other.entity)) subjects.push_back(other.entity);
      for (const auto& other : s.args)  // "Chief Executive Marc Benioff said the company…"
        if (other.begin < p && other.role == Role::Subject && other.entity->is_person() && !other.entity->acts_for.empty())
          if (const Entity* o = x_.lexicon().find(other.entity->acts_for)) referent = o;
      if (subjects.size() >= 2) referent = subjects.front();
      else if (lang_.lang == "ko" || std::any_of(s.triggers.begin(), s.triggers.end(), [&](const TriggerHit& t) {
                 return t.frame == Frame::Leave && t.end <= p && p - t.end <= 2;  // "left the company"
               })) {
        // "스케일AI 창업자인 왕이 회사를 떠나", "Murati, who was OpenAI's CTO, left that company":
        // the organisation the sentence already tied to its subject.
        for (const auto& other : s.args)
          if (other.begin < p && org_ok(other.entity) && other.role != Role::Subject &&
              (other.role == Role::Possessor || other.role == Role::Other || other.role == Role::Source))
            referent = other.entity;
      }
      Arg a{referent, p, p + w.size(), p + w.size(), Role::Other, false, true};
      if (lang_.lang == "ko") {
        const std::string_view tail = s.text.substr(p + w.size(), 3);
        std::string_view last = std::string_view(w).substr(w.size() >= 3 ? w.size() - 3 : 0);
        if (last == "는" || last == "은" || tail == "는" || tail == "은" || tail == "가" || tail == "이") a.role = Role::Subject;
        else if (last == "를" || last == "을") a.role = Role::Object;
        else if (last == "서") a.role = Role::Source;
        else if (tail == "에") a.role = Role::Recipient;
      } else {
        a.role = Role::Subject;
        for (const auto& t : s.triggers)
          if (t.begin < p) { a.role = Role::Object; break; }
        const std::string before = p >= 5 ? std::string(s.text.substr(p - 5, 5)) : "";
        if (before.ends_with("in ") || before.ends_with("into ")) a.role = Role::Recipient;
        if (before.ends_with("from ")) a.role = Role::Source;
      }
      s.args.push_back(a);
    }
  }
  std::sort(s.args.begin(), s.args.end(), [](const Arg& a, const Arg& b) { return a.begin < b.begin; });
}

void DocumentState::dump(const Sentence& s) const {
  static const char* roles[] = {"SUBJ", "OBJ", "POSS", "RECIP", "SRC", "DEST", "AGENT", "OTHER"};
  std::cerr << "[" << s.index << "] " << s.text << "\n    topic=" << (topic_ ? topic_->name : "-");
  for (const auto& a : s.args) std::cerr << " | " << a.entity->name << ":" << roles[static_cast<int>(a.role)];
  for (const auto& t : s.triggers) std::cerr << " | T:" << event_type_of(t.frame) << "@" << s.text.substr(t.begin, t.end - t.begin);
  for (const auto& m : s.money) std::cerr << " | $" << m.value << (m.conversion ? "(conv)" : "");
  for (const auto& b : s.breaks) std::cerr << " | /" << b;
  std::cerr << "\n";
}

// Who asserts what a sentence reports: "알트먼은 … 말했다", "according to The Information",
// "Altman said". The speaker is the subject nearest before the speech verb, or the
// source of "에 따르면" / "according to".
const Entity* DocumentState::speaker(const Sentence& s) const {
  const size_t verb = find_any_folded(s.folded, lang_.speech);
  if (verb == std::string_view::npos) return nullptr;
  const Entity* who = nullptr;
  for (const auto& a : s.args) {
    const bool according = lang_.lang == "ko" ? s.text.substr(a.word_end, 10).starts_with(" 따르면") || s.text.substr(a.end, 16).find("따르면") != std::string_view::npos
                                              : a.begin >= 13 && s.text.substr(a.begin - 13, 13).find("according to") != std::string_view::npos;
    if (according) return a.entity;
    // Korean reported speech puts the speaker first ("A는 B가 …했다고 말했다"); English nearest the verb.
    if (a.role != Role::Subject || a.begin >= verb || a.anaphor) continue;
    if (lang_.lang == "ko" && !who) who = a.entity;
    if (lang_.lang == "en" && a.word_end + 2 >= verb) who = a.entity;  // "Altman said", not "Pang …, the companies said"
  }
  if (!who && lang_.lang == "en")  // "…, Altman said." — the name right after the verb
    for (const auto& a : s.args)
      if (a.begin > verb && a.begin - verb <= 12) return a.entity;
  return who;
}

void DocumentState::attribute(const Sentence& s, size_t first_event) {
  const Entity* who = speaker(s);
  if (who)
    for (size_t k = first_event; k < events_.size(); ++k)
      if (events_[k].sentence == s.index) events_[k].slots["claimed_by"] = who->name;
  // "a researcher called it fake news": the claim just reported is disputed.
  if (!has(s, lang_.denial)) return;
  if (!who)  // "Lucas Beyer … called the figure fake news": the subject denies
    for (const auto& a : s.args)
      if (a.role == Role::Subject && !a.anaphor) { who = a.entity; break; }
  // The figure denied is the latest one reported before this sentence.
  for (auto it = events_.rbegin(); it != events_.rend(); ++it) {
    if (it->sentence >= s.index) continue;
    if (s.index - it->sentence > 3) break;
    if (it->amount || it->type == "offer") {
      it->slots["disputed_by"] = who ? who->name : "unnamed source";
      break;
    }
  }
}

// "He has since joined OpenAI", "그는 … 합류했다": a pronoun subject is the person last named.
// "졸업 후 알리바바에 입사했고, 이후 딥시크에 합류해": Korean drops the subject a biography is
// about; a move verb with no person and no subject of its own is the last subject person's.
void DocumentState::add_zero_subject(Sentence& s) const {
  if (lang_.lang != "ko" || !last_subject_person_ || s.index - last_subject_index_ > 2) return;
  const bool moves = std::any_of(s.triggers.begin(), s.triggers.end(), [](const TriggerHit& t) { return t.frame == Frame::Join || t.frame == Frame::Leave; });
  if (!moves) return;
  for (const auto& a : s.args)
    if (a.entity->is_person() || a.role == Role::Subject) return;
  s.args.insert(s.args.begin(), Arg{last_subject_person_, 0, 0, 0, Role::Subject, false, true});
}

void DocumentState::add_pronoun(Sentence& s) const {
  // The person a pronoun means is the last one who was a subject ("Subramanya joins … He spent").
  const Entity* person = last_subject_person_ ? last_subject_person_ : last_person_;
  if (!person || s.triggers.empty()) return;
  for (const auto& a : s.args)
    if (a.entity->is_person()) return;  // the sentence names its own people
  for (const auto& w : lang_.pronouns) {
    const size_t p = s.folded.find(w);
    if (p == std::string::npos || (p > 0 && s.folded[p - 1] != ' ' && s.folded[p - 1] != '"')) continue;
    if (p + w.size() < s.folded.size() && std::isalpha(static_cast<unsigned char>(s.folded[p + w.size()]))) continue;
    if (p > s.triggers.front().begin) continue;  // only a subject before the verb
    s.args.push_back(Arg{person, p, p + w.size(), p + w.size(), Role::Subject, false, true});
    std::sort(s.args.begin(), s.args.end(), [](const Arg& a, const Arg& b) { return a.begin < b.begin; });
    return;
  }
}

void DocumentState::update_topic(const Sentence& s) {
  if (!s.args.empty() && s.args.front().begin == 0 && s.args.front().role == Role::Possessor && org_ok(s.args.front().entity)) {
    topic_ = s.args.front().entity;  // "Intel's cuts are older…", "애플의 AI 연구팀은…"
  }
  for (const auto& a : s.args) {
    if (a.role != Role::Subject) continue;
    if (const Entity* o = acting_org(a)) {
      // The article's topic is the organisation, not one of its units ("애플의 AI 연구팀 AFM이" → Apple).
      const Entity* top = x_.lexicon().find(x_.lexicon().top_parent(o->name));
      topic_ = top ? top : o;
      return;
    }
  }
}

std::vector<Event> DocumentState::run() {
  const bool korean = lang_.lang == "ko";
  for (size_t i = 0; i < doc_.sentences.size(); ++i) {
    Sentence s;
    s.text = doc_.sentence(i);
    s.folded = ascii_fold(s.text);
    s.index = i;
    const auto mentions = ents_.mentions(s.text);
    s.triggers = lang_.find_triggers(s.text);
    s.args = korean ? korean_roles(s.text, mentions, lang_) : english_roles(s.text, mentions, s.triggers, lang_);
    add_anaphora(s);
    add_pronoun(s);
    add_zero_subject(s);
    const bool has_digit = std::any_of(s.text.begin(), s.text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (s.args.empty() && s.triggers.empty() && !has_digit) continue;
    s.money = find_money(s.text);
    // "기업가치 120억 달러", "valuing it at $157 billion": what a company is worth, not money paid.
    {
      std::vector<bool> worth(s.money.size(), false);
      for (size_t k = 0; k < s.money.size(); ++k) {
        const Money& m = s.money[k];
        size_t end = m.end;  // past a restatement "(약 20조원)"
        if (k + 1 < s.money.size() && s.money[k + 1].conversion && s.money[k + 1].begin <= m.end + 4) {
          end = s.money[k + 1].end;
          if (end < s.text.size() && s.text[end] == ')') ++end;
        }
        // Before the figure, back to the figure before it ("valuing it at $157 billion"); after it, only
        // what qualifies it ("$4bn valuation", "의 기업가치로").
        // Korean puts the valuation word after the figure ("…달러의 기업가치"); before it only
        // right before ("기업가치 120억 달러").
        const size_t back = lang_.lang == "ko" ? 16 : 48;
        size_t before = m.begin >= back ? m.begin - back : 0;
        for (size_t q = 0; q < k; ++q) before = std::max(before, s.money[q].end);
        const size_t after = lang_.lang == "ko" ? 20 : 12;
        worth[k] = has(s, lang_.valuation, before, m.begin) || has(s, lang_.valuation, end, std::min(s.text.size(), end + after));
        if (m.conversion && k > 0) worth[k] = worth[k - 1];
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
          case Frame::Hire: case Frame::Appoint: hire(s, t); break;
          case Frame::Join: case Frame::Leave: join_or_leave(s, t); break;
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
    }
    attribute(s, before);
    update_topic(s);
    for (const auto& a : s.args)
      if (org_ok(a.entity) && !a.anaphor) ++org_mentions_[a.entity];
    previous_orgs_.clear();
    for (const auto& a : s.args) {
      if (org_ok(a.entity)) previous_orgs_.push_back(a.entity);
      if (a.entity->is_person() && (a.role == Role::Subject || a.role == Role::Other || a.role == Role::Object)) last_person_ = a.entity;
      if (a.entity->is_person() && a.role == Role::Subject && !a.anaphor) {
        last_subject_person_ = a.entity;
        last_subject_index_ = s.index;
      }
    }
  }
  return merge_reports(std::move(events_), x_.lexicon());
}

bool same_amount(const Money& a, const Money& b) {
  return a.currency == b.currency && std::fabs(a.value - b.value) <= 0.01 * std::max(a.value, b.value);
}

// Can `a` and `b` be reports of one fact? Every key slot agrees or is missing on one side.
bool compatible(const Event& a, const Event& b) {
  if (a.type != b.type || a.group != b.group) return false;
  for (const auto& k : key_slots(a.type)) {
    if (k == "amount") {
      if (a.amount && b.amount && !same_amount(*a.amount, *b.amount)) return false;
      if ((a.amount && b.amount) && a.cumulative != b.cumulative) return false;
      continue;
    }
    if (k == "count") {
      if (a.count && b.count && *a.count != *b.count) return false;
      continue;
    }
    if (a.has(k) && b.has(k) && a.slot(k) != b.slot(k)) return false;
  }
  // A named person's event never absorbs an event about nobody in particular, and vice versa.
  if (a.has("person") != b.has("person")) return false;
  // A counted group from several origins and one origin's share of it are two facts (spec rule 9).
  if (a.one_of_origins != b.one_of_origins) return false;
  // A round without its investors and a backer without the round's figure are two facts:
  // merging them would credit the whole round to one backer.
  if (a.type == "investment" && a.has("investor") != b.has("investor") && a.amount.has_value() != b.amount.has_value()) {
    const bool a_named_no_figure = a.has("investor") && !a.amount;
    const bool b_named_no_figure = b.has("investor") && !b.amount;
    if (a_named_no_figure != b_named_no_figure) return false;
  }
  return true;
}

void absorb(Event& into, const Event& from) {
  for (const auto& [k, v] : from.slots)
    if (!v.empty() && (!into.has(k) || (k == "outcome" && into.slot(k) == "unknown"))) into.slots[k] = v;
  if (!into.count && from.count) into.count = from.count;
  if (!into.amount && from.amount) {
    into.amount = from.amount;
    into.cumulative = from.cumulative;
  }
}

}  // namespace

std::vector<Event> merge_reports(std::vector<Event> events) { return merge_reports(std::move(events), Lexicon::standard()); }

std::vector<Event> merge_reports(std::vector<Event> events, const Lexicon& lex) {
  std::vector<Event> out;
  for (auto& e : events) {
    // Slots name the organisation ("Google"); the unit the text named stays beside it
    // ("from_unit": "Google DeepMind"), so flows add up per organisation.
    for (const char* k : {"from", "to", "by", "target_org", "investor", "investee", "acquirer", "target", "org"}) {
      auto it = e.slots.find(k);
      if (it == e.slots.end() || it->second.empty()) continue;
      const std::string top(lex.top_parent(it->second));
      if (top != it->second) {
        e.slots[std::string(k) + "_unit"] = it->second;
        e.slots[k] = top;
      }
    }
  }
  for (auto& e : events) {
    auto it = std::find_if(out.begin(), out.end(), [&](const Event& o) { return compatible(o, e); });
    if (it == out.end()) out.push_back(std::move(e));
    else absorb(*it, e);
  }
  // Drop unfilled labels so output only carries what was found.
  for (auto& e : out)
    for (auto it = e.slots.begin(); it != e.slots.end();)
      it = it->second.empty() ? e.slots.erase(it) : std::next(it);
  return out;
}

Extractor::Extractor(const Lexicon& lexicon, const ParticleSet& particles, const DiscoveryData& discovery,
                     const LanguageData& korean, const LanguageData& english)
    : lexicon_(lexicon), particles_(particles), discovery_(discovery), korean_(korean), english_(english) {}

const Extractor& Extractor::standard() {
  static const ParticleSet particles(read_word_list(data_dir() / "lang" / "ko" / "particles.txt"));
  static const Extractor x(Lexicon::standard(), particles, DiscoveryData::standard(), LanguageData::korean(),
                           LanguageData::english());
  return x;
}

std::vector<Entity> Extractor::discovered_names(const text::Document& doc) const {
  DocumentEntities ents(lexicon_, particles_, discovery_);
  ents.discover(doc);
  return {ents.local().begin(), ents.local().end()};
}

std::vector<Event> Extractor::extract(const text::Document& doc) const {
  DocumentEntities ents(lexicon_, particles_, discovery_);
  ents.discover(doc);
  DocumentState state(*this, doc.lang == "ko" ? korean_ : english_, ents, doc);
  return state.run();
}

}  // namespace tw::extract
