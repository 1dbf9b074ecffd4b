// routes/flows — /api/flows: pairs not listed are counted, units fold into their parents.
#include "server/api_fixture.h"

namespace {

using twtest::Api;
using twtest::json;

TEST_F(Api, FlowsCountThePairsNotListedAndFoldUnitsIntoTheirParents) {
  const json all = get_json("/api/flows?top=500"), top = get_json("/api/flows?top=2");
  auto people = [](const json& f) {
    int64_t n = 0;
    for (const auto& e : f["flows"]) n += e["people"].get<int64_t>();
    return n;
  };
  EXPECT_EQ(all["other"]["people"], 0) << "every pair listed";
  EXPECT_EQ(people(top) + top["other"]["people"].get<int64_t>(), people(all));
  int64_t into = 0;
  for (const auto& o : top["other"]["into_listed"]) into += o["people"].get<int64_t>();
  EXPECT_EQ(into + top["other"]["elsewhere"].get<int64_t>(), top["other"]["people"]);
  for (const auto& o : all["organisations"]) {
    std::set<std::string> named;
    for (const auto& s : o["sources"]) {
      named.insert(s["org"]);
      for (const auto& u : s.value("units", json::array()))
        EXPECT_FALSE(named.count(u)) << o["org"] << ": " << u;
    }
  }
  // Months: people into and out of one organisation; with none, every move once.
  const json meta = get_json("/api/flows/monthly?org=Meta");
  ASSERT_FALSE(meta["months"].empty());
  for (const auto& m : meta["months"])
    EXPECT_EQ(m["net"], m["in"].get<int64_t>() - m["out"].get<int64_t>());
  EXPECT_TRUE(get_json("/api/flows/monthly?org=Nowhere%20Labs", 400).contains("error"));
  EXPECT_TRUE(get_json("/api/rates")["rates"].contains("KRW"));
}

// An Atom feed per organisation or person: well-formed, one entry per dated fact, newest first.

}  // namespace
