// /api/pay, /api/deals and /api/timeline: the query layer's answers (query/questions.h), the
// same as the CLI's, with their lists paged by the request's offset and limit.
#include "model/model.h"
#include "query/questions.h"
#include "server/params.h"
#include "server/routes/routes.h"

namespace tw::server::routes {

void add_facts(Router& router, ServerContext& context) {
  router.get("/api/pay", [&context](const Request& req, Response& res) {
    ServerContext::Reader db(context, req);
    nlohmann::json answer =
        query::pay_answer(*db, list_filter(req, *db, query::kPayTypes)).to_json();
    for (const char* list : {"offers", "pay_statistics"})
      answer[list] = page(answer[list], req)["items"];
    answer["offset"] = number_param(req, "offset", 0, 1u << 30);
    answer["limit"] = number_param(req, "limit", 50, 500);
    send_json(res, 200, answer);
  });
  router.get("/api/deals", [&context](const Request& req, Response& res) {
    ServerContext::Reader db(context, req);
    nlohmann::json answer =
        query::deals_answer(*db, list_filter(req, *db, query::kDealTypes)).to_json();
    const nlohmann::json ledger = page(answer["deals"], req);
    answer["deals"] = ledger["items"];
    for (const char* k : {"total", "offset", "limit"}) answer[k] = ledger[k];
    send_json(res, 200, answer);
  });
  router.get("/api/timeline", [&context](const Request& req, Response& res) {
    ServerContext::Reader db(context, req);
    nlohmann::json answer =
        query::timeline_answer(*db, list_filter(req, *db, model::kEventTypes)).to_json();
    nlohmann::json paged = page(answer["facts"], req);
    answer.erase("facts");
    paged.update(answer);
    send_json(res, 200, paged);
  });
}

}  // namespace tw::server::routes
