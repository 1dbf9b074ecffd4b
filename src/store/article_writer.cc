// article_writer — one article and its events into the store in one transaction: the
// article (once per content hash), its events and their arguments, the entities they name
// (people through the person linker), mention counts, the flow aggregates of its moves, and
// the search index (at the end of a batch).
#include <fmt/format.h>
#include <openssl/evp.h>

#include <array>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "store/article_writer.h"
#include "store/entity_ids.h"
#include "store/flow_aggregates.h"
#include "store/internal.h"
#include "store/person_linker.h"

namespace tw::store {

using namespace internal;

std::string ArticleWriter::content_hash(std::string_view text) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned int len = 0;
  EVP_Digest(text.data(), text.size(), md.data(), &len, EVP_sha256(), nullptr);
  std::string hex;
  hex.reserve(len * 2);
  for (unsigned i = 0; i < len; ++i) hex += fmt::format("{:02x}", md[i]);
  return hex;
}

ArticleWriter::~ArticleWriter() {
  if (in_batch_) {
    try {
      index_for_search();
      db_.script("COMMIT");
    } catch (const StoreError&) {
      // Nothing to report to from a destructor; the batch was not committed.
    }
  }
}

void ArticleWriter::begin_batch() {
  if (in_batch_ || db_.dialect() == Dialect::Postgres) return;
  db_.script("BEGIN IMMEDIATE");
  in_batch_ = true;
}

void ArticleWriter::commit_batch() {
  if (!in_batch_) return;
  index_for_search();
  db_.script("COMMIT");
  in_batch_ = false;
}

void ArticleWriter::index_for_search() {
  for (const auto& a : pending_search_)
    db_.run("INSERT INTO articles_fts(rowid, title, text) VALUES($1,$2,$3)",
            {a.id, a.title, a.text});
  pending_search_.clear();
}

Added ArticleWriter::add(const text::Document& doc, const std::string& origin,
                         const std::vector<extract::Event>& events) {
  const std::string hash = content_hash(doc.text);
  if (integer_of(db_, "SELECT 1 FROM articles WHERE content_hash = $1", {hash}))
    return Added::AlreadyStored;
  if (db_.dialect() == Dialect::Sqlite) return add_once(doc, origin, events, hash);
  // PostgreSQL: writers on other connections may deadlock with this one on the shared
  // aggregate rows; the loser's article is retried from the start after a short pause.
  std::mt19937 jitter(std::random_device{}());
  for (int attempt = 1;; ++attempt) {
    try {
      return add_once(doc, origin, events, hash);
    } catch (const RetryableError&) {
      if (attempt >= 30) throw;
      std::this_thread::sleep_for(
          std::chrono::milliseconds(attempt * 5 + static_cast<int>(jitter() % 20)));
    }
  }
}

Added ArticleWriter::add_once(const text::Document& doc, const std::string& origin,
                              const std::vector<extract::Event>& events, const std::string& hash) {
  const bool sqlite = db_.dialect() == Dialect::Sqlite;
  const size_t pending_before = pending_search_.size();
  db_.script(sqlite ? "SAVEPOINT article" : "BEGIN");
  auto undo = [&] { db_.script(sqlite ? "ROLLBACK TO article; RELEASE article" : "ROLLBACK"); };
  try {
    const auto article_id = integer_of(
        db_,
        "INSERT INTO articles(doc, origin, content_hash, lang, url, title, published, text, "
        "outlet) VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT(content_hash) DO NOTHING "
        "RETURNING id",
        {doc.doc, origin, hash, doc.lang, doc.url, doc.title, doc.date, doc.text, doc.outlet});
    if (!article_id) {  // another writer stored it first
      ids_.abandon_article();
      undo();
      return Added::AlreadyStored;
    }
    // Indexed for search when the batch commits: FTS5 writes out its pending terms at every
    // savepoint, so indexing inside the article's savepoint would cost a segment per article.
    if (sqlite) pending_search_.push_back({*article_id, doc.title, doc.text});
    auto& mentions =
        ids_.article_mentions();  // entity id → arguments naming it; written in id order
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
          integer_of(db_,
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
          if (slot == model::Slot::person) person = linker_.canonical(value);
          const int64_t id = ids_.id(slot == model::Slot::person ? person : value, slot);
          ++mentions[id];
          entity = id;
        }
        db_.run(
            "INSERT INTO event_args(event_id, slot, value, entity_id, published) "
            "VALUES($1,$2,$3,$4,$5)",
            {*event_id, model::name(slot), value, entity, doc.date});
        // A unit is found under its parents too (an event at Google DeepMind is news of Google).
        if (is_entity_slot(slot) && slot != model::Slot::person && lexicon_) {
          std::set<std::string> seen{value};
          for (const auto* x = lexicon_->find(value);
               x && !x->parent.empty() && seen.insert(x->parent).second;
               x = lexicon_->find(x->parent))
            db_.run(
                "INSERT INTO event_args(event_id, slot, value, entity_id, published) "
                "VALUES($1,$2,$3,$4,$5)",
                {*event_id, std::string(model::name(slot)) + "_within", x->parent,
                 ids_.id(x->parent, slot), doc.date});
        }
      }
      if (e.type == model::EventType::Move) flows_.record(e, person, doc.date, doc.doc);
    }
    for (const auto& [id, n] : mentions)
      db_.run("UPDATE entities SET mentions = mentions + $2 WHERE id = $1", {id, n});
    db_.script(sqlite ? "RELEASE article" : "COMMIT");
    if (!in_batch_) index_for_search();
    ids_.keep_article();
  } catch (...) {
    ids_.abandon_article();
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

}  // namespace tw::store
