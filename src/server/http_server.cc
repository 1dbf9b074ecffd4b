#include "server/http_server.h"

#include <fmt/format.h>
#include <httplib.h>
#include <openssl/crypto.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <thread>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <variant>

#include "common/data_dir.h"
#include "extract/extractor.h"
#include "query/analytics.h"
#include "store/postgres_connection.h"
#include "store/store.h"
#include "text/pipeline.h"

namespace tw::server {
namespace {

using nlohmann::json;

struct BadRequest {
  std::string message;
};

void send_json(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& message) {
  send_json(res, status, {{"error", message}});
}

std::string param(const httplib::Request& req, const char* name) {
  return req.has_param(name) ? req.get_param_value(name) : std::string{};
}

size_t number_param(const httplib::Request& req, const char* name, size_t fallback, size_t max) {
  const std::string v = param(req, name);
  if (v.empty()) return fallback;
  size_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || n > max)
    throw BadRequest{fmt::format("{} must be a whole number from 0 to {}", name, max)};
  return n;
}

std::string date_param(const httplib::Request& req, const char* name) {
  const std::string v = param(req, name);
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (i >= v.size() || v[i] < '0' || v[i] > '9') return false;
    return true;
  };
  const bool ok = v.empty() || (v.size() == 4 && digits(0, 4)) || (v.size() == 7 && digits(0, 4) && v[4] == '-' && digits(5, 2)) ||
                  (v.size() == 10 && digits(0, 4) && v[4] == '-' && digits(5, 2) && v[7] == '-' && digits(8, 2));
  if (!ok) throw BadRequest{fmt::format("{} must be a date: YYYY, YYYY-MM or YYYY-MM-DD", name)};
  return v;
}

std::string choice_param(const httplib::Request& req, const char* name, std::initializer_list<const char*> allowed) {
  const std::string v = param(req, name);
  if (v.empty()) return v;
  for (const char* a : allowed)
    if (v == a) return v;
  std::string list;
  for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  throw BadRequest{fmt::format("{} must be one of: {}", name, list)};
}

// A page of a JSON array: {"total", "offset", "limit", "items"}.
json page(const json& items, const httplib::Request& req) {
  const size_t limit = number_param(req, "limit", 50, 500);
  const size_t offset = number_param(req, "offset", 0, 1u << 30);
  json out = json::array();
  for (size_t i = offset; i < items.size() && i < offset + limit; ++i) out.push_back(items[i]);
  return {{"total", items.size()}, {"offset", offset}, {"limit", limit}, {"items", out}};
}

bool token_matches(const std::string& expected, const std::string& given) {
  // Constant time: the comparison takes as long whatever the first wrong byte.
  return !expected.empty() && given.size() == expected.size() &&
         CRYPTO_memcmp(expected.data(), given.data(), expected.size()) == 0;
}

std::string presented_token(const httplib::Request& req) {
  const std::string auth = req.get_header_value("Authorization");
  if (auth.rfind("Bearer ", 0) == 0) return auth.substr(7);
  return req.get_header_value("X-Talentwar-Token");
}

}  // namespace

// How many of the newest matching events a fact-based answer (entity, pay, deals,
// timeline) reads. It bounds the cost of a request whatever the corpus size; below it,
// the answer is the same as over all events.
constexpr size_t kRecentEvents = 1000;

struct Server::Impl {
  ServerOptions options;
  httplib::Server http;
  std::mutex pool_mutex;  // guards `idle`
  std::vector<std::unique_ptr<store::Store>> idle;  // read-only connections, one per request at a time
  std::mutex write_mutex;  // one writer at a time from this server
  std::unique_ptr<store::Store> writer;
  std::string openapi;

  explicit Impl(ServerOptions o) : options(std::move(o)) {}

  // A read-only connection for the length of one request; SQLite in WAL mode and
  // PostgreSQL both let readers run side by side and beside the writer.
  class Reader {
   public:
    explicit Reader(Impl& impl) : impl_(impl) {
      std::lock_guard lock(impl_.pool_mutex);
      if (!impl_.idle.empty()) {
        db_ = std::move(impl_.idle.back());
        impl_.idle.pop_back();
      }
    }
    ~Reader() {
      if (!db_) return;
      std::lock_guard lock(impl_.pool_mutex);
      impl_.idle.push_back(std::move(db_));
    }
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;
    store::Store& operator*() {
      if (!db_) db_ = std::make_unique<store::Store>(impl_.options.db, &extract::Lexicon::standard(), store::Store::Mode::ReadOnly);
      return *db_;
    }
    store::Store* operator->() { return &**this; }

   private:
    Impl& impl_;
    std::unique_ptr<store::Store> db_;
  };

  // The facts of the newest events of the given types (all when empty) that name `org` (any when empty).
  struct RecentFacts {
    std::unique_ptr<query::NameResolver> names;
    std::vector<query::Fact> facts;
  };
  RecentFacts recent_facts(store::Store& db, std::initializer_list<const char*> types, const std::string& org,
                           const std::string& person = "") {
    std::vector<store::EventRow> rows;
    auto add = [&](const char* type) {
      store::EventFilter f{type, org, person};
      f.limit = kRecentEvents;
      f.newest_first = true;
      auto got = db.events(f);
      rows.insert(rows.end(), std::make_move_iterator(got.begin()), std::make_move_iterator(got.end()));
    };
    if (types.size() == 0) add("");
    for (const char* t : types) add(t);
    // Facts are built in ingest order, as over the whole database.
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    rows.erase(std::unique(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.id == b.id; }), rows.end());
    RecentFacts r;
    r.names = std::make_unique<query::NameResolver>(extract::Lexicon::standard(), query::people_in(rows));
    r.facts = query::build_facts(rows, *r.names);
    return r;
  }

  void routes();
  void ingest(const httplib::Request& req, httplib::Response& res);
};

void Server::Impl::routes() {
  auto guarded = [](auto handler) {
    return [handler](const httplib::Request& req, httplib::Response& res) {
      try {
        handler(req, res);
      } catch (const BadRequest& e) {
        send_error(res, 400, e.message);
      } catch (const std::exception& e) {
        send_error(res, 500, e.what());
      }
    };
  };
  const auto& lex = extract::Lexicon::standard();

  http.Get("/api/health", guarded([this](const httplib::Request&, httplib::Response& res) {
    Reader db(*this);
    send_json(res, 200, {{"status", "ok"}, {"articles", db->article_count()}, {"events", db->event_count()},
                         {"writes", options.token.empty() ? "off" : "token"}});
  }));
  http.Get("/api/openapi.json", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(openapi, "application/json; charset=utf-8");
  });
  http.Get("/api/events", guarded([this](const httplib::Request& req, httplib::Response& res) {
    store::EventFilter f{choice_param(req, "type", {"move", "offer", "investment", "acquisition", "layoff", "comp_stat", "counteroffer"}),
                         param(req, "org"), param(req, "person")};
    f.limit = number_param(req, "limit", 50, 500);
    f.offset = number_param(req, "offset", 0, 1u << 30);
    f.newest_first = true;
    Reader db(*this);
    json items = json::array();
    for (const auto& r : db->events(f)) {
      json e = r.event;
      e["doc"] = r.doc;
      e["id"] = r.id;
      e["article_id"] = r.article_id;
      items.push_back(e);
    }
    send_json(res, 200, {{"total", db->count_events(f)}, {"offset", f.offset}, {"limit", f.limit}, {"items", items}});
  }));
  http.Get("/api/entities", guarded([this](const httplib::Request& req, httplib::Response& res) {
    const std::string kind = choice_param(req, "kind", {"org", "person"});
    const size_t limit = number_param(req, "limit", 50, 500), offset = number_param(req, "offset", 0, 100000);
    json items = json::array();
    for (const auto& e : Reader(*this)->entities(param(req, "q"), kind, offset + limit + 1))
      items.push_back({{"name", e.name}, {"kind", e.kind}, {"events", e.events}});
    send_json(res, 200, page(items, req));
  }));
  http.Get(R"(/api/entities/(.+))", guarded([this](const httplib::Request& req, httplib::Response& res) {
    const std::string name = httplib::detail::decode_url(req.matches[1], false);
    Reader db(*this);
    const std::string known = db->canonical_entity(name).value_or(name);
    // The newest events naming it as an organisation or as a person.
    auto as_org = recent_facts(*db, {}, known);
    auto as_person = recent_facts(*db, {}, "", known);
    auto& facts = as_org.facts.size() >= as_person.facts.size() ? as_org : as_person;
    const json p = query::entity_profile(name, facts.facts, *facts.names);
    if (p.is_null()) return send_error(res, 404, fmt::format("no person or organisation named {}", name));
    send_json(res, 200, p);
  }));
  http.Get("/api/flows", guarded([this, &lex](const httplib::Request& req, httplib::Response& res) {
    const std::string since = date_param(req, "since"), until = date_param(req, "until");
    send_json(res, 200, query::flows(*Reader(*this), lex, {since, until}, param(req, "org")));
  }));
  http.Get("/api/pay", guarded([this, &lex](const httplib::Request& req, httplib::Response& res) {
    Reader db(*this);
    const std::string org = param(req, "org");
    send_json(res, 200, query::pay(recent_facts(*db, {"offer", "comp_stat"}, org).facts, lex, org));
  }));
  http.Get("/api/deals", guarded([this, &lex](const httplib::Request& req, httplib::Response& res) {
    Reader db(*this);
    const std::string org = param(req, "org");
    send_json(res, 200, query::deals(recent_facts(*db, {"investment", "acquisition"}, org).facts, lex, org));
  }));
  http.Get("/api/timeline", guarded([this, &lex](const httplib::Request& req, httplib::Response& res) {
    Reader db(*this);
    const std::string org = param(req, "org");
    send_json(res, 200, page(query::timeline(recent_facts(*db, {}, org).facts, lex, org), req));
  }));
  http.Get("/api/search", guarded([this](const httplib::Request& req, httplib::Response& res) {
    const std::string q = param(req, "q");
    if (q.empty()) throw BadRequest{"q is required"};
    const size_t limit = number_param(req, "limit", 20, 100);
    json items = json::array();
    for (const auto& h : Reader(*this)->search(q, limit))
      items.push_back({{"id", h.id}, {"doc", h.doc}, {"title", h.title}, {"snippet", h.snippet}});
    send_json(res, 200, {{"query", q}, {"items", items}});
  }));
  http.Get(R"(/api/articles/(\d+))", guarded([this](const httplib::Request& req, httplib::Response& res) {
    int64_t id = 0;
    const std::string s = req.matches[1];
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
    if (ec != std::errc()) throw BadRequest{"article id must be a number"};
    auto a = Reader(*this)->article(id);
    if (!a) return send_error(res, 404, fmt::format("no article {}", id));
    send_json(res, 200, {{"id", a->id}, {"doc", a->doc}, {"lang", a->lang}, {"title", a->title}, {"date", a->date},
                         {"url", a->url}, {"text", a->text}, {"events", a->events}});
  }));
  http.Post("/api/articles", guarded([this](const httplib::Request& req, httplib::Response& res) { ingest(req, res); }));
  // Unknown API routes answer in JSON, not with the dashboard.
  http.Get(R"(/api/.*)", [](const httplib::Request& req, httplib::Response& res) {
    send_error(res, 404, fmt::format("no such route: {}", req.path));
  });

  http.set_payload_max_length(options.max_body_bytes);
  http.set_tcp_nodelay(true);  // a response in two segments would otherwise wait 40 ms for a delayed ACK
  http.set_read_timeout(10, 0);  // slow clients do not hold a worker forever
  http.set_write_timeout(10, 0);
  const std::string root = options.web_root.empty() ? std::string(TALENTWAR_WEB_DIR) : options.web_root;
  http.set_mount_point("/vendor", std::string(TALENTWAR_NODE_MODULES) + "/echarts/dist");
  http.set_mount_point("/", root);
}

void Server::Impl::ingest(const httplib::Request& req, httplib::Response& res) {
  if (options.token.empty()) return send_error(res, 403, "writes are off: start the server with --token or TALENTWAR_TOKEN");
  if (!token_matches(options.token, presented_token(req))) return send_error(res, 401, "a valid token is required to write");
  const json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) throw BadRequest{"the body must be a JSON object"};
  const bool has_text = body.contains("text") && body["text"].is_string();
  const bool has_html = body.contains("html") && body["html"].is_string();
  if (!has_text && !has_html) throw BadRequest{"the body needs a \"text\" or \"html\" string"};
  source::RawArticle raw;
  raw.bytes = has_text ? body["text"].get<std::string>() : body["html"].get<std::string>();
  raw.html = !has_text;
  raw.doc = body.value("id", std::string("posted"));
  raw.origin = "POST /api/articles";
  raw.url = body.value("url", "");
  raw.title = body.value("title", "");
  raw.date = body.value("date", "");
  if (raw.bytes.empty()) throw BadRequest{"the article text is empty"};
  auto prepared = text::prepare(raw);
  if (auto* err = std::get_if<text::TextError>(&prepared)) throw BadRequest{err->reason};
  auto& doc = std::get<text::Document>(prepared);
  const auto events = extract::Extractor::standard().extract(doc);
  store::Store::Added added;
  {
    std::lock_guard lock(write_mutex);
    if (!writer) writer = std::make_unique<store::Store>(options.db, &extract::Lexicon::standard());
    added = writer->add_article(doc, raw.origin, events);
  }
  json ev = json::array();
  for (const auto& e : events) ev.push_back(extract::to_json(e));
  send_json(res, added == store::Store::Added::New ? 201 : 200,
            {{"doc", doc.doc}, {"lang", doc.lang}, {"status", added == store::Store::Added::New ? "stored" : "already stored"},
             {"events", ev}});
}

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  impl_->openapi = read_file(data_dir() / "api" / "openapi.json");
  impl_->routes();
}

Server::~Server() = default;

int Server::bind(std::string& error) {
  if (!store::is_postgres_url(impl_->options.db) && !std::filesystem::exists(impl_->options.db)) {
    // An empty database to serve, so the dashboard works before the first ingest.
    store::Store create(impl_->options.db, &extract::Lexicon::standard());
  }
  const int port = impl_->options.port == 0 ? impl_->http.bind_to_any_port(impl_->options.host)
                                            : (impl_->http.bind_to_port(impl_->options.host, impl_->options.port) ? impl_->options.port : -1);
  if (port < 0) error = fmt::format("cannot listen on {}:{}", impl_->options.host, impl_->options.port);
  return port;
}

bool Server::serve() { return impl_->http.listen_after_bind(); }

bool Server::wait_until_serving(double seconds) const {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!impl_->http.is_running()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

void Server::stop() { impl_->http.stop(); }

}  // namespace tw::server
