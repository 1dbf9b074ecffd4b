// furniture — dropping the lines of a page that are not the story.
#include "text/furniture.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace tw::text {
namespace {

std::vector<std::string> kept(std::string_view text) {
  return twtest::lines_of(FurnitureFilter::standard().clean(text));
}

using Strings = std::vector<std::string>;

constexpr const char* kStory = "메타는 오픈AI의 연구원 세 명을 영입했다고 밝혔다.";
constexpr const char* kEnglishStory =
    "Meta said on Tuesday it had hired three researchers from OpenAI.";

TEST(Furniture, StoryParagraphsAreKept) {
  const std::string text = std::string(kStory) + "\n" + kEnglishStory + "\n";
  EXPECT_EQ(kept(text), (Strings{kStory, kEnglishStory}));
}

TEST(Furniture, TickerLinesAreDropped) {
  EXPECT_EQ(kept(std::string("2,455.91\n• 48.76\nKOSPI 2,455.91 ▲12.30 (+0.5%)\n") + kStory),
            (Strings{kStory}));
}

TEST(Furniture, BulletedRelatedHeadlinesAreDropped) {
  EXPECT_EQ(kept(std::string(kStory) + "\n• 메타, 오픈AI 연구원 또 영입\n▶ 구글, 윈드서프 인재 "
                                       "확보\n- Google buys a coding startup\n"),
            (Strings{kStory}));
}

TEST(Furniture, BulletedSentenceIsKept) {
  const std::string bullet =
      "• Meta hired three researchers from OpenAI last week, the company said.";
  EXPECT_EQ(kept(bullet), (Strings{bullet}));
}

TEST(Furniture, RunsOfShortMenuLinesAreDropped) {
  EXPECT_EQ(kept(std::string("Home\nWorld\nTechnology\nMarkets\n") + kEnglishStory),
            (Strings{kEnglishStory}));
  EXPECT_EQ(kept(std::string("정치\n경제\n\n사회\n국제\n") + kStory), (Strings{kStory}));
}

TEST(Furniture, TwoShortLinesAreNotAMenu) {
  // A headline and a dateline are short too; only runs of three or more are menus.
  EXPECT_EQ(kept(std::string("Meta hires from OpenAI\nBy Jane Doerr\n") + kEnglishStory),
            (Strings{"Meta hires from OpenAI", "By Jane Doerr", kEnglishStory}));
}

TEST(Furniture, ShortLinesWithMarkerPhrasesAreDropped) {
  EXPECT_EQ(kept(std::string(kStory) +
                 "\n댓글 12개\n구독하기\nCopyright 2025 Example News. All rights reserved.\n"),
            (Strings{kStory}));
}

TEST(Furniture, MarkerPhraseInALongStoryLineDoesNotDropIt) {
  const std::string line =
      "The company said the subscription business was growing, and that it would keep hiring "
      "researchers from "
      "rival laboratories throughout the year, a spokesperson said. Subscribe rates rose.";
  EXPECT_EQ(kept(line), (Strings{line}));
}

TEST(Furniture, CustomMarkers) {
  const FurnitureFilter filter({"ADVERTORIAL"});
  EXPECT_EQ(twtest::lines_of(
                filter.clean(std::string("ADVERTORIAL: buy now, please.\n") + kEnglishStory)),
            (Strings{kEnglishStory}));
}

}  // namespace
}  // namespace tw::text
