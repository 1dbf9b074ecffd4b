// process — an article through the text and extract stages as every caller runs it.
#include "pipeline/process.h"

#include <gtest/gtest.h>

namespace tw::pipeline {

using model::Slot;
namespace {

text::RawArticle raw(std::string bytes, bool html = false) {
  text::RawArticle r;
  r.doc = r.origin = "test";
  r.bytes = std::move(bytes);
  r.html = html;
  return r;
}

TEST(Process, AnArticleGivesItsDocumentAndEvents) {
  auto result = process(raw("Meta hired OpenAI researcher Jane Doerr.\n"));
  ASSERT_TRUE(result.ok()) << result.failure().reason;
  const Processed* p = &*result;
  EXPECT_EQ(p->doc.lang, "en");
  ASSERT_EQ(p->events.size(), 1u);
  EXPECT_EQ(p->events[0].type, tw::model::EventType::Move);
  EXPECT_EQ(p->events[0].slot(Slot::to), "Meta");
}

TEST(Process, HtmlIsReadAsAPage) {
  auto result =
      process(raw("<html><body><nav>Home | World</nav><p>메타는 오픈AI 연구원 제인 도어를 "
                  "영입했다.</p></body></html>",
                  true));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->doc.lang, "ko");
}

TEST(Process, ARefusalSaysWhyInOneLine) {
  auto bad = process(raw("Meta hired \xFF researcher.\n"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.failure().reason, "invalid UTF-8 at byte 11");
  auto empty = process(raw("<html><body><nav>Home</nav></body></html>", true));
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.failure().reason.find("no story text"), std::string::npos);
}

}  // namespace
}  // namespace tw::pipeline
