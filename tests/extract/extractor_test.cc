// extractor — the whole extract stage: what must yield nothing
// (sentences written for these tests; the names are invented or public figures).
#include <gtest/gtest.h>

#include "extract/extractor.h"
#include "extract/frame_test_support.h"

namespace tw::extract {
namespace {

using namespace frametest;  // events_of, money, NamesUnit, HasEvent, HasExactly

TEST(ExtractNothing, GeneralitiesNamingNobody) {
  EXPECT_TRUE(HasExactly(events_of("빅테크는 AI 연구원에게 수백만 달러를 준다."), {}));
}

TEST(ExtractNothing, KoreanTickerAndRelatedHeadlines) {
  EXPECT_TRUE(HasExactly(events_of("KOSPI 2,455.91 ▲ 12.30\n"
                                   "• 48.76\n"
                                   "• 메타, 오픈AI 연구원 또 영입…보상 1억 달러\n"
                                   "• 아마존, 앤스로픽에 40억 달러 추가 투자\n"
                                   "애플은 새 인공지능 조직을 발표했다.\n"),
                         {}));
}

TEST(ExtractNothing, EnglishRelatedListAndPrices) {
  EXPECT_TRUE(HasExactly(events_of("Related stories\n"
                                   "• Google buys Windsurf for $2.4 billion\n"
                                   "• Meta hires OpenAI researcher Jane Doerr\n"
                                   "BTC $97,000.12 +1.2%\n"
                                   "Apple unveiled a new research group on Tuesday.\n"),
                         {}));
}

TEST(ExtractNothing, HtmlRelatedListAndTicker) {
  const auto doc = twtest::prepare_text(
      "<html><body><article><p>Apple unveiled a new research group on Tuesday.</p></article>"
      "<ul class=\"related-news\"><li><a>Google buys Windsurf for $2.4 billion</a></li>"
      "<li><a>Meta hires OpenAI researcher Jane Doerr</a></li></ul>"
      "<div class=\"ticker\">NVDA 181.2</div></body></html>",
      "page.html", /*html=*/true);
  EXPECT_TRUE(HasExactly(Extractor::standard().extract(doc), {}));
}

}  // namespace
}  // namespace tw::extract
