// person_linker — the store's one linker of people's names: each person's spelling filed
// under the spelling the rule of resolve/person_links.h links it to, one name at a time as
// names arrive, and the spellings a later name takes over merged into it (their events and
// mentions here, their flows by the flow aggregates), so the result does not depend on the
// order of ingest.
#pragma once
#include <string>

#include "knowledge/lexicon.h"
#include "store/connection.h"
#include "store/entity_ids.h"
#include "store/flow_aggregates.h"

namespace tw::store {

class PersonLinker {
 public:
  PersonLinker(Connection& db, const knowledge::Lexicon* lexicon, EntityIds& ids,
               FlowAggregates& flows)
      : db_(db), lexicon_(lexicon), ids_(ids), flows_(flows) {}

  // The spelling `name` is filed under (the lexicon's name, or a linked spelling already
  // stored, or `name` itself — then the earlier spellings it takes over are merged into it).
  std::string canonical(const std::string& name);

 private:
  void merge(const std::string& old_name, const std::string& new_name);

  Connection& db_;
  const knowledge::Lexicon* lexicon_;
  EntityIds& ids_;
  FlowAggregates& flows_;
};

}  // namespace tw::store
