// /api/events: the stored reports, newest first, by type, organisation and person.
#include <algorithm>

#include "model/model.h"
#include "server/params.h"
#include "server/routes/routes.h"

namespace tw::server::routes {

void add_events(Router& router, ServerContext& context) {
  router.get("/api/events", [&context](const Request& req, Response& res) {
    store::EventFilter f{choice_param(req, "type", model::kEventTypes), "", param(req, "person")};
    f.limit = number_param(req, "limit", 50, 500);
    f.offset = number_param(req, "offset", 0, 1u << 30);
    f.newest_first = true;
    ServerContext::Reader db(context, req);
    f.org = org_param(req, *db);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : db->events(f)) {
      nlohmann::json e = r.event;
      e["doc"] = r.doc;
      e["id"] = r.id;
      e["article_id"] = r.article_id;
      items.push_back(e);
    }
    // Exact up to 10,000; past that "total" is a lower bound and says so.
    constexpr size_t kListCap = 10000;
    const size_t total = db->count_events(f, kListCap);
    send_json(res, 200,
              {{"total", std::min(total, kListCap)},
               {"total_exact", total <= kListCap},
               {"offset", f.offset},
               {"limit", f.limit},
               {"items", items}});
  });
}

}  // namespace tw::server::routes
