// facts — from reports to facts: the events of many articles, names resolved across
// scripts and spellings, merged into one fact per real-world fact with all its sources.
//
// Two reports are one fact by the rule of model/reports.h (model::same_fact across
// articles), their names compared after resolution. Each fact keeps every reported amount with its
// source; its best estimate follows a stated rule: a precise figure beats a
// qualified one, then the figure most sources report, then the latest report.
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "knowledge/lexicon.h"
#include "model/reports.h"
#include "store/store.h"

namespace tw::query {

using model::Slot;

// Resolves any spelling of a name to one canonical name: the lexicon's aliases, then the
// spellings seen linked by the one rule of resolve/person_links.h (셩자오 자오 = Shengjia
// Zhao = 자오셩자), the rule the store's linker applies as names arrive.
class NameResolver {
 public:
  NameResolver(const knowledge::Lexicon& lexicon, const std::vector<std::string>& people_seen);
  std::string canonical(const std::string& name) const;
  // Every spelling that resolves to `canonical` (lexicon aliases and linked names).
  std::vector<std::string> spellings(const std::string& canonical) const;
  const knowledge::Lexicon& lexicon() const { return lexicon_; }

 private:
  const knowledge::Lexicon& lexicon_;
  std::map<std::string, std::string> links_;  // seen spelling → canonical
};

struct Source {
  std::string doc, date, evidence;
  int64_t article_id = 0;
  std::string title, outlet, url;  // the article as people know it
};

// An article as every answer shows a source: {doc, article_id, title, outlet, url, date},
// the empty ones left out.
nlohmann::json source_json(const store::ArticleLabel& a);

// One line saying who and what a fact or event (as JSON) is about: "Jane Doerr: OpenAI →
// Meta", "Amazon → Anthropic", "Meta buys Scale AI (completed)".
std::string fact_summary(const nlohmann::json& fact_or_event);
struct Fact;
std::string fact_summary(const Fact& fact);

// An amount as a stored report or an answer writes it: {"value", "currency" (USD when
// missing), "qualifier"?}.
model::Amount amount_of(const nlohmann::json& amount);
// An amount as answers write it: {"value", "currency", "qualifier"?}, a whole number of
// units written as one.
nlohmann::json amount_json(const model::Amount& amount);

struct Fact {
  model::EventType type = model::EventType::Move;
  model::Slots slots;  // canonical names and labels
  std::optional<long> count;
  bool group = false;                  // about people not named
  bool cumulative = false;             // a running total
  std::vector<model::Amount> amounts;  // every amount reported, as the merging rule reads them
  std::vector<Source> amount_sources;  // the report of each, in the same order
  std::optional<model::Amount> best_amount;
  std::string best_rule;  // why best_amount was chosen
  std::vector<Source> sources;
  std::string first_date, last_date;
  std::string event_date;  // when it happened, as a report's sentence says (text::event_time); ""
                           // when none says
  std::vector<std::pair<std::string, Source>> claims;    // who asserted it, where
  std::vector<std::pair<std::string, Source>> disputes;  // who denied it, where

  const std::string& slot(model::Slot k) const;  // "" when missing
  bool involves(const std::string& org, const knowledge::Lexicon& lexicon) const;
  nlohmann::json to_json() const;
};

std::vector<Fact> build_facts(const std::vector<store::EventRow>& rows, const NameResolver& names);

// People's names that occur in stored events (for the resolver).
std::vector<std::string> people_in(const std::vector<store::EventRow>& rows);

}  // namespace tw::query
