// params — strict parameter values (400 with the reason), pages, the text rule, JSON
// answers that survive bytes that are not UTF-8.
#include "server/params.h"

#include "query/arguments.h"

#include <gtest/gtest.h>

namespace {

using namespace tw::server;
using namespace std::string_literals;

TEST(Params, ValuesAreStrict) {
  Request req;
  parse_target("/x?limit=20&big=501&neg=-1&word=abc&type=move&lang=fr", req);
  EXPECT_EQ(number_param(req, "limit", 50, 500), 20u);
  EXPECT_EQ(number_param(req, "absent", 50, 500), 50u);
  for (const char* bad : {"big", "neg", "word"})
    EXPECT_THROW(number_param(req, bad, 0, 500), BadRequest) << bad;
  EXPECT_EQ(choice_param(req, "type", {"move", "offer"}), "move");
  EXPECT_THROW(choice_param(req, "lang", {"ko", "en"}), tw::query::BadArgument);
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
  EXPECT_NE(res.body.find("\xEF\xBF\xBD"), std::string::npos)
      << "bytes that are not UTF-8 become U+FFFD";
}

}  // namespace
