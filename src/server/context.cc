#include "server/context.h"

#include <algorithm>

#include "knowledge/lexicon.h"
#include "query/arguments.h"
#include "query/questions.h"
#include "server/params.h"

namespace tw::server {

using Clock = std::chrono::steady_clock;

ServerContext::Reader::Reader(ServerContext& context, const Request* request)
    : context_(context), request_(request) {
  std::lock_guard lock(context_.pool_mutex);
  if (!context_.idle.empty()) {
    db_ = std::move(context_.idle.back());
    context_.idle.pop_back();
  }
}

ServerContext::Reader::~Reader() {
  // A connection the server closed (a restarted PostgreSQL) would fail every request
  // that took it from the pool: dropped, and the next request opens a new one.
  if (!db_ || db_->broken()) return;
  db_->set_deadline(Clock::time_point::max());
  std::lock_guard lock(context_.pool_mutex);
  context_.idle.push_back(std::move(db_));
}

store::Store& ServerContext::Reader::operator*() {
  if (!db_)
    db_ = std::make_unique<store::Store>(context_.options.db, &knowledge::Lexicon::standard(),
                                         store::Store::Mode::ReadOnly);
  if (!budgeted_ && request_) {
    // The request's database work is bounded from its first query, and stops early when
    // its client has gone.
    db_->set_deadline(
        Clock::now() + std::chrono::duration_cast<Clock::duration>(
                           std::chrono::duration<double>(context_.options.query_budget_s)),
        request_->client_left);
    budgeted_ = true;
  }
  return *db_;
}

std::shared_ptr<const store::FlowCounts> ServerContext::current_flow_counts(store::Store& db) {
  const int64_t version = db.flow_version();
  std::lock_guard lock(flow_counts_mutex);
  if (!flow_counts || flow_counts->version() != version) {
    // Loaded once per change for every request after it: not bounded by one request's
    // budget (seconds at ten million events).
    db.set_deadline(Clock::time_point::max());
    flow_counts = std::make_shared<const store::FlowCounts>(store::FlowCounts::load(db));
  }
  return flow_counts;
}

std::string org_param(const Request& req, const store::Store& db) {
  return query::known_organisation(db, knowledge::Lexicon::standard(), param(req, "org"));
}

store::EventFilter list_filter(const Request& req, const store::Store& db,
                               std::span<const std::string_view> types) {
  query::Filter asked;
  for (auto [name, field] : {std::pair{"type", &asked.type},
                             {"org", &asked.org},
                             {"person", &asked.person},
                             {"since", &asked.since},
                             {"until", &asked.until},
                             {"lang", &asked.lang}})
    *field = param(req, name);
  return query::checked(asked, db, types);
}

}  // namespace tw::server
