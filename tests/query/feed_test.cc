// feed — facts as an Atom feed.
#include "query/feed.h"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>

namespace tw::query {
namespace {

Fact fact(std::string person, std::string date, std::string evidence) {
  Fact f;
  f.type = model::EventType::Move;
  f.slots = {{Slot::person, person}, {Slot::from, "OpenAI"}, {Slot::to, "Meta"}};
  f.first_date = f.last_date = date;
  f.sources.push_back({"a.txt", date, std::move(evidence), 7, "Lab hires", "The Daily Circuit",
                       "https://dailycircuit.example/a"});
  return f;
}

std::string text_of(const xmlNode* n) {
  xmlChar* t = xmlNodeGetContent(n);
  std::string s = reinterpret_cast<const char*>(t);
  xmlFree(t);
  return s;
}

TEST(AtomFeed, OneEntryPerDatedFactNewestFirstWithItsEvidenceAndLinks) {
  const std::vector<Fact> facts{
      fact("Jane Doerr", "2025-07-01", "Meta hired Jane Doerr & a <team>."),
      fact("John Roe", "2025-09-02", "Meta hired John Roe."), fact("Ann Lee", "", "Undated.")};
  const std::string xml =
      atom_feed(facts, {"talentwar: Meta", "http://h/api/feed.atom?org=Meta", "http://h/"});
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr, XML_PARSE_NONET),
      xmlFreeDoc);
  ASSERT_TRUE(doc) << xml;
  std::vector<std::string> titles, contents, links;
  std::string subtitle;
  for (const xmlNode* e = xmlDocGetRootElement(doc.get())->children; e; e = e->next) {
    if (e->type != XML_ELEMENT_NODE) continue;
    const std::string name = reinterpret_cast<const char*>(e->name);
    if (name == "subtitle") subtitle = text_of(e);
    if (name != "entry") continue;
    for (const xmlNode* c = e->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      const std::string field = reinterpret_cast<const char*>(c->name);
      if (field == "title") titles.push_back(text_of(c));
      if (field == "content") contents.push_back(text_of(c));
      if (field == "link") {
        xmlChar* href = xmlGetProp(c, reinterpret_cast<const xmlChar*>("href"));
        links.push_back(reinterpret_cast<const char*>(href));
        xmlFree(href);
      }
    }
  }
  ASSERT_EQ(titles.size(), 2u) << xml;
  EXPECT_NE(titles[0].find("John Roe"), std::string::npos) << "newest first";
  EXPECT_NE(contents[1].find("Meta hired Jane Doerr & a <team>."), std::string::npos)
      << "text escaped, read back whole";
  EXPECT_NE(contents[1].find("The Daily Circuit"), std::string::npos);
  EXPECT_NE(std::find(links.begin(), links.end(), "http://h/#/article/7"), links.end());
  EXPECT_NE(std::find(links.begin(), links.end(), "https://dailycircuit.example/a"), links.end());
  EXPECT_NE(subtitle.find("1 facts reported without a date"), std::string::npos) << subtitle;
  // The same fact gets the same id in every feed.
  const std::string again = atom_feed({facts[1]}, {"t", "http://h/x", "http://h/"});
  const auto id_of = [](const std::string& x, const std::string& who) {
    const size_t at = x.find(who);
    const size_t id = x.rfind("<id>", at);
    return x.substr(id, x.find("</id>", id) - id);
  };
  EXPECT_EQ(id_of(xml, "John Roe"), id_of(again, "John Roe"));
}

}  // namespace
}  // namespace tw::query
