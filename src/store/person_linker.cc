// person_linker — the store's one linker of people's names: each person's spelling filed
// under the spelling the rule of resolve/person_links.h links it to, and the spellings it
// takes over merged into it (events and mentions here, flows by the flow aggregates).
#include <set>

#include "resolve/person_links.h"
#include "resolve/phonetic.h"
#include "store/flow_aggregates.h"
#include "store/internal.h"
#include "store/person_linker.h"

namespace tw::store {

using namespace internal;

// Links a person's name to a spelling already known by the one rule
// (resolve::linked_spelling), applied to the spellings stored so far that sound alike, one
// name at a time as they arrive. A name that arrives later and changes the answer — the
// Latin spelling of someone known only in Hangul so far — takes over the earlier
// spellings' events and flows (merge_person), so the result does not depend on the order
// of ingest.
std::string PersonLinker::canonical(const std::string& name) {
  if (lexicon_)
    if (const auto* e = lexicon_->find(name); e && e->is_person()) return e->name;
  if (auto known =
          integer_of(db_, "SELECT 1 FROM entities WHERE name = $1 AND kind = 'person'", {name}))
    if (integer_of(db_, "SELECT 1 FROM person_keys WHERE name = $1", {name})) return name;
  const auto keys = resolve::name_keys(name);
  const bool hangul = resolve::has_hangul(name);
  std::set<std::string> latin, korean;
  for (const auto& k : keys)
    db_.run("SELECT name, latin FROM person_keys WHERE key = $1", {k}, [&](const Row& r) {
      if (r.text(0) != name) (r.integer(1) ? latin : korean).insert(r.text(0));
    });
  if (const std::string linked = resolve::linked_spelling(name, latin, korean); linked != name)
    return linked;
  for (const auto& k : keys)
    db_.run("INSERT INTO person_keys(key, name, latin) VALUES($1,$2,$3) ON CONFLICT DO NOTHING",
            {k, name, int64_t{hangul ? 0 : 1}});
  // Spellings known before this one that now resolve to it, by the same rule.
  for (const auto& other : korean) {
    std::set<std::string> their_latin = latin;
    if (!hangul) {
      their_latin.clear();
      for (const auto& k : resolve::name_keys(other))
        db_.run("SELECT name FROM person_keys WHERE key = $1 AND latin = 1", {k},
                [&](const Row& r) { their_latin.insert(r.text(0)); });
    }
    if (resolve::linked_spelling(other, their_latin, {name}) == name) merge(other, name);
  }
  return name;
}

// Files everything known under `old_name` under `new_name`: its event arguments, its
// mention count, its flows; the old spelling becomes an alias.
void PersonLinker::merge(const std::string& old_name, const std::string& new_name) {
  const int64_t into = ids_.id(new_name, model::Slot::person);
  if (auto old_id = integer_of(db_, "SELECT id FROM entities WHERE name = $1 AND discovered = 1",
                               {old_name})) {
    db_.run("UPDATE event_args SET entity_id = $2 WHERE entity_id = $1", {*old_id, into});
    db_.run(
        "UPDATE entities SET mentions = mentions + (SELECT mentions FROM entities WHERE id = $1) "
        "WHERE id = $2",
        {*old_id, into});
    // Spellings merged into the old entity before stay findable, and so do the mentions
    // of the article being written, counted but not yet stored.
    db_.run(
        "INSERT INTO aliases(entity_id, alias) SELECT $2, alias FROM aliases WHERE entity_id = $1 "
        "ON CONFLICT DO NOTHING",
        {*old_id, into});
    auto& mentions = ids_.article_mentions();
    if (auto it = mentions.find(*old_id); it != mentions.end()) {
      mentions[into] += it->second;
      mentions.erase(it);
    }
    db_.run("DELETE FROM entities WHERE id = $1", {*old_id});
  }
  db_.run("INSERT INTO aliases(entity_id, alias) VALUES($1,$2) ON CONFLICT DO NOTHING",
          {into, old_name});
  db_.run("DELETE FROM person_keys WHERE name = $1", {old_name});
  flows_.rename_person(old_name, new_name);
}

}  // namespace tw::store
