#include "server/context.h"

#include <algorithm>

#include "extract/lexicon.h"
#include "query/arguments.h"
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
    db_ = std::make_unique<store::Store>(context_.options.db, &extract::Lexicon::standard(),
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

ServerContext::RecentFacts ServerContext::recent_facts(store::Store& db,
                                                       std::initializer_list<const char*> types,
                                                       const store::EventFilter& filter,
                                                       size_t per_type) {
  std::vector<store::EventRow> rows;
  size_t matching = 0;
  auto add = [&](const std::string& type) {
    store::EventFilter f = filter;
    f.type = type;
    f.limit = per_type;
    f.newest_first = true;
    auto got = db.events(f);
    // Counted only when the read stopped at its limit: otherwise it read them all.
    matching += got.size() < per_type ? got.size() : db.count_events(f, kCountCap);
    rows.insert(rows.end(), std::make_move_iterator(got.begin()),
                std::make_move_iterator(got.end()));
  };
  if (!filter.type.empty() || types.size() == 0)
    add(filter.type);
  else
    for (const char* t : types) add(t);
  // Facts are built in ingest order, as over the whole database.
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  rows.erase(std::unique(rows.begin(), rows.end(),
                         [](const auto& a, const auto& b) { return a.id == b.id; }),
             rows.end());
  RecentFacts r;
  r.names =
      std::make_unique<query::NameResolver>(extract::Lexicon::standard(), query::people_in(rows));
  r.facts = query::build_facts(rows, *r.names);
  r.reports_read = rows.size();
  r.reports_matching = matching;
  return r;
}

ServerContext::RecentFacts ServerContext::recent_facts(store::Store& db, const std::string& org,
                                                       const std::string& person) {
  store::EventFilter f;
  f.org = org;
  f.person = person;
  return recent_facts(db, {}, f);
}

std::string org_param(const Request& req, const store::Store& db) {
  return query::known_organisation(db, extract::Lexicon::standard(), param(req, "org"));
}

store::EventFilter list_filter(const Request& req, const store::Store& db,
                               std::span<const std::string_view> types) {
  store::EventFilter f;
  f.type = choice_param(req, "type", types);
  f.org = org_param(req, db);
  f.person = param(req, "person");
  f.since = date_param(req, "since");
  f.until = date_param(req, "until");
  f.lang = choice_param(req, "lang", {"ko", "en"});
  return f;
}

void say_reach(nlohmann::json& answer, const ServerContext::RecentFacts& r) {
  answer["reports_read"] = r.reports_read;
  answer["reports_matching"] = std::min(r.reports_matching, kCountCap);
  answer["reports_matching_exact"] = r.reports_matching <= kCountCap;
}

size_t undated_reports(const store::Store& db, store::EventFilter filter,
                       std::initializer_list<const char*> types) {
  filter.since.clear();
  filter.until.clear();
  filter.undated = true;
  if (!filter.type.empty()) return db.count_events(filter, kCountCap);
  size_t n = 0;
  for (const char* t : types) {
    filter.type = t;
    n += db.count_events(filter, kCountCap);
  }
  return n;
}

}  // namespace tw::server
