// routes/articles — /api/articles/{id} with its text and evidence; POST /api/articles and the write
// token.
#include "server/api_fixture.h"

namespace {

using twtest::Api;
using twtest::json;

TEST_F(Api, ArticleHasItsTextAndEvidence) {
  const json a = get_json("/api/articles/1");
  ASSERT_FALSE(a["events"].empty());
  for (const auto& e : a["events"])
    EXPECT_NE(a["text"].get<std::string>().find(e["evidence"].get<std::string>()),
              std::string::npos);
}

TEST_F(Api, WritesNeedTheToken) {
  const std::string body =
      R"({"id": "posted-1", "text": "Meta hired OpenAI researcher Jane Doerr, people familia)"
      R"(r with the matter said."})";
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

}  // namespace
