// utf8 — validation and NFKC normalisation.
#include "text/utf8.h"

#include <gtest/gtest.h>

namespace tw::text {
namespace {

TEST(FindInvalidUtf8, ValidTextHasNoBadByte) {
  EXPECT_EQ(find_invalid_utf8(""), std::nullopt);
  EXPECT_EQ(find_invalid_utf8("plain ASCII"), std::nullopt);
  EXPECT_EQ(find_invalid_utf8("메타는 “인재”를 원한다 — 😀"), std::nullopt);
}

TEST(FindInvalidUtf8, TruncatedSequence) {
  // "한" is ED 95 9C; drop its last byte.
  EXPECT_EQ(find_invalid_utf8(std::string_view("ab\xED\x95", 4)), 2u);
  EXPECT_EQ(find_invalid_utf8(std::string_view("ab\xED\x95 cd", 7)), 2u);
}

TEST(FindInvalidUtf8, OverlongEncoding) {
  EXPECT_EQ(find_invalid_utf8("abc\xC0\xAF"), 3u);    // '/' in two bytes
  EXPECT_EQ(find_invalid_utf8("x\xE0\x80\xAF"), 1u);  // '/' in three bytes
}

TEST(FindInvalidUtf8, OtherIllFormedBytes) {
  EXPECT_EQ(find_invalid_utf8("\x80"), 0u);                 // lone continuation byte
  EXPECT_EQ(find_invalid_utf8("ok \xED\xA0\x80"), 3u);      // UTF-16 surrogate
  EXPECT_EQ(find_invalid_utf8("ok \xF4\x90\x80\x80"), 3u);  // beyond U+10FFFF
  EXPECT_EQ(find_invalid_utf8("한글\xFF"), 6u);
}

TEST(Nfkc, FullWidthFormsBecomeAscii) {
  EXPECT_EQ(nfkc("１억 달러"), "1억 달러");
  EXPECT_EQ(nfkc("ＯｐｅｎＡＩ　１２３"), "OpenAI 123");
  EXPECT_EQ(nfkc("already plain"), "already plain");
}

TEST(Nfkc, ComposesDecomposedHangul) {
  // 메 written as conjoining jamo (U+1106 U+1166) composes to the syllable U+BA54.
  EXPECT_EQ(nfkc("\u1106\u1166타"), "메타");
}

TEST(NextCodePoint, DecodesAndAdvances) {
  const std::string s = "a한😀";
  size_t i = 0;
  EXPECT_EQ(next_code_point(s, i), U'a');
  EXPECT_EQ(i, 1u);
  EXPECT_EQ(next_code_point(s, i), U'한');
  EXPECT_EQ(i, 4u);
  EXPECT_EQ(next_code_point(s, i), U'😀');
  EXPECT_EQ(i, 8u);
}

TEST(CharacterClasses, HangulAndLetters) {
  EXPECT_TRUE(is_hangul(U'한'));
  EXPECT_TRUE(is_hangul(U'ㄱ'));
  EXPECT_FALSE(is_hangul(U'a'));
  EXPECT_TRUE(is_letter(U'é'));
  EXPECT_TRUE(is_letter(U'한'));
  EXPECT_FALSE(is_letter(U'1'));
  EXPECT_FALSE(is_letter(U'—'));
}

TEST(Printable, KeepsTextAndEscapesWhatWouldBreakALine) {
  EXPECT_EQ(printable("data/기사 01 (final).txt"), "data/기사 01 (final).txt");
  EXPECT_EQ(printable("a\nb\tc\rd"), "a\\nb\\tc\\rd");
  EXPECT_EQ(printable(std::string_view("nul\0\x1b[31m\x7f", 10)), "nul\\x00\\x1B[31m\\x7F");
  EXPECT_EQ(printable("bad\xFF\xFEname"), "bad\\xFF\\xFEname");  // not UTF-8
  EXPECT_EQ(printable("cut\xED\x95"), "cut\\xED\\x95");          // truncated sequence
  EXPECT_EQ(printable("nel\xC2\x85 ls\xE2\x80\xA8 rlo\xE2\x80\xAE"),
            "nel\\u{0085} ls\\u{2028} rlo\\u{202E}");
  for (std::string_view s : {"a\nb", "bad\xFF", "back\\slash \\x41", "x\xC2\x85"})
    EXPECT_EQ(printable(printable(s)), printable(s)) << s;
  EXPECT_FALSE(find_invalid_utf8(printable("\xC0\xAF\xF4\x90\x80\x80")).has_value());
}

TEST(Words, SplitOnRunsOfSpacesAndJoinWithOne) {
  const std::string s = "  가나 랩스   Acme  AI ";
  const auto w = split_words(s);
  ASSERT_EQ(w.size(), 4u);
  EXPECT_EQ(w[0], "가나");
  EXPECT_EQ(w[3], "AI");
  EXPECT_EQ(join_words(w, 1, 4), "랩스 Acme AI");
  EXPECT_EQ(join_words(w, 2, 2), "");
  EXPECT_TRUE(split_words("   ").empty());
}

TEST(Utf8, HangulSyllablesAndTheirCodes) {
  EXPECT_EQ(hangul_syllables("가나다"), 3u);
  EXPECT_EQ(hangul_syllables("가나A"), 0u);  // anything else makes it no Hangul word
  EXPECT_EQ(hangul_syllables("ㄱㄴ"), 0u);   // jamo are not syllables
  EXPECT_EQ(hangul_syllables(""), 0u);
  EXPECT_EQ(syllable_code("가"), 0xEAB080u);  // U+AC00 in UTF-8
  EXPECT_NE(syllable_code("가"), syllable_code("각"));
}

}  // namespace
}  // namespace tw::text
