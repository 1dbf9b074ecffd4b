#include "store/schema.h"

#include <fmt/format.h>

#include <functional>
#include <vector>

namespace tw::store {
namespace {

// The schema, written once for both databases: {id}, {real} and {now} are filled per dialect.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS articles(
  id {id},
  doc TEXT NOT NULL,
  origin TEXT,
  content_hash TEXT NOT NULL UNIQUE,
  lang TEXT NOT NULL,
  url TEXT, title TEXT, published TEXT,
  outlet TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL,
  ingested_at TEXT NOT NULL DEFAULT {now});
CREATE TABLE IF NOT EXISTS entities(
  id {id},
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,           -- org | person
  org_kind TEXT, parent TEXT,
  discovered INTEGER NOT NULL DEFAULT 0,
  mentions BIGINT NOT NULL DEFAULT 0);  -- event arguments naming it, kept current on ingest
CREATE TABLE IF NOT EXISTS aliases(
  entity_id BIGINT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  PRIMARY KEY(entity_id, alias));
CREATE TABLE IF NOT EXISTS events(
  id {id},
  article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  sentence INTEGER,
  evidence TEXT NOT NULL,
  amount_value {real}, amount_currency TEXT, amount_qualifier TEXT,
  count BIGINT,
  cumulative INTEGER NOT NULL DEFAULT 0,
  published TEXT NOT NULL DEFAULT '',  -- the article's date, so date-ordered reads need no join
  body TEXT NOT NULL);          -- the event as spec JSON
CREATE TABLE IF NOT EXISTS event_args(
  event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  slot TEXT NOT NULL,
  value TEXT NOT NULL,
  entity_id BIGINT REFERENCES entities(id),
  published TEXT NOT NULL DEFAULT '');
-- Spellings of people by phonetic key, to link a new name to one already known.
CREATE TABLE IF NOT EXISTS person_keys(
  key TEXT NOT NULL, name TEXT NOT NULL, latin INTEGER NOT NULL,
  PRIMARY KEY(key, name));
-- Talent flows, kept current on ingest: each person once per organisation pair, dated by
-- the first report; monthly and all-time counts of them; unnamed groups by head-count.
CREATE TABLE IF NOT EXISTS flow_people(
  from_org TEXT NOT NULL, to_org TEXT NOT NULL, person TEXT NOT NULL, first_day TEXT NOT NULL,
  PRIMARY KEY(from_org, to_org, person));
CREATE TABLE IF NOT EXISTS flow_months(
  from_org TEXT NOT NULL, to_org TEXT NOT NULL, month TEXT NOT NULL, people BIGINT NOT NULL,
  PRIMARY KEY(from_org, to_org, month));
CREATE TABLE IF NOT EXISTS flow_years(
  from_org TEXT NOT NULL, to_org TEXT NOT NULL, year TEXT NOT NULL, people BIGINT NOT NULL,
  PRIMARY KEY(from_org, to_org, year));
-- All-time per pair: people named, the largest unnamed group, and the pair's size (the
-- larger of the two); per organisation the sizes of the pairs into and out of it, and
-- into it by what people left (the organisation or its unit). Changes of a pair's size
-- are carried to its organisations as deltas, so the ranking is read, never summed.
CREATE TABLE IF NOT EXISTS flow_totals(
  from_org TEXT NOT NULL, to_org TEXT NOT NULL, people BIGINT NOT NULL,
  group_max BIGINT NOT NULL DEFAULT 0, size BIGINT NOT NULL DEFAULT 0,
  prev_size BIGINT NOT NULL DEFAULT 0,  -- size before the latest change (see resize_pair)
  PRIMARY KEY(from_org, to_org));
CREATE TABLE IF NOT EXISTS flow_orgs(
  org TEXT NOT NULL PRIMARY KEY, gained BIGINT NOT NULL DEFAULT 0, lost BIGINT NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS flow_org_sources(
  org TEXT NOT NULL, label TEXT NOT NULL, people BIGINT NOT NULL,
  PRIMARY KEY(org, label));
CREATE TABLE IF NOT EXISTS move_partials(
  person TEXT NOT NULL, from_org TEXT NOT NULL, to_org TEXT NOT NULL, first_day TEXT NOT NULL,
  PRIMARY KEY(person, from_org, to_org));
CREATE TABLE IF NOT EXISTS flow_groups(
  from_org TEXT NOT NULL, to_org TEXT NOT NULL, count BIGINT NOT NULL, first_day TEXT NOT NULL,
  PRIMARY KEY(from_org, to_org, count));
CREATE TABLE IF NOT EXISTS flow_labels(
  from_org TEXT NOT NULL, to_org TEXT NOT NULL, label TEXT NOT NULL,
  PRIMARY KEY(from_org, to_org, label));
CREATE TABLE IF NOT EXISTS flow_sources(
  from_org TEXT NOT NULL, to_org TEXT NOT NULL, doc TEXT NOT NULL, published TEXT NOT NULL,
  PRIMARY KEY(from_org, to_org, doc));
CREATE INDEX IF NOT EXISTS events_by_article ON events(article_id);
CREATE INDEX IF NOT EXISTS articles_by_doc ON articles(doc, id);
CREATE INDEX IF NOT EXISTS events_by_type ON events(type, published, id);
CREATE INDEX IF NOT EXISTS events_by_date ON events(published, id);
CREATE INDEX IF NOT EXISTS args_by_entity ON event_args(entity_id, published, event_id);
CREATE INDEX IF NOT EXISTS args_by_event ON event_args(event_id);
CREATE INDEX IF NOT EXISTS aliases_by_alias ON aliases(alias);
CREATE INDEX IF NOT EXISTS entities_by_mentions ON entities(mentions);
CREATE INDEX IF NOT EXISTS flow_months_by_month ON flow_months(month, from_org, to_org, people);
CREATE INDEX IF NOT EXISTS flow_years_by_year ON flow_years(year, from_org, to_org, people);
CREATE INDEX IF NOT EXISTS flow_people_by_person ON flow_people(person, from_org, to_org);
CREATE INDEX IF NOT EXISTS person_keys_by_name ON person_keys(name);
CREATE INDEX IF NOT EXISTS flow_sources_by_date ON flow_sources(from_org, to_org, published, doc);
CREATE INDEX IF NOT EXISTS flow_people_by_date ON flow_people(from_org, to_org, first_day, person);
CREATE INDEX IF NOT EXISTS flow_groups_by_date ON flow_groups(first_day, from_org, to_org, count);
CREATE INDEX IF NOT EXISTS flow_totals_by_size ON flow_totals(size);
CREATE INDEX IF NOT EXISTS flow_totals_by_target ON flow_totals(to_org);
CREATE INDEX IF NOT EXISTS flow_org_sources_by_size ON flow_org_sources(org, people);
)sql";

constexpr const char* kSqliteSearch = R"sql(
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
  title, text, content='articles', content_rowid='id', tokenize='trigram');
)sql";

constexpr const char* kPostgresSearch = R"sql(
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS articles_text_trgm ON articles USING gin (text gin_trgm_ops);
)sql";

bool has_table(Connection& db, const std::string& table) {
  return integer_of(db,
                    db.dialect() == Dialect::Sqlite
                        ? "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $1"
                        : "SELECT 1 FROM information_schema.tables WHERE table_schema = "
                          "current_schema() AND table_name = $1",
                    {table})
      .has_value();
}

// Creates every table and index that is missing, as the current version has them.
void create_tables(Connection& db) {
  if (db.dialect() == Dialect::Sqlite) {
    db.script(fmt::format(kSchema, fmt::arg("id", "INTEGER PRIMARY KEY"), fmt::arg("real", "REAL"),
                          fmt::arg("now", "(strftime('%Y-%m-%dT%H:%M:%SZ','now'))")));
    db.script(kSqliteSearch);
  } else {
    db.script(fmt::format(
        kSchema, fmt::arg("id", "BIGSERIAL PRIMARY KEY"), fmt::arg("real", "DOUBLE PRECISION"),
        fmt::arg("now", "(to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))")));
    db.script(kPostgresSearch);
  }
}

void set_version(Connection& db, int version) {
  db.script("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)");
  db.run("DELETE FROM schema_version", {});
  db.run("INSERT INTO schema_version(version) VALUES($1)", {static_cast<int64_t>(version)});
}

// The step from version N to N + 1 is kSteps[N - 1].
const std::vector<std::function<void(Connection&)>>& steps() {
  static const std::vector<std::function<void(Connection&)>> kSteps = {
      // 1 → 2: where an article was published (its outlet), and articles by document.
      [](Connection& db) {
        if (!has_column(db, "articles", "outlet"))
          db.script("ALTER TABLE articles ADD COLUMN outlet TEXT NOT NULL DEFAULT ''");
        db.script("CREATE INDEX IF NOT EXISTS articles_by_doc ON articles(doc, id)");
      },
      // 2 → 3: the version is recorded (below, as after every step).
      [](Connection&) {},
  };
  return kSteps;
}

}  // namespace

bool has_column(Connection& db, const std::string& table, const std::string& column) {
  return integer_of(db,
                    db.dialect() == Dialect::Sqlite
                        ? "SELECT 1 FROM pragma_table_info($1) WHERE name = $2"
                        : "SELECT 1 FROM information_schema.columns WHERE table_name = $1 AND "
                          "column_name = $2",
                    {table, column})
      .has_value();
}

int schema_version(Connection& db) {
  if (has_table(db, "schema_version"))
    return static_cast<int>(
        integer_of(db, "SELECT max(version) FROM schema_version", {}).value_or(0));
  // Written before versions were recorded: told apart by what they have.
  if (!has_table(db, "articles")) return 0;
  if (!has_table(db, "events") || !has_column(db, "events", "published")) return kTooOld;
  return has_column(db, "articles", "outlet") ? 2 : 1;
}

namespace {

void refuse_unknown(int version) {
  if (version == kTooOld)
    throw StoreError(
        "written by an older talentwar, without the aggregates the queries need: ingest into a new "
        "file");
  if (version > kSchemaVersion)
    throw StoreError(
        fmt::format("written by a newer talentwar (schema version {}; this one knows up to {}): "
                    "upgrade talentwar to use it",
                    version, kSchemaVersion));
}

}  // namespace

void check_readable(Connection& db) { refuse_unknown(schema_version(db)); }

void migrate(Connection& db) {
  const int found = schema_version(db);
  refuse_unknown(found);
  if (found == kSchemaVersion) {
    create_tables(db);  // IF NOT EXISTS throughout: a no-op on a whole database
    return;
  }
  if (found == 0) {
    in_transaction(db, [&] {
      create_tables(db);
      set_version(db, kSchemaVersion);
    });
    return;
  }
  // Each step and its version number in one transaction: a crash leaves the database at
  // one version or the next, never between.
  for (int v = found; v < kSchemaVersion; ++v)
    in_transaction(db, [&] {
      steps()[static_cast<size_t>(v - 1)](db);
      if (v + 1 == kSchemaVersion) create_tables(db);  // tables and indexes new in this release
      set_version(db, v + 1);
    });
}

}  // namespace tw::store
