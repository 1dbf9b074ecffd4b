// routes/facts — /api/pay, /api/deals, /api/timeline: the analytics, their filters and what they
// say of their reach.
#include "server/api_fixture.h"

namespace {

using twtest::Api;
using twtest::json;

TEST_F(Api, AnalyticsEndpoints) {
  const json flows = get_json("/api/flows");
  ASSERT_FALSE(flows["organisations"].empty());
  EXPECT_EQ(get_json("/api/flows?org=Apple")["flows"].size() > 0, true);
  EXPECT_TRUE(get_json("/api/flows?since=2030")["flows"].empty()) << "nothing reported in 2030";
  EXPECT_TRUE(get_json("/api/pay").contains("offers"));
  const json deals = get_json("/api/deals?org=Anthropic");
  for (const auto& d : deals["deals"]) EXPECT_TRUE(d.dump().find("Anthropic") != std::string::npos);
  EXPECT_GT(get_json("/api/timeline?limit=3")["items"].size(), 0u);
  // A window counts what it cannot place instead of dropping it unsaid.
  const json all = get_json("/api/timeline?limit=500");
  size_t undated = 0;
  for (const auto& f : all["items"]) undated += !f.contains("first_reported");
  const json windowed = get_json("/api/timeline?since=2000&limit=500");
  EXPECT_EQ(windowed["undated"], undated);
  EXPECT_EQ(windowed["total"].get<size_t>() + undated, all["total"].get<size_t>())
      << "every fact is dated after 2000 or undated";
  EXPECT_FALSE(all.contains("undated")) << "no window, nothing left out";
  EXPECT_TRUE(get_json("/api/flows?since=2000").contains("undated"));
  // The largest pairs only (top), and a pair opened: everyone behind it.
  EXPECT_EQ(get_json("/api/flows?top=1")["flows"].size(), 1u);
  const json edge = get_json("/api/flows?top=1")["flows"][0];
  const json pair =
      get_json("/api/flows/pair?from=" + httplib::detail::encode_query_param(edge["from"]) +
               "&to=" + httplib::detail::encode_query_param(edge["to"]));
  EXPECT_GE(pair["named"].size(), edge["named"].size());
  for (const auto& n : edge["named"])
    EXPECT_NE(std::find(pair["named"].begin(), pair["named"].end(), n), pair["named"].end());
  EXPECT_FALSE(pair["sources"].empty());
  for (const auto& s : pair["sources"])
    EXPECT_FALSE(s.value("evidence", "").empty())
        << "each report opens at its sentence: " << s.dump();
  EXPECT_TRUE(get_json("/api/flows/pair?from=Meta", 400).contains("error"));
  EXPECT_TRUE(get_json("/api/flows?top=0", 200).contains("flows"));
  EXPECT_TRUE(get_json("/api/flows?top=501", 400).contains("error"));
}

// The filters a dashboard view keeps in its URL narrow every list the same way, and each
// list says how many it holds in all.

TEST_F(Api, ListsTakeTypeLanguageDateAndPersonFiltersAndSayTheirTotals) {
  const json moves = get_json("/api/timeline?type=move&limit=500");
  ASSERT_GT(moves["total"].get<size_t>(), 0u);
  for (const auto& f : moves["items"]) EXPECT_EQ(f["type"], "move");
  const json korean = get_json("/api/timeline?lang=ko&limit=500"),
             english = get_json("/api/timeline?lang=en&limit=500");
  ASSERT_GT(korean["total"].get<size_t>(), 0u);
  ASSERT_GT(english["total"].get<size_t>(), 0u);
  for (const auto& f : korean["items"])
    for (const auto& src : f["sources"])
      EXPECT_EQ(src["doc"].get<std::string>().rfind("ko_", 0), 0u) << src.dump();
  const json y2025 = get_json("/api/timeline?since=2025-01&until=2025-12&limit=500");
  for (const auto& f : y2025["items"])
    EXPECT_EQ(f["first_reported"].get<std::string>().rfind("2025", 0), 0u);
  const json person = get_json("/api/timeline?person=Alexandr%20Wang");
  ASSERT_GT(person["total"].get<size_t>(), 0u);
  for (const auto& f : person["items"])
    EXPECT_NE(f.dump().find("Alexandr Wang"), std::string::npos);

  const json deals = get_json("/api/deals?type=acquisition&limit=1");
  EXPECT_LE(deals["deals"].size(), 1u);
  EXPECT_GE(deals["total"].get<size_t>(), deals["deals"].size());
  const json acquisitions = get_json(
      "/api/deals?type=acquisition");  // kept: a loop over a temporary's member outlives it
  for (const auto& d : acquisitions["deals"]) EXPECT_EQ(d["type"], "acquisition");
  const json offers = get_json("/api/pay?type=offer");
  EXPECT_TRUE(offers["pay_statistics"].empty());
  EXPECT_EQ(offers["summary"]["offers"].get<size_t>(), offers["offers"].size());
  EXPECT_TRUE(get_json("/api/deals?type=move", 400).contains("error")) << "a move is not a deal";
  // A window says how many reports it could not place.
  const size_t dated = get_json("/api/deals?since=1990&limit=500")["reports_read"],
               all_deals = get_json("/api/deals?limit=500")["reports_read"];
  EXPECT_EQ(dated + get_json("/api/deals?since=1990")["undated_reports"].get<size_t>(), all_deals);
  EXPECT_FALSE(get_json("/api/deals").contains("undated_reports")) << "no window, nothing left out";
  EXPECT_TRUE(get_json("/api/timeline?lang=fr", 400).contains("error"));
  EXPECT_TRUE(get_json("/api/pay?since=July", 400).contains("error"));
}

// A top-N Sankey still adds up: the pairs not listed are one "other" flow, and a unit is
// named under its parent rather than beside it.

}  // namespace
