// reports — when two reports are reports of one fact (spec rule 1): the one rule that the
// extractor's merge of repeated reports within an article and the fact merger across
// articles both ask, each through a view of its own reports.
//
// Two reports are one fact when their type and whether they are about a group agree, no
// key slot of the type disagrees (a slot missing on one side agrees with anything), their
// head-counts agree, and every amount of one agrees with every amount of the other. What
// differs by scope, and why:
//   - amounts: within an article a figure is repeated exactly (within 1 %); across
//     articles one outlet's bound admits another's figure ("140억 달러 이상" and "$14.3
//     billion");
//   - a running total and a tranche: never one fact across articles; within an article
//     only when both give an amount (a later sentence may restate the total without one);
//   - what only the extractor knows, not stored with a report (whether a named person's
//     event meets one about nobody in particular, one origin's share of a group from
//     several, a round without its backers): within an article only;
//   - a group's ends: across articles two groups are one only when they name the same ends
//     ("four engineers joined OpenAI" is not "Apple researchers joined OpenAI").
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace tw::model {

// The spec's key fields of an event type: what two reports must not disagree on — some of
// its slots (a head-count among them) and, for some types, the amount.
struct KeyFields {
  std::span<const Slot> slots;
  bool amount = false;
};
KeyFields key_fields(EventType type);
// The same by name, in the spec's order (the amount last), for readers of JSON: empty for
// an unknown type.
std::vector<std::string_view> key_field_names(std::string_view type);

struct Amount {
  double value = 0;
  std::string currency;   // ISO code
  std::string qualifier;  // "", "up_to", "at_least", "about"
};

// What the rule reads of a report, or of a fact (the reports merged into it so far).
struct Report {
  EventType type = EventType::Move;
  const Slots* slots = nullptr;       // names already canonical
  std::span<const Amount> amounts{};  // a report's one, or every one a fact was reported with
  std::optional<long> count{};
  bool group = false;           // about people not named
  bool cumulative = false;      // its amount is a running total
  bool one_of_origins = false;  // one origin's share of a group from several (spec rule 9)
  bool names_backers = false;   // an investment naming its investors

  std::string_view slot(Slot slot) const;  // "" when missing
};

enum class Scope {
  Article,  // reports of one article, as the extractor found them
  Corpus,   // reports of many articles, as the store keeps them
};

// Do two reported amounts give the same figure? Same currency and within 1 % (same_amount);
// across articles also a bound that admits the other figure and is close to it (at least
// b: up to b × 1.25; up to b: down to b × 0.75; about b: within 10 %).
bool amounts_agree(const Amount& a, const Amount& b, Scope scope);

// Are `a` and `b` reports of one fact?
bool same_fact(const Report& a, const Report& b, Scope scope);

}  // namespace tw::model
