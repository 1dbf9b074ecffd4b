// routes/events — /api/events: filters and pages.
#include "server/api_fixture.h"

namespace {

using twtest::Api;
using twtest::json;

TEST_F(Api, EventsFilterAndPage) {
  const json all = get_json("/api/events?limit=500");
  const json moves = get_json("/api/events?type=move&limit=500");
  EXPECT_GT(all["total"].get<int>(), moves["total"].get<int>());
  for (const auto& e : moves["items"]) EXPECT_EQ(e["type"], "move");
  const json meta = get_json("/api/events?org=%EB%A9%94%ED%83%80&limit=500");  // 메타, any spelling
  ASSERT_GT(meta["total"].get<int>(), 0);
  const json page1 = get_json("/api/events?limit=5&offset=0"),
             page2 = get_json("/api/events?limit=5&offset=5");
  EXPECT_EQ(page1["items"].size(), 5u);
  EXPECT_NE(page1["items"][0]["id"], page2["items"][0]["id"]);
  const json wang = get_json("/api/events?person=Alexandr%20Wang");
  for (const auto& e : wang["items"]) EXPECT_EQ(e["person"], "Alexandr Wang");
}

}  // namespace
