#include "server/http_server.h"

#include <fmt/format.h>

#include <filesystem>
#include <thread>

#include "common/data_dir.h"
#include "knowledge/lexicon.h"
#include "query/arguments.h"
#include "server/context.h"
#include "server/params.h"
#include "server/router.h"
#include "server/routes/routes.h"
#include "server/transport.h"
#include "store/connection.h"
#include "store/postgres_connection.h"
#include "store/store.h"
#include "text/pipeline.h"

namespace tw::server {

struct Server::Impl {
  ServerContext context;
  Router router;
  Transport transport;

  explicit Impl(ServerOptions o)
      : context(std::move(o)),
        transport(
            transport_options(context.options), [this](Request& req) { return answer(req); },
            [this](const Request& req) { return lane(req); },
            [this](const Request& req) -> std::optional<Response> {
              // Writes are refused on their head: a body is read only for a writer.
              if (req.method != "POST" || !admissible(req)) return std::nullopt;
              return routes::refuse_write(context, req);
            }) {}

  static TransportOptions transport_options(const ServerOptions& o) {
    TransportOptions t;
    t.host = o.host;
    t.port = o.port;
    t.max_body_bytes = o.max_body_bytes;
    t.max_header_bytes = o.max_header_bytes;
    t.read_timeout_s = o.read_timeout_s;
    t.workers = o.threads > 0 ? o.threads : 8;
    t.max_connections = o.max_connections;
    t.max_per_client = o.max_per_client;
    return t;
  }

  void add_routes() {
    routes::add_meta(router, context);
    routes::add_events(router, context);
    routes::add_entities(router, context);
    routes::add_flows(router, context);
    routes::add_facts(router, context);
    routes::add_search(router, context);
    routes::add_articles(router, context);
    // Unknown API routes answer in JSON, not with the dashboard.
    router.get(
        "/api/.*",
        [](const Request& req, Response& res) {
          send_error(res, 404, fmt::format("no such route: {}", req.path));
        },
        Lane::Loop);
    const auto& o = context.options;
    routes::add_files(router, o.web_root.empty() ? std::string(TALENTWAR_WEB_DIR) : o.web_root,
                      std::string(TALENTWAR_NODE_MODULES) + "/echarts/dist");
  }

  Lane lane(const Request& req) const {
    if (req.method == "OPTIONS" || !admissible(req)) return Lane::Loop;
    return router.lane(req);
  }

  // Paths and parameters are text: bytes that are not UTF-8, or NUL, are a bad request,
  // not an error deep in a query or an exception in writing the answer.
  static bool admissible(const Request& req) {
    // A path with NUL in it ("/index.html%00.js") names no file.
    if (req.path.find('\0') != std::string::npos) return false;
    if (req.path.rfind("/api/", 0) != 0) return true;
    bool ok = query_text(req.path);
    for (const auto& [k, v] : req.params) ok = ok && query_text(k) && query_text(v);
    return ok;
  }

  Response answer(Request& req) {
    Response res;
    if (!admissible(req)) {
      send_error(res, 400,
                 req.path.find('\0') != std::string::npos
                     ? "the path must not contain NUL bytes"
                     : "the path and parameters must be UTF-8 text without NUL bytes");
      return res;
    }
    const auto& cors = context.options.cors_origin;
    if (req.method == "OPTIONS") {
      preflight(req, res);
    } else if (const Router::Route* route = router.find(req)) {
      run(*route, req, res);
    } else {
      send_error(res, req.method == "GET" || req.method == "POST" ? 404 : 405,
                 fmt::format("no such route: {} {}", req.method, req.path));
    }
    // Cross-origin access: none unless one origin is named, and then exactly that one.
    if (!cors.empty()) {
      res.set_header("Vary", "Origin");
      if (req.header("Origin") == cors) res.set_header("Access-Control-Allow-Origin", cors);
    }
    return res;
  }

  void preflight(const Request& req, Response& res) const {
    const auto& cors = context.options.cors_origin;
    if (cors.empty() || req.path.rfind("/api/", 0) != 0)
      return send_error(res, 404, "no such route");
    if (req.header("Origin") != cors)
      return send_error(res, 403, "cross-origin requests are not allowed from this origin");
    res.status = 204;
    res.set_header("Access-Control-Allow-Methods", "GET, POST");
    res.set_header("Access-Control-Allow-Headers",
                   "Authorization, Content-Type, X-Talentwar-Token");
    res.set_header("Access-Control-Max-Age", "600");
  }

  // A route's answer, with its errors turned into statuses.
  static void run(const Router::Route& route, const Request& req, Response& res) {
    try {
      route.handler(req, res);
    } catch (const BadRequest& e) {
      send_error(res, 400, e.message);
    } catch (const query::BadArgument& e) {
      send_error(res, 400, e.what());
    } catch (const store::QueryTimeout&) {
      res.set_header("Retry-After", "5");
      send_error(res, 503,
                 "the question took longer than this server allows; narrow it (dates, "
                 "organisation) or try again");
    } catch (const store::BusyError&) {
      // Another process (an ingest) held the database for all of the write wait.
      res.set_header("Retry-After", "5");
      send_error(res, 503, "the database is busy with another writer; try again shortly");
    } catch (const std::exception& e) {
      send_error(res, 500, e.what());
    }
  }
};

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  impl_->context.openapi = read_file(data_dir() / "api" / "openapi.json");
  impl_->add_routes();
}

Server::~Server() = default;

Result<int> Server::bind() {
  const auto& options = impl_->context.options;
  if (!store::is_postgres_url(options.db) && !std::filesystem::exists(options.db)) {
    // An empty database to serve, so the dashboard works before the first ingest.
    store::Store create(options.db, &knowledge::Lexicon::standard());
  }
  // A file that is not a talentwar database is refused before listening, not answered
  // with 500s: it must open and hold the articles table.
  try {
    ServerContext::Reader db(impl_->context);
    db->article_count();
  } catch (const std::exception& e) {
    return Failure{fmt::format("not a talentwar database: {}", e.what())};
  }
  return impl_->transport.bind();
}

bool Server::serve() {
  // ICU loads its normalisation data lazily, behind locks ThreadSanitizer cannot see: loaded
  // here, before the workers that post articles start, as the CLI's ingest does.
  text::load_shared_data();
  // The counts windowed flows are summed from are loaded while the first requests come
  // in, not by the first one that needs them (seconds at ten million events).
  std::thread warm([this] {
    try {
      ServerContext::Reader db(impl_->context);
      impl_->context.current_flow_counts(*db);
    } catch (const std::exception&) {
      // Not a database yet, or gone: the first windowed request loads them, or says why.
    }
  });
  const bool served = impl_->transport.serve();
  warm.join();
  return served;
}

bool Server::wait_until_serving(double seconds) const {
  return impl_->transport.wait_until_serving(seconds);
}

void Server::stop() { impl_->transport.stop(); }

}  // namespace tw::server
