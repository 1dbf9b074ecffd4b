// /api/articles/{id} (one stored article with its events) and POST /api/articles (store
// one: needs the token given at start; 403 when none was).
#include <fmt/format.h>
#include <openssl/crypto.h>

#include <charconv>

#include "extract/extractor.h"
#include "knowledge/lexicon.h"
#include "pipeline/process.h"
#include "server/params.h"
#include "server/routes/routes.h"
#include "source/article_source.h"
#include "text/dates.h"
#include "text/pipeline.h"
#include "text/utf8.h"

namespace tw::server::routes {
namespace {

using nlohmann::json;

// How long a POST waits for another writer (an ingest takes turns of ~250 ms) before 503.
constexpr std::chrono::milliseconds kWriteWait{5000};

bool token_matches(const std::string& expected, const std::string& given) {
  // Constant time: the comparison takes as long whatever the first wrong byte.
  return !expected.empty() && given.size() == expected.size() &&
         CRYPTO_memcmp(expected.data(), given.data(), expected.size()) == 0;
}

std::string presented_token(const Request& req) {
  const std::string auth = req.header("Authorization");
  // The scheme name is case-insensitive (RFC 9110): "bearer" is "Bearer".
  if (auth.size() > 7 && text::ascii_lower(std::string_view(auth).substr(0, 7)) == "bearer ")
    return auth.substr(7);
  return req.header("X-Talentwar-Token");
}

// A string field of a posted article: absent or null gives `fallback`, anything but a string is
// refused.
std::string string_field(const json& body, const char* key, std::string fallback = {}) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return fallback;
  if (!it->is_string()) throw BadRequest{fmt::format("\"{}\" must be a string", key)};
  return it->get<std::string>();
}

void ingest(ServerContext& context, const Request& req, Response& res) {
  const auto& options = context.options;
  if (auto refused = refuse_write(context, req)) {
    res = std::move(*refused);
    return;
  }
  const json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) throw BadRequest{"the body must be a JSON object"};
  const bool has_text = body.contains("text") && body["text"].is_string();
  const bool has_html = body.contains("html") && body["html"].is_string();
  if (!has_text && !has_html) throw BadRequest{"the body needs a \"text\" or \"html\" string"};
  source::RawArticle raw;
  raw.bytes = has_text ? body["text"].get<std::string>() : body["html"].get<std::string>();
  raw.html = !has_text;
  raw.doc = string_field(body, "id", "posted");
  raw.origin = "POST /api/articles";
  raw.url = string_field(body, "url");
  raw.title = string_field(body, "title");
  raw.date = string_field(body, "date");
  // A date that is no real day (9999-99-99, 2025-13-45) would sort into no window.
  if (!raw.date.empty() && text::iso_date(raw.date).empty())
    throw BadRequest{"\"date\" must be a real date (YYYY-MM-DD or an ISO timestamp)"};
  if (raw.bytes.empty()) throw BadRequest{"the article text is empty"};
  if (auto why = source::refuse_reason(raw.bytes, options.max_body_bytes); !why.empty())
    throw BadRequest{why};
  auto result = pipeline::process(raw);
  if (!result) throw BadRequest{result.failure().reason};
  const auto& doc = result->doc;
  const auto& events = result->events;
  store::Store::Added added;
  {
    std::lock_guard lock(context.write_mutex);
    auto& writer = context.writer;
    if (!writer) {
      writer = std::make_unique<store::Store>(options.db, &knowledge::Lexicon::standard());
      writer->set_write_wait(kWriteWait);  // then 503: a request cannot wait a minute
    }
    // Its own write transaction, begun IMMEDIATE so that it waits for another writer's
    // lock up front (and answers 503 when the wait runs out) rather than failing half-way.
    writer->begin_batch();
    try {
      added = writer->add_article(doc, raw.origin, events);
      writer->commit_batch();
    } catch (...) {
      writer
          .reset();  // ends the transaction with the connection (the article's own part was undone)
      throw;
    }
  }
  json ev = json::array();
  for (const auto& e : events) ev.push_back(extract::to_json(e));
  const bool stored = added == store::Store::Added::New;
  send_json(res, stored ? 201 : 200,
            {{"doc", doc.doc},
             {"lang", doc.lang},
             {"status", stored ? "stored" : "already stored"},
             {"events", ev}});
}

}  // namespace

std::optional<Response> refuse_write(const ServerContext& context, const Request& req) {
  Response res;
  if (context.options.token.empty())
    send_error(res, 403, "writes are off: start the server with --token or TALENTWAR_TOKEN");
  else if (!token_matches(context.options.token, presented_token(req)))
    send_error(res, 401, "a valid token is required to write");
  else
    return std::nullopt;
  return res;
}

void add_articles(Router& router, ServerContext& context) {
  router.get(R"(/api/articles/(\d+))", [&context](const Request& req, Response& res) {
    int64_t id = 0;
    const std::string& s = req.matches[1];
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
    if (ec != std::errc()) throw BadRequest{"article id must be a number"};
    auto a = ServerContext::Reader(context, req)->article(id);
    if (!a) return send_error(res, 404, fmt::format("no article {}", id));
    send_json(res, 200,
              {{"id", a->id},
               {"doc", a->doc},
               {"lang", a->lang},
               {"title", a->title},
               {"date", a->date},
               {"url", a->url},
               {"outlet", a->outlet},
               {"text", a->text},
               {"events", a->events}});
  });
  router.post("/api/articles",
              [&context](const Request& req, Response& res) { ingest(context, req, res); });
}

}  // namespace tw::server::routes
