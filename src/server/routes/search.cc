// /api/search: full-text search over the stored articles, with bounded snippets.
#include "query/search.h"
#include "knowledge/lexicon.h"
#include "server/params.h"
#include "server/routes/routes.h"

namespace tw::server::routes {

void add_search(Router& router, ServerContext& context) {
  router.get("/api/search", [&context](const Request& req, Response& res) {
    const std::string q = param(req, "q");
    if (q.empty()) throw BadRequest{"q is required"};
    const size_t limit = number_param(req, "limit", 20, 100);
    send_json(res, 200,
              query::search(*ServerContext::Reader(context, req), knowledge::Lexicon::standard(), q,
                            limit));
  });
}

}  // namespace tw::server::routes
