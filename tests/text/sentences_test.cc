// sentences — sentence boundaries in Korean and English news text.
#include "text/sentences.h"

#include <gtest/gtest.h>

namespace tw::text {
namespace {

std::vector<std::string> split(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& s : SentenceSplitter::standard().split(text))
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

using Strings = std::vector<std::string>;

TEST(SentencesKorean, DeclarativeEndingsSplit) {
  EXPECT_EQ(split("메타는 새 연구소를 열었다. 회사는 인재 영입을 계속할 계획입니다."),
            (Strings{"메타는 새 연구소를 열었다.", "회사는 인재 영입을 계속할 계획입니다."}));
}

TEST(SentencesKorean, QuotedSentenceStaysInside) {
  EXPECT_EQ(split("그는 “우리는 최고의 인재를 원한다”고 말했다."),
            (Strings{"그는 “우리는 최고의 인재를 원한다”고 말했다."}));
  EXPECT_EQ(split("그는 “인재가 전부다.”라고 말했다. 회사는 답하지 않았다."),
            (Strings{"그는 “인재가 전부다.”라고 말했다.", "회사는 답하지 않았다."}));
}

// Pages that drop the space after a sentence: a period between two Hangul syllables ends it.
TEST(SentencesKorean, PeriodWithoutSpaceBetweenHangulEndsTheSentence) {
  EXPECT_EQ(split("회사는 감원을 설명했습니다.메타는 인재를 영입해 왔습니다."),
            (Strings{"회사는 감원을 설명했습니다.", "메타는 인재를 영입해 왔습니다."}));
  EXPECT_EQ(split("버전 2.5를 공개했다."),
            (Strings{"버전 2.5를 공개했다."}));  // digits are no sentence end
}

TEST(SentencesKorean, QuestionAndExclamation) {
  EXPECT_EQ(split("누가 떠날까? 아무도 모른다!"), (Strings{"누가 떠날까?", "아무도 모른다!"}));
}

TEST(SentencesEnglish, PlainSplit) {
  EXPECT_EQ(split("Meta hired her. She starts on Monday."),
            (Strings{"Meta hired her.", "She starts on Monday."}));
}

TEST(SentencesEnglish, AbbreviationsDoNotEndSentences) {
  EXPECT_EQ(split("The U.S. company hired two researchers."),
            (Strings{"The U.S. company hired two researchers."}));
  EXPECT_EQ(split("Acme Inc. said it hired Dr. Jane Doerr. She starts soon."),
            (Strings{"Acme Inc. said it hired Dr. Jane Doerr.", "She starts soon."}));
}

TEST(SentencesEnglish, InitialsDoNotEndSentences) {
  EXPECT_EQ(split("The lab hired J. Smith from Google."),
            (Strings{"The lab hired J. Smith from Google."}));
}

TEST(SentencesEnglish, LowerCaseContinuationDoesNotSplit) {
  EXPECT_EQ(split("It paid $1.5 bn. and kept the staff."),
            (Strings{"It paid $1.5 bn. and kept the staff."}));
}

TEST(SentencesEnglish, ClosingQuoteAfterThePeriodBelongsToTheSentence) {
  EXPECT_EQ(
      split("\"We want the best,\" he said. \"Money is no object.\" Then he left."),
      (Strings{"\"We want the best,\" he said.", "\"Money is no object.\"", "Then he left."}));
}

TEST(Sentences, LinesAreParagraphs) {
  const std::string text = "First line without a period\nSecond line. Third sentence.\n\nFourth";
  const auto sents = SentenceSplitter::standard().split(text);
  ASSERT_EQ(sents.size(), 4u);
  EXPECT_EQ(sents[0].paragraph, 0);
  EXPECT_EQ(sents[1].paragraph, 1);
  EXPECT_EQ(sents[2].paragraph, 1);
  EXPECT_EQ(sents[3].paragraph, 3);
  EXPECT_EQ(text.substr(sents[0].begin, sents[0].end - sents[0].begin),
            "First line without a period");
  EXPECT_EQ(text.substr(sents[3].begin, sents[3].end - sents[3].begin), "Fourth");
}

TEST(Sentences, CustomAbbreviations) {
  const SentenceSplitter splitter({"Approx."});
  const std::string text = "It costs approx. Ten dollars. Really.";
  const auto s = splitter.split(text);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(text.substr(s[0].begin, s[0].end - s[0].begin), "It costs approx. Ten dollars.");
}

}  // namespace
}  // namespace tw::text
