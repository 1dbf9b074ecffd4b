// router — routes by method and whole-path pattern over bytes, in the order added, with
// their groups and lanes.
#include "server/router.h"

#include <gtest/gtest.h>

namespace {

using namespace tw::server;
using namespace std::string_literals;

TEST(Router, MatchesWholePathsByMethodInOrder) {
  Router router;
  std::string seen;
  router.get(R"(/api/articles/(\d+))",
             [&](const Request& req, Response&) { seen = "article " + req.matches[1]; });
  router.get(
      "/api/.*", [&](const Request&, Response&) { seen = "unknown api"; }, Lane::Loop);
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

}  // namespace
