// http — the server's own request parts: targets decoded once, parameters,
// case-insensitive headers, percent-encoding.
#include "server/http.h"

#include <gtest/gtest.h>

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

}  // namespace
