// routes — the API, one file per resource, each adding its routes to a Router. Routes
// read their parameters through params.h, the database through ServerContext::Reader,
// and throw BadRequest (400), query::BadArgument (400), store::QueryTimeout (503) or
// store::BusyError (503); http_server.cc turns those into answers.
#pragma once
#include <optional>

#include "server/context.h"
#include "server/router.h"

namespace tw::server::routes {

void add_meta(Router& router,
              ServerContext& context);  // /api/health, /api/openapi.json, /api/rates
void add_events(Router& router, ServerContext& context);  // /api/events
void add_entities(Router& router,
                  ServerContext& context);  // /api/entities, /api/entities/{name}, /api/feed.atom
void add_flows(Router& router,
               ServerContext& context);  // /api/flows, /api/flows/monthly, /api/flows/pair
void add_facts(Router& router, ServerContext& context);   // /api/pay, /api/deals, /api/timeline
void add_search(Router& router, ServerContext& context);  // /api/search
void add_articles(Router& router,
                  ServerContext& context);  // /api/articles/{id}, POST /api/articles
// The answer refusing a write (403 when writes are off, 401 without the right token), or
// none when `req` may write. Asked on the request's head, before its body is read.
std::optional<Response> refuse_write(const ServerContext& context, const Request& req);
// The dashboard's files: web/ at /, echarts at /vendor/ (on the event loop).
void add_files(Router& router, const std::string& web_root, const std::string& vendor_root);

}  // namespace tw::server::routes
