// readers — what the store answers: articles with their events, search, entities by any
// spelling, and filtered pages of events read through the type, date and entity indexes
// (store.h says what each answers).
#pragma once
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.h"
#include "store/store.h"

namespace tw::store {

class Readers {
 public:
  Readers(Connection& db, std::string outlet_column)
      : db_(db), outlet_column_(std::move(outlet_column)) {}

  size_t article_count() const;
  size_t event_count() const;
  void for_each_article(const std::function<void(const StoredArticle&)>& fn) const;
  std::vector<EventRow> events(const EventFilter& filter) const;
  size_t count_events(const EventFilter& filter, size_t cap) const;
  std::optional<StoredArticle> article(int64_t id) const;
  std::vector<SearchHit> search(const std::vector<std::string>& spellings, size_t limit) const;
  std::vector<std::string> spellings(const std::string& canonical) const;
  std::vector<EntityRow> entities(const std::string& query, const std::string& kind,
                                  size_t limit) const;
  std::optional<std::string> canonical_entity(const std::string& name) const;
  std::string entity_kind(const std::string& name) const;
  std::vector<nlohmann::json> article_events(int64_t article_id, const std::string& type) const;

 private:
  void add_events_of(StoredArticle& a) const;
  // Each query's Params view strings the caller keeps: the canonical names and the day after
  // `until`.
  std::string event_query(const EventFilter& f, bool count, std::vector<Param>& params,
                          std::string& person, std::string& org, std::string& before) const;
  std::string entity_event_query(const EventFilter& f, bool count, std::vector<Param>& params,
                                 std::string& name, std::string& other, std::string& before) const;
  std::string article_conditions(const EventFilter& f, const char* table,
                                 std::vector<Param>& params, std::string& before) const;
  std::string language_condition(const EventFilter& f, std::vector<Param>& params) const;

  Connection& db_;
  const std::string outlet_column_;  // "''" in a database written before articles had one
};

}  // namespace tw::store
