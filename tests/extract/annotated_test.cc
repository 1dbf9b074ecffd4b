// annotated — word-list searches on an annotated sentence: through the language's one-pass
// hits when the list is one of its own, by a plain search otherwise, the same answer either way.
#include "extract/annotated.h"

#include <gtest/gtest.h>

namespace tw::extract {
namespace {

AnnotatedSentence sentence(std::string_view text, const LanguageData* lang) {
  AnnotatedSentence s;
  s.text = text;
  s.folded = ascii_fold(text);
  s.lang = lang;
  return s;
}

TEST(Annotated, AListOfTheLanguageIsReadFromItsHitsAndAgreesWithAPlainSearch) {
  const LanguageData& en = LanguageData::english();
  ASSERT_TRUE(en.indexes(en.denial)) << "the denial words are one of the indexed lists";
  const std::string_view text = "Quillfeather Labs denied the report on Tuesday.";
  const auto indexed = sentence(text, &en), plain = sentence(text, nullptr);
  EXPECT_FALSE(indexed.hits) << "found on the first search, not before";
  const size_t at = find_folded(indexed, en.denial);
  EXPECT_TRUE(indexed.hits);
  EXPECT_EQ(at, find_folded(plain, en.denial));
  ASSERT_NE(at, std::string_view::npos);
  EXPECT_EQ(text.substr(at, 6), "denied");
  EXPECT_TRUE(has(indexed, en.denial));
  EXPECT_FALSE(has(indexed, en.denial, at + 1)) << "a window that starts after the word";
  EXPECT_FALSE(has(indexed, en.denial, 0, at)) << "a window that ends before it";
}

TEST(Annotated, AListOfNoLanguageIsSearchedPlainly) {
  const auto s = sentence("Jane Doerr joined Meta", &LanguageData::english());
  const std::vector<std::string> words{"doerr", "nobody"};
  EXPECT_EQ(find_folded(s, words), 5u);
  EXPECT_FALSE(has(s, {"quillfeather"}));
}

TEST(Annotated, ASpanHoldsItsBeginNotItsEnd) {
  const Span span{3, 7};
  EXPECT_FALSE(span.contains(2));
  EXPECT_TRUE(span.contains(3));
  EXPECT_TRUE(span.contains(6));
  EXPECT_FALSE(span.contains(7));
}

}  // namespace
}  // namespace tw::extract
