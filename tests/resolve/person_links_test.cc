// person_links — the one rule that makes spellings of a name one person.
#include "resolve/person_links.h"

#include <gtest/gtest.h>

namespace {

using tw::resolve::linked_spelling;

TEST(LinkedSpelling, AHangulSpellingIsTheOneLatinSpellingThatSoundsTheSame) {
  EXPECT_EQ(linked_spelling("하늘 김", {"Haneul Kim"}, {"하눌 김"}), "Haneul Kim");
  EXPECT_EQ(linked_spelling("하늘 김", {"Haneul Kim", "Hanul Kim"}, {}), "하늘 김")
      << "two Latin spellings that sound alike: which one is not known";
}

TEST(LinkedSpelling, HangulSpellingsWithoutALatinOneAreNamedByTheSmallest) {
  EXPECT_EQ(linked_spelling("하눌 김", {}, {"하늘 김"}), "하눌 김") << "하눌 sorts before 하늘";
  EXPECT_EQ(linked_spelling("하늘 김", {}, {"하눌 김"}), "하눌 김");
  EXPECT_EQ(linked_spelling("하늘 김", {}, {"하늘 김"}), "하늘 김") << "itself is no other";
  EXPECT_EQ(linked_spelling("하늘 김", {"Haneul Kim", "Hanul Kim"}, {"하눌 김"}), "하늘 김")
      << "Latin spellings that sound alike but disagree stop the Hangul rule too";
}

TEST(LinkedSpelling, ALatinSpellingIsAlwaysItsOwnName) {
  EXPECT_EQ(linked_spelling("Haneul Kim", {"Hanul Kim"}, {"하늘 김"}), "Haneul Kim");
}

}  // namespace
