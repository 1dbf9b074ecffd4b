// analytics — the questions users ask of the facts: who moved where (flows), at what
// price (pay), for how much (deals), what is known of one entity, in what order
// (timeline), and the whole graph for other tools. Each returns JSON data; the CLI
// renders it as a table or prints it with --json.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
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
nlohmann::json flows(const store::Store& db, const knowledge::Lexicon& lexicon,
                     const Window& window, const std::string& org, size_t max_edges = kFlowEdges,
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

// Offers and packages apart from pay statistics, with their sources. Given `rates`, an
// amount in another currency also carries "amount_usd": {value, per_usd, rate_from}, at
// the rate in effect when the fact was first reported.
nlohmann::json pay(const std::vector<Fact>& facts, const knowledge::Lexicon& lexicon,
                   const std::string& org, const Rates* rates = nullptr);

// Investments and acquisitions; per investor→investee pair a total that never adds a
// running total to its own tranches: the largest reported running total, or the sum
// of the tranches when that is larger.
nlohmann::json deals(const std::vector<Fact>& facts, const knowledge::Lexicon& lexicon,
                     const std::string& org);

// Everything known of one person or organisation, looked up in any spelling.
// Returns null when nothing by that name is known.
nlohmann::json entity_profile(const std::string& name, const std::vector<Fact>& facts,
                              const NameResolver& names);

// Facts in the order they were first reported (undated ones last, in ingest order).
// A window keeps the facts first reported in it; those reported without a date cannot be
// placed, and `undated` (when given) counts them instead of dropping them unsaid.
nlohmann::json timeline(const std::vector<Fact>& facts, const knowledge::Lexicon& lexicon,
                        const std::string& org, const Window& window = {},
                        size_t* undated = nullptr);

// The knowledge graph: entities as nodes, facts as edges ({"nodes", "edges", "facts": how
// many facts it was drawn from}).
nlohmann::json graph_json(const std::vector<Fact>& facts, const knowledge::Lexicon& lexicon);
std::string graph_dot(const std::vector<Fact>& facts, const knowledge::Lexicon& lexicon);
std::string graph_graphml(const std::vector<Fact>& facts, const knowledge::Lexicon& lexicon);

}  // namespace tw::query
