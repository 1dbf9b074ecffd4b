// http_server — the server as a whole over its routes: bad parameters are 400 with a JSON
// error, unknown ids and routes 404. The routes' own tests are in routes/, on the same
// fixture (api_fixture.h).
#include "server/http_server.h"

#include "server/api_fixture.h"

namespace {

using twtest::Api;
using twtest::json;

TEST_F(Api, BadParametersAre400WithAJsonError) {
  for (const char* path :
       {"/api/events?limit=abc", "/api/events?limit=100000", "/api/events?type=wedding",
        "/api/entities?kind=robot", "/api/flows?since=last-year", "/api/search",
        "/api/timeline?offset=-1", "/api/flows?since=2025-13", "/api/flows?until=2025-02-30",
        "/api/pay?org=Nowhere%20Labs", "/api/deals?org=Nowhere%20Labs",
        "/api/timeline?org=Nowhere%20Labs", "/api/events?org=Nowhere%20Labs",
        "/api/flows?org=Nowhere%20Labs"}) {
    const json e = get_json(path, 400);
    EXPECT_TRUE(e.contains("error")) << path;
  }
}

TEST_F(Api, UnknownIdsAndRoutesAre404) {
  EXPECT_TRUE(get_json("/api/entities/Nobody%20Atall", 404).contains("error"));
  // A near name gets suggestions: a family name alone, a given name in Hangul.
  for (const char* near :
       {"/api/entities/zhao", "/api/entities/%EC%85%A9%EC%9E%90"}) {  // zhao, 셩자
    const json e = get_json(near, 404);
    const auto& s = e["suggestions"];
    EXPECT_NE(std::find(s.begin(), s.end(), "Shengjia Zhao"), s.end()) << near << ": " << e.dump();
  }
  EXPECT_TRUE(get_json("/api/articles/99999", 404).contains("error"));
  EXPECT_TRUE(get_json("/api/no-such-thing", 404).contains("error"));
}

}  // namespace
