// scorer — precision, recall and F1 of predicted events against gold, by the rules of
// shared/spec/events.md: types agree and every key slot the gold fills matches
// (names normalised, lists of alternatives, counts exact, money within 1 %), each
// gold event matched at most once (maximum bipartite matching).
#pragma once
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "model/slots.h"

namespace tw::eval {

struct TypeScore {
  size_t gold = 0, pred = 0, matched = 0;
  double precision() const { return pred ? double(matched) / pred : 0; }
  double recall() const { return gold ? double(matched) / gold : 0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct Miss {
  std::string kind;  // "missed" or "spurious"
  std::string doc;
  nlohmann::json event;
};

struct Score {
  std::map<std::string, TypeScore> by_type;
  TypeScore all;
  std::vector<Miss> misses;
};

// docs: doc name → its events (JSON objects). Documents only in `pred` are ignored.
using EventsByDoc = std::map<std::string, std::vector<nlohmann::json>>;
Score score(const EventsByDoc& gold, const EventsByDoc& pred);

// Reads a JSON Lines file of {"doc", "events"} objects; throws with "path:line: reason".
EventsByDoc load_events_jsonl(const std::string& path);

std::string normalise_name(const std::string& s);  // NFKC, case-folded, letters and digits only

// How well the name tagger finds the names the lexicon lacks. Gold names are the values (all
// alternatives) of the person slots, or of the organisation slots, of the gold events.
struct NameScore {
  size_t gold = 0;      // gold names none of whose spellings the lexicon knows
  size_t found = 0;     // names the tagger proposed
  size_t correct = 0;   // proposals that are one of the document's gold names
  size_t recalled = 0;  // unknown gold names the tagger proposed
  double precision() const { return found ? double(correct) / found : 0; }
  double recall() const { return gold ? double(recalled) / gold : 0; }
};
// tagged: document → the spellings of each name the tagger proposed (first = its name).
// known: whether the lexicon knows a spelling.
NameScore score_names(const EventsByDoc& gold,
                      const std::map<std::string, std::vector<std::vector<std::string>>>& tagged,
                      std::span<const model::Slot> slots,
                      const std::function<bool(const std::string&)>& known);

}  // namespace tw::eval
