// /api/flows (who hired from whom), /api/flows/monthly and /api/flows/pair (one edge,
// with the reports behind it).
#include "knowledge/lexicon.h"
#include "query/analytics.h"
#include "query/arguments.h"
#include "server/params.h"
#include "server/routes/routes.h"

namespace tw::server::routes {

void add_flows(Router& router, ServerContext& context) {
  router.get("/api/flows", [&context](const Request& req, Response& res) {
    const std::string since = date_param(req, "since"), until = date_param(req, "until");
    ServerContext::Reader db(context, req);
    const std::string org = org_param(req, *db);
    const auto counts = since.empty() && until.empty() ? nullptr : context.current_flow_counts(*db);
    const size_t top = number_param(req, "top", query::kFlowEdges, 500);
    send_json(
        res, 200,
        query::flows(*db, knowledge::Lexicon::standard(), {since, until}, org, top, counts.get())
            .to_json());
  });
  router.get("/api/flows/monthly", [&context](const Request& req, Response& res) {
    const query::Window window{date_param(req, "since"), date_param(req, "until")};
    ServerContext::Reader db(context, req);
    const std::string org = org_param(req, *db);
    send_json(res, 200,
              query::monthly_flows(*context.current_flow_counts(*db),
                                   knowledge::Lexicon::standard(), window, org));
  });
  router.get("/api/flows/pair", [&context](const Request& req, Response& res) {
    const query::Window window{date_param(req, "since"), date_param(req, "until")};
    ServerContext::Reader db(context, req);
    const auto& lexicon = knowledge::Lexicon::standard();
    const std::string from = query::known_organisation(*db, lexicon, param(req, "from"));
    const std::string to = query::known_organisation(*db, lexicon, param(req, "to"));
    if (from.empty() || to.empty()) throw BadRequest{"from and to are required"};
    send_json(res, 200, query::flow_pair(*db, lexicon, from, to, window));
  });
}

}  // namespace tw::server::routes
