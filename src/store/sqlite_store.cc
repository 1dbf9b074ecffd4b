#include "store/sqlite_store.h"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <array>

namespace tw::store {
namespace {

// RAII prepared statement.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
      throw StoreError(fmt::format("SQL prepare failed: {}", sqlite3_errmsg(db)));
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& bind(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Statement& bind(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  Statement& bind_null(int i) {
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw StoreError(fmt::format("SQL step failed: {}", sqlite3_errmsg(db_)));
  }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string text(int col) const {
    const auto* p = sqlite3_column_text(stmt_, col);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : "";
  }
  int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS articles(
  id INTEGER PRIMARY KEY,
  doc TEXT NOT NULL,
  origin TEXT,
  content_hash TEXT NOT NULL UNIQUE,
  lang TEXT NOT NULL,
  url TEXT, title TEXT, published TEXT,
  text TEXT NOT NULL,
  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));
CREATE TABLE IF NOT EXISTS entities(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,           -- org | person
  org_kind TEXT, parent TEXT,
  discovered INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS aliases(
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  PRIMARY KEY(entity_id, alias));
CREATE TABLE IF NOT EXISTS events(
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  sentence INTEGER,
  evidence TEXT NOT NULL,
  amount_value REAL, amount_currency TEXT, amount_qualifier TEXT,
  count INTEGER,
  cumulative INTEGER NOT NULL DEFAULT 0,
  body TEXT NOT NULL);          -- the event as spec JSON
CREATE TABLE IF NOT EXISTS event_args(
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  slot TEXT NOT NULL,
  value TEXT NOT NULL,
  entity_id INTEGER REFERENCES entities(id));
CREATE INDEX IF NOT EXISTS events_by_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_by_type ON events(type);
CREATE INDEX IF NOT EXISTS args_by_entity ON event_args(entity_id, slot);
CREATE INDEX IF NOT EXISTS args_by_event ON event_args(event_id);
CREATE INDEX IF NOT EXISTS aliases_by_alias ON aliases(alias);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
  title, text, content='articles', content_rowid='id', tokenize='trigram');
)sql";

bool is_entity_slot(const std::string& slot) {
  static const std::array<std::string_view, 11> slots{"person", "from", "to", "by", "target_org", "investor",
                                                      "investee", "acquirer", "target", "org", "source"};
  for (auto s : slots)
    if (s == slot) return true;
  return false;
}

}  // namespace

SqliteStore::SqliteStore(const std::string& path, const extract::Lexicon* lexicon, Mode mode) : lexicon_(lexicon) {
  const int flags = mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX
                                           : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(fmt::format("{}: cannot open database: {}", path, msg));
  }
  sqlite3_busy_timeout(db_, 5000);
  if (mode == Mode::ReadOnly) {
    exec("PRAGMA query_only=ON");  // a read connection never writes, whatever SQL reaches it
    return;
  }
  try {
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=NORMAL");
    exec("PRAGMA foreign_keys=ON");
    exec(kSchema);
    seed_lexicon();
  } catch (const StoreError& e) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(fmt::format("{}: {}", path, e.what()));
  }
}

SqliteStore::~SqliteStore() {
  if (in_batch_) sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(db_);
}

void SqliteStore::exec(const char* sql) const {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw StoreError(msg);
  }
}

// The lexicon's entities and aliases, so lookups by any spelling work in SQL too.
void SqliteStore::seed_lexicon() {
  if (!lexicon_) return;
  Statement have(db_, "SELECT count(*) FROM entities WHERE discovered = 0");
  have.step();
  if (have.integer(0) >= static_cast<int64_t>(lexicon_->size())) return;
  exec("BEGIN");
  Statement ins(db_, "INSERT INTO entities(name, kind, org_kind, parent) VALUES(?,?,?,?) "
                     "ON CONFLICT(name) DO UPDATE SET kind=excluded.kind, org_kind=excluded.org_kind, parent=excluded.parent, discovered=0 "
                     "RETURNING id");
  Statement alias(db_, "INSERT OR IGNORE INTO aliases(entity_id, alias) VALUES(?,?)");
  for (size_t i = 0; i < lexicon_->size(); ++i) {
    const auto& e = lexicon_->entity(static_cast<uint32_t>(i));
    ins.bind(1, e.name).bind(2, e.is_org() ? "org" : "person").bind(3, e.org_kind).bind(4, e.parent);
    ins.step();
    const int64_t id = ins.integer(0);
    ins.reset();
    for (const auto& a : e.aliases) {
      alias.bind(1, id).bind(2, a);
      alias.step();
      alias.reset();
    }
  }
  exec("COMMIT");
}

std::string SqliteStore::content_hash(std::string_view text) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned int len = 0;
  EVP_Digest(text.data(), text.size(), md.data(), &len, EVP_sha256(), nullptr);
  std::string hex;
  hex.reserve(len * 2);
  for (unsigned i = 0; i < len; ++i) hex += fmt::format("{:02x}", md[i]);
  return hex;
}

void SqliteStore::begin_batch() {
  if (in_batch_) return;
  exec("BEGIN IMMEDIATE");
  in_batch_ = true;
}

void SqliteStore::commit_batch() {
  if (!in_batch_) return;
  exec("COMMIT");
  in_batch_ = false;
}

int64_t SqliteStore::entity_id(const std::string& name, const std::string& slot) {
  Statement find(db_, "SELECT id FROM entities WHERE name = ?");
  find.bind(1, name);
  if (find.step()) return find.integer(0);
  Statement ins(db_, "INSERT INTO entities(name, kind, discovered) VALUES(?,?,1) RETURNING id");
  ins.bind(1, name).bind(2, slot == "person" ? "person" : "org");
  ins.step();
  const int64_t id = ins.integer(0);
  ins.reset();
  return id;
}

SqliteStore::Added SqliteStore::add_article(const text::Document& doc, const std::string& origin,
                                            const std::vector<extract::Event>& events) {
  const std::string hash = content_hash(doc.text);
  {
    Statement seen(db_, "SELECT 1 FROM articles WHERE content_hash = ?");
    seen.bind(1, hash);
    if (seen.step()) return Added::AlreadyStored;
  }
  exec("SAVEPOINT article");
  try {
    Statement art(db_, "INSERT INTO articles(doc, origin, content_hash, lang, url, title, published, text) "
                       "VALUES(?,?,?,?,?,?,?,?) RETURNING id");
    art.bind(1, doc.doc).bind(2, origin).bind(3, hash).bind(4, doc.lang).bind(5, doc.url).bind(6, doc.title)
        .bind(7, doc.date).bind(8, doc.text);
    art.step();
    const int64_t article_id = art.integer(0);
    art.reset();  // a RETURNING statement left mid-row would block RELEASE
    Statement fts(db_, "INSERT INTO articles_fts(rowid, title, text) VALUES(?,?,?)");
    fts.bind(1, article_id).bind(2, doc.title).bind(3, doc.text);
    fts.step();
    Statement ev(db_, "INSERT INTO events(article_id, type, sentence, evidence, amount_value, amount_currency, "
                      "amount_qualifier, count, cumulative, body) VALUES(?,?,?,?,?,?,?,?,?,?) RETURNING id");
    Statement arg(db_, "INSERT INTO event_args(event_id, slot, value, entity_id) VALUES(?,?,?,?)");
    for (const auto& e : events) {
      ev.bind(1, article_id).bind(2, e.type).bind(3, static_cast<int64_t>(e.sentence)).bind(4, e.evidence);
      if (e.amount) ev.bind(5, e.amount->value).bind(6, e.amount->currency).bind(7, e.amount->qualifier);
      else ev.bind_null(5).bind_null(6).bind_null(7);
      if (e.count) ev.bind(8, static_cast<int64_t>(*e.count));
      else ev.bind_null(8);
      ev.bind(9, static_cast<int64_t>(e.cumulative)).bind(10, extract::to_json(e).dump());
      ev.step();
      const int64_t event_id = ev.integer(0);
      ev.reset();
      for (const auto& [slot, value] : e.slots) {
        if (value.empty()) continue;
        arg.bind(1, event_id).bind(2, slot).bind(3, value);
        if (is_entity_slot(slot)) arg.bind(4, entity_id(value, slot));
        else arg.bind_null(4);
        arg.step();
        arg.reset();
      }
    }
    exec("RELEASE article");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK TO article; RELEASE article", nullptr, nullptr, nullptr);
    throw;
  }
  return Added::New;
}

size_t SqliteStore::article_count() const {
  Statement s(db_, "SELECT count(*) FROM articles");
  s.step();
  return static_cast<size_t>(s.integer(0));
}

size_t SqliteStore::event_count() const {
  Statement s(db_, "SELECT count(*) FROM events");
  s.step();
  return static_cast<size_t>(s.integer(0));
}

namespace {

// The article columns every article query selects, in this order.
constexpr const char* kArticleColumns = "id, doc, origin, lang, url, title, published, content_hash";

StoredArticle article_of(const Statement& row) {
  StoredArticle a;
  a.id = row.integer(0);
  a.doc = row.text(1);
  a.origin = row.text(2);
  a.lang = row.text(3);
  a.url = row.text(4);
  a.title = row.text(5);
  a.date = row.text(6);
  a.hash = row.text(7);
  return a;
}

}  // namespace

void SqliteStore::add_events_of(StoredArticle& a) const {
  Statement evs(db_, "SELECT body FROM events WHERE article_id = ? ORDER BY id");
  evs.bind(1, a.id);
  while (evs.step()) a.events.push_back(nlohmann::json::parse(evs.text(0)));
}

void SqliteStore::for_each_article(const std::function<void(const StoredArticle&)>& fn) const {
  Statement arts(db_, fmt::format("SELECT {} FROM articles ORDER BY id", kArticleColumns).c_str());
  while (arts.step()) {
    StoredArticle a = article_of(arts);
    add_events_of(a);
    fn(a);
  }
}

std::optional<StoredArticle> SqliteStore::article(int64_t id) const {
  Statement s(db_, fmt::format("SELECT {}, text FROM articles WHERE id = ?", kArticleColumns).c_str());
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  StoredArticle a = article_of(s);
  a.text = s.text(8);
  add_events_of(a);
  return a;
}

std::vector<SearchHit> SqliteStore::search(const std::string& query, size_t limit) const {
  std::vector<SearchHit> hits;
  // The trigram index answers queries of three characters or more; shorter ones
  // (Korean words are often two syllables: 메타) scan with LIKE.
  size_t chars = 0;
  for (unsigned char c : query) chars += (c & 0xC0) != 0x80;
  if (chars >= 3) {
    std::string phrase = "\"";
    for (char c : query) phrase += c == '"' ? std::string("\"\"") : std::string(1, c);
    phrase += "\"";
    Statement s(db_, "SELECT a.id, a.doc, a.title, snippet(articles_fts, 1, '[', ']', '…', 16) FROM articles_fts "
                     "JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?");
    s.bind(1, phrase).bind(2, static_cast<int64_t>(limit));
    while (s.step()) hits.push_back({s.integer(0), s.text(1), s.text(2), s.text(3)});
    return hits;
  }
  Statement s(db_, "SELECT id, doc, title, substr(text, max(1, instr(text, ?1) - 40), 120) FROM articles "
                   "WHERE instr(text, ?1) > 0 ORDER BY id LIMIT ?2");
  s.bind(1, query).bind(2, static_cast<int64_t>(limit));
  while (s.step()) hits.push_back({s.integer(0), s.text(1), s.text(2), s.text(3)});
  return hits;
}

std::vector<EntityRow> SqliteStore::entities(const std::string& query, const std::string& kind) const {
  Statement s(db_, "SELECT e.name, e.kind, count(g.event_id) AS n FROM entities e JOIN event_args g ON g.entity_id = e.id "
                   "WHERE (?1 = '' OR e.kind = ?1) AND (?2 = '' OR instr(lower(e.name), lower(?2)) > 0 OR EXISTS "
                   "(SELECT 1 FROM aliases a WHERE a.entity_id = e.id AND instr(lower(a.alias), lower(?2)) > 0)) "
                   "GROUP BY e.id ORDER BY n DESC, e.name");
  s.bind(1, kind).bind(2, query);
  std::vector<EntityRow> rows;
  while (s.step()) rows.push_back({s.text(0), s.text(1), s.integer(2)});
  return rows;
}

std::vector<EventRow> SqliteStore::events(const EventFilter& f) const {
  // Names given in any spelling are resolved through the aliases table first.
  auto canonical = [&](const std::string& name) {
    Statement s(db_, "SELECT e.name FROM entities e LEFT JOIN aliases a ON a.entity_id = e.id "
                     "WHERE e.name = ?1 COLLATE NOCASE OR a.alias = ?1 COLLATE NOCASE LIMIT 1");
    s.bind(1, name);
    return s.step() ? s.text(0) : name;
  };
  const std::string org = f.org.empty() ? "" : canonical(f.org);
  const std::string person = f.person.empty() ? "" : canonical(f.person);
  Statement s(db_, "SELECT ev.id, a.doc, a.published, ev.body, a.id FROM events ev JOIN articles a ON a.id = ev.article_id "
                   "WHERE (?1 = '' OR ev.type = ?1) ORDER BY ev.id");
  s.bind(1, f.type);
  std::vector<EventRow> rows;
  while (s.step()) {
    EventRow r{s.integer(0), s.text(1), s.text(2), nlohmann::json::parse(s.text(3)), s.integer(4)};
    if (!person.empty() && r.event.value("person", "") != person) continue;
    if (!org.empty()) {
      bool hit = false;
      for (const char* slot : {"from", "to", "by", "target_org", "investor", "investee", "acquirer", "target", "org"}) {
        const std::string v = r.event.value(slot, "");
        if (!v.empty() && (v == org || (lexicon_ && lexicon_->within(v, org)))) hit = true;
      }
      if (!hit) continue;
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace tw::store
