// /api/pay, /api/deals and /api/timeline: lists of facts (reports merged) built from the
// newest matching reports. Each takes the filters of list_filter and a page (offset,
// limit), and says how many reports it read and how many match in all.
#include <algorithm>
#include <array>
#include <string_view>

#include "extract/lexicon.h"
#include "model/model.h"
#include "query/analytics.h"
#include "query/rates.h"
#include "server/params.h"
#include "server/routes/routes.h"

namespace tw::server::routes {
namespace {

constexpr std::array<std::string_view, 2> kPayTypes{"offer", "comp_stat"};
constexpr std::array<std::string_view, 2> kDealTypes{"investment", "acquisition"};

}  // namespace

void add_facts(Router& router, ServerContext& context) {
  router.get("/api/pay", [&context](const Request& req, Response& res) {
    ServerContext::Reader db(context, req);
    const auto filter = list_filter(req, *db, kPayTypes);
    const auto recent =
        ServerContext::recent_facts(*db, {"offer", "comp_stat"}, filter, kRecentListed);
    nlohmann::json answer = query::pay(recent.facts, extract::Lexicon::standard(), filter.org,
                                       &query::Rates::standard());
    say_reach(answer, recent);
    if (!filter.since.empty() || !filter.until.empty())
      answer["undated_reports"] = undated_reports(*db, filter, {"offer", "comp_stat"});
    for (const char* list : {"offers", "pay_statistics"})
      answer[list] = page(answer[list], req)["items"];
    answer["offset"] = number_param(req, "offset", 0, 1u << 30);
    answer["limit"] = number_param(req, "limit", 50, 500);
    send_json(res, 200, answer);
  });
  router.get("/api/deals", [&context](const Request& req, Response& res) {
    ServerContext::Reader db(context, req);
    const auto filter = list_filter(req, *db, kDealTypes);
    const auto recent =
        ServerContext::recent_facts(*db, {"investment", "acquisition"}, filter, kRecentListed);
    nlohmann::json answer = query::deals(recent.facts, extract::Lexicon::standard(), filter.org);
    say_reach(answer, recent);
    if (!filter.since.empty() || !filter.until.empty())
      answer["undated_reports"] = undated_reports(*db, filter, {"investment", "acquisition"});
    const nlohmann::json ledger = page(answer["deals"], req);
    answer["deals"] = ledger["items"];
    for (const char* k : {"total", "offset", "limit"}) answer[k] = ledger[k];
    send_json(res, 200, answer);
  });
  router.get("/api/timeline", [&context](const Request& req, Response& res) {
    ServerContext::Reader db(context, req);
    auto filter = list_filter(req, *db, model::kEventTypes);
    const query::Window window{filter.since, filter.until};
    const auto recent = ServerContext::recent_facts(*db, {}, filter);
    nlohmann::json answer =
        page(query::timeline(recent.facts, extract::Lexicon::standard(), filter.org, window), req);
    say_reach(answer, recent);
    if (!window.since.empty() || !window.until.empty()) {
      // Facts no report of which gives a date cannot be placed in the window: counted, not dropped.
      filter.since.clear();
      filter.until.clear();
      const auto facts = ServerContext::recent_facts(*db, {}, filter).facts;
      answer["undated"] = std::count_if(facts.begin(), facts.end(),
                                        [](const query::Fact& f) { return f.first_date.empty(); });
    }
    send_json(res, 200, answer);
  });
}

}  // namespace tw::server::routes
