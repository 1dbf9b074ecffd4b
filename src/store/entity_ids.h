// entity_ids — the id of each entity the store's events name, created the first time a
// name is written, and the mentions counted for the article being written. Organisations
// never merge, so their ids are cached: those of written articles for good, those of the
// article being written until it is kept or abandoned (a rolled-back article must not
// leave an id behind). People may merge (person_linker), so theirs are read each time.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>

#include "model/slots.h"
#include "store/connection.h"

namespace tw::store {

class EntityIds {
 public:
  explicit EntityIds(Connection& db) : db_(db) {}

  // The id of `name` as the value of `slot` (a person for Slot::person, else an
  // organisation), created as a discovered entity when new.
  int64_t id(const std::string& name, model::Slot slot);

  // The article being written: entity id → the arguments naming it, written when it is kept.
  std::map<int64_t, int64_t>& article_mentions() { return article_mentions_; }
  void keep_article();     // its organisations' ids cached for good
  void abandon_article();  // its ids and mentions forgotten

 private:
  Connection& db_;
  std::unordered_map<std::string, int64_t> org_ids_, article_org_ids_;
  std::map<int64_t, int64_t> article_mentions_;
};

}  // namespace tw::store
