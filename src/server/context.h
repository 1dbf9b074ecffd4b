// context — what every route shares: the options, read-only database connections (one
// per request at a time, each bounded by the request's time budget and dropped work when
// its client leaves), the one writer, the flow counts windowed flows are summed from, and
// the reading of a list's filters from the URL.
#pragma once
#include <chrono>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "server/http.h"
#include "server/http_server.h"
#include "store/flow_counts.h"
#include "store/store.h"

namespace tw::server {

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
};

// The organisation the request's `org` names, canonical ("" for none); 400 when unknown.
std::string org_param(const Request& req, const store::Store& db);
// The filters a list takes from the URL — type (one of `types`), org, person, since, until
// and lang — checked by the query layer's rules (query::checked): 400 for a value none of
// them can be.
store::EventFilter list_filter(const Request& req, const store::Store& db,
                               std::span<const std::string_view> types);

}  // namespace tw::server
