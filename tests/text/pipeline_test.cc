// pipeline — raw bytes to a clean, split Document (or a Failure naming the problem).
#include "text/pipeline.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace tw::text {
namespace {

Failure error_of(const source::RawArticle& raw) {
  auto r = prepare(raw);
  EXPECT_FALSE(r.ok());
  return r.ok() ? Failure{} : r.failure();
}

TEST(Prepare, InvalidUtf8IsAnErrorNamingTheByte) {
  const Failure e = error_of(twtest::raw_article(std::string("Meta hi\xC0\xAFred someone.")));
  EXPECT_NE(e.reason.find("UTF-8"), std::string::npos) << e.reason;
  EXPECT_NE(e.reason.find("byte 7"), std::string::npos) << e.reason;
}

TEST(Prepare, NothingButFurnitureIsAnError) {
  const Failure e = error_of(twtest::raw_article("2,455.91\n• 48.76\n"));
  EXPECT_FALSE(e.reason.empty());
}

Document document_of(const source::RawArticle& raw) {
  auto r = prepare(raw);
  EXPECT_TRUE(r.ok());
  return r.ok() ? *r : Document{};
}

// A source is shown as people know it: outlet, headline, date and link.
TEST(Prepare, APageSaysWhoPublishedItWhenAndWhere) {
  auto page = twtest::raw_article(
      "<html><head><title>Lab hires a chief scientist | The Daily Circuit</title>"
      "<meta property=\"og:site_name\" content=\"The Daily Circuit\">"
      "<link rel=\"canonical\" href=\"https://www.dailycircuit.example/2025/lab-hire\">"
      "<meta property=\"article:published_time\" content=\"2025-09-02T08:00:00Z\"></head>"
      "<body><p>Meta hired Jane Doerr from OpenAI.</p></body></html>",
      "hire.html");
  page.html = true;
  const Document d = document_of(page);
  EXPECT_EQ(d.title, "Lab hires a chief scientist | The Daily Circuit");
  EXPECT_EQ(d.outlet, "The Daily Circuit");
  EXPECT_EQ(d.url, "https://www.dailycircuit.example/2025/lab-hire");
  EXPECT_EQ(d.date, "2025-09-02");
}

TEST(Prepare, ATextFilesFirstLineIsItsHeadlineAndItsLinkNamesTheOutlet) {
  auto text = twtest::raw_article(
      "Lab hires a chief scientist\n\nMeta hired Jane Doerr from OpenAI on Monday.\n");
  text.url = "https://www.dailycircuit.example/2025/lab-hire";
  text.date = "2025-09-02T08:00:00+09:00";
  const Document d = document_of(text);
  EXPECT_EQ(d.title, "Lab hires a chief scientist");
  EXPECT_EQ(d.outlet, "dailycircuit.example");
  EXPECT_EQ(d.date, "2025-09-02") << "a timestamp given with the article is read as its day";
  text.outlet = "Daily Circuit";
  EXPECT_EQ(document_of(text).outlet, "Daily Circuit") << "an outlet given with the article wins";
}

TEST(Prepare, MarkdownIsRenderedNotReadAsText) {
  auto raw = twtest::raw_article(
      "# Meta's hiring push\n\n**Meta** hired [Jane Doerr](https://example.com/jd) from "
      "*OpenAI*.\n\n"
      "> \"A big hire,\" said one recruiter.\n",
      "story.md");
  raw.markdown = true;
  auto r = prepare(raw);
  ASSERT_TRUE(r.ok());
  const auto& d = *r;
  EXPECT_NE(d.text.find("Meta hired Jane Doerr from OpenAI."), std::string::npos) << d.text;
  EXPECT_EQ(d.text.find('#'), std::string::npos) << d.text;
  EXPECT_EQ(d.text.find("https://"), std::string::npos) << d.text;
  EXPECT_EQ(d.text.find("**"), std::string::npos) << d.text;
}

TEST(Prepare, PlainKoreanText) {
  const Document d =
      twtest::prepare_text("메타는 연구소를 열었다. 회사는 인재를 찾는다.\n", "ko.txt");
  EXPECT_EQ(d.doc, "ko.txt");
  EXPECT_EQ(d.lang, "ko");
  ASSERT_EQ(d.sentences.size(), 2u);
  EXPECT_EQ(d.sentence(1), "회사는 인재를 찾는다.");
}

TEST(Prepare, NormalisesFullWidthAndControlCharacters) {
  const Document d = twtest::prepare_text("Amazon invested $４ billion\tin Anthropic.\r\n");
  EXPECT_EQ(d.text, "Amazon invested $4 billion in Anthropic.\n");
  EXPECT_EQ(d.lang, "en");
}

TEST(Prepare, HardWrappedLinesAreJoined) {
  const Document d = twtest::prepare_text(
      "Meta said on Tuesday that it had hired\nthree researchers from OpenAI.\n");
  ASSERT_EQ(d.sentences.size(), 1u);
  EXPECT_EQ(d.sentence(0), "Meta said on Tuesday that it had hired three researchers from OpenAI.");
}

TEST(Prepare, HtmlStoryAndTitle) {
  const Document d = twtest::prepare_text(
      "<html><head><title>Page title</title></head><body><nav>Home</nav>"
      "<article><p>Meta hired a researcher from OpenAI.</p></article></body></html>",
      "p.html", /*html=*/true);
  EXPECT_EQ(d.title, "Page title");
  EXPECT_EQ(d.text, "Meta hired a researcher from OpenAI.\n");
}

}  // namespace
}  // namespace tw::text
