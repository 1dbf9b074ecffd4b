// html_text — the visible story text of an HTML page.
#include "text/html_text.h"

#include <gtest/gtest.h>

#include <chrono>

#include "test_support.h"

namespace tw::text {
namespace {

bool contains(const std::string& s, std::string_view part) {
  return s.find(part) != std::string::npos;
}

TEST(HtmlText, DropsScriptsStylesNavigationAndFooter) {
  const auto t = html_to_text(
      "<html><head><title>Meta hires</title><style>p{color:red}</style></head><body>"
      "<nav><a>Home</a><a>Markets</a></nav>"
      "<script>var tracker = 'Meta offered';</script>"
      "<p>Meta hired a researcher from OpenAI.</p>"
      "<footer>Copyright Example News</footer></body></html>");
  EXPECT_EQ(t.text, "Meta hired a researcher from OpenAI.\n");
  EXPECT_EQ(t.title, "Meta hires");
}

TEST(HtmlText, DropsFurnitureByClassOrId) {
  const auto t = html_to_text(
      "<body><div class=\"ticker\">KOSPI 2,455.91</div>"
      "<p>Story paragraph one.</p>"
      "<ul class=\"related-articles\"><li>Google buys Windsurf</li></ul>"
      "<div id=\"comment-box\"><p>Great article!</p></div>"
      "<div class=\"comments\">Reader says hello.</div>"
      "<p>Story paragraph two.</p></body>");
  EXPECT_EQ(t.text, "Story paragraph one.\nStory paragraph two.\n");
}

TEST(HtmlText, PrefersTheArticleElement) {
  const auto t = html_to_text(
      "<body><div><p>Outside teaser about Apple.</p></div>"
      "<article><h1>Headline</h1><p>Inside the <b>story</b>.</p></article>"
      "<div><p>Another outside block.</p></div></body>");
  EXPECT_EQ(t.text, "Headline\nInside the story.\n");
}

TEST(HtmlText, ItempropArticleBodyMarksTheStory) {
  const auto t = html_to_text(
      "<body><p>Menu text</p><div itemprop=\"articleBody\"><p>The real story.</p></div></body>");
  EXPECT_EQ(t.text, "The real story.\n");
}

TEST(HtmlText, BlockElementsEndLinesAndWhitespaceCollapses) {
  const auto t =
      html_to_text("<p>One\n   two</p><div>three<br>four</div><span>five</span> <span>six</span>");
  EXPECT_EQ(t.text, "One two\nthree\nfour\nfive six\n");
}

TEST(HtmlText, EntitiesAreDecoded) {
  const auto t = html_to_text("<p>AT&amp;T &lt;3 &#xBA54;&#xD0C0;</p>");
  EXPECT_EQ(t.text, "AT&T <3 메타\n");
}

std::string nested_divs(int depth, std::string_view inner) {
  std::string html;
  html.reserve(static_cast<size_t>(depth) * 11 + inner.size());
  for (int i = 0; i < depth; ++i) html += "<div>";
  html += inner;
  for (int i = 0; i < depth; ++i) html += "</div>";
  return html;
}

TEST(HtmlText, ADeclaredCharsetDoesNotReDecodeTheText) {
  // Pages are stored as UTF-8 whatever their <meta> still says; reading them as EUC-KR
  // would turn every Korean sentence into mojibake.
  const auto t = html_to_text(
      "<html><head><meta charset=\"euc-kr\"><meta http-equiv=\"Content-Type\" "
      "content=\"text/html; charset=euc-kr\"></head><body><p>네이버 연구원이 "
      "합류했다.</p></body></html>");
  EXPECT_EQ(t.text, "네이버 연구원이 합류했다.\n");
}

TEST(HtmlText, TextAcrossThePiecesOfALongPageIsWhole) {
  // The page is fed to the streaming parser a megabyte at a time; a word or a story
  // root that straddles two pieces must come out whole.
  const std::string head = "<html><body><div class=\"menu\">";
  const std::string story =
      "</div><article><p>Straddling sentence here.</p></article><p>After the story.</p>";
  const size_t split_at = story.find("Straddling") + 4;  // the first piece ends inside the word
  std::string html =
      head + std::string((1 << 20) - head.size() - split_at, 'm') + story + "</body></html>";
  ASSERT_EQ(html.substr((1 << 20) - 4, 8), "Straddli");
  const auto t = html_to_text(html);
  EXPECT_EQ(t.text, "Straddling sentence here.\n");
}

TEST(HtmlText, SurvivesVeryDeepNesting) {
  const auto t = html_to_text(nested_divs(100000, "deep story text"));
  EXPECT_TRUE(contains(t.text, "deep story text"));
}

TEST(HtmlText, DeepNestingIsFlattenedBeforeParsing) {
  // The parser's implied-end-tag checks are superlinear in depth; past the cap, tags go and text
  // stays.
  const std::string flat =
      tw::text::flatten_deep_nesting(nested_divs(1000, "deep story text"), 100);
  EXPECT_TRUE(contains(flat, "deep story text"));
  size_t opens = 0;
  for (size_t p = flat.find("<div"); p != std::string::npos; p = flat.find("<div", p + 1)) ++opens;
  EXPECT_EQ(opens, 100u);
  // Shallow pages pass through untouched.
  const std::string page = "<html><body><p>Meta hired <b>Jane</b>.<br>Next</p></body></html>";
  EXPECT_EQ(tw::text::flatten_deep_nesting(page), page);
}

TEST(DropUnrendered, RemovesCommentsScriptsAndStylesOnly) {
  EXPECT_EQ(drop_unrendered("<p>a<!-- <p>hidden</p> -->b</p>"), "<p>ab</p>");
  EXPECT_EQ(drop_unrendered(
                "<p>x</p><SCRIPT type=\"t\">if (a<b) document.write('</p>');</SCRIPT ><p>y</p>"),
            "<p>x</p><p>y</p>");
  EXPECT_EQ(drop_unrendered("<style>p > b { }</style><p>z</p>"), "<p>z</p>");
  EXPECT_EQ(drop_unrendered("<p>a <scripture>kept</scripture> <styles></p>"),
            "<p>a <scripture>kept</scripture> <styles></p>")
      << "only whole element names";
  EXPECT_EQ(drop_unrendered("<p>before</p><script>never closed <p>lost</p>"), "<p>before</p>")
      << "an unclosed script runs to the end, as a browser reads it";
  EXPECT_EQ(drop_unrendered("<p>a</p><!-- unclosed"), "<p>a</p>");
  EXPECT_EQ(drop_unrendered("a < b and c<d"), "a < b and c<d");
}

TEST(HtmlText, TextAroundScriptsAndCommentsIsKept) {
  const auto t = html_to_text(
      "<html><body><article><p>Meta hired<!-- ad --> Jane Doe.</p>"
      "<script>var s = '<p>not text</p>';</script><p>She starts in "
      "May.</p></article></body></html>");
  EXPECT_NE(t.text.find("Meta hired Jane Doe."), std::string::npos) << t.text;
  EXPECT_NE(t.text.find("She starts in May."), std::string::npos) << t.text;
  EXPECT_EQ(t.text.find("not text"), std::string::npos) << t.text;
}

TEST(HtmlText, SurvivesUnclosedAndBrokenMarkup) {
  const auto t = html_to_text("<p>First <b>bold <i>both</p><p>Second</div></span>");
  EXPECT_TRUE(contains(t.text, "First bold both"));
  EXPECT_TRUE(contains(t.text, "Second"));
}

TEST(LooksLikeHtml, SniffsMarkup) {
  EXPECT_TRUE(looks_like_html("<!DOCTYPE html><html><body>x</body></html>"));
  EXPECT_TRUE(looks_like_html("  <HTML><p>x</p>"));
  EXPECT_TRUE(looks_like_html("<div class=\"story\">x</div>"));
  EXPECT_FALSE(looks_like_html("Meta hired a researcher. 2 < 3 and 4 > 1."));
  EXPECT_FALSE(looks_like_html(""));
}

}  // namespace
}  // namespace tw::text
