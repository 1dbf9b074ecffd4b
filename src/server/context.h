// context — what every route shares: the options, read-only database connections (one
// per request at a time, each bounded by the request's time budget and dropped work when
// its client leaves), the one writer, the flow counts windowed flows are summed from, and
// the reading of facts from the newest matching events that bounds the cost of the
// fact-based answers (entity, pay, deals, timeline) whatever the corpus size.
#pragma once
#include <chrono>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "query/facts.h"
#include "server/http.h"
#include "server/http_server.h"
#include "store/flow_counts.h"
#include "store/store.h"

namespace tw::server {

// How many of the newest matching events a fact-based answer reads. Below it, the answer
// is the same as over all events.
constexpr size_t kRecentEvents = 1000;
// Pay and deals list every fact they read, so they read fewer.
constexpr size_t kRecentListed = 500;
// How far matching reports are counted: an exact count of millions would cost a scan.
constexpr size_t kCountCap = 10000;

struct ServerContext {
  explicit ServerContext(ServerOptions o) : options(std::move(o)) {}

  ServerOptions options;
  std::string openapi;

  std::mutex pool_mutex;  // guards `idle`
  std::vector<std::unique_ptr<store::Store>> idle;
  std::mutex write_mutex;  // one writer at a time from this server
  std::unique_ptr<store::Store> writer;
  std::mutex flow_counts_mutex;  // guards `flow_counts`
  std::shared_ptr<const store::FlowCounts> flow_counts;

  // A read-only connection for the length of one request; SQLite in WAL mode and
  // PostgreSQL both let readers run side by side and beside the writer.
  class Reader {
   public:
    // Without a request (start-up work): no budget.
    explicit Reader(ServerContext& context, const Request* request = nullptr);
    Reader(ServerContext& context, const Request& request) : Reader(context, &request) {}
    ~Reader();
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;
    store::Store& operator*();
    store::Store* operator->() { return &**this; }

   private:
    ServerContext& context_;
    const Request* request_;
    std::unique_ptr<store::Store> db_;
    bool budgeted_ = false;
  };

  // The flow counts as current as `db`: loaded again when an article has been stored since.
  std::shared_ptr<const store::FlowCounts> current_flow_counts(store::Store& db);

  // The facts of the newest events matching `filter`, of its type or else of each of
  // `types` (all when empty), `per_type` events of each at most.
  struct RecentFacts {
    std::unique_ptr<query::NameResolver> names;
    std::vector<query::Fact> facts;
    size_t reports_read = 0;      // events the facts were built from
    size_t reports_matching = 0;  // events matching the filter, counted up to kCountCap
  };
  static RecentFacts recent_facts(store::Store& db, std::initializer_list<const char*> types,
                                  const store::EventFilter& filter,
                                  size_t per_type = kRecentEvents);
  static RecentFacts recent_facts(store::Store& db, const std::string& org,
                                  const std::string& person = "");
};

// The organisation the request's `org` names, canonical ("" for none); 400 when unknown.
std::string org_param(const Request& req, const store::Store& db);
// The filters a list takes from the URL: type (one of `types`), org, person, since,
// until and lang; 400 for a value none of them can be.
store::EventFilter list_filter(const Request& req, const store::Store& db,
                               std::span<const std::string_view> types);
// What a list says of its reach: the reports read and how many match in all, so a page
// of facts from the newest reports never passes for all of them.
void say_reach(nlohmann::json& answer, const ServerContext::RecentFacts& r);
// Reports of `types` matching `filter` but for its window, from articles that give no date.
size_t undated_reports(const store::Store& db, store::EventFilter filter,
                       std::initializer_list<const char*> types);

}  // namespace tw::server
