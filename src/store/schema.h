// schema — the database's tables and how a database written by an earlier talentwar is
// brought up to them: numbered versions, each migration a step from one to the next in
// its own transaction, the version recorded in the database (table schema_version), for
// SQLite and PostgreSQL alike.
//
// Versions: 1, the first with the flow aggregates (files from before them, without
// events.published, cannot be migrated: their aggregates would have to be rebuilt from
// the articles, so they are refused with the advice to ingest into a new file); 2 adds
// articles.outlet and its doc index; 3 records the version. A database from a newer
// talentwar than this one is refused rather than written in a shape it does not know.
#pragma once
#include <string>

#include "store/connection.h"

namespace tw::store {

inline constexpr int kSchemaVersion = 3;

// The version of the database behind `db`: 0 for an empty one, or kTooOld for one from
// before version 1.
inline constexpr int kTooOld = -1;
int schema_version(Connection& db);

// Creates the schema in an empty database or migrates an older one to kSchemaVersion;
// throws StoreError for a database too old or too new.
void migrate(Connection& db);

// For a reader that may not write: throws StoreError when the database is too old or
// too new to be read by this talentwar (older versions that only lack a column are read).
void check_readable(Connection& db);

bool has_column(Connection& db, const std::string& table, const std::string& column);

}  // namespace tw::store
