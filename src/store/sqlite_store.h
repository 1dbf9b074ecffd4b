// sqlite_store — the embedded store: articles (content hash, source, language,
// date, cleaned text), entities and aliases, events with their arguments and
// evidence, in one SQLite file in WAL mode.
//
// Ingest is idempotent: an article whose cleaned text hashes to one already stored
// adds nothing. Each article is written under its own savepoint inside a batch
// transaction, so one failing article loses nothing else.
#pragma once
#include <sqlite3.h>

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "extract/event.h"
#include "extract/lexicon.h"
#include "text/document.h"

namespace tw::store {

struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct StoredArticle {
  int64_t id = 0;
  std::string doc, origin, lang, url, title, date, hash;
  std::vector<nlohmann::json> events;  // spec-shaped event objects
};

struct EventRow {
  int64_t id = 0;
  std::string doc, date;
  nlohmann::json event;
};

struct EventFilter {
  std::string type;    // exact event type, or "" for all
  std::string org;     // any organisation slot, units of it included
  std::string person;  // the person slot
};

class SqliteStore {
 public:
  explicit SqliteStore(const std::string& path, const extract::Lexicon* lexicon = nullptr);
  ~SqliteStore();
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  enum class Added { New, AlreadyStored };
  // Stores one article and its events; throws StoreError (the article is rolled back, the batch lives on).
  Added add_article(const text::Document& doc, const std::string& origin, const std::vector<extract::Event>& events);

  void begin_batch();
  void commit_batch();

  size_t article_count() const;
  size_t event_count() const;

  // Articles in id order, with their events.
  void for_each_article(const std::function<void(const StoredArticle&)>& fn) const;
  std::vector<EventRow> events(const EventFilter& filter) const;

  static std::string content_hash(std::string_view text);  // SHA-256, hex

 private:
  void exec(const char* sql) const;
  int64_t entity_id(const std::string& name, const std::string& slot);
  void seed_lexicon();

  sqlite3* db_ = nullptr;
  const extract::Lexicon* lexicon_;
  bool in_batch_ = false;
};

}  // namespace tw::store
