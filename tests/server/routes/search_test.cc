// routes/search — /api/search across scripts.
#include "server/api_fixture.h"

namespace {

using twtest::Api;
using twtest::json;

TEST_F(Api, SearchWorksForKoreanAndEnglish) {
  const json ko = get_json("/api/search?q=%EC%97%B0%EA%B5%AC%EC%9B%90");  // 연구원
  ASSERT_FALSE(ko["items"].empty());
  EXPECT_EQ(ko["items"][0]["doc"].get<std::string>().rfind("ko_", 0), 0u);
  const json two =
      get_json("/api/search?q=%EB%A9%94%ED%83%80");  // 메타: two syllables, below the trigram size
  EXPECT_FALSE(two["items"].empty());
  EXPECT_FALSE(get_json("/api/search?q=researchers")["items"].empty());
}

}  // namespace
