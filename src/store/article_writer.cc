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

#include "store/internal.h"
#include "store/store.h"

namespace tw::store {

using namespace internal;

std::string Store::content_hash(std::string_view text) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned int len = 0;
  EVP_Digest(text.data(), text.size(), md.data(), &len, EVP_sha256(), nullptr);
  std::string hex;
  hex.reserve(len * 2);
  for (unsigned i = 0; i < len; ++i) hex += fmt::format("{:02x}", md[i]);
  return hex;
}

void Store::index_for_search() {
  for (const auto& a : pending_search_)
    db_->run("INSERT INTO articles_fts(rowid, title, text) VALUES($1,$2,$3)",
             {a.id, a.title, a.text});
  pending_search_.clear();
}

int64_t Store::entity_id(const std::string& name, model::Slot slot) {
  const bool org = slot != model::Slot::person;
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
          if (slot == model::Slot::person) person = person_canonical(value);
          const int64_t id = entity_id(slot == model::Slot::person ? person : value, slot);
          ++mentions[id];
          entity = id;
        }
        db_->run(
            "INSERT INTO event_args(event_id, slot, value, entity_id, published) "
            "VALUES($1,$2,$3,$4,$5)",
            {*event_id, model::name(slot), value, entity, doc.date});
        // A unit is found under its parents too (an event at Google DeepMind is news of Google).
        if (is_entity_slot(slot) && slot != model::Slot::person && lexicon_) {
          std::set<std::string> seen{value};
          for (const auto* x = lexicon_->find(value);
               x && !x->parent.empty() && seen.insert(x->parent).second;
               x = lexicon_->find(x->parent))
            db_->run(
                "INSERT INTO event_args(event_id, slot, value, entity_id, published) "
                "VALUES($1,$2,$3,$4,$5)",
                {*event_id, std::string(model::name(slot)) + "_within", x->parent,
                 entity_id(x->parent, slot), doc.date});
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

}  // namespace tw::store
