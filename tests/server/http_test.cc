// The server's own request parts: targets decoded once, parameters, case-insensitive
// headers; the router's patterns over bytes; strict parameter values.
#include "server/http.h"

#include <gtest/gtest.h>

#include "server/params.h"
#include "server/router.h"

namespace {

using namespace tw::server;
using namespace std::string_literals;

TEST(Http, TargetsAreDecodedOnce) {
  Request r;
  parse_target("/api/entities/%2541?q=a+b%2Bc&flag&x=%ED%A0%80&empty=", r);
  EXPECT_EQ(r.path, "/api/entities/%41");
  EXPECT_EQ(r.param("q"), "a b+c");
  EXPECT_TRUE(r.has_param("flag"));
  EXPECT_EQ(r.param("flag"), "");
  EXPECT_EQ(r.param("x"), "\xED\xA0\x80");
  EXPECT_TRUE(r.has_param("empty"));
  EXPECT_FALSE(r.has_param("missing"));
  parse_target("/index.html%00.js", r);
  EXPECT_EQ(r.path, "/index.html\0.js"s) << "a NUL is kept, not cut at";
  parse_target("/a%2", r);
  EXPECT_EQ(r.path, "/a%2") << "a broken escape stays as it is";
}

TEST(Http, HeadersAreFoundWhateverTheirCase) {
  Request r;
  r.headers.emplace("Content-Type", "application/json");
  EXPECT_EQ(r.header("content-type"), "application/json");
  EXPECT_EQ(r.header("CONTENT-TYPE"), "application/json");
  EXPECT_EQ(r.header("Accept"), "");
  Response res;
  res.set_header("Retry-After", "5");
  EXPECT_TRUE(res.has_header("retry-after"));
  EXPECT_FALSE(res.has_header("Retry"));
}

TEST(Http, PercentEncodingRoundTrips) {
  const std::string name = "OpenAI & 메타/x?y=z";
  EXPECT_EQ(percent_decode(percent_encode(name), true), name);
  EXPECT_EQ(percent_encode("a b"), "a%20b");
}

TEST(Router, MatchesWholePathsByMethodInOrder) {
  Router router;
  std::string seen;
  router.get(R"(/api/articles/(\d+))", [&](const Request& req, Response&) { seen = "article " + req.matches[1]; });
  router.get("/api/.*", [&](const Request&, Response&) { seen = "unknown api"; }, Lane::Loop);
  router.post("/api/articles", [&](const Request&, Response&) { seen = "post"; });
  Request req;
  Response res;
  req.method = "GET";
  req.path = "/api/articles/12";
  ASSERT_NE(router.find(req), nullptr);
  router.find(req)->handler(req, res);
  EXPECT_EQ(seen, "article 12");
  EXPECT_EQ(router.lane(req), Lane::Worker);
  req.path = "/api/articles/12x";
  router.find(req)->handler(req, res);
  EXPECT_EQ(seen, "unknown api") << "patterns match the whole path";
  EXPECT_EQ(router.lane(req), Lane::Loop);
  req.path = "/api/\xFF\n\0x"s;
  EXPECT_NE(router.find(req), nullptr) << "any bytes can be matched";
  req.method = "POST";
  req.path = "/api/articles";
  router.find(req)->handler(req, res);
  EXPECT_EQ(seen, "post");
  req.path = "/other";
  EXPECT_EQ(router.find(req), nullptr);
  EXPECT_THROW(router.get("(", [](const Request&, Response&) {}), std::logic_error);
}

TEST(Params, ValuesAreStrict) {
  Request req;
  parse_target("/x?limit=20&big=501&neg=-1&word=abc&type=move&lang=fr", req);
  EXPECT_EQ(number_param(req, "limit", 50, 500), 20u);
  EXPECT_EQ(number_param(req, "absent", 50, 500), 50u);
  for (const char* bad : {"big", "neg", "word"}) EXPECT_THROW(number_param(req, bad, 0, 500), BadRequest) << bad;
  EXPECT_EQ(choice_param(req, "type", {"move", "offer"}), "move");
  EXPECT_THROW(choice_param(req, "lang", {"ko", "en"}), BadRequest);
  const auto items = nlohmann::json::array({1, 2, 3, 4, 5});
  parse_target("/x?offset=3&limit=10", req);
  const auto p = page(items, req);
  EXPECT_EQ(p["total"], 5);
  EXPECT_EQ(p["items"], nlohmann::json::array({4, 5}));
  EXPECT_TRUE(query_text("메타"));
  EXPECT_FALSE(query_text("a\0b"s));
  EXPECT_FALSE(query_text("\xC3\x28"));
  Response res;
  send_json(res, 201, {{"name", "\xFF"}});
  EXPECT_EQ(res.status, 201);
  EXPECT_NE(res.body.find("\xEF\xBF\xBD"), std::string::npos) << "bytes that are not UTF-8 become U+FFFD";
}

}  // namespace
