// store — the thin Store: opening a database (SQLite file or PostgreSQL URL), its schema
// and the lexicon's entities, and each call handed to the job it belongs to.
#include "store/store.h"

#include <fmt/format.h>

#include <chrono>

#include "resolve/phonetic.h"
#include "store/article_writer.h"
#include "store/entity_ids.h"
#include "store/flow_aggregates.h"
#include "store/internal.h"
#include "store/person_linker.h"
#include "store/postgres_connection.h"
#include "store/readers.h"
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

namespace {

// The lexicon's entities and aliases, so lookups by any spelling work in SQL too.
void seed_lexicon(Connection& db, const knowledge::Lexicon* lexicon) {
  if (!lexicon) return;
  const auto have = integer_of(db, "SELECT count(*) FROM entities WHERE discovered = 0", {});
  if (have.value_or(0) >= static_cast<int64_t>(lexicon->size())) return;
  in_transaction(db, [&] {
    for (size_t i = 0; i < lexicon->size(); ++i) {
      const auto& e = lexicon->entity(static_cast<uint32_t>(i));
      const auto id = integer_of(
          db,
          "INSERT INTO entities(name, kind, org_kind, parent) VALUES($1,$2,$3,$4) ON "
          "CONFLICT(name) "
          "DO UPDATE SET kind=excluded.kind, org_kind=excluded.org_kind, parent=excluded.parent, "
          "discovered=0 RETURNING id",
          {e.name, e.is_org() ? "org" : "person", e.org_kind, e.parent});
      for (const auto& a : e.aliases)
        db.run("INSERT INTO aliases(entity_id, alias) VALUES($1,$2) ON CONFLICT DO NOTHING",
               {*id, a});
      if (e.is_person())
        for (const auto& key : resolve::name_keys(e.name))
          db.run("INSERT INTO person_keys(key, name, latin) VALUES($1,$2,1) ON CONFLICT DO NOTHING",
                 {key, e.name});
    }
  });
}

// The schema created or migrated, and the lexicon seeded.
void set_up(Connection& db, const knowledge::Lexicon* lexicon) {
  if (db.dialect() == Dialect::Sqlite) {
    db.script("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON");
    migrate(db);
    seed_lexicon(db, lexicon);
    return;
  }
  // Workers starting together would race on CREATE … IF NOT EXISTS and on seeding; one
  // sets the database up, the others wait for it.
  db.script("SELECT pg_advisory_lock(7271)");
  try {
    migrate(db);
    seed_lexicon(db, lexicon);
    db.script("SELECT pg_advisory_unlock(7271)");
  } catch (...) {
    db.script("SELECT pg_advisory_unlock(7271)");
    throw;
  }
}

}  // namespace

Store::Store(const std::string& location, const knowledge::Lexicon* lexicon, Mode mode) {
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
  } else {
    try {
      set_up(*db_, lexicon);
    } catch (const StoreError& e) {
      throw StoreError(fmt::format("{}: {}", location, e.what()));
    }
  }
  // A database written before articles had an outlet is read, not changed.
  const std::string outlet = has_column(*db_, "articles", "outlet") ? "a.outlet" : "''";
  ids_ = std::make_unique<EntityIds>(*db_);
  flows_ = std::make_unique<FlowAggregates>(*db_, lexicon, outlet);
  linker_ = std::make_unique<PersonLinker>(*db_, lexicon, *ids_, *flows_);
  writer_ = std::make_unique<ArticleWriter>(*db_, lexicon, *ids_, *linker_, *flows_);
  readers_ = std::make_unique<Readers>(*db_, outlet);
}

Store::~Store() = default;  // the writer commits an open batch

Store::Added Store::add_article(const text::Document& doc, const std::string& origin,
                                const std::vector<extract::Event>& events) {
  return writer_->add(doc, origin, events);
}
void Store::begin_batch() { writer_->begin_batch(); }
void Store::commit_batch() { writer_->commit_batch(); }
bool Store::in_batch() const { return writer_->in_batch(); }
std::string Store::content_hash(std::string_view text) { return ArticleWriter::content_hash(text); }

size_t Store::article_count() const { return readers_->article_count(); }
size_t Store::event_count() const { return readers_->event_count(); }
void Store::for_each_article(const std::function<void(const StoredArticle&)>& fn) const {
  readers_->for_each_article(fn);
}
std::vector<EventRow> Store::events(const EventFilter& filter) const {
  return readers_->events(filter);
}
size_t Store::count_events(const EventFilter& filter, size_t cap) const {
  return readers_->count_events(filter, cap);
}
std::optional<StoredArticle> Store::article(int64_t id) const { return readers_->article(id); }
std::vector<SearchHit> Store::search(const std::vector<std::string>& spellings,
                                     size_t limit) const {
  return readers_->search(spellings, limit);
}
std::vector<std::string> Store::spellings(const std::string& canonical) const {
  return readers_->spellings(canonical);
}
std::vector<EntityRow> Store::entities(const std::string& query, const std::string& kind,
                                       size_t limit) const {
  return readers_->entities(query, kind, limit);
}
std::optional<std::string> Store::canonical_entity(const std::string& name) const {
  return readers_->canonical_entity(name);
}
std::string Store::entity_kind(const std::string& name) const {
  return readers_->entity_kind(name);
}
std::vector<nlohmann::json> Store::article_events(int64_t article_id,
                                                  const std::string& type) const {
  return readers_->article_events(article_id, type);
}

std::vector<FlowPair> Store::flow_pairs(const std::string& since, const std::string& until) const {
  return flows_->flow_pairs(since, until);
}
std::vector<FlowPair> Store::largest_flow_pairs(size_t limit) const {
  return flows_->largest_flow_pairs(limit);
}
std::vector<FlowPair> Store::flow_pairs_of(const std::vector<std::string>& orgs) const {
  return flows_->flow_pairs_of(orgs);
}
std::vector<FlowPair> Store::undated_flow_pairs() const { return flows_->undated_flow_pairs(); }
size_t Store::flow_pair_count() const { return flows_->flow_pair_count(); }
int64_t Store::flow_version() const { return flows_->flow_version(); }
void Store::for_each_flow_count(const std::function<void(FlowCountKind, std::string, std::string,
                                                         std::string, int64_t)>& fn) const {
  flows_->for_each_flow_count(fn);
}
std::vector<FlowBalance> Store::flow_balances(size_t sources_per_org) const {
  return flows_->flow_balances(sources_per_org);
}
std::vector<std::string> Store::flow_people(const std::string& from, const std::string& to,
                                            const std::string& since, const std::string& until,
                                            size_t limit) const {
  return flows_->flow_people(from, to, since, until, limit);
}
std::map<std::pair<std::string, std::string>, std::vector<std::string>> Store::flow_labels() const {
  return flows_->flow_labels();
}
std::vector<std::string> Store::flow_labels(const std::string& from, const std::string& to) const {
  return flows_->flow_labels(from, to);
}
std::vector<ArticleLabel> Store::flow_sources(const std::string& from, const std::string& to,
                                              const std::string& since, const std::string& until,
                                              size_t limit) const {
  return flows_->flow_sources(from, to, since, until, limit);
}

}  // namespace tw::store
