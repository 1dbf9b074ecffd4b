// document — an article's sentences are views of its one cleaned text.
#include "text/document.h"

#include <gtest/gtest.h>

namespace tw::text {
namespace {

TEST(Document, ASentenceIsItsSpanOfTheText) {
  Document d;
  d.text = "Jane Doerr joined Meta. 자오셩자는 메타로 옮겼다.\nA new paragraph.";
  d.sentences = {{0, 23, 0}, {24, d.text.find('\n'), 0}, {d.text.find('\n') + 1, d.text.size(), 1}};
  EXPECT_EQ(d.sentence(0), "Jane Doerr joined Meta.");
  EXPECT_EQ(d.sentence(1), "자오셩자는 메타로 옮겼다.");
  EXPECT_EQ(d.sentence(2), "A new paragraph.");
  EXPECT_EQ(d.sentence(1).data(), d.text.data() + 24) << "a view, not a copy";
}

}  // namespace
}  // namespace tw::text
