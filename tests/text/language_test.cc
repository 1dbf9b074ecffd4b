// language — Korean or English by the share of Hangul.
#include "text/language.h"

#include <gtest/gtest.h>

namespace tw::text {
namespace {

TEST(DetectLanguage, Korean) {
  EXPECT_EQ(detect_language("메타는 오픈AI의 연구원을 영입했다."), "ko");
}

TEST(DetectLanguage, English) {
  EXPECT_EQ(detect_language("Meta hired a researcher from OpenAI."), "en");
}

TEST(DetectLanguage, KoreanArticleFullOfLatinNamesIsKorean) {
  EXPECT_EQ(detect_language("메타 슈퍼인텔리전스 랩스(Meta Superintelligence Labs)는 Jane Doerr를 "
                            "영입했다고 밝혔다."),
            "ko");
}

TEST(DetectLanguage, EnglishWithAKoreanNameIsEnglish) {
  EXPECT_EQ(detect_language(
                "The company, known locally as 메타, said on Tuesday that it had hired three more "
                "researchers from OpenAI and planned to expand its laboratory in Seoul next year."),
            "en");
}

TEST(DetectLanguage, NoLettersIsEnglish) {
  EXPECT_EQ(detect_language("2,455.91 12.30"), "en");
  EXPECT_EQ(detect_language(""), "en");
}

}  // namespace
}  // namespace tw::text
