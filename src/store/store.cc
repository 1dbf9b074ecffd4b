#include "store/store.h"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <array>
#include <chrono>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "model/model.h"
#include "resolve/person_links.h"
#include "resolve/phonetic.h"
#include "store/flow_counts.h"
#include "store/postgres_connection.h"
#include "store/schema.h"
#include "store/sqlite_connection.h"

namespace tw::store {
namespace {

bool is_entity_slot(const std::string& slot) {
  if (slot == "person" || slot == "source" || model::is_organisation_slot(slot)) return true;
  // A unit named beside its parent (from_unit: "Google DeepMind") is an entity of its own.
  return slot.size() > 5 && slot.compare(slot.size() - 5, 5, "_unit") == 0;
}

// "2025-07-01" → "2025-07"; undated reports have the month "".
std::string month_of(const std::string& day) { return day.size() >= 7 ? day.substr(0, 7) : ""; }

// Is `day` an earlier first report than `known`? An undated first report is the latest.
bool earlier(const std::string& day, const std::string& known) {
  return !day.empty() && (known.empty() || day < known);
}

// Restricts `column` (an ISO date, month or year) to the window; $N and $N+1 are since and
// date_after(until).
std::string window_sql(const char* column, int n) {
  return fmt::format("{0} <> '' AND {0} >= ${1} AND {0} < ${2}", column, n, n + 1);
}

}  // namespace

std::string date_after(const std::string& until) {
  if (until.empty()) return "9999-99";
  const int y = std::stoi(until.substr(0, 4));
  if (until.size() == 4) return fmt::format("{:04}", y + 1);
  const unsigned m = static_cast<unsigned>(std::stoi(until.substr(5, 2)));
  if (until.size() == 7)
    return m == 12 ? fmt::format("{:04}-01", y + 1) : fmt::format("{:04}-{:02}", y, m + 1);
  const std::chrono::year_month_day next{
      std::chrono::sys_days{std::chrono::year_month_day{
          std::chrono::year{y}, std::chrono::month{m},
          std::chrono::day{static_cast<unsigned>(std::stoi(until.substr(8, 2)))}}} +
      std::chrono::days{1}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(next.year()),
                     static_cast<unsigned>(next.month()), static_cast<unsigned>(next.day()));
}

Store::Store(const std::string& location, const extract::Lexicon* lexicon, Mode mode)
    : lexicon_(lexicon) {
  const bool read_only = mode == Mode::ReadOnly;
  if (is_postgres_url(location)) {
    db_ = std::make_unique<PostgresConnection>(location);
  } else {
    try {
      db_ = std::make_unique<SqliteConnection>(location, read_only);
    } catch (const StoreError& e) {
      const std::string what = e.what();
      throw StoreError(what.rfind(location + ": ", 0) == 0 ? what
                                                           : fmt::format("{}: {}", location, what));
    }
  }
  if (read_only) {
    if (dialect() == Dialect::Postgres) db_->script("SET default_transaction_read_only = on");
    check_readable(*db_);
    if (!has_column(*db_, "articles", "outlet"))
      outlet_column_ = "''";  // written before outlets: read, not changed
    return;
  }
  try {
    create_schema();
  } catch (const StoreError& e) {
    throw StoreError(fmt::format("{}: {}", location, e.what()));
  }
}

Store::~Store() {
  if (in_batch_) {
    try {
      index_for_search();
      db_->script("COMMIT");
    } catch (const StoreError&) {
      // Nothing to report to from a destructor; the batch was not committed.
    }
  }
}

void Store::create_schema() {
  if (dialect() == Dialect::Sqlite) {
    db_->script("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON");
    migrate(*db_);
    seed_lexicon();
    return;
  }
  // Workers starting together would race on CREATE … IF NOT EXISTS and on seeding; one
  // sets the database up, the others wait for it.
  db_->script("SELECT pg_advisory_lock(7271)");
  try {
    migrate(*db_);
    seed_lexicon();
    db_->script("SELECT pg_advisory_unlock(7271)");
  } catch (...) {
    db_->script("SELECT pg_advisory_unlock(7271)");
    throw;
  }
}

// The lexicon's entities and aliases, so lookups by any spelling work in SQL too.
void Store::seed_lexicon() {
  if (!lexicon_) return;
  const auto have = integer_of(*db_, "SELECT count(*) FROM entities WHERE discovered = 0", {});
  if (have.value_or(0) >= static_cast<int64_t>(lexicon_->size())) return;
  db_->script("BEGIN");
  try {
    for (size_t i = 0; i < lexicon_->size(); ++i) {
      const auto& e = lexicon_->entity(static_cast<uint32_t>(i));
      const auto id = integer_of(
          *db_,
          "INSERT INTO entities(name, kind, org_kind, parent) VALUES($1,$2,$3,$4) ON "
          "CONFLICT(name) "
          "DO UPDATE SET kind=excluded.kind, org_kind=excluded.org_kind, parent=excluded.parent, "
          "discovered=0 RETURNING id",
          {e.name, e.is_org() ? "org" : "person", e.org_kind, e.parent});
      for (const auto& a : e.aliases)
        db_->run("INSERT INTO aliases(entity_id, alias) VALUES($1,$2) ON CONFLICT DO NOTHING",
                 {*id, a});
      if (e.is_person())
        for (const auto& key : resolve::name_keys(e.name))
          db_->run(
              "INSERT INTO person_keys(key, name, latin) VALUES($1,$2,1) ON CONFLICT DO NOTHING",
              {key, e.name});
    }
    db_->script("COMMIT");
  } catch (...) {
    db_->script("ROLLBACK");
    throw;
  }
}

std::string Store::content_hash(std::string_view text) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned int len = 0;
  EVP_Digest(text.data(), text.size(), md.data(), &len, EVP_sha256(), nullptr);
  std::string hex;
  hex.reserve(len * 2);
  for (unsigned i = 0; i < len; ++i) hex += fmt::format("{:02x}", md[i]);
  return hex;
}

void Store::begin_batch() {
  if (in_batch_ || dialect() == Dialect::Postgres) return;
  db_->script("BEGIN IMMEDIATE");
  in_batch_ = true;
}

void Store::commit_batch() {
  if (!in_batch_) return;
  index_for_search();
  db_->script("COMMIT");
  in_batch_ = false;
}

void Store::index_for_search() {
  for (const auto& a : pending_search_)
    db_->run("INSERT INTO articles_fts(rowid, title, text) VALUES($1,$2,$3)",
             {a.id, a.title, a.text});
  pending_search_.clear();
}

int64_t Store::entity_id(const std::string& name, const std::string& slot) {
  const bool org = slot != "person";
  if (org) {
    if (auto it = org_ids_.find(name); it != org_ids_.end()) return it->second;
    if (auto it = article_org_ids_.find(name); it != article_org_ids_.end()) return it->second;
  }
  auto id = integer_of(*db_, "SELECT id FROM entities WHERE name = $1", {name});
  if (!id) {
    db_->run(
        "INSERT INTO entities(name, kind, discovered) VALUES($1,$2,1) ON CONFLICT(name) DO NOTHING",
        {name, org ? "org" : "person"});
    id = integer_of(*db_, "SELECT id FROM entities WHERE name = $1", {name});
  }
  // Cached for good once the article is written: a rolled-back article must not leave one behind.
  if (org) article_org_ids_.emplace(name, *id);
  return *id;
}

// Links a person's name to a spelling already known by the one rule
// (resolve::linked_spelling), applied to the spellings stored so far that sound alike, one
// name at a time as they arrive. A name that arrives later and changes the answer — the
// Latin spelling of someone known only in Hangul so far — takes over the earlier
// spellings' events and flows (merge_person), so the result does not depend on the order
// of ingest.
std::string Store::person_canonical(const std::string& name) {
  if (lexicon_)
    if (const auto* e = lexicon_->find(name); e && e->is_person()) return e->name;
  if (auto known =
          integer_of(*db_, "SELECT 1 FROM entities WHERE name = $1 AND kind = 'person'", {name}))
    if (integer_of(*db_, "SELECT 1 FROM person_keys WHERE name = $1", {name})) return name;
  const auto keys = resolve::name_keys(name);
  const bool hangul = resolve::has_hangul(name);
  std::set<std::string> latin, korean;
  for (const auto& k : keys)
    db_->run("SELECT name, latin FROM person_keys WHERE key = $1", {k}, [&](const Row& r) {
      if (r.text(0) != name) (r.integer(1) ? latin : korean).insert(r.text(0));
    });
  if (const std::string linked = resolve::linked_spelling(name, latin, korean); linked != name)
    return linked;
  for (const auto& k : keys)
    db_->run("INSERT INTO person_keys(key, name, latin) VALUES($1,$2,$3) ON CONFLICT DO NOTHING",
             {k, name, int64_t{hangul ? 0 : 1}});
  // Spellings known before this one that now resolve to it, by the same rule.
  for (const auto& other : korean) {
    std::set<std::string> their_latin = latin;
    if (!hangul) {
      their_latin.clear();
      for (const auto& k : resolve::name_keys(other))
        db_->run("SELECT name FROM person_keys WHERE key = $1 AND latin = 1", {k},
                 [&](const Row& r) { their_latin.insert(r.text(0)); });
    }
    if (resolve::linked_spelling(other, their_latin, {name}) == name) merge_person(other, name);
  }
  return name;
}

// Files everything known under `old_name` under `new_name`: its event arguments, its
// mention count, its flows; the old spelling becomes an alias.
void Store::merge_person(const std::string& old_name, const std::string& new_name) {
  const int64_t into = entity_id(new_name, "person");
  if (auto old_id = integer_of(*db_, "SELECT id FROM entities WHERE name = $1 AND discovered = 1",
                               {old_name})) {
    db_->run("UPDATE event_args SET entity_id = $2 WHERE entity_id = $1", {*old_id, into});
    db_->run(
        "UPDATE entities SET mentions = mentions + (SELECT mentions FROM entities WHERE id = $1) "
        "WHERE id = $2",
        {*old_id, into});
    // Spellings merged into the old entity before stay findable, and so do the mentions
    // of the article being written, counted but not yet stored.
    db_->run(
        "INSERT INTO aliases(entity_id, alias) SELECT $2, alias FROM aliases WHERE entity_id = $1 "
        "ON CONFLICT DO NOTHING",
        {*old_id, into});
    if (auto it = article_mentions_.find(*old_id); it != article_mentions_.end()) {
      article_mentions_[into] += it->second;
      article_mentions_.erase(it);
    }
    db_->run("DELETE FROM entities WHERE id = $1", {*old_id});
  }
  db_->run("INSERT INTO aliases(entity_id, alias) VALUES($1,$2) ON CONFLICT DO NOTHING",
           {into, old_name});
  db_->run("DELETE FROM person_keys WHERE name = $1", {old_name});
  std::vector<std::tuple<std::string, std::string, std::string>> partials;
  db_->run("SELECT from_org, to_org, first_day FROM move_partials WHERE person = $1", {old_name},
           [&](const Row& r) { partials.emplace_back(r.text(0), r.text(1), r.text(2)); });
  db_->run("DELETE FROM move_partials WHERE person = $1", {old_name});
  for (const auto& [from, to, day] : partials) date_partial_move(new_name, from, to, day);
  std::vector<std::tuple<std::string, std::string, std::string>> moved;
  db_->run("SELECT from_org, to_org, first_day FROM flow_people WHERE person = $1", {old_name},
           [&](const Row& r) { moved.emplace_back(r.text(0), r.text(1), r.text(2)); });
  for (const auto& [from, to, day] : moved) {
    db_->run("DELETE FROM flow_people WHERE from_org = $1 AND to_org = $2 AND person = $3",
             {from, to, old_name});
    bump_flow(from, to, month_of(day), -1);
    count_person(from, to, new_name, day);
  }
}

void Store::bump_flow(const std::string& from, const std::string& to, const std::string& month,
                      int64_t n, bool total) {
  db_->run(
      "INSERT INTO flow_months(from_org, to_org, month, people) VALUES($1,$2,$3,$4) ON "
      "CONFLICT(from_org, to_org, "
      "month) DO UPDATE SET people = flow_months.people + excluded.people",
      {from, to, month, n});
  db_->run(
      "INSERT INTO flow_years(from_org, to_org, year, people) VALUES($1,$2,$3,$4) ON "
      "CONFLICT(from_org, to_org, "
      "year) DO UPDATE SET people = flow_years.people + excluded.people",
      {from, to, month.substr(0, 4), n});
  if (total) resize_pair(from, to, n, 0);
}

// Adds `named` people and a group of `group` to a pair's all-time totals and carries
// the change of its size to both organisations and to the sources of the one gaining.
void Store::resize_pair(const std::string& from, const std::string& to, int64_t named,
                        int64_t group) {
  // One statement: SET sees the old row, so prev_size keeps the size before this change
  // (and in PostgreSQL the row stays locked until the article commits).
  int64_t size = 0, before = 0;
  db_->run(
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
  db_->run(
      "INSERT INTO flow_orgs(org, gained) VALUES($1,$2) ON CONFLICT(org) DO UPDATE SET gained = "
      "flow_orgs.gained + "
      "excluded.gained",
      {to, delta});
  db_->run(
      "INSERT INTO flow_orgs(org, lost) VALUES($1,$2) ON CONFLICT(org) DO UPDATE SET lost = "
      "flow_orgs.lost + "
      "excluded.lost",
      {from, delta});
  std::vector<std::string> labels;
  db_->run("SELECT label FROM flow_labels WHERE from_org = $1 AND to_org = $2", {from, to},
           [&](const Row& r) { labels.push_back(r.text(0)); });
  for (const auto& label : labels) bump_source(to, label, delta);
}

void Store::bump_source(const std::string& org, const std::string& label, int64_t n) {
  db_->run(
      "INSERT INTO flow_org_sources(org, label, people) VALUES($1,$2,$3) ON CONFLICT(org, label) "
      "DO UPDATE SET "
      "people = flow_org_sources.people + excluded.people",
      {org, label, n});
}

// Each person counts once per pair, in the month of the earliest report. Another writer
// may insert or move the same row between our read and write: then read again.
void Store::count_person(const std::string& from, const std::string& to, const std::string& person,
                         const std::string& day) {
  for (int attempt = 0; attempt < 4; ++attempt) {
    std::optional<std::string> known;
    db_->run(
        "SELECT first_day FROM flow_people WHERE from_org = $1 AND to_org = $2 AND person = $3",
        {from, to, person}, [&](const Row& r) { known = r.text(0); });
    if (!known) {
      if (db_->run(
              "INSERT INTO flow_people(from_org, to_org, person, first_day) VALUES($1,$2,$3,$4) "
              "ON CONFLICT DO NOTHING RETURNING 1",
              {from, to, person, day})) {
        bump_flow(from, to, month_of(day), 1);
        return;
      }
      continue;
    }
    if (!earlier(day, *known)) return;
    if (db_->run("UPDATE flow_people SET first_day = $4 WHERE from_org = $1 AND to_org = $2 AND "
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
void Store::date_partial_move(const std::string& person, const std::string& from,
                              const std::string& to, const std::string& day) {
  if (day.empty()) return;
  std::optional<std::string> known;
  db_->run(
      "SELECT first_day FROM move_partials WHERE person = $1 AND from_org = $2 AND to_org = $3",
      {person, from, to}, [&](const Row& r) { known = r.text(0); });
  if (!known)
    db_->run(
        "INSERT INTO move_partials(person, from_org, to_org, first_day) VALUES($1,$2,$3,$4) ON "
        "CONFLICT DO NOTHING",
        {person, from, to, day});
  else if (earlier(day, *known))
    db_->run(
        "UPDATE move_partials SET first_day = $4 WHERE person = $1 AND from_org = $2 AND to_org = "
        "$3",
        {person, from, to, day});
  else
    return;
  std::vector<std::pair<std::string, std::string>> counted;
  db_->run(
      "SELECT from_org, to_org FROM flow_people WHERE person = $1 AND ($2 = '' OR from_org = $2) "
      "AND ($3 = '' OR "
      "to_org = $3)",
      {person, from, to}, [&](const Row& r) { counted.emplace_back(r.text(0), r.text(1)); });
  for (const auto& [f, t] : counted) count_person(f, t, person, day);
}

void Store::record_flow(const extract::Event& e, const std::string& person, const std::string& day,
                        const std::string& doc) {
  auto canonical_org = [&](const std::string& name) {
    const auto* x = lexicon_ ? lexicon_->find(name) : nullptr;
    return x ? x->name : name;
  };
  const std::string from = canonical_org(e.slot("from")), to = canonical_org(e.slot("to"));
  if (!person.empty() && (from.empty() || to.empty()))
    return date_partial_move(person, from, to, day);
  if (from.empty() || to.empty() || from == to) return;
  const std::string& unit = e.slot("from_unit");
  const std::string& label = unit.empty() ? from : unit;
  if (db_->run("INSERT INTO flow_labels(from_org, to_org, label) VALUES($1,$2,$3) ON CONFLICT DO "
               "NOTHING RETURNING 1",
               {from, to, label}))
    if (auto size = integer_of(
            *db_, "SELECT size FROM flow_totals WHERE from_org = $1 AND to_org = $2", {from, to});
        size && *size > 0)
      bump_source(to, label, *size);
  db_->run(
      "INSERT INTO flow_sources(from_org, to_org, doc, published) VALUES($1,$2,$3,$4) ON CONFLICT "
      "DO NOTHING",
      {from, to, doc, day});
  if (!person.empty()) {
    // A report that names only one end ("X left OpenAI") is news of the same move and may be its
    // first.
    std::string first = day;
    db_->run(
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
  db_->run("SELECT first_day FROM flow_groups WHERE from_org = $1 AND to_org = $2 AND count = $3",
           {from, to, count}, [&](const Row& r) { known = r.text(0); });
  if (!known) {
    db_->run(
        "INSERT INTO flow_groups(from_org, to_org, count, first_day) VALUES($1,$2,$3,$4) ON "
        "CONFLICT DO NOTHING",
        {from, to, count, day});
    resize_pair(from, to, 0, count);
  } else if (earlier(day, *known))
    db_->run(
        "UPDATE flow_groups SET first_day = $4 WHERE from_org = $1 AND to_org = $2 AND count = $3 "
        "AND (first_day = '' OR first_day > $4)",
        {from, to, count, day});
}

Store::Added Store::add_article(const text::Document& doc, const std::string& origin,
                                const std::vector<extract::Event>& events) {
  const std::string hash = content_hash(doc.text);
  if (integer_of(*db_, "SELECT 1 FROM articles WHERE content_hash = $1", {hash}))
    return Added::AlreadyStored;
  if (dialect() == Dialect::Sqlite) return add_article_once(doc, origin, events, hash);
  // PostgreSQL: writers on other connections may deadlock with this one on the shared
  // aggregate rows; the loser's article is retried from the start after a short pause.
  std::mt19937 jitter(std::random_device{}());
  for (int attempt = 1;; ++attempt) {
    try {
      return add_article_once(doc, origin, events, hash);
    } catch (const RetryableError&) {
      if (attempt >= 30) throw;
      std::this_thread::sleep_for(
          std::chrono::milliseconds(attempt * 5 + static_cast<int>(jitter() % 20)));
    }
  }
}

Store::Added Store::add_article_once(const text::Document& doc, const std::string& origin,
                                     const std::vector<extract::Event>& events,
                                     const std::string& hash) {
  const bool sqlite = dialect() == Dialect::Sqlite;
  const size_t pending_before = pending_search_.size();
  db_->script(sqlite ? "SAVEPOINT article" : "BEGIN");
  auto undo = [&] { db_->script(sqlite ? "ROLLBACK TO article; RELEASE article" : "ROLLBACK"); };
  try {
    const auto article_id = integer_of(
        *db_,
        "INSERT INTO articles(doc, origin, content_hash, lang, url, title, published, text, "
        "outlet) VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT(content_hash) DO NOTHING "
        "RETURNING id",
        {doc.doc, origin, hash, doc.lang, doc.url, doc.title, doc.date, doc.text, doc.outlet});
    if (!article_id) {  // another writer stored it first
      article_org_ids_.clear();
      undo();
      return Added::AlreadyStored;
    }
    // Indexed for search when the batch commits: FTS5 writes out its pending terms at every
    // savepoint, so indexing inside the article's savepoint would cost a segment per article.
    if (sqlite) pending_search_.push_back({*article_id, doc.title, doc.text});
    auto& mentions = article_mentions_;  // entity id → arguments naming it; written in id order
    mentions.clear();
    for (const auto& e : events) {
      const std::string body = extract::to_json(e).dump();
      std::vector<Param> p{*article_id,
                           model::name(e.type),
                           static_cast<int64_t>(e.sentence),
                           e.evidence,
                           nullptr,
                           nullptr,
                           nullptr,
                           nullptr,
                           static_cast<int64_t>(e.cumulative),
                           doc.date,
                           body};
      if (e.amount) {
        p[4] = e.amount->value;
        p[5] = std::string_view(e.amount->currency);
        p[6] = std::string_view(e.amount->qualifier);
      }
      if (e.count) p[7] = static_cast<int64_t>(*e.count);
      const auto event_id =
          integer_of(*db_,
                     "INSERT INTO events(article_id, type, sentence, evidence, amount_value, "
                     "amount_currency, amount_qualifier, count, cumulative, published, body) "
                     "VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id",
                     p);
      std::string person;
      for (const auto& [slot, value] : e.slots) {
        if (value.empty()) continue;
        Param entity = nullptr;
        if (is_entity_slot(slot)) {
          // People are filed under the spelling they were first known by, so every
          // spelling finds the same events.
          if (slot == "person") person = person_canonical(value);
          const int64_t id = entity_id(slot == "person" ? person : value, slot);
          ++mentions[id];
          entity = id;
        }
        db_->run(
            "INSERT INTO event_args(event_id, slot, value, entity_id, published) "
            "VALUES($1,$2,$3,$4,$5)",
            {*event_id, slot, value, entity, doc.date});
        // A unit is found under its parents too (an event at Google DeepMind is news of Google).
        if (is_entity_slot(slot) && slot != "person" && lexicon_) {
          std::set<std::string> seen{value};
          for (const auto* x = lexicon_->find(value);
               x && !x->parent.empty() && seen.insert(x->parent).second;
               x = lexicon_->find(x->parent))
            db_->run(
                "INSERT INTO event_args(event_id, slot, value, entity_id, published) "
                "VALUES($1,$2,$3,$4,$5)",
                {*event_id, slot + "_within", x->parent, entity_id(x->parent, slot), doc.date});
        }
      }
      if (e.type == model::EventType::Move) record_flow(e, person, doc.date, doc.doc);
    }
    for (const auto& [id, n] : mentions)
      db_->run("UPDATE entities SET mentions = mentions + $2 WHERE id = $1", {id, n});
    db_->script(sqlite ? "RELEASE article" : "COMMIT");
    if (!in_batch_) index_for_search();
    org_ids_.merge(article_org_ids_);
    article_org_ids_.clear();
  } catch (...) {
    article_org_ids_.clear();
    pending_search_.resize(pending_before);
    try {
      undo();
    } catch (const StoreError&) {
      // The connection is gone; the original error says more.
    }
    throw;
  }
  return Added::New;
}

size_t Store::article_count() const {
  return static_cast<size_t>(integer_of(*db_, "SELECT count(*) FROM articles", {}).value_or(0));
}

size_t Store::event_count() const {
  return static_cast<size_t>(integer_of(*db_, "SELECT count(*) FROM events", {}).value_or(0));
}

namespace {

// The article columns every article query selects, in this order.
constexpr const char* kArticleColumns =
    "a.id, a.doc, a.origin, a.lang, a.url, a.title, a.published, a.content_hash";

StoredArticle article_of(const Row& row) {
  StoredArticle a;
  a.id = row.integer(0);
  a.doc = row.text(1);
  a.origin = row.text(2);
  a.lang = row.text(3);
  a.url = row.text(4);
  a.title = row.text(5);
  a.date = row.text(6);
  a.hash = row.text(7);
  a.outlet = row.text(8);
  return a;
}

}  // namespace

void Store::add_events_of(StoredArticle& a) const {
  db_->run("SELECT body FROM events WHERE article_id = $1 ORDER BY id", {a.id},
           [&](const Row& r) { a.events.push_back(nlohmann::json::parse(r.text(0))); });
}

std::vector<nlohmann::json> Store::article_events(int64_t article_id,
                                                  const std::string& type) const {
  std::vector<nlohmann::json> out;
  db_->run("SELECT body FROM events WHERE article_id = $1 AND type = $2 ORDER BY id",
           {article_id, type},
           [&](const Row& r) { out.push_back(nlohmann::json::parse(r.text(0))); });
  return out;
}

void Store::for_each_article(const std::function<void(const StoredArticle&)>& fn) const {
  // Pages by id, so no statement stays open while `fn` runs and memory stays bounded.
  int64_t after = 0;
  for (;;) {
    std::vector<StoredArticle> page;
    db_->run(fmt::format("SELECT {}, {} FROM articles a WHERE a.id > $1 ORDER BY a.id LIMIT 256",
                         kArticleColumns, outlet_column_),
             {after}, [&](const Row& r) { page.push_back(article_of(r)); });
    if (page.empty()) return;
    for (auto& a : page) {
      add_events_of(a);
      fn(a);
    }
    after = page.back().id;
  }
}

std::optional<StoredArticle> Store::article(int64_t id) const {
  std::optional<StoredArticle> out;
  db_->run(fmt::format("SELECT {}, {}, a.text FROM articles a WHERE a.id = $1", kArticleColumns,
                       outlet_column_),
           {id}, [&](const Row& r) {
             out = article_of(r);
             out->text = r.text(9);
           });
  if (out) add_events_of(*out);
  return out;
}

std::vector<SearchHit> Store::search(const std::vector<std::string>& spellings,
                                     size_t limit) const {
  std::vector<SearchHit> hits;
  const auto n = static_cast<int64_t>(limit);
  const std::string columns =
      fmt::format("a.id, a.doc, a.title, {}, a.published, a.text", outlet_column_);
  auto take = [&](const Row& r) {
    if (std::none_of(hits.begin(), hits.end(),
                     [&](const SearchHit& h) { return h.id == r.integer(0); }))
      hits.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5)});
  };
  auto like = [](const std::string& s) {
    std::string pattern = "%";
    for (char c : s) {
      if (c == '%' || c == '_' || c == '\\') pattern += '\\';
      pattern += c;
    }
    return pattern + '%';
  };
  std::vector<std::string> long_ones,
      short_ones;  // the trigram index answers three characters or more
  for (const auto& s : spellings) {
    if (s.empty()) continue;
    size_t chars = 0;
    for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
    (chars >= 3 && dialect() == Dialect::Sqlite ? long_ones : short_ones).push_back(s);
  }
  if (!long_ones.empty()) {
    std::string match;
    for (const auto& s : long_ones) {
      match += match.empty() ? "\"" : " OR \"";
      for (char c : s) match += c == '"' ? std::string("\"\"") : std::string(1, c);
      match += "\"";
    }
    // Newest first: FTS5 walks its index in rowid order and stops at the limit, where
    // ranking would score every match first.
    db_->run("SELECT " + columns +
                 " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE "
                 "articles_fts MATCH $1 ORDER BY articles_fts.rowid DESC LIMIT $2",
             {match, n}, take);
  }
  if (!short_ones.empty()) {
    std::vector<std::string> patterns;  // Params view their strings: these outlive them
    for (const auto& s : short_ones) patterns.push_back(like(s));
    std::vector<Param> params;
    std::string where;
    for (const auto& pattern : patterns) {
      params.push_back(pattern);
      where += fmt::format("{}a.text LIKE ${} ESCAPE '\\' OR a.title LIKE ${} ESCAPE '\\'",
                           where.empty() ? "" : " OR ", params.size(), params.size());
    }
    params.push_back(n);
    db_->run(fmt::format("SELECT {} FROM articles a WHERE {} ORDER BY a.id DESC LIMIT ${}", columns,
                         where, params.size()),
             params, take);
  }
  std::sort(hits.begin(), hits.end(),
            [](const SearchHit& x, const SearchHit& y) { return x.id > y.id; });
  if (hits.size() > limit) hits.resize(limit);
  return hits;
}

std::vector<std::string> Store::spellings(const std::string& canonical) const {
  std::vector<std::string> out{canonical};
  db_->run(
      "SELECT a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE e.name = $1 ORDER "
      "BY a.alias",
      {canonical}, [&](const Row& r) {
        if (std::find(out.begin(), out.end(), r.text(0)) == out.end()) out.push_back(r.text(0));
      });
  return out;
}

std::vector<EntityRow> Store::entities(const std::string& query, const std::string& kind,
                                       size_t limit) const {
  const std::string find = dialect() == Dialect::Postgres ? "strpos" : "instr";
  std::vector<EntityRow> rows;
  db_->run(
      fmt::format("SELECT e.name, e.kind, e.mentions FROM entities e WHERE e.mentions > 0 "
                  "AND (CAST($1 AS TEXT) = '' OR e.kind = $1) AND (CAST($2 AS TEXT) = '' OR "
                  "{0}(lower(e.name), "
                  "lower($2)) > 0 OR EXISTS (SELECT 1 FROM aliases a WHERE a.entity_id = e.id AND "
                  "{0}(lower(a.alias), lower($2)) > 0)) ORDER BY e.mentions DESC, e.name LIMIT $3",
                  find),
      {kind, query, limit ? static_cast<int64_t>(limit) : int64_t{1} << 40}, [&](const Row& r) {
        rows.push_back({r.text(0), r.text(1), r.integer(2)});
      });
  return rows;
}

std::string Store::entity_kind(const std::string& name) const {
  std::string kind;
  db_->run("SELECT kind FROM entities WHERE name = $1", {name},
           [&](const Row& r) { kind = r.text(0); });
  return kind;
}

std::optional<std::string> Store::canonical_entity(const std::string& name) const {
  std::optional<std::string> out;
  auto take = [&](const Row& r) {
    if (!out) out = r.text(0);
  };
  db_->run("SELECT name FROM entities WHERE name = $1", {name}, take);
  if (!out)
    db_->run(
        "SELECT e.name FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE a.alias = $1",
        {name}, take);
  if (!out) db_->run("SELECT name FROM entities WHERE lower(name) = lower($1)", {name}, take);
  if (!out) {
    // A person in a spelling not seen before may sound like one who is known.
    for (const auto& key : resolve::name_keys(name)) {
      db_->run("SELECT name FROM person_keys WHERE key = $1 ORDER BY latin DESC, name", {key},
               take);
      if (out) break;
    }
  }
  return out;
}

// The SQL for a filtered event read. Person and organisation filters read through the
// entity index, newest first when asked, so a page of a busy entity costs what a page
// of a quiet one does.
// The conditions on the article's date and language, read from `table`'s published
// column (events and event_args both keep it, so a range stays on their date indexes)
// and from the articles row joined as `a`. Empty when the filter sets neither.
std::string Store::article_conditions(const EventFilter& f, const char* table,
                                      std::vector<Param>& params, std::string& before) const {
  std::string where;
  if (f.undated)
    return fmt::format(" AND {}.published = ''", table) + language_condition(f, params);
  if (!f.since.empty()) {
    params.push_back(std::string_view(f.since));
    where += fmt::format(" AND {}.published >= ${}", table, params.size());
  }
  if (!f.until.empty()) {
    before = date_after(f.until);  // Params view their strings: the caller keeps this one
    params.push_back(std::string_view(before));
    // An undated article ('') sorts before every date but lies in no window.
    where += fmt::format(" AND {0}.published < ${1} AND {0}.published <> ''", table, params.size());
  }
  return where + language_condition(f, params);
}

std::string Store::language_condition(const EventFilter& f, std::vector<Param>& params) const {
  if (f.lang.empty()) return "";
  params.push_back(std::string_view(f.lang));
  return fmt::format(" AND a.lang = ${}", params.size());
}

std::string Store::event_query(const EventFilter& f, bool count, std::vector<Param>& params,
                               std::string& person, std::string& org, std::string& before) const {
  if (!f.person.empty()) person = canonical_entity(f.person).value_or(f.person);
  if (!f.org.empty()) org = canonical_entity(f.org).value_or(f.org);
  // Each condition only when asked for, so the planner can read the type's date index.
  std::string where = "TRUE";
  params.clear();
  if (!f.type.empty()) {
    params.push_back(std::string_view(f.type));
    where = "ev.type = $1";
  }
  std::string from = "events ev";
  auto by_entity = [&](const std::string& name, const char* slots) {
    params.push_back(std::string_view(name));
    where += fmt::format(
        " AND EXISTS (SELECT 1 FROM event_args g JOIN entities n ON n.id = g.entity_id WHERE "
        "g.event_id = ev.id AND n.name = ${} AND g.slot {})",
        params.size(), slots);
  };
  if (!person.empty()) by_entity(person, "= 'person'");
  if (!org.empty()) by_entity(org, "<> 'person'");
  where += article_conditions(f, "ev", params, before);
  if (count)
    return fmt::format("SELECT count(*) FROM {}{} WHERE {}", from,
                       f.lang.empty() ? "" : " JOIN articles a ON a.id = ev.article_id", where);
  const std::string order = f.newest_first ? "ev.published DESC, ev.id DESC" : "ev.id";
  params.push_back(f.limit ? static_cast<int64_t>(f.limit) : int64_t{1} << 40);
  params.push_back(static_cast<int64_t>(f.offset));
  return fmt::format(
      "SELECT ev.id, a.doc, a.published, ev.body, a.id, a.title, {}, a.url FROM {} JOIN articles a "
      "ON a.id = ev.article_id WHERE {} ORDER BY {} LIMIT ${} OFFSET ${}",
      outlet_column_, from, where, order, params.size() - 1, params.size());
}

// The SQL for the events of one entity (the person when given, else the organisation),
// newest first, read off the entity index; the other filter, if any, is checked per row.
// "" when the entity is unknown.
std::string Store::entity_event_query(const EventFilter& f, bool count, std::vector<Param>& params,
                                      std::string& name, std::string& other,
                                      std::string& before) const {
  const bool by_person = !f.person.empty();
  name = canonical_entity(by_person ? f.person : f.org).value_or(by_person ? f.person : f.org);
  const auto id = integer_of(*db_, "SELECT id FROM entities WHERE name = $1", {name});
  if (!id) return "";
  params = {*id, std::string_view(f.type)};
  std::string also;
  if (by_person && !f.org.empty()) {
    other = canonical_entity(f.org).value_or(f.org);
    params.push_back(std::string_view(other));
    also =
        " AND EXISTS (SELECT 1 FROM event_args o JOIN entities m ON m.id = o.entity_id WHERE "
        "o.event_id = g.event_id "
        "AND m.name = $3 AND o.slot <> 'person')";
  }
  const std::string where = fmt::format(
      "g.entity_id = $1 AND (CAST($2 AS TEXT) = '' OR ev.type = $2) AND g.slot {}{}{}",
      by_person ? "= 'person'" : "<> 'person'", also, article_conditions(f, "g", params, before));
  const size_t n = params.size();
  params.push_back(f.limit ? static_cast<int64_t>(f.limit) : int64_t{1} << 40);
  if (count)
    return fmt::format(
        "SELECT count(*) FROM (SELECT DISTINCT g.event_id FROM event_args g JOIN events ev ON "
        "ev.id = "
        "g.event_id{} WHERE {} LIMIT ${}) AS matched",
        f.lang.empty() ? "" : " JOIN articles a ON a.id = ev.article_id", where, n + 1);
  params.push_back(static_cast<int64_t>(f.offset));
  // An event names the entity in more than one slot at times (from and to, a unit and its
  // parent): pages are of distinct events, so limit and offset count events, not
  // arguments. Its copies sit side by side in the index order, (published, event_id), so
  // DISTINCT drops them as the index is read, without a sort.
  return fmt::format(
      "SELECT ev.id, a.doc, a.published, ev.body, a.id, a.title, {0}, a.url FROM (SELECT DISTINCT "
      "g.published, g.event_id FROM event_args g JOIN events ev ON ev.id = g.event_id{1} WHERE {2} "
      "ORDER BY g.published DESC, g.event_id DESC LIMIT ${3} OFFSET ${4}) AS picked JOIN events ev "
      "ON "
      "ev.id = picked.event_id JOIN articles a ON a.id = ev.article_id ORDER BY picked.published "
      "DESC, "
      "picked.event_id DESC",
      outlet_column_, f.lang.empty() ? "" : " JOIN articles a ON a.id = ev.article_id", where,
      n + 1, n + 2);
}

namespace {
// A row of event_query or entity_event_query.
EventRow event_row(const Row& r) {
  return {r.integer(0), r.text(1), r.text(2), nlohmann::json::parse(r.text(3)),
          r.integer(4), r.text(5), r.text(6), r.text(7)};
}
}  // namespace

std::vector<EventRow> Store::events(const EventFilter& f) const {
  std::vector<Param> params;
  std::string person, org;
  std::vector<EventRow> rows;
  // A busy entity's newest events come straight off the entity index: its id first, so
  // the planner reads (entity_id, published, event_id) backwards and stops at the limit.
  if (f.newest_first && (!f.org.empty() || !f.person.empty())) {
    std::vector<Param> p;
    std::string name, other, before;
    const std::string sql = entity_event_query(f, false, p, name, other, before);
    if (sql.empty()) return rows;
    db_->run(sql, p, [&](const Row& r) { rows.push_back(event_row(r)); });
    return rows;
  }
  std::string before;
  const std::string sql = event_query(f, false, params, person, org, before);
  db_->run(sql, params, [&](const Row& r) { rows.push_back(event_row(r)); });
  return rows;
}

size_t Store::count_events(const EventFilter& f, size_t cap) const {
  std::vector<Param> params;
  std::string person, org;
  if (!f.org.empty() || !f.person.empty()) {
    EventFilter bounded = f;
    bounded.limit = cap > 0 ? cap + 1 : 0;
    std::string before;
    const std::string sql = entity_event_query(bounded, true, params, person, org, before);
    return sql.empty() ? 0 : static_cast<size_t>(integer_of(*db_, sql, params).value_or(0));
  }
  std::string before;
  std::string sql = event_query(f, true, params, person, org, before);
  if (cap > 0) {
    // Counting stops past the cap: a busy corpus's count would cost a scan of millions.
    sql.replace(0, sql.find(" FROM "), "SELECT 1");
    params.push_back(static_cast<int64_t>(cap) + 1);
    sql = fmt::format("SELECT count(*) FROM ({} LIMIT ${}) AS capped", sql, params.size());
  }
  return static_cast<size_t>(integer_of(*db_, sql, params).value_or(0));
}

std::vector<FlowPair> Store::flow_pairs(const std::string& since, const std::string& until) const {
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
    db_->run("SELECT from_org, to_org, people, group_max FROM flow_totals WHERE size > 0", {},
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
        db_->run("SELECT from_org, to_org, people FROM flow_years WHERE year >= $1 AND year <= $2",
                 {parts->years->first, parts->years->second}, add_named);
      for (const auto& [a, b] : parts->months)
        db_->run(
            "SELECT from_org, to_org, people FROM flow_months WHERE month >= $1 AND month <= $2",
            {a, b}, add_named);
    } else {
      db_->run("SELECT from_org, to_org, count(*) FROM flow_people WHERE " +
                   window_sql("first_day", 1) + " GROUP BY from_org, to_org",
               window, add_named);
    }
    db_->run("SELECT from_org, to_org, max(count) FROM flow_groups WHERE " +
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

std::vector<FlowPair> Store::largest_flow_pairs(size_t limit) const {
  std::vector<FlowPair> out;
  db_->run(
      "SELECT from_org, to_org, people, group_max FROM flow_totals WHERE size > 0 ORDER BY size "
      "DESC, from_org, "
      "to_org LIMIT $1",
      {static_cast<int64_t>(limit)}, [&](const Row& r) { out.push_back(pair_row(r)); });
  return out;
}

std::vector<FlowPair> Store::flow_pairs_of(const std::vector<std::string>& orgs) const {
  std::vector<FlowPair> out;
  std::set<std::pair<std::string, std::string>> seen;
  auto take = [&](const Row& r) {
    if (seen.emplace(r.text(0), r.text(1)).second) out.push_back(pair_row(r));
  };
  for (const auto& org : orgs) {
    db_->run(
        "SELECT from_org, to_org, people, group_max FROM flow_totals WHERE from_org = $1 AND size "
        "> 0",
        {org}, take);
    db_->run(
        "SELECT from_org, to_org, people, group_max FROM flow_totals WHERE to_org = $1 AND size > "
        "0",
        {org}, take);
  }
  return out;
}

size_t Store::flow_pair_count() const {
  return static_cast<size_t>(
      integer_of(*db_, "SELECT count(*) FROM flow_totals WHERE size > 0", {}).value_or(0));
}

std::vector<FlowBalance> Store::flow_balances(size_t sources_per_org) const {
  std::vector<FlowBalance> out;
  db_->run("SELECT org, gained, lost FROM flow_orgs WHERE gained > 0 OR lost > 0 ORDER BY org", {},
           [&](const Row& r) {
             out.push_back({r.text(0), r.integer(1), r.integer(2), {}});
           });
  for (auto& b : out)
    db_->run(
        "SELECT label, people FROM flow_org_sources WHERE org = $1 AND people > 0 ORDER BY people "
        "DESC, label DESC "
        "LIMIT $2",
        {b.org, static_cast<int64_t>(sources_per_org)},
        [&](const Row& r) { b.sources.emplace_back(r.text(0), r.integer(1)); });
  return out;
}

std::vector<std::string> Store::flow_people(const std::string& from, const std::string& to,
                                            const std::string& since, const std::string& until,
                                            size_t limit) const {
  std::vector<std::string> out;
  auto take = [&](const Row& r) { out.push_back(r.text(0)); };
  const auto n = static_cast<int64_t>(limit);
  if (!since.empty() || !until.empty())
    db_->run("SELECT person FROM flow_people WHERE from_org = $3 AND to_org = $4 AND " +
                 window_sql("first_day", 1) + " ORDER BY first_day, person LIMIT $5",
             {since, date_after(until), from, to, n}, take);
  else
    db_->run(
        "SELECT person FROM flow_people WHERE from_org = $1 AND to_org = $2 ORDER BY first_day, "
        "person LIMIT $3",
        {from, to, n}, take);
  return out;
}

std::map<std::pair<std::string, std::string>, std::vector<std::string>> Store::flow_labels() const {
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> out;
  db_->run("SELECT from_org, to_org, label FROM flow_labels ORDER BY from_org, to_org, label", {},
           [&](const Row& r) {
             out[{r.text(0), r.text(1)}].push_back(r.text(2));
           });
  return out;
}

std::vector<FlowPair> Store::undated_flow_pairs() const {
  std::map<std::pair<std::string, std::string>, FlowPair> pairs;
  auto pair_of = [&](const Row& r) -> FlowPair& {
    auto& p = pairs[{r.text(0), r.text(1)}];
    p.from = r.text(0);
    p.to = r.text(1);
    return p;
  };
  db_->run("SELECT from_org, to_org, people FROM flow_months WHERE month = ''", {},
           [&](const Row& r) { pair_of(r).named += r.integer(2); });
  db_->run(
      "SELECT from_org, to_org, max(count) FROM flow_groups WHERE first_day = '' GROUP BY "
      "from_org, to_org",
      {}, [&](const Row& r) { pair_of(r).largest_group = r.integer(2); });
  std::vector<FlowPair> out;
  for (auto& [key, p] : pairs)
    if (p.named > 0 || p.largest_group > 0) out.push_back(std::move(p));
  return out;
}

int64_t Store::flow_version() const {
  // Articles are only ever added, each with its aggregates, in one transaction.
  return integer_of(*db_, "SELECT coalesce(max(id), 0) FROM articles", {}).value_or(0);
}

void Store::for_each_flow_count(const std::function<void(FlowCountKind, std::string, std::string,
                                                         std::string, int64_t)>& fn) const {
  db_->run("SELECT from_org, to_org, year, people FROM flow_years", {}, [&](const Row& r) {
    fn(FlowCountKind::Year, r.text(0), r.text(1), r.text(2), r.integer(3));
  });
  db_->run("SELECT from_org, to_org, month, people FROM flow_months", {}, [&](const Row& r) {
    fn(FlowCountKind::Month, r.text(0), r.text(1), r.text(2), r.integer(3));
  });
  db_->run("SELECT from_org, to_org, first_day, count FROM flow_groups", {}, [&](const Row& r) {
    fn(FlowCountKind::Group, r.text(0), r.text(1), r.text(2), r.integer(3));
  });
}

std::vector<std::string> Store::flow_labels(const std::string& from, const std::string& to) const {
  std::vector<std::string> out;
  db_->run("SELECT label FROM flow_labels WHERE from_org = $1 AND to_org = $2 ORDER BY label",
           {from, to}, [&](const Row& r) { out.push_back(r.text(0)); });
  return out;
}

std::vector<ArticleLabel> Store::flow_sources(const std::string& from, const std::string& to,
                                              const std::string& since, const std::string& until,
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
    db_->run(
        labelled(
            "SELECT doc, published FROM flow_sources WHERE from_org = $3 AND to_org = $4 AND " +
            window_sql("published", 1) + " ORDER BY published DESC, doc DESC LIMIT $5"),
        {since, date_after(until), from, to, n}, take);
  else
    db_->run(labelled("SELECT doc, published FROM flow_sources WHERE from_org = $1 AND to_org = $2 "
                      "ORDER BY published "
                      "DESC, doc DESC LIMIT $3"),
             {from, to, n}, take);
  return out;
}

}  // namespace tw::store
