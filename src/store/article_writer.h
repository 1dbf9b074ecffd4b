// article_writer — one article and its events into the store in one transaction: the
// article (once per content hash), its events and their arguments, the entities they name
// (people through the person linker), mention counts, the flow aggregates of its moves, and
// the search index (at the end of a batch). SQLite groups articles into a batch (one write
// transaction, each article a savepoint); PostgreSQL commits each article and retries one
// that lost a deadlock on the shared aggregate rows.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/event.h"
#include "knowledge/lexicon.h"
#include "store/connection.h"
#include "store/entity_ids.h"
#include "store/flow_aggregates.h"
#include "store/person_linker.h"
#include "store/store.h"
#include "text/document.h"

namespace tw::store {

class ArticleWriter {
 public:
  ArticleWriter(Connection& db, const knowledge::Lexicon* lexicon, EntityIds& ids,
                PersonLinker& linker, FlowAggregates& flows)
      : db_(db), lexicon_(lexicon), ids_(ids), linker_(linker), flows_(flows) {}
  ~ArticleWriter();  // commits an open batch

  Added add(const text::Document& doc, const std::string& origin,
            const std::vector<extract::Event>& events);
  void begin_batch();
  void commit_batch();
  bool in_batch() const { return in_batch_; }

  static std::string content_hash(std::string_view text);  // SHA-256, hex

 private:
  Added add_once(const text::Document& doc, const std::string& origin,
                 const std::vector<extract::Event>& events, const std::string& hash);
  void index_for_search();

  Connection& db_;
  const knowledge::Lexicon* lexicon_;
  EntityIds& ids_;
  PersonLinker& linker_;
  FlowAggregates& flows_;
  bool in_batch_ = false;
  struct Searchable {
    int64_t id;
    std::string title, text;
  };
  std::vector<Searchable> pending_search_;  // articles of the open batch, indexed at commit
};

}  // namespace tw::store
