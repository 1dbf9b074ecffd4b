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
  std::string text;                    // filled by article(), not by for_each_article()
  std::vector<nlohmann::json> events;  // spec-shaped event objects
};

struct SearchHit {
  int64_t id = 0;
  std::string doc, title, snippet;
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
};

struct EventFilter {
  std::string type;    // exact event type, or "" for all
  std::string org;     // any organisation slot, units of it included
  std::string person;  // the person slot
};

class SqliteStore {
 public:
  enum class Mode { ReadWrite, ReadOnly };
  explicit SqliteStore(const std::string& path, const extract::Lexicon* lexicon = nullptr, Mode mode = Mode::ReadWrite);
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

  // One article with its text and events; nullopt for an unknown id.
  std::optional<StoredArticle> article(int64_t id) const;
  // Full-text search over article titles and text (FTS5, trigram tokenizer: works for Korean).
  std::vector<SearchHit> search(const std::string& query, size_t limit) const;
  // Entities named by stored events, most mentioned first; `query` matches any spelling.
  std::vector<EntityRow> entities(const std::string& query, const std::string& kind) const;

  static std::string content_hash(std::string_view text);  // SHA-256, hex

 private:
  void exec(const char* sql) const;
  void add_events_of(StoredArticle& a) const;
  int64_t entity_id(const std::string& name, const std::string& slot);
  void seed_lexicon();

  sqlite3* db_ = nullptr;
  const extract::Lexicon* lexicon_;
  bool in_batch_ = false;
};

}  // namespace tw::store
