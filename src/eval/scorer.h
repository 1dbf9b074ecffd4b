// scorer — precision, recall and F1 of predicted events against gold, by the rules of
// shared/spec/events.md: types agree and every key slot the gold fills matches
// (names normalised, lists of alternatives, counts exact, money within 1 %), each
// gold event matched at most once (maximum bipartite matching).
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

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

}  // namespace tw::eval
