// flow_aggregates — the talent flows kept current on ingest, and read: each person once
// per pair of organisations dated by their first report, counts per pair by month and year
// and in all, the largest unnamed group, each pair's size, every organisation's gains,
// losses and sources carried by deltas — so flows cost the same at any corpus size. The
// readers are the Store's flow readers (store.h says what each answers).
#pragma once
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "extract/event.h"
#include "knowledge/lexicon.h"
#include "store/connection.h"
#include "store/store.h"

namespace tw::store {

class FlowAggregates {
 public:
  FlowAggregates(Connection& db, const knowledge::Lexicon* lexicon, std::string outlet_column)
      : db_(db), lexicon_(lexicon), outlet_column_(std::move(outlet_column)) {}

  // A stored move of `person` (canonical; "" for a group) first reported on `day` in `doc`.
  void record(const extract::Event& move, const std::string& person, const std::string& day,
              const std::string& doc);
  // Everything counted for `old_name` counted for `new_name` instead (person_linker merged
  // the two), dated by the earlier report.
  void rename_person(const std::string& old_name, const std::string& new_name);

  std::vector<FlowPair> flow_pairs(const std::string& since, const std::string& until) const;
  std::vector<FlowPair> largest_flow_pairs(size_t limit) const;
  std::vector<FlowPair> flow_pairs_of(const std::vector<std::string>& orgs) const;
  std::vector<FlowPair> undated_flow_pairs() const;
  size_t flow_pair_count() const;
  int64_t flow_version() const;
  void for_each_flow_count(const std::function<void(FlowCountKind, std::string from, std::string to,
                                                    std::string key, int64_t n)>& fn) const;
  std::vector<FlowBalance> flow_balances(size_t sources_per_org) const;
  std::vector<std::string> flow_people(const std::string& from, const std::string& to,
                                       const std::string& since, const std::string& until,
                                       size_t limit) const;
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> flow_labels() const;
  std::vector<std::string> flow_labels(const std::string& from, const std::string& to) const;
  std::vector<ArticleLabel> flow_sources(const std::string& from, const std::string& to,
                                         const std::string& since, const std::string& until,
                                         size_t limit) const;

 private:
  void count_person(const std::string& from, const std::string& to, const std::string& person,
                    const std::string& day);
  void bump_flow(const std::string& from, const std::string& to, const std::string& month,
                 int64_t n, bool total = true);
  void resize_pair(const std::string& from, const std::string& to, int64_t named, int64_t group);
  void bump_source(const std::string& org, const std::string& label, int64_t n);
  void date_partial_move(const std::string& person, const std::string& from, const std::string& to,
                         const std::string& day);

  Connection& db_;
  const knowledge::Lexicon* lexicon_;
  const std::string outlet_column_;  // "''" in a database written before articles had one
};

}  // namespace tw::store
