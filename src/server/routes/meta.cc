// /api/health, /api/openapi.json (data/api/openapi.json) and /api/rates (data/rates/).
#include "query/rates.h"
#include "server/params.h"
#include "server/routes/routes.h"

namespace tw::server::routes {

void add_meta(Router& router, ServerContext& context) {
  router.get(
      "/api/health",
      [&context](const Request& req, Response& res) {
        ServerContext::Reader db(context, req);
        send_json(res, 200,
                  {{"status", "ok"},
                   {"articles", db->article_count()},
                   {"events", db->event_count()},
                   {"writes", context.options.token.empty() ? "off" : "token"}});
      },
      Lane::Quick);
  router.get(
      "/api/openapi.json",
      [&context](const Request&, Response& res) {
        res.body = context.openapi;
        res.content_type = "application/json; charset=utf-8";
      },
      Lane::Loop);
  router.get(
      "/api/rates",
      [](const Request&, Response& res) {
        nlohmann::json rates = nlohmann::json::object();
        for (const auto& [currency, rows] : query::Rates::standard().table())
          for (const auto& r : rows)
            rates[currency].push_back({{"from", r.from}, {"per_usd", r.per_usd}});
        send_json(res, 200,
                  {{"source", "data/rates/usd.tsv: Federal Reserve H.10 annual averages, rounded"},
                   {"rates", rates}});
      },
      Lane::Loop);
}

}  // namespace tw::server::routes
