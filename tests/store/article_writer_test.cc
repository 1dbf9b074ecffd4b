// article_writer — an article and its events stored once, read back whole.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <map>

#include "store/store_fixture.h"

namespace tw::store {
namespace {

using namespace tw::store::testing;

class ArticleWriter : public StoreTest {};
TALENTWAR_STORE_BACKENDS(ArticleWriter);

TEST_P(ArticleWriter, SameDocumentTwiceIsStoredOnce) {
  auto s = open();
  const auto d = doc("a.txt", "Meta hired Jane Doerr.");
  EXPECT_EQ(s->add_article(d, "a.txt", {move("Jane Doerr", "OpenAI", "Meta")}), Store::Added::New);
  EXPECT_EQ(s->add_article(d, "copy/a.txt", {move("Jane Doerr", "OpenAI", "Meta")}),
            Store::Added::AlreadyStored);
  EXPECT_EQ(s->article_count(), 1u);
  EXPECT_EQ(s->event_count(), 1u);
}

TEST_P(ArticleWriter, ForEachArticleRoundTripsEvents) {
  auto s = open();
  const std::vector<Event> events{move("Jane Doerr", "OpenAI", "Google DeepMind"),
                                  investment("Amazon", "Anthropic", 4e9)};
  text::Document d = doc("a.txt", "text a");
  d.url = "https://example.com/a";
  d.date = "2025-07-01";
  s->add_article(d, "in/a.txt", events);
  size_t seen = 0;
  s->for_each_article([&](const StoredArticle& a) {
    ++seen;
    EXPECT_EQ(a.doc, "a.txt");
    EXPECT_EQ(a.origin, "in/a.txt");
    EXPECT_EQ(a.url, "https://example.com/a");
    EXPECT_EQ(a.date, "2025-07-01");
    EXPECT_EQ(a.hash, Store::content_hash("text a"));
    ASSERT_EQ(a.events.size(), events.size());
    for (size_t i = 0; i < events.size(); ++i) EXPECT_EQ(a.events[i], extract::to_json(events[i]));
  });
  EXPECT_EQ(seen, 1u);
}

TEST_P(ArticleWriter, ContentHashIsSha256Hex) {
  EXPECT_EQ(Store::content_hash(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Store::content_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace tw::store
