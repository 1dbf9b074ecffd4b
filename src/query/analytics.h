// analytics — the questions users ask of the facts: who moved where (flows), at what
// price (pay), for how much (deals), what is known of one entity, in what order
// (timeline), and the whole graph for other tools. Each answer is a type of its own; JSON
// only at the edge (to_json(): what the API serves and the CLI prints with --json).
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "query/facts.h"
#include "query/rates.h"
#include "store/flow_counts.h"

namespace tw::query {

struct Window {
  std::string since, until;  // ISO dates, inclusive; empty = open
  bool contains(const Fact& f) const;
};

// Talent flows between organisations, read from the store's aggregates (kept current
// on ingest, so the answer costs the same at any corpus size). Each pair counts the
// distinct people named and the largest reported head-count, whichever is more (a
// group of four that names two of its members is four people, not six); a person
// counts in the window of their first report. Organisations are ranked by net gain
// over all pairs; the `max_edges` largest pairs are listed with names and sources.
// Given `counts` (the aggregates held in memory, as current as `db`), a window of
// months or years is summed from them instead of from the database; the answer is the same.
constexpr size_t kFlowEdges = 50;  // pairs listed by default: a Sankey of more is not read

struct FlowEdge {
  std::string from, to;
  std::vector<std::string> from_units;  // the units the people left, as the articles named them
  int64_t people = 0;                   // named people or the largest head-count, the more
  int64_t largest_group = 0;            // the largest head-count reported
  std::vector<std::string> named;       // the first few named
  std::vector<store::ArticleLabel> sources;  // the newest few articles
};
// Where an organisation's people came from: a source with its units named under it.
struct FlowSource {
  std::string org;
  int64_t people = 0;
  std::vector<std::string> units;
};
struct FlowBalance {
  std::string org;
  int64_t in = 0, out = 0;
  std::vector<FlowSource> sources;
  int64_t net() const { return in - out; }
};
struct Flows {
  std::vector<FlowEdge> flows;             // the largest pairs, largest first
  std::vector<FlowBalance> organisations;  // by net gain, then name
  size_t pairs = 0;                        // pairs in view, listed or not
  // The people of the pairs not listed: per listed destination those from elsewhere, and
  // the rest, who went to destinations not listed.
  std::vector<std::pair<std::string, int64_t>> other_into_listed;
  int64_t other_elsewhere = 0;
  std::optional<int64_t> undated;  // a window: people first reported without a date
  nlohmann::json to_json() const;
};
Flows flows(const store::Store& db, const knowledge::Lexicon& lexicon, const Window& window,
            const std::string& org, size_t max_edges = kFlowEdges,
            const store::FlowCounts* counts = nullptr);

// One pair of a Sankey opened: everyone named who moved (up to 500, earliest first
// report first) and the articles that report it (up to 100, newest first), in the window.
// Each article carries the evidence of the move it reports, so it opens at that sentence.
nlohmann::json flow_pair(const store::Store& db, const knowledge::Lexicon& lexicon,
                         const std::string& from, const std::string& to, const Window& window);

// Flows over time: per month of first report, the people named who moved into and out
// of `org` (with its units; moves among them left out), or every move when `org` is "".
nlohmann::json monthly_flows(const store::FlowCounts& counts, const knowledge::Lexicon& lexicon,
                             const Window& window, const std::string& org);

// A fact with its best amount in US dollars, when reported in another currency: at the
// rate in effect when it was first reported.
struct PricedFact {
  Fact fact;
  std::optional<Rates::Converted> usd;
};
// Offers and packages apart from pay statistics, with their sources.
struct Pay {
  std::vector<PricedFact> offers, pay_statistics;
  struct Range {
    double min = 0, median = 0, max = 0;
  };
  std::optional<Range> usd;  // over the best amounts given in dollars
  nlohmann::json to_json() const;
};
Pay pay(std::vector<Fact> facts, const knowledge::Lexicon& lexicon, const std::string& org,
        const Rates* rates = nullptr);

// Per investor→investee pair a total that never adds a running total to its own tranches:
// the largest reported running total, or the sum of the tranches when that is larger.
struct PairTotal {
  std::string investor, investee, currency = "USD";
  double tranches = 0, running = 0;  // the sum of the tranches; the largest running total
  bool by_running_total() const { return running >= tranches; }
  double total() const { return by_running_total() ? running : tranches; }
  std::string_view rule() const;
};
// Investments and acquisitions, and the totals per pair.
struct Deals {
  std::vector<Fact> deals;
  std::vector<PairTotal> totals;
  nlohmann::json to_json() const;
};
Deals deals(std::vector<Fact> facts, const knowledge::Lexicon& lexicon, const std::string& org);

// Everything known of one person or organisation, looked up in any spelling.
struct EntityProfile {
  std::string name, kind;  // kind: "org", "person" or "unknown" (in no list, only in facts)
  std::vector<std::string> spellings;
  std::string parent;                                    // an organisation's, "" for none
  std::optional<std::vector<std::string>> units;         // an organisation's units
  std::optional<std::vector<std::string>> affiliations;  // a person's career, in order
  std::string acts_for;
  std::vector<Fact> facts;           // first reported first (undated last)
  std::vector<std::string> sources;  // the articles' files
  nlohmann::json to_json() const;
};
// None when nothing by that name is known.
std::optional<EntityProfile> entity_profile(const std::string& name, const std::vector<Fact>& facts,
                                            const NameResolver& names);

// Facts in the order they were first reported (undated ones last, in ingest order).
// A window keeps the facts first reported in it; those reported without a date cannot be
// placed, and `undated` (when given) counts them instead of dropping them unsaid.
std::vector<Fact> timeline(std::vector<Fact> facts, const knowledge::Lexicon& lexicon,
                           const std::string& org, const Window& window = {},
                           size_t* undated = nullptr);

// The knowledge graph: entities as nodes, facts as edges ({"nodes", "edges", "facts": how
// many facts it was drawn from}).
nlohmann::json graph_json(const std::vector<Fact>& facts, const knowledge::Lexicon& lexicon);
std::string graph_dot(const std::vector<Fact>& facts, const knowledge::Lexicon& lexicon);
std::string graph_graphml(const std::vector<Fact>& facts, const knowledge::Lexicon& lexicon);

}  // namespace tw::query
