// routes/files — the dashboard's files, confined to their roots.
#include "server/api_fixture.h"

namespace {

using twtest::Api;
using twtest::json;

TEST_F(Api, DashboardIsServedAndConfinedToItsRoot) {
  auto index = get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->body.find("talentwar"), std::string::npos);
  EXPECT_EQ(get("/vendor/echarts.min.js")->status, 200)
      << "ECharts from npm, not from the repository";
  for (const char* path :
       {"/../CMakeLists.txt", "/..%2FCMakeLists.txt", "/%2e%2e/%2e%2e/etc/passwd"}) {
    auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_NE(r->status, 200) << path;
  }
}

}  // namespace
