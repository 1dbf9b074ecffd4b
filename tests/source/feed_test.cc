// feed — the articles of an RSS or Atom file, one per item.
#include "source/feed.h"

#include <gtest/gtest.h>

#include <vector>

#include "test_support.h"

namespace tw::source {
namespace {

std::vector<Item> items_of(std::string_view xml) {
  std::vector<Item> out;
  read_feed(xml, "feed.rss", "in/feed.rss", [&](Item&& i) { out.push_back(std::move(i)); });
  return out;
}

constexpr const char* kRss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>The Daily Circuit</title>
  <link>https://dailycircuit.example/</link>
  <item>
    <title>Lab hires a chief scientist &amp; two engineers</title>
    <link>https://dailycircuit.example/2025/lab-hire</link>
    <guid>dc-1001</guid>
    <pubDate>Tue, 02 Sep 2025 08:00:00 GMT</pubDate>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>Meta hired Jane Doerr from OpenAI.</p>]]></content:encoded>
  </item>
  <item>
    <title>Only a teaser</title>
    <link>https://dailycircuit.example/2025/teaser</link>
    <description>&lt;p&gt;Apple lost a researcher to Meta.&lt;/p&gt;</description>
  </item>
  <item><title>Nothing here</title></item>
</channel>
</rss>)";

TEST(Feed, EachRssItemIsAnArticleWithItsLinkTitleDateAndOutlet) {
  const auto items = items_of(kRss);
  ASSERT_EQ(items.size(), 3u);
  const auto& a = *items[0];
  EXPECT_EQ(a.doc, "https://dailycircuit.example/2025/lab-hire");
  EXPECT_EQ(a.url, "https://dailycircuit.example/2025/lab-hire");
  EXPECT_EQ(a.title, "Lab hires a chief scientist & two engineers");
  EXPECT_EQ(a.date, "Tue, 02 Sep 2025 08:00:00 GMT");
  EXPECT_EQ(a.outlet, "The Daily Circuit");
  EXPECT_TRUE(a.html);
  EXPECT_NE(a.bytes.find("<p>Meta hired Jane Doerr from OpenAI.</p>"), std::string::npos)
      << "the full content, not the teaser";
  EXPECT_NE(a.bytes.find("&amp; two engineers"), std::string::npos)
      << "the title is text, escaped as HTML";
  const auto& teaser = *items[1];
  EXPECT_NE(teaser.bytes.find("<p>Apple lost a researcher to Meta.</p>"), std::string::npos)
      << "no content: the description";
  const auto& empty = items[2].failure();
  EXPECT_EQ(empty.where, "in/feed.rss#3");
  EXPECT_NE(empty.reason.find("without content"), std::string::npos);
}

TEST(Feed, AtomEntriesTakeTheAlternateLinkAndThePublishedDate) {
  const auto items = items_of(R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Circuit Weekly</title>
  <entry>
    <title type="html">Researchers leave for a rival</title>
    <link rel="self" href="https://circuit.example/feed/1"/>
    <link rel="alternate" href="https://circuit.example/news/1"/>
    <id>tag:circuit.example,2025:1</id>
    <updated>2025-10-02T10:00:00Z</updated>
    <published>2025-10-01T09:00:00Z</published>
    <summary>Two researchers left OpenAI for Anthropic.</summary>
  </entry>
</feed>)");
  ASSERT_EQ(items.size(), 1u);
  const auto& a = *items[0];
  EXPECT_EQ(a.url, "https://circuit.example/news/1");
  EXPECT_EQ(a.date, "2025-10-01T09:00:00Z");
  EXPECT_EQ(a.outlet, "Circuit Weekly");
  EXPECT_NE(a.bytes.find("Two researchers left OpenAI for Anthropic."), std::string::npos);
}

TEST(Feed, NotAFeedAndExternalEntitiesAreRefused) {
  auto not_feed = items_of("<html><body><p>A page.</p></body></html>");
  ASSERT_EQ(not_feed.size(), 1u);
  EXPECT_NE(not_feed[0].failure().reason.find("not an RSS or Atom feed"), std::string::npos);
  EXPECT_EQ(items_of("not xml at all <<<")[0].failure().where, "in/feed.rss");
  // An entity pointing at a local file is never read into an article.
  const auto xxe = items_of(R"(<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title><item><title>t</title>
<description>before &secret; after</description></item></channel></rss>)");
  for (const auto& i : xxe) {
    if (const auto* a = i ? &*i : nullptr) {
      EXPECT_EQ(a->bytes.find("root:"), std::string::npos) << a->bytes;
    }
  }
}

TEST(Feed, AFeedGivenAsAnInputGivesItsItems) {
  twtest::TempDir dir;
  dir.write("news.rss", kRss);
  std::vector<Item> items;
  read_inputs({(dir / "news.rss").string()}, [&](Item&& i) { items.push_back(std::move(i)); });
  ASSERT_EQ(items.size(), 3u);
  EXPECT_TRUE(items[0].ok());
  EXPECT_TRUE(looks_like_feed(kRss));
  EXPECT_FALSE(looks_like_feed("<html></html>"));
}

}  // namespace
}  // namespace tw::source
