// synthetic_db — a database of synthetic events for benchmarks and scale tests, filled
// through the store's own ingest path (aggregates included), deterministically: the same
// target gives the same database.
//
// Events are drawn from the lexicon's organisations (Zipf-like: a few take most of the
// news) and a pool of 50,000 synthetic people, dated 2023–2026, half Korean and half
// English articles of 20 events each, in the mix of types the extractor finds in news
// (40 % moves, 20 % offers, 10 % investments, 5 % acquisitions, 10 % layoffs, 10 % pay
// statistics, 5 % counteroffers). Articles are short: the queries are over events, not text.
#pragma once
#include <string>
#include <vector>

#include "knowledge/lexicon.h"
#include "store/store.h"

namespace tw::synthetic {

struct Pools {
  std::vector<std::string> orgs, people, terms;  // terms: words an article's text holds
};
Pools make_pools(const knowledge::Lexicon& lexicon);

// Adds synthetic articles until `db` holds `target` events; with `progress`, a line on
// stderr every 20,000 articles.
void fill(store::Store& db, size_t target, const Pools& pools, bool progress = false);

}  // namespace tw::synthetic
