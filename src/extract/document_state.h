// document_state — what one document's extraction knows as it reads the sentences in order:
// the discourse (topic organisation, the people last named, what the article tied each name
// to), the events found so far, and the frames that read an annotated sentence. Internal to
// the extract stage: the frames live one event type to a file under frames/, the discourse and
// the shared argument helpers in document_state.cc.
#pragma once
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/annotated.h"
#include "extract/event.h"
#include "extract/extractor.h"
#include "extract/mentions.h"
#include "text/document.h"

namespace tw::extract::detail {

inline constexpr size_t kCarryOver =
    2;  // sentences an event's slots may be carried over to the next

// Is position `p` inside a quotation (an odd number of quote marks before it)?
bool inside_quotes(std::string_view s, size_t p);

class DocumentState {
 public:
  DocumentState(const Extractor& x, const LanguageData& lang, DocumentEntities& ents,
                const text::Document& doc)
      : x_(x), lang_(lang), ents_(ents), doc_(doc) {}

  std::vector<Event> run();

 private:
  // Sentence helpers
  Span clause_of(const AnnotatedSentence& s, size_t pos) const;
  Span arg_span(const AnnotatedSentence& s, const TriggerHit& t) const;
  std::string_view after(const AnnotatedSentence& s, const TriggerHit& t,
                         size_t chars) const;  // text after the trigger
  // Windows in words: the n words before `pos`, and from `pos` to the end of the nth word after
  // it; the part of a word on the near side of `pos` counts as one ("영입|하지 않았다").
  Span words_before(const AnnotatedSentence& s, size_t pos, size_t n) const;
  Span words_after(const AnnotatedSentence& s, size_t pos, size_t n) const;
  // The language's clause shape (Grammar): where a trigger's objects and modifiers stand.
  bool verb_final() const { return lang_.grammar.verb_final; }
  Span object_side(const AnnotatedSentence& s, const TriggerHit& t, Span clause) const;
  Span auxiliaries_before(const AnnotatedSentence& s,
                          const TriggerHit& t) const;  // empty when verb-final
  bool passive_voice(const AnnotatedSentence& s, const TriggerHit& t) const;
  // "영입하지 않았다", "did not join", "joined … never": the event is denied.
  bool negated_after(const AnnotatedSentence& s, const TriggerHit& t) const;
  // "A와 B": the name ends in a joiner that ties it to the next one.
  bool joined_to_next(const AnnotatedSentence& s, const Arg& a) const;
  bool org_ok(const Entity* e) const { return e && e->is_org() && !e->is_source(); }
  const Entity* acting_org(const Arg& a) const;
  const Entity* agent(const AnnotatedSentence& s, const TriggerHit& t,
                      bool allow_topic = true) const;
  const Entity* first_org(const AnnotatedSentence& s, Span span, std::initializer_list<Role> roles,
                          const Entity* not_this = nullptr,
                          size_t before = std::string_view::npos) const;
  std::vector<const Arg*> people(const AnnotatedSentence& s, Span span, const Entity* agent_org,
                                 bool subjects = true) const;
  const Entity* origin_of(const AnnotatedSentence& s, const Arg& person, const Entity* to) const;
  const Entity* affiliation_before(const Entity* person, const Entity* to) const;
  bool is_group(const AnnotatedSentence& s, Span span) const;
  std::optional<Count> count_in(const AnnotatedSentence& s, Span span) const;
  std::optional<Money> money_near(const AnnotatedSentence& s, Span span, size_t pos) const;
  const Event* recent(EventType type, size_t sentence) const;
  bool hedged(const AnnotatedSentence& s, size_t from, size_t to) const;
  bool same_org(const Entity* a, const Entity* b) const {
    return a && b &&
           (a == b || x_.lexicon().within(a->name, b->name) ||
            x_.lexicon().within(b->name, a->name));
  }

  // Frames
  void hire(const AnnotatedSentence& s, const TriggerHit& t);
  void join_or_leave(const AnnotatedSentence& s, const TriggerHit& t);
  void found(const AnnotatedSentence& s, const TriggerHit& t);
  bool founded_by_former(const AnnotatedSentence& s, const TriggerHit& t);
  void include(const AnnotatedSentence& s);
  // "Those who moved from Acme to Beta Labs this year include the following:" then one
  // "Name: …" item per person: each item is a move of the list's.
  void open_list(const AnnotatedSentence& s);
  void list_item(const AnnotatedSentence& s);
  void offer(const AnnotatedSentence& s, const TriggerHit& t);
  void invest(const AnnotatedSentence& s, const TriggerHit& t);
  void acquire(const AnnotatedSentence& s, const TriggerHit& t);
  void sell(const AnnotatedSentence& s, const TriggerHit& t);
  bool per_investor_figures(const AnnotatedSentence& s, const TriggerHit& t);
  Event* recent_round(const AnnotatedSentence& s, const Entity* investee);
  bool backers_named(const AnnotatedSentence& s, const TriggerHit& t);
  void backed_compounds(const AnnotatedSentence& s);
  std::vector<const Entity*> coordinated_orgs(const AnnotatedSentence& s,
                                              const Entity* first) const;
  void layoff(const AnnotatedSentence& s, const TriggerHit& t);
  const Entity* relative_owner(const AnnotatedSentence& s, const TriggerHit& t) const;
  bool counter(const AnnotatedSentence& s, const TriggerHit& t);
  bool stat(const AnnotatedSentence& s, const TriggerHit& t);
  void pay_benchmark(const AnnotatedSentence& s);

  Event make(const AnnotatedSentence& s, EventType type) const {
    Event e;
    e.type = type;
    e.evidence = std::string(s.text);
    e.sentence = s.index;
    return e;
  }
  void emit_offer(const AnnotatedSentence& s, const Entity* by, const Entity* person,
                  const Entity* target, std::optional<Money> amount, std::optional<Count> count);
  std::string comp_kind(std::string_view s) const;
  std::string outcome(std::string_view s) const;
  void add_anaphora(AnnotatedSentence& s) const;
  void add_pronoun(AnnotatedSentence& s) const;
  void add_zero_subject(AnnotatedSentence& s) const;
  void update_topic(const AnnotatedSentence& s);
  const Entity* speaker(const AnnotatedSentence& s) const;
  void attribute(const AnnotatedSentence& s, size_t first_event);

  const Extractor& x_;
  const LanguageData& lang_;
  DocumentEntities& ents_;
  const text::Document& doc_;
  void dump(const AnnotatedSentence& s) const;
  const bool debug_ = std::getenv("TALENTWAR_DEBUG") != nullptr;  // sentence analyses to stderr
  struct MoveList {
    const Entity* from = nullptr;
    const Entity* to = nullptr;
    size_t sentence = 0;
  };
  std::optional<MoveList> move_list_;  // the list of movers announced last
  const Entity* topic_ = nullptr;
  std::vector<const Entity*> previous_orgs_;  // organisations the previous sentence named
  std::map<const Entity*, size_t>
      org_mentions_;  // how often each organisation has been named so far
  // What the article said a person used to be: "가나랩스의 전 CTO 홍길동", "former Apple engineer
  // Jane Roe". A later move that names no origin starts there.
  std::map<const Entity*, const Entity*> former_employer_;
  void note_former_employers(const AnnotatedSentence& s);
  const Entity* former_employer(const Entity* person, const Entity* to) const;
  // "가나전자는 연구 부사장인 A가 다라AI에 합류한다고 밝혔다", "Acme said its vice president A will
  // join Beta": a titled person announced by an organisation is its own staff.
  const Entity* own_staff_of_speaker(const AnnotatedSentence& s, const Arg& person,
                                     const Entity* to) const;
  const Entity* salient_org(const Entity* not_this = nullptr) const;
  const Entity* last_person_ = nullptr;  // for "He has since joined OpenAI"
  const Entity* last_subject_person_ = nullptr;
  size_t last_subject_index_ = 0;
  std::vector<Event> events_;
};

}  // namespace tw::extract::detail
