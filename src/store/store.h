// store — articles (content hash, source, language, date, cleaned text), entities and
// their spellings, events with their arguments and evidence, and the aggregates the
// dashboard reads, in SQLite (one file, WAL) or PostgreSQL (many writers).
//
// Ingest is idempotent: an article whose cleaned text hashes to one already stored
// adds nothing, whichever worker stores it first. Each article is written atomically
// (a savepoint in SQLite's batch transaction, a transaction of its own in PostgreSQL,
// retried when it loses a race), so one failing article loses nothing else.
//
// Aggregates are kept current as events arrive, so the dashboard's questions cost the
// same at ten events or ten million: talent flows per organisation pair (distinct
// people, by month of first report), mention counts per entity, and indexes that read
// the newest events of a type or an entity without a sort.
//
// Store is the face of the stage, thin: it opens the database and hands each call to the
// job it belongs to, a class each, in the order an article meets them — schema.h
// (numbered versions, migrations), ArticleWriter (article_writer.h), EntityIds, PersonLinker
// (person_linker.h: the one linker of people's names, by resolve/person_links.h),
// FlowAggregates (flow_aggregates.h: written on ingest, read by flows) and Readers
// (readers.h: articles, search, entities, pages of events). connection.h writes the SQL
// once for both databases.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "extract/event.h"
#include "knowledge/lexicon.h"
#include "store/connection.h"
#include "text/document.h"

namespace tw::store {

using model::Slot;

struct StoredArticle {
  int64_t id = 0;
  std::string doc, origin, lang, url, title, date, hash;
  std::string outlet;
  std::string text;                    // filled by article(), not by for_each_article()
  std::vector<nlohmann::json> events;  // spec-shaped event objects
};

struct SearchHit {
  int64_t id = 0;
  std::string doc, title, outlet, date;
  std::string text;  // the article's text, to cut a snippet from
};

struct EntityRow {
  std::string name, kind;
  int64_t events = 0;  // how many stored events name it
};

struct EventRow {
  int64_t id = 0;
  std::string doc, date;
  nlohmann::json event;
  int64_t article_id = 0;
  std::string title, outlet, url;  // of the article, as people know it
};

// An article as a source is shown: who published it, its headline, date and link.
struct ArticleLabel {
  int64_t article_id = 0;
  std::string doc, title, outlet, url, date;
};

struct EventFilter {
  std::string type;  // exact event type, or "" for all
  std::string
      org;  // an organisation slot names it (any spelling; a unit's own name finds the unit)
  std::string person;  // the person slot names them (any spelling)
  std::string since{},
      until{};         // the article's date in [since, until] (ISO prefixes, inclusive); "" = open
  std::string lang{};  // the article's language ("ko", "en"), or "" for all
  bool undated = false;  // only articles that give no date (since and until unused)
  size_t offset = 0;
  size_t limit = 0;           // 0: all
  bool newest_first = false;  // by publication date, then ingest order; otherwise ingest order
};

// A flow of people between two organisations, as kept by the aggregates.
struct FlowPair {
  std::string from, to;
  int64_t named = 0;          // distinct people named, first reported in the window
  int64_t largest_group = 0;  // the largest head-count reported for unnamed people
};

// Which aggregate a flow count comes from (Store::for_each_flow_count).
enum class FlowCountKind { Year, Month, Group };

// The first date after every date that starts with `until` ("2025" → "2026", "2025-12"
// → "2026-01", "2025-02-28" → "2025-03-01"; "" → after every date), so a window is a
// range an index can read. Dates are fixed-width ISO, so they order the same under any
// collation.
std::string date_after(const std::string& until);

// An organisation's all-time balance: people gained and lost over all its pairs, and
// the largest sources of its gains (organisation or unit, with people).
struct FlowBalance {
  std::string org;
  int64_t gained = 0, lost = 0;
  std::vector<std::pair<std::string, int64_t>> sources;
};

// What storing an article did.
enum class Added { New, AlreadyStored };

// The jobs behind the Store, one class each (the headers of the same names).
class EntityIds;
class FlowAggregates;
class PersonLinker;
class ArticleWriter;
class Readers;

class Store {
 public:
  enum class Mode { ReadWrite, ReadOnly };
  // `location` is a SQLite file path or a postgresql:// URL.
  explicit Store(const std::string& location, const knowledge::Lexicon* lexicon = nullptr,
                 Mode mode = Mode::ReadWrite);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  Dialect dialect() const { return db_->dialect(); }
  // How long a write waits for another writer before BusyError (see Connection).
  void set_write_wait(std::chrono::milliseconds wait) { db_->set_write_wait(wait); }
  // Queries after `deadline` are stopped with QueryTimeout (see Connection).
  void set_deadline(std::chrono::steady_clock::time_point deadline,
                    std::function<bool()> abandoned = {}) {
    db_->set_deadline(deadline, std::move(abandoned));
  }
  // The connection is lost for good (see Connection::broken).
  bool broken() const { return db_->broken(); }
  // A consistent copy of the database into a new SQLite file (see Connection::backup_to).
  void backup_to(const std::string& path) { db_->backup_to(path); }

  using Added = store::Added;
  // Stores one article and its events; throws StoreError (the article is rolled back, the batch
  // lives on).
  Added add_article(const text::Document& doc, const std::string& origin,
                    const std::vector<extract::Event>& events);

  // Groups many articles into one transaction (SQLite; PostgreSQL commits each article).
  // SQLite: one write transaction (BEGIN IMMEDIATE: it waits its turn for the write lock
  // up front, never half-way) over many articles; PostgreSQL writes each article alone.
  void begin_batch();
  void commit_batch();
  bool in_batch() const;

  size_t article_count() const;
  size_t event_count() const;

  // Articles in id order, with their events.
  void for_each_article(const std::function<void(const StoredArticle&)>& fn) const;
  std::vector<EventRow> events(const EventFilter& filter) const;
  // How many events match (offset and limit aside); with a cap, at most cap + 1.
  size_t count_events(const EventFilter& filter, size_t cap = 0) const;

  // One article with its text and events; nullopt for an unknown id.
  std::optional<StoredArticle> article(int64_t id) const;
  // Articles whose title or text contains any of `spellings` as written (case aside),
  // newest first (SQLite: FTS5 with the trigram tokenizer for three characters or more,
  // so Korean works, and a scan for shorter ones such as 메타; PostgreSQL: LIKE).
  std::vector<SearchHit> search(const std::vector<std::string>& spellings, size_t limit) const;
  // Every spelling of a stored entity (its name and the aliases the store knows).
  std::vector<std::string> spellings(const std::string& canonical) const;
  // Entities named by stored events, most mentioned first; `query` matches any spelling.
  std::vector<EntityRow> entities(const std::string& query, const std::string& kind,
                                  size_t limit = 0) const;
  // The stored name of an entity given in any spelling, or nullopt.
  std::optional<std::string> canonical_entity(const std::string& name) const;
  // "person" or "org" for a stored name, "" when unknown.
  std::string entity_kind(const std::string& name) const;

  // Flows between organisation pairs, from the aggregates. A window is [since, until]
  // as ISO date prefixes ("" for open) and counts people by their first report.
  std::vector<FlowPair> flow_pairs(const std::string& since,
                                   const std::string& until) const;  // every pair
  std::vector<FlowPair> largest_flow_pairs(size_t limit) const;      // all time, largest first
  std::vector<FlowPair> flow_pairs_of(
      const std::vector<std::string>& orgs) const;  // all time, into or out of them
  // People and groups first reported without a date, per pair: no window can place them.
  std::vector<FlowPair> undated_flow_pairs() const;
  size_t flow_pair_count() const;
  // Changes whenever the flow aggregates may have (an article was stored).
  int64_t flow_version() const;
  // Every count the windowed flows are summed from: people per pair and year, and per
  // pair and month (key "YYYY" or "YYYY-MM"), and each reported group's head-count with
  // the day it was first reported (key that day, "" when undated).
  void for_each_flow_count(const std::function<void(FlowCountKind, std::string from, std::string to,
                                                    std::string key, int64_t n)>& fn) const;
  // All time: every organisation's gain and loss, with its largest sources.
  std::vector<FlowBalance> flow_balances(size_t sources_per_org) const;
  // People of a pair, earliest first report first.
  std::vector<std::string> flow_people(const std::string& from, const std::string& to,
                                       const std::string& since, const std::string& until,
                                       size_t limit) const;
  // Per pair, the names of what people moved from (the organisation, or its units).
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> flow_labels() const;
  std::vector<std::string> flow_labels(const std::string& from, const std::string& to) const;
  // Articles that report a move of the pair, newest first.
  // The events of one article of one type, as spec JSON, in the order found.
  std::vector<nlohmann::json> article_events(int64_t article_id, const std::string& type) const;
  std::vector<ArticleLabel> flow_sources(const std::string& from, const std::string& to,
                                         const std::string& since, const std::string& until,
                                         size_t limit) const;

  static std::string content_hash(std::string_view text);  // SHA-256, hex

 private:
  std::unique_ptr<Connection> db_;
  std::unique_ptr<EntityIds> ids_;
  std::unique_ptr<FlowAggregates> flows_;
  std::unique_ptr<PersonLinker> linker_;
  std::unique_ptr<ArticleWriter> writer_;
  std::unique_ptr<Readers> readers_;
};

}  // namespace tw::store
