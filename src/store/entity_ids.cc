#include "store/entity_ids.h"

namespace tw::store {

int64_t EntityIds::id(const std::string& name, model::Slot slot) {
  const bool org = slot != model::Slot::person;
  if (org) {
    if (auto it = org_ids_.find(name); it != org_ids_.end()) return it->second;
    if (auto it = article_org_ids_.find(name); it != article_org_ids_.end()) return it->second;
  }
  auto id = integer_of(db_, "SELECT id FROM entities WHERE name = $1", {name});
  if (!id) {
    db_.run(
        "INSERT INTO entities(name, kind, discovered) VALUES($1,$2,1) ON CONFLICT(name) DO NOTHING",
        {name, org ? "org" : "person"});
    id = integer_of(db_, "SELECT id FROM entities WHERE name = $1", {name});
  }
  if (org) article_org_ids_.emplace(name, *id);
  return *id;
}

void EntityIds::keep_article() {
  org_ids_.merge(article_org_ids_);
  article_org_ids_.clear();
  article_mentions_.clear();
}

void EntityIds::abandon_article() {
  article_org_ids_.clear();
  article_mentions_.clear();
}

}  // namespace tw::store
