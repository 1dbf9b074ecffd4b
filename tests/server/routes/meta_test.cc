// routes/meta — /api/health counts the database; /api/openapi.json describes every route the server
// answers.
#include <set>

#include "model/model.h"
#include "server/api_fixture.h"

namespace {

using twtest::Api;
using twtest::json;

TEST_F(Api, HealthCountsTheDatabase) {
  const json h = get_json("/api/health");
  EXPECT_EQ(h["status"], "ok");
  EXPECT_EQ(h["articles"], 14);
  EXPECT_GT(h["events"].get<int>(), 50);
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
    for (const auto& [code, _] : ops["get"]["responses"].items())
      EXPECT_TRUE(code == "200" || code == "400" || code == "404") << path;
  }
  // …and the routes the server answers are all documented.
  for (const char* route :
       {"/api/health", "/api/events", "/api/entities", "/api/entities/{name}", "/api/flows",
        "/api/pay", "/api/deals", "/api/timeline", "/api/search", "/api/articles/{id}",
        "/api/articles", "/api/openapi.json", "/api/feed.atom", "/api/flows/pair",
        "/api/flows/monthly", "/api/rates"})
    EXPECT_TRUE(doc["paths"].contains(route)) << route;
  EXPECT_TRUE(doc["paths"]["/api/articles"].contains("post"));
}

}  // namespace

namespace {

// The API's description lists the event types the model knows, in its order: the
// document is data, the list is code, and this keeps them one.
TEST_F(Api, OpenApiEventTypesAreTheModels) {
  const json doc = get_json("/api/openapi.json");
  const std::vector<std::string> types(tw::model::kEventTypes.begin(),
                                       tw::model::kEventTypes.end());
  for (const char* path : {"/api/events", "/api/timeline"}) {
    bool found = false;
    for (const auto& p : doc["paths"][path]["get"]["parameters"])
      if (p.value("name", "") == "type") {
        EXPECT_EQ(p["schema"]["enum"].get<std::vector<std::string>>(), types) << path;
        found = true;
      }
    EXPECT_TRUE(found) << path << " documents no type parameter";
  }
}

}  // namespace
