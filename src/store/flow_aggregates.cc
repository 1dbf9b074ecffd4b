// flow_aggregates — the talent flows kept current on ingest, and read: each person once
// per pair of organisations dated by their first report, counts per pair by month and year
// and in all, the largest unnamed group, each pair's size, every organisation's gains,
// losses and sources carried by deltas — so flows cost the same at any corpus size.
#include <fmt/format.h>

#include <chrono>
#include <random>
#include <set>
#include <thread>
#include <tuple>

#include "store/flow_aggregates.h"
#include "store/flow_counts.h"
#include "store/internal.h"
#include "store/store.h"

namespace tw::store {

using namespace internal;

void FlowAggregates::bump_flow(const std::string& from, const std::string& to,
                               const std::string& month, int64_t n, bool total) {
  db_.run(
      "INSERT INTO flow_months(from_org, to_org, month, people) VALUES($1,$2,$3,$4) ON "
      "CONFLICT(from_org, to_org, "
      "month) DO UPDATE SET people = flow_months.people + excluded.people",
      {from, to, month, n});
  db_.run(
      "INSERT INTO flow_years(from_org, to_org, year, people) VALUES($1,$2,$3,$4) ON "
      "CONFLICT(from_org, to_org, "
      "year) DO UPDATE SET people = flow_years.people + excluded.people",
      {from, to, month.substr(0, 4), n});
  if (total) resize_pair(from, to, n, 0);
}

// Adds `named` people and a group of `group` to a pair's all-time totals and carries
// the change of its size to both organisations and to the sources of the one gaining.
void FlowAggregates::resize_pair(const std::string& from, const std::string& to, int64_t named,
                                 int64_t group) {
  // One statement: SET sees the old row, so prev_size keeps the size before this change
  // (and in PostgreSQL the row stays locked until the article commits).
  int64_t size = 0, before = 0;
  db_.run(
      "INSERT INTO flow_totals(from_org, to_org, people, group_max, size, prev_size) "
      "VALUES($1, $2, CAST($3 AS BIGINT), CAST($4 AS BIGINT), CASE WHEN CAST($3 AS BIGINT) > "
      "CAST($4 AS BIGINT) THEN "
      "CAST($3 AS BIGINT) ELSE CAST($4 AS BIGINT) END, 0) ON CONFLICT(from_org, to_org) DO UPDATE "
      "SET "
      "prev_size = flow_totals.size, people = flow_totals.people + excluded.people, "
      "group_max = CASE WHEN flow_totals.group_max > excluded.group_max THEN flow_totals.group_max "
      "ELSE excluded.group_max END, "
      "size = CASE WHEN flow_totals.people + excluded.people > flow_totals.group_max AND "
      "flow_totals.people + excluded.people > excluded.group_max THEN flow_totals.people + "
      "excluded.people "
      "WHEN flow_totals.group_max > excluded.group_max THEN flow_totals.group_max ELSE "
      "excluded.group_max END "
      "RETURNING size, prev_size",
      {from, to, named, group}, [&](const Row& r) {
        size = r.integer(0);
        before = r.integer(1);
      });
  const int64_t delta = size - before;
  if (delta == 0) return;
  db_.run(
      "INSERT INTO flow_orgs(org, gained) VALUES($1,$2) ON CONFLICT(org) DO UPDATE SET gained = "
      "flow_orgs.gained + "
      "excluded.gained",
      {to, delta});
  db_.run(
      "INSERT INTO flow_orgs(org, lost) VALUES($1,$2) ON CONFLICT(org) DO UPDATE SET lost = "
      "flow_orgs.lost + "
      "excluded.lost",
      {from, delta});
  std::vector<std::string> labels;
  db_.run("SELECT label FROM flow_labels WHERE from_org = $1 AND to_org = $2", {from, to},
          [&](const Row& r) { labels.push_back(r.text(0)); });
  for (const auto& label : labels) bump_source(to, label, delta);
}

void FlowAggregates::bump_source(const std::string& org, const std::string& label, int64_t n) {
  db_.run(
      "INSERT INTO flow_org_sources(org, label, people) VALUES($1,$2,$3) ON CONFLICT(org, label) "
      "DO UPDATE SET "
      "people = flow_org_sources.people + excluded.people",
      {org, label, n});
}

// Each person counts once per pair, in the month of the earliest report. Another writer
// may insert or move the same row between our read and write: then read again.
void FlowAggregates::count_person(const std::string& from, const std::string& to,
                                  const std::string& person, const std::string& day) {
  for (int attempt = 0; attempt < 4; ++attempt) {
    std::optional<std::string> known;
    db_.run("SELECT first_day FROM flow_people WHERE from_org = $1 AND to_org = $2 AND person = $3",
            {from, to, person}, [&](const Row& r) { known = r.text(0); });
    if (!known) {
      if (db_.run(
              "INSERT INTO flow_people(from_org, to_org, person, first_day) VALUES($1,$2,$3,$4) "
              "ON CONFLICT DO NOTHING RETURNING 1",
              {from, to, person, day})) {
        bump_flow(from, to, month_of(day), 1);
        return;
      }
      continue;
    }
    if (!earlier(day, *known)) return;
    if (db_.run("UPDATE flow_people SET first_day = $4 WHERE from_org = $1 AND to_org = $2 AND "
                "person = $3 "
                "AND first_day = $5 RETURNING 1",
                {from, to, person, day, *known})) {
      bump_flow(from, to, month_of(*known), -1, false);  // the same person, now dated earlier
      bump_flow(from, to, month_of(day), 1, false);
      return;
    }
  }
}

// A move that names one end only: kept, so that a full report of the same move (now or
// later) is dated by whichever came first; full moves already counted are re-dated.
void FlowAggregates::date_partial_move(const std::string& person, const std::string& from,
                                       const std::string& to, const std::string& day) {
  if (day.empty()) return;
  std::optional<std::string> known;
  db_.run("SELECT first_day FROM move_partials WHERE person = $1 AND from_org = $2 AND to_org = $3",
          {person, from, to}, [&](const Row& r) { known = r.text(0); });
  if (!known)
    db_.run(
        "INSERT INTO move_partials(person, from_org, to_org, first_day) VALUES($1,$2,$3,$4) ON "
        "CONFLICT DO NOTHING",
        {person, from, to, day});
  else if (earlier(day, *known))
    db_.run(
        "UPDATE move_partials SET first_day = $4 WHERE person = $1 AND from_org = $2 AND to_org = "
        "$3",
        {person, from, to, day});
  else
    return;
  std::vector<std::pair<std::string, std::string>> counted;
  db_.run(
      "SELECT from_org, to_org FROM flow_people WHERE person = $1 AND ($2 = '' OR from_org = $2) "
      "AND ($3 = '' OR "
      "to_org = $3)",
      {person, from, to}, [&](const Row& r) { counted.emplace_back(r.text(0), r.text(1)); });
  for (const auto& [f, t] : counted) count_person(f, t, person, day);
}

void FlowAggregates::record(const extract::Event& e, const std::string& person,
                            const std::string& day, const std::string& doc) {
  auto canonical_org = [&](const std::string& name) {
    const auto* x = lexicon_ ? lexicon_->find(name) : nullptr;
    return x ? x->name : name;
  };
  const std::string from = canonical_org(e.slot(Slot::from)), to = canonical_org(e.slot(Slot::to));
  if (!person.empty() && (from.empty() || to.empty()))
    return date_partial_move(person, from, to, day);
  if (from.empty() || to.empty() || from == to) return;
  const std::string& unit = e.slot(Slot::from_unit);
  const std::string& label = unit.empty() ? from : unit;
  if (db_.run("INSERT INTO flow_labels(from_org, to_org, label) VALUES($1,$2,$3) ON CONFLICT DO "
              "NOTHING RETURNING 1",
              {from, to, label}))
    if (auto size = integer_of(
            db_, "SELECT size FROM flow_totals WHERE from_org = $1 AND to_org = $2", {from, to});
        size && *size > 0)
      bump_source(to, label, *size);
  db_.run(
      "INSERT INTO flow_sources(from_org, to_org, doc, published) VALUES($1,$2,$3,$4) ON CONFLICT "
      "DO NOTHING",
      {from, to, doc, day});
  if (!person.empty()) {
    // A report that names only one end ("X left OpenAI") is news of the same move and may be its
    // first.
    std::string first = day;
    db_.run(
        "SELECT first_day FROM move_partials WHERE person = $1 AND (from_org = $2 OR from_org = "
        "'') AND "
        "(to_org = $3 OR to_org = '')",
        {person, from, to}, [&](const Row& r) {
          if (earlier(r.text(0), first)) first = r.text(0);
        });
    return count_person(from, to, person, first);
  }
  if (!e.count || *e.count <= 0) return;
  // An unnamed group counts by its largest head-count, dated by its first report.
  const int64_t count = *e.count;
  std::optional<std::string> known;
  db_.run("SELECT first_day FROM flow_groups WHERE from_org = $1 AND to_org = $2 AND count = $3",
          {from, to, count}, [&](const Row& r) { known = r.text(0); });
  if (!known) {
    db_.run(
        "INSERT INTO flow_groups(from_org, to_org, count, first_day) VALUES($1,$2,$3,$4) ON "
        "CONFLICT DO NOTHING",
        {from, to, count, day});
    resize_pair(from, to, 0, count);
  } else if (earlier(day, *known))
    db_.run(
        "UPDATE flow_groups SET first_day = $4 WHERE from_org = $1 AND to_org = $2 AND count = $3 "
        "AND (first_day = '' OR first_day > $4)",
        {from, to, count, day});
}

std::vector<FlowPair> FlowAggregates::flow_pairs(const std::string& since,
                                                 const std::string& until) const {
  std::unordered_map<std::string, FlowPair> pairs;  // "from\x1fto" → pair
  auto pair_of = [&](const Row& r) -> FlowPair& {
    std::string from = r.text(0), to = r.text(1);
    auto& p = pairs[from + '\x1f' + to];
    if (p.from.empty()) {
      p.from = std::move(from);
      p.to = std::move(to);
    }
    return p;
  };
  auto add_named = [&](const Row& r) { pair_of(r).named += r.integer(2); };
  const std::string before = date_after(until);
  const std::vector<Param> window{since, before};  // Params view their strings: both outlive it
  if (since.empty() && until.empty()) {
    db_.run("SELECT from_org, to_org, people, group_max FROM flow_totals WHERE size > 0", {},
            [&](const Row& r) {
              auto& p = pair_of(r);
              p.named = r.integer(2);
              p.largest_group = r.integer(3);
            });
  } else {
    if (const auto parts = window_parts(since, until)) {
      // Whole years inside the window come from yearly counts, the months at either end
      // from monthly ones: a window costs about one row per pair and year, however long.
      if (parts->years)
        db_.run("SELECT from_org, to_org, people FROM flow_years WHERE year >= $1 AND year <= $2",
                {parts->years->first, parts->years->second}, add_named);
      for (const auto& [a, b] : parts->months)
        db_.run(
            "SELECT from_org, to_org, people FROM flow_months WHERE month >= $1 AND month <= $2",
            {a, b}, add_named);
    } else {
      db_.run("SELECT from_org, to_org, count(*) FROM flow_people WHERE " +
                  window_sql("first_day", 1) + " GROUP BY from_org, to_org",
              window, add_named);
    }
    db_.run("SELECT from_org, to_org, max(count) FROM flow_groups WHERE " +
                window_sql("first_day", 1) + " GROUP BY from_org, to_org",
            window, [&](const Row& r) { pair_of(r).largest_group = r.integer(2); });
  }
  std::vector<FlowPair> out;
  out.reserve(pairs.size());
  for (auto& [key, p] : pairs)
    if (p.named > 0 || p.largest_group > 0) out.push_back(std::move(p));
  return out;
}

namespace {
FlowPair pair_row(const Row& r) { return {r.text(0), r.text(1), r.integer(2), r.integer(3)}; }
}  // namespace

std::vector<FlowPair> FlowAggregates::largest_flow_pairs(size_t limit) const {
  std::vector<FlowPair> out;
  db_.run(
      "SELECT from_org, to_org, people, group_max FROM flow_totals WHERE size > 0 ORDER BY size "
      "DESC, from_org, "
      "to_org LIMIT $1",
      {static_cast<int64_t>(limit)}, [&](const Row& r) { out.push_back(pair_row(r)); });
  return out;
}

std::vector<FlowPair> FlowAggregates::flow_pairs_of(const std::vector<std::string>& orgs) const {
  std::vector<FlowPair> out;
  std::set<std::pair<std::string, std::string>> seen;
  auto take = [&](const Row& r) {
    if (seen.emplace(r.text(0), r.text(1)).second) out.push_back(pair_row(r));
  };
  for (const auto& org : orgs) {
    db_.run(
        "SELECT from_org, to_org, people, group_max FROM flow_totals WHERE from_org = $1 AND size "
        "> 0",
        {org}, take);
    db_.run(
        "SELECT from_org, to_org, people, group_max FROM flow_totals WHERE to_org = $1 AND size > "
        "0",
        {org}, take);
  }
  return out;
}

size_t FlowAggregates::flow_pair_count() const {
  return static_cast<size_t>(
      integer_of(db_, "SELECT count(*) FROM flow_totals WHERE size > 0", {}).value_or(0));
}

std::vector<FlowBalance> FlowAggregates::flow_balances(size_t sources_per_org) const {
  std::vector<FlowBalance> out;
  db_.run("SELECT org, gained, lost FROM flow_orgs WHERE gained > 0 OR lost > 0 ORDER BY org", {},
          [&](const Row& r) {
            out.push_back({r.text(0), r.integer(1), r.integer(2), {}});
          });
  for (auto& b : out)
    db_.run(
        "SELECT label, people FROM flow_org_sources WHERE org = $1 AND people > 0 ORDER BY people "
        "DESC, label DESC "
        "LIMIT $2",
        {b.org, static_cast<int64_t>(sources_per_org)},
        [&](const Row& r) { b.sources.emplace_back(r.text(0), r.integer(1)); });
  return out;
}

std::vector<std::string> FlowAggregates::flow_people(const std::string& from, const std::string& to,
                                                     const std::string& since,
                                                     const std::string& until, size_t limit) const {
  std::vector<std::string> out;
  auto take = [&](const Row& r) { out.push_back(r.text(0)); };
  const auto n = static_cast<int64_t>(limit);
  if (!since.empty() || !until.empty())
    db_.run("SELECT person FROM flow_people WHERE from_org = $3 AND to_org = $4 AND " +
                window_sql("first_day", 1) + " ORDER BY first_day, person LIMIT $5",
            {since, date_after(until), from, to, n}, take);
  else
    db_.run(
        "SELECT person FROM flow_people WHERE from_org = $1 AND to_org = $2 ORDER BY first_day, "
        "person LIMIT $3",
        {from, to, n}, take);
  return out;
}

std::map<std::pair<std::string, std::string>, std::vector<std::string>>
FlowAggregates::flow_labels() const {
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> out;
  db_.run("SELECT from_org, to_org, label FROM flow_labels ORDER BY from_org, to_org, label", {},
          [&](const Row& r) {
            out[{r.text(0), r.text(1)}].push_back(r.text(2));
          });
  return out;
}

std::vector<FlowPair> FlowAggregates::undated_flow_pairs() const {
  std::map<std::pair<std::string, std::string>, FlowPair> pairs;
  auto pair_of = [&](const Row& r) -> FlowPair& {
    auto& p = pairs[{r.text(0), r.text(1)}];
    p.from = r.text(0);
    p.to = r.text(1);
    return p;
  };
  db_.run("SELECT from_org, to_org, people FROM flow_months WHERE month = ''", {},
          [&](const Row& r) { pair_of(r).named += r.integer(2); });
  db_.run(
      "SELECT from_org, to_org, max(count) FROM flow_groups WHERE first_day = '' GROUP BY "
      "from_org, to_org",
      {}, [&](const Row& r) { pair_of(r).largest_group = r.integer(2); });
  std::vector<FlowPair> out;
  for (auto& [key, p] : pairs)
    if (p.named > 0 || p.largest_group > 0) out.push_back(std::move(p));
  return out;
}

int64_t FlowAggregates::flow_version() const {
  // Articles are only ever added, each with its aggregates, in one transaction.
  return integer_of(db_, "SELECT coalesce(max(id), 0) FROM articles", {}).value_or(0);
}

void FlowAggregates::for_each_flow_count(
    const std::function<void(FlowCountKind, std::string, std::string, std::string, int64_t)>& fn)
    const {
  db_.run("SELECT from_org, to_org, year, people FROM flow_years", {}, [&](const Row& r) {
    fn(FlowCountKind::Year, r.text(0), r.text(1), r.text(2), r.integer(3));
  });
  db_.run("SELECT from_org, to_org, month, people FROM flow_months", {}, [&](const Row& r) {
    fn(FlowCountKind::Month, r.text(0), r.text(1), r.text(2), r.integer(3));
  });
  db_.run("SELECT from_org, to_org, first_day, count FROM flow_groups", {}, [&](const Row& r) {
    fn(FlowCountKind::Group, r.text(0), r.text(1), r.text(2), r.integer(3));
  });
}

std::vector<std::string> FlowAggregates::flow_labels(const std::string& from,
                                                     const std::string& to) const {
  std::vector<std::string> out;
  db_.run("SELECT label FROM flow_labels WHERE from_org = $1 AND to_org = $2 ORDER BY label",
          {from, to}, [&](const Row& r) { out.push_back(r.text(0)); });
  return out;
}

std::vector<ArticleLabel> FlowAggregates::flow_sources(const std::string& from,
                                                       const std::string& to,
                                                       const std::string& since,
                                                       const std::string& until,
                                                       size_t limit) const {
  std::vector<ArticleLabel> out;
  auto take = [&](const Row& r) {
    out.push_back(
        {r.null(1) ? 0 : r.integer(1), r.text(0), r.text(2), r.text(3), r.text(4), r.text(5)});
  };
  // The newest reports of the pair, each shown as the article people know (the newest
  // stored article of that name).
  auto labelled = [&](const std::string& newest) {
    return fmt::format(
        "SELECT s.doc, a.id, a.title, {}, a.url, s.published FROM ({}) s LEFT JOIN articles a ON "
        "a.id = "
        "(SELECT max(id) FROM articles WHERE doc = s.doc) ORDER BY s.published DESC, s.doc DESC",
        outlet_column_, newest);
  };
  const auto n = static_cast<int64_t>(limit);
  if (!since.empty() || !until.empty())
    db_.run(labelled(
                "SELECT doc, published FROM flow_sources WHERE from_org = $3 AND to_org = $4 AND " +
                window_sql("published", 1) + " ORDER BY published DESC, doc DESC LIMIT $5"),
            {since, date_after(until), from, to, n}, take);
  else
    db_.run(labelled("SELECT doc, published FROM flow_sources WHERE from_org = $1 AND to_org = $2 "
                     "ORDER BY published "
                     "DESC, doc DESC LIMIT $3"),
            {from, to, n}, take);
  return out;
}

// The flows counted for `old_name` counted for `new_name` instead, dated by the earlier
// report of the two.
void FlowAggregates::rename_person(const std::string& old_name, const std::string& new_name) {
  std::vector<std::tuple<std::string, std::string, std::string>> partials;
  db_.run("SELECT from_org, to_org, first_day FROM move_partials WHERE person = $1", {old_name},
          [&](const Row& r) { partials.emplace_back(r.text(0), r.text(1), r.text(2)); });
  db_.run("DELETE FROM move_partials WHERE person = $1", {old_name});
  for (const auto& [from, to, day] : partials) date_partial_move(new_name, from, to, day);
  std::vector<std::tuple<std::string, std::string, std::string>> moved;
  db_.run("SELECT from_org, to_org, first_day FROM flow_people WHERE person = $1", {old_name},
          [&](const Row& r) { moved.emplace_back(r.text(0), r.text(1), r.text(2)); });
  for (const auto& [from, to, day] : moved) {
    db_.run("DELETE FROM flow_people WHERE from_org = $1 AND to_org = $2 AND person = $3",
            {from, to, old_name});
    bump_flow(from, to, month_of(day), -1);
    count_person(from, to, new_name, day);
  }
}

}  // namespace tw::store
