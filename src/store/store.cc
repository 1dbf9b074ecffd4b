// store — the thin Store: opening a database (SQLite file or PostgreSQL URL), its schema
// and the lexicon's entities, batches, counts. The jobs behind it have a file each:
// article_writer.cc, person_linker.cc, flow_aggregates.cc, readers.cc.
#include "store/store.h"

#include <fmt/format.h>

#include <chrono>

#include "resolve/phonetic.h"
#include "store/internal.h"
#include "store/postgres_connection.h"
#include "store/schema.h"
#include "store/sqlite_connection.h"

namespace tw::store {

using namespace internal;

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

Store::Store(const std::string& location, const knowledge::Lexicon* lexicon, Mode mode)
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

size_t Store::article_count() const {
  return static_cast<size_t>(integer_of(*db_, "SELECT count(*) FROM articles", {}).value_or(0));
}

size_t Store::event_count() const {
  return static_cast<size_t>(integer_of(*db_, "SELECT count(*) FROM events", {}).value_or(0));
}

}  // namespace tw::store
