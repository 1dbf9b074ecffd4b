// event — one extracted fact, in the shape of shared/spec/events.md.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "extract/money.h"
#include "model/model.h"

namespace tw::extract {

using model::EventType;
using model::Slot;

struct Event {
  model::EventType type = model::EventType::Move;
  model::Slots slots;  // names and labels; the head-count and the amount have members below
  std::optional<long> count;
  std::optional<Money> amount;
  bool cumulative = false;
  bool group = false;  // about a group of people, not a named person (never merged with one)
  bool one_of_origins = false;  // one origin of a group that came from several (spec rule 9)
  std::string evidence;         // the sentence, trimmed
  size_t sentence = 0;          // index of the evidence sentence in the document

  const std::string& slot(Slot k) const;  // "" when missing
  bool has(Slot k) const { return !slot(k).empty(); }
};

nlohmann::json to_json(const Event& e);
// The spec's shape (shared/spec/events.md rule 7): an organisation slot names the unit the
// article named ("from": "Google DeepMind"), its organisation beside it ("from_org": "Google").
nlohmann::json to_spec_json(const Event& e);
nlohmann::json money_json(const Money& m);

}  // namespace tw::extract
