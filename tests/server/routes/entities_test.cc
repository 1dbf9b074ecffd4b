// routes/entities — /api/entities (list and profile) and /api/feed.atom (a valid Atom document).
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <set>

#include "server/api_fixture.h"

namespace {

using twtest::Api;
using twtest::json;

TEST_F(Api, EntitiesListAndProfile) {
  const json list = get_json("/api/entities?kind=org&limit=100");
  ASSERT_GT(list["total"].get<int>(), 5);
  for (const auto& e : list["items"]) EXPECT_EQ(e["kind"], "org");
  const json found = get_json("/api/entities?q=%EB%A9%94%ED%83%80");  // 메타 matches Meta's aliases
  ASSERT_FALSE(found["items"].empty());
  EXPECT_EQ(found["items"][0]["name"], "Meta");
  const json p =
      get_json("/api/entities/%EC%85%A9%EC%9E%90%EC%98%A4%20%EC%9E%90%EC%98%A4");  // 셩자오 자오
  EXPECT_EQ(p["name"], "Shengjia Zhao");
  EXPECT_FALSE(p["facts"].empty());
}

TEST_F(Api, AtomFeedOfAnOrganisationOrAPerson) {
  for (const char* path :
       {"/api/feed.atom?org=Meta", "/api/feed.atom?org=%EB%A9%94%ED%83%80",  // 메타
        "/api/feed.atom?person=Shengjia%20Zhao"}) {
    auto r = get(path);
    ASSERT_TRUE(r) << path;
    ASSERT_EQ(r->status, 200) << path << ": " << r->body;
    EXPECT_NE(r->get_header_value("Content-Type").find("application/atom+xml"), std::string::npos);
    std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
        xmlReadMemory(r->body.data(), static_cast<int>(r->body.size()), nullptr, nullptr,
                      XML_PARSE_NONET),
        xmlFreeDoc);
    ASSERT_TRUE(doc) << "not well-formed XML: " << r->body.substr(0, 300);
    const xmlNode* feed = xmlDocGetRootElement(doc.get());
    EXPECT_STREQ(reinterpret_cast<const char*>(feed->name), "feed");
    std::vector<std::string> published;
    std::set<std::string> ids;
    for (const xmlNode* e = feed->children; e; e = e->next) {
      if (e->type != XML_ELEMENT_NODE ||
          std::string_view(reinterpret_cast<const char*>(e->name)) != "entry")
        continue;
      for (const xmlNode* c = e->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        xmlChar* text = xmlNodeGetContent(c);
        const std::string name = reinterpret_cast<const char*>(c->name),
                          value = reinterpret_cast<const char*>(text);
        xmlFree(text);
        if (name == "published") published.push_back(value);
        if (name == "id") ids.insert(value);
      }
    }
    EXPECT_FALSE(published.empty()) << path;
    EXPECT_TRUE(std::is_sorted(published.rbegin(), published.rend())) << "newest first";
    EXPECT_EQ(ids.size(), published.size()) << "one id per fact";
  }
  EXPECT_TRUE(get_json("/api/feed.atom", 400).contains("error"));
  EXPECT_TRUE(get_json("/api/feed.atom?org=Nowhere%20Labs", 400).contains("error"));
  EXPECT_TRUE(get_json("/api/feed.atom?person=Nobody%20Atall", 404).contains("suggestions"));
}

}  // namespace
