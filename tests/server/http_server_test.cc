// The HTTP API on a real SQLite file, served on a free loopback port: every endpoint,
// filters, paging, bad parameters (400, JSON body), unknown ids (404), the write token,
// and the OpenAPI document checked against the routes the server answers.
#include "server/http_server.h"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <set>
#include <httplib.h>

#include <thread>

#include "test_support.h"

namespace {

using twtest::json;

class Api : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new twtest::TempDir;
    db_ = (dir_->path() / "api.db").string();
    auto r = twtest::run_cli({"ingest", "--db", db_, (twtest::source_dir() / "data" / "samples" / "articles").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    start(/*token=*/"test-token", server_, port_, thread_);
    start(/*token=*/"", readonly_server_, readonly_port_, readonly_thread_);
  }
  static void TearDownTestSuite() {
    for (auto* s : {server_, readonly_server_}) s->stop();
    thread_.join();
    readonly_thread_.join();
    delete server_;
    delete readonly_server_;
    delete dir_;
  }
  static void start(const std::string& token, tw::server::Server*& server, int& port, std::thread& thread) {
    server = new tw::server::Server({"127.0.0.1", 0, db_, token, ""});
    std::string error;
    port = server->bind(error);
    ASSERT_GT(port, 0) << error;
    thread = std::thread([server] { server->serve(); });
    ASSERT_TRUE(server->wait_until_serving()) << "the server never started";
  }

  static httplib::Result get(const std::string& path, int port = 0) {
    httplib::Client c("127.0.0.1", port ? port : port_);
    c.set_read_timeout(30, 0);
    return c.Get(path.c_str());
  }
  static json get_json(const std::string& path, int expected_status = 200) {
    auto r = get(path);
    EXPECT_TRUE(r) << path;
    if (!r) return nullptr;
    EXPECT_EQ(r->status, expected_status) << path << ": " << r->body;
    EXPECT_NE(r->get_header_value("Content-Type").find("application/json"), std::string::npos) << path;
    return json::parse(r->body);
  }
  static httplib::Result post(const std::string& body, const std::string& token, int port = 0) {
    httplib::Client c("127.0.0.1", port ? port : port_);
    httplib::Headers h;
    if (!token.empty()) h.emplace("Authorization", "Bearer " + token);
    return c.Post("/api/articles", h, body, "application/json");
  }

  static inline twtest::TempDir* dir_ = nullptr;
  static inline std::string db_;
  static inline tw::server::Server* server_ = nullptr;
  static inline tw::server::Server* readonly_server_ = nullptr;
  static inline int port_ = 0, readonly_port_ = 0;
  static inline std::thread thread_, readonly_thread_;
};

TEST_F(Api, HealthCountsTheDatabase) {
  const json h = get_json("/api/health");
  EXPECT_EQ(h["status"], "ok");
  EXPECT_EQ(h["articles"], 14);
  EXPECT_GT(h["events"].get<int>(), 50);
}

TEST_F(Api, EventsFilterAndPage) {
  const json all = get_json("/api/events?limit=500");
  const json moves = get_json("/api/events?type=move&limit=500");
  EXPECT_GT(all["total"].get<int>(), moves["total"].get<int>());
  for (const auto& e : moves["items"]) EXPECT_EQ(e["type"], "move");
  const json meta = get_json("/api/events?org=%EB%A9%94%ED%83%80&limit=500");  // 메타, any spelling
  ASSERT_GT(meta["total"].get<int>(), 0);
  const json page1 = get_json("/api/events?limit=5&offset=0"), page2 = get_json("/api/events?limit=5&offset=5");
  EXPECT_EQ(page1["items"].size(), 5u);
  EXPECT_NE(page1["items"][0]["id"], page2["items"][0]["id"]);
  const json wang = get_json("/api/events?person=Alexandr%20Wang");
  for (const auto& e : wang["items"]) EXPECT_EQ(e["person"], "Alexandr Wang");
}

TEST_F(Api, BadParametersAre400WithAJsonError) {
  for (const char* path : {"/api/events?limit=abc", "/api/events?limit=100000", "/api/events?type=wedding",
                           "/api/entities?kind=robot", "/api/flows?since=last-year", "/api/search", "/api/timeline?offset=-1",
                           "/api/flows?since=2025-13", "/api/flows?until=2025-02-30", "/api/pay?org=Nowhere%20Labs",
                           "/api/deals?org=Nowhere%20Labs", "/api/timeline?org=Nowhere%20Labs",
                           "/api/events?org=Nowhere%20Labs", "/api/flows?org=Nowhere%20Labs"}) {
    const json e = get_json(path, 400);
    EXPECT_TRUE(e.contains("error")) << path;
  }
}

TEST_F(Api, UnknownIdsAndRoutesAre404) {
  EXPECT_TRUE(get_json("/api/entities/Nobody%20Atall", 404).contains("error"));
  // A near name gets suggestions: a family name alone, a given name in Hangul.
  for (const char* near : {"/api/entities/zhao", "/api/entities/%EC%85%A9%EC%9E%90"}) {  // zhao, 셩자
    const json e = get_json(near, 404);
    const auto& s = e["suggestions"];
    EXPECT_NE(std::find(s.begin(), s.end(), "Shengjia Zhao"), s.end()) << near << ": " << e.dump();
  }
  EXPECT_TRUE(get_json("/api/articles/99999", 404).contains("error"));
  EXPECT_TRUE(get_json("/api/no-such-thing", 404).contains("error"));
}

TEST_F(Api, EntitiesListAndProfile) {
  const json list = get_json("/api/entities?kind=org&limit=100");
  ASSERT_GT(list["total"].get<int>(), 5);
  for (const auto& e : list["items"]) EXPECT_EQ(e["kind"], "org");
  const json found = get_json("/api/entities?q=%EB%A9%94%ED%83%80");  // 메타 matches Meta's aliases
  ASSERT_FALSE(found["items"].empty());
  EXPECT_EQ(found["items"][0]["name"], "Meta");
  const json p = get_json("/api/entities/%EC%85%A9%EC%9E%90%EC%98%A4%20%EC%9E%90%EC%98%A4");  // 셩자오 자오
  EXPECT_EQ(p["name"], "Shengjia Zhao");
  EXPECT_FALSE(p["facts"].empty());
}

TEST_F(Api, AnalyticsEndpoints) {
  const json flows = get_json("/api/flows");
  ASSERT_FALSE(flows["organisations"].empty());
  EXPECT_EQ(get_json("/api/flows?org=Apple")["flows"].size() > 0, true);
  EXPECT_TRUE(get_json("/api/flows?since=2030")["flows"].empty()) << "nothing reported in 2030";
  EXPECT_TRUE(get_json("/api/pay").contains("offers"));
  const json deals = get_json("/api/deals?org=Anthropic");
  for (const auto& d : deals["deals"]) EXPECT_TRUE(d.dump().find("Anthropic") != std::string::npos);
  EXPECT_GT(get_json("/api/timeline?limit=3")["items"].size(), 0u);
  // A window counts what it cannot place instead of dropping it unsaid.
  const json all = get_json("/api/timeline?limit=500");
  size_t undated = 0;
  for (const auto& f : all["items"]) undated += !f.contains("first_reported");
  const json windowed = get_json("/api/timeline?since=2000&limit=500");
  EXPECT_EQ(windowed["undated"], undated);
  EXPECT_EQ(windowed["total"].get<size_t>() + undated, all["total"].get<size_t>()) << "every fact is dated after 2000 or undated";
  EXPECT_FALSE(all.contains("undated")) << "no window, nothing left out";
  EXPECT_TRUE(get_json("/api/flows?since=2000").contains("undated"));
  // The largest pairs only (top), and a pair opened: everyone behind it.
  EXPECT_EQ(get_json("/api/flows?top=1")["flows"].size(), 1u);
  const json edge = get_json("/api/flows?top=1")["flows"][0];
  const json pair = get_json("/api/flows/pair?from=" + httplib::detail::encode_query_param(edge["from"]) +
                             "&to=" + httplib::detail::encode_query_param(edge["to"]));
  EXPECT_GE(pair["named"].size(), edge["named"].size());
  for (const auto& n : edge["named"]) EXPECT_NE(std::find(pair["named"].begin(), pair["named"].end(), n), pair["named"].end());
  EXPECT_FALSE(pair["sources"].empty());
  for (const auto& s : pair["sources"])
    EXPECT_FALSE(s.value("evidence", "").empty()) << "each report opens at its sentence: " << s.dump();
  EXPECT_TRUE(get_json("/api/flows/pair?from=Meta", 400).contains("error"));
  EXPECT_TRUE(get_json("/api/flows?top=0", 200).contains("flows"));
  EXPECT_TRUE(get_json("/api/flows?top=501", 400).contains("error"));
}

// The filters a dashboard view keeps in its URL narrow every list the same way, and each
// list says how many it holds in all.
TEST_F(Api, ListsTakeTypeLanguageDateAndPersonFiltersAndSayTheirTotals) {
  const json moves = get_json("/api/timeline?type=move&limit=500");
  ASSERT_GT(moves["total"].get<size_t>(), 0u);
  for (const auto& f : moves["items"]) EXPECT_EQ(f["type"], "move");
  const json korean = get_json("/api/timeline?lang=ko&limit=500"), english = get_json("/api/timeline?lang=en&limit=500");
  ASSERT_GT(korean["total"].get<size_t>(), 0u);
  ASSERT_GT(english["total"].get<size_t>(), 0u);
  for (const auto& f : korean["items"])
    for (const auto& src : f["sources"]) EXPECT_EQ(src["doc"].get<std::string>().rfind("ko_", 0), 0u) << src.dump();
  const json y2025 = get_json("/api/timeline?since=2025-01&until=2025-12&limit=500");
  for (const auto& f : y2025["items"]) EXPECT_EQ(f["first_reported"].get<std::string>().rfind("2025", 0), 0u);
  const json person = get_json("/api/timeline?person=Alexandr%20Wang");
  ASSERT_GT(person["total"].get<size_t>(), 0u);
  for (const auto& f : person["items"]) EXPECT_NE(f.dump().find("Alexandr Wang"), std::string::npos);

  const json deals = get_json("/api/deals?type=acquisition&limit=1");
  EXPECT_LE(deals["deals"].size(), 1u);
  EXPECT_GE(deals["total"].get<size_t>(), deals["deals"].size());
  const json acquisitions = get_json("/api/deals?type=acquisition");  // kept: a loop over a temporary's member outlives it
  for (const auto& d : acquisitions["deals"]) EXPECT_EQ(d["type"], "acquisition");
  const json offers = get_json("/api/pay?type=offer");
  EXPECT_TRUE(offers["pay_statistics"].empty());
  EXPECT_EQ(offers["summary"]["offers"].get<size_t>(), offers["offers"].size());
  EXPECT_TRUE(get_json("/api/deals?type=move", 400).contains("error")) << "a move is not a deal";
  // A window says how many reports it could not place.
  const size_t dated = get_json("/api/deals?since=1990&limit=500")["reports_read"], all_deals = get_json("/api/deals?limit=500")["reports_read"];
  EXPECT_EQ(dated + get_json("/api/deals?since=1990")["undated_reports"].get<size_t>(), all_deals);
  EXPECT_FALSE(get_json("/api/deals").contains("undated_reports")) << "no window, nothing left out";
  EXPECT_TRUE(get_json("/api/timeline?lang=fr", 400).contains("error"));
  EXPECT_TRUE(get_json("/api/pay?since=July", 400).contains("error"));
}

// A top-N Sankey still adds up: the pairs not listed are one "other" flow, and a unit is
// named under its parent rather than beside it.
TEST_F(Api, FlowsCountThePairsNotListedAndFoldUnitsIntoTheirParents) {
  const json all = get_json("/api/flows?top=500"), top = get_json("/api/flows?top=2");
  auto people = [](const json& f) {
    int64_t n = 0;
    for (const auto& e : f["flows"]) n += e["people"].get<int64_t>();
    return n;
  };
  EXPECT_EQ(all["other"]["people"], 0) << "every pair listed";
  EXPECT_EQ(people(top) + top["other"]["people"].get<int64_t>(), people(all));
  int64_t into = 0;
  for (const auto& o : top["other"]["into_listed"]) into += o["people"].get<int64_t>();
  EXPECT_EQ(into + top["other"]["elsewhere"].get<int64_t>(), top["other"]["people"]);
  for (const auto& o : all["organisations"]) {
    std::set<std::string> named;
    for (const auto& s : o["sources"]) {
      named.insert(s["org"]);
      for (const auto& u : s.value("units", json::array())) EXPECT_FALSE(named.count(u)) << o["org"] << ": " << u;
    }
  }
  // Months: people into and out of one organisation; with none, every move once.
  const json meta = get_json("/api/flows/monthly?org=Meta");
  ASSERT_FALSE(meta["months"].empty());
  for (const auto& m : meta["months"]) EXPECT_EQ(m["net"], m["in"].get<int64_t>() - m["out"].get<int64_t>());
  EXPECT_TRUE(get_json("/api/flows/monthly?org=Nowhere%20Labs", 400).contains("error"));
  EXPECT_TRUE(get_json("/api/rates")["rates"].contains("KRW"));
}

// An Atom feed per organisation or person: well-formed, one entry per dated fact, newest first.
TEST_F(Api, AtomFeedOfAnOrganisationOrAPerson) {
  for (const char* path : {"/api/feed.atom?org=Meta", "/api/feed.atom?org=%EB%A9%94%ED%83%80",  // 메타
                           "/api/feed.atom?person=Shengjia%20Zhao"}) {
    auto r = get(path);
    ASSERT_TRUE(r) << path;
    ASSERT_EQ(r->status, 200) << path << ": " << r->body;
    EXPECT_NE(r->get_header_value("Content-Type").find("application/atom+xml"), std::string::npos);
    std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
        xmlReadMemory(r->body.data(), static_cast<int>(r->body.size()), nullptr, nullptr, XML_PARSE_NONET), xmlFreeDoc);
    ASSERT_TRUE(doc) << "not well-formed XML: " << r->body.substr(0, 300);
    const xmlNode* feed = xmlDocGetRootElement(doc.get());
    EXPECT_STREQ(reinterpret_cast<const char*>(feed->name), "feed");
    std::vector<std::string> published;
    std::set<std::string> ids;
    for (const xmlNode* e = feed->children; e; e = e->next) {
      if (e->type != XML_ELEMENT_NODE || std::string_view(reinterpret_cast<const char*>(e->name)) != "entry") continue;
      for (const xmlNode* c = e->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        xmlChar* text = xmlNodeGetContent(c);
        const std::string name = reinterpret_cast<const char*>(c->name), value = reinterpret_cast<const char*>(text);
        xmlFree(text);
        if (name == "published") published.push_back(value);
        if (name == "id") ids.insert(value);
      }
    }
    EXPECT_FALSE(published.empty()) << path;
    EXPECT_TRUE(std::is_sorted(published.rbegin(), published.rend())) << "newest first";
    EXPECT_EQ(ids.size(), published.size()) << "one id per fact";
  }
  EXPECT_TRUE(get_json("/api/feed.atom", 400).contains("error"));
  EXPECT_TRUE(get_json("/api/feed.atom?org=Nowhere%20Labs", 400).contains("error"));
  EXPECT_TRUE(get_json("/api/feed.atom?person=Nobody%20Atall", 404).contains("suggestions"));
}

TEST_F(Api, SearchWorksForKoreanAndEnglish) {
  const json ko = get_json("/api/search?q=%EC%97%B0%EA%B5%AC%EC%9B%90");  // 연구원
  ASSERT_FALSE(ko["items"].empty());
  EXPECT_EQ(ko["items"][0]["doc"].get<std::string>().rfind("ko_", 0), 0u);
  const json two = get_json("/api/search?q=%EB%A9%94%ED%83%80");  // 메타: two syllables, below the trigram size
  EXPECT_FALSE(two["items"].empty());
  EXPECT_FALSE(get_json("/api/search?q=researchers")["items"].empty());
}

TEST_F(Api, ArticleHasItsTextAndEvidence) {
  const json a = get_json("/api/articles/1");
  ASSERT_FALSE(a["events"].empty());
  for (const auto& e : a["events"]) EXPECT_NE(a["text"].get<std::string>().find(e["evidence"].get<std::string>()), std::string::npos);
}

TEST_F(Api, WritesNeedTheToken) {
  const std::string body = R"({"id": "posted-1", "text": "Meta hired OpenAI researcher Jane Doerr, people familiar with the matter said."})";
  auto none = post(body, "");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  auto wrong = post(body, "test-tokex");
  EXPECT_EQ(wrong->status, 401);
  auto off = post(body, "test-token", readonly_port_);
  EXPECT_EQ(off->status, 403) << "no token configured: writes are off";
  auto ok = post(body, "test-token");
  ASSERT_EQ(ok->status, 201) << ok->body;
  const json stored = json::parse(ok->body);
  EXPECT_EQ(stored["events"][0]["person"], "Jane Doerr");
  EXPECT_EQ(post(body, "test-token")->status, 200) << "the same article again adds nothing";
  EXPECT_EQ(post("{not json", "test-token")->status, 400);
  EXPECT_EQ(post(R"({"title": "no text"})", "test-token")->status, 400);
  EXPECT_EQ(post(R"({"text": "\u0000"})", "test-token")->status, 400);
  // A NUL inside a story is refused as the CLI refuses it: the same rule for every input.
  const auto nul = post(R"({"text": "Meta hired a\u0000b researcher."})", "test-token");
  EXPECT_EQ(nul->status, 400);
  EXPECT_NE(nul->body.find("NUL"), std::string::npos) << nul->body;
}

TEST_F(Api, OpenApiDescribesEveryRoute) {
  const json doc = get_json("/api/openapi.json");
  EXPECT_EQ(doc["openapi"].get<std::string>().rfind("3.", 0), 0u);
  // Every documented GET answers (with sample parameters for path templates)...
  for (const auto& [path, ops] : doc["paths"].items()) {
    if (!ops.contains("get")) continue;
    std::string concrete = path;
    if (auto p = concrete.find("{name}"); p != std::string::npos) concrete.replace(p, 6, "Meta");
    if (auto p = concrete.find("{id}"); p != std::string::npos) concrete.replace(p, 4, "1");
    if (concrete == "/api/search") concrete += "?q=Meta";
    if (concrete == "/api/feed.atom") concrete += "?org=Meta";
    if (concrete == "/api/flows/pair") concrete += "?from=OpenAI&to=Meta";
    auto r = get(concrete);
    ASSERT_TRUE(r) << concrete;
    EXPECT_EQ(r->status, 200) << concrete << ": " << r->body;
    for (const auto& [code, _] : ops["get"]["responses"].items()) EXPECT_TRUE(code == "200" || code == "400" || code == "404") << path;
  }
  // …and the routes the server answers are all documented.
  for (const char* route : {"/api/health", "/api/events", "/api/entities", "/api/entities/{name}", "/api/flows", "/api/pay",
                            "/api/deals", "/api/timeline", "/api/search", "/api/articles/{id}", "/api/articles", "/api/openapi.json",
                            "/api/feed.atom", "/api/flows/pair", "/api/flows/monthly", "/api/rates"})
    EXPECT_TRUE(doc["paths"].contains(route)) << route;
  EXPECT_TRUE(doc["paths"]["/api/articles"].contains("post"));
}

TEST_F(Api, DashboardIsServedAndConfinedToItsRoot) {
  auto index = get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->body.find("talentwar"), std::string::npos);
  EXPECT_EQ(get("/vendor/echarts.min.js")->status, 200) << "ECharts from npm, not from the repository";
  for (const char* path : {"/../CMakeLists.txt", "/..%2FCMakeLists.txt", "/%2e%2e/%2e%2e/etc/passwd"}) {
    auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_NE(r->status, 200) << path;
  }
}

}  // namespace
