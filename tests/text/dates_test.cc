// dates — the publication date a page states, and only that.
#include "text/dates.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <fstream>
#include <map>

#include "source/article_source.h"
#include "test_support.h"
#include "text/html_text.h"
#include "text/pipeline.h"

namespace tw::text {
namespace {

TEST(IsoDate, MachineWrittenDatesAndTimestamps) {
  EXPECT_EQ(iso_date("2025-07-23"), "2025-07-23");
  EXPECT_EQ(iso_date("2025-07-23T09:00:00+09:00"), "2025-07-23");
  EXPECT_EQ(iso_date("20250723"), "2025-07-23");
  EXPECT_EQ(iso_date("Wed, 23 Jul 2025 09:00:00 GMT"), "2025-07-23");
  EXPECT_EQ(iso_date("2025-02-30"), "") << "no such day";
  EXPECT_EQ(iso_date("soon"), "");
}

TEST(DateInLine, EveryFormBylinesUse) {
  EXPECT_EQ(date_in_line("입력 2025.07.04 09:12 | 수정 2025.07.05"), "2025-07-04");
  EXPECT_EQ(date_in_line("박하늘 기자 2023. 4. 5. 17:20"), "2023-04-05");
  EXPECT_EQ(date_in_line("2025년 10월 16일 목요일"), "2025-10-16");
  EXPECT_EQ(stated_date("2025년 10월 16일 목요일 | 산업부 김하늘 기자"), "2025-10-16")
      << "the weekday is part of the date";
  EXPECT_EQ(date_in_line("Published July 23, 2025"), "2025-07-23");
  EXPECT_EQ(date_in_line("Jul. 3 2025, 5:00 PM"), "2025-07-03");
  EXPECT_EQ(date_in_line("Sept. 3, 2025"), "2025-09-03");
  EXPECT_EQ(date_in_line("Published: 9:41am, 3 Sep 2025"), "2025-09-03");
  EXPECT_EQ(date_in_line("the 23rd of nothing, 2025"), "");
  EXPECT_EQ(date_in_line("version 2025.13.45 shipped"), "") << "not a calendar day";
}

TEST(StatedDate, ABylineOrDateLineGivesIt) {
  EXPECT_EQ(stated_date("Headline of the story\nBy Mina Cho\nAug 15, 2025\nThe story begins here."),
            "2025-08-15");
  EXPECT_EQ(stated_date("제목\n홍길동 기자 2024년 3월 8일 오후 2:05\n본문이 시작된다."),
            "2024-03-08");
}

TEST(StatedDate, ADateInsideASentenceIsNotWhenThePageWasWritten) {
  EXPECT_EQ(stated_date("Meta said on July 23, 2025 that it hired three researchers."), "");
  EXPECT_EQ(stated_date("메타는 2025년 7월 1일 새 연구소를 출범했다.\n다음 문장이다."), "");
  EXPECT_EQ(stated_date("On March 3, 2024, the startup raised a new round from investors."), "");
}

TEST(StatedDate, APublicationLineWinsOverTheSitesDateOfIssue) {
  EXPECT_EQ(stated_date("발행일 2023-03-06(월)\n제목\n기사입력 : 2023.02.11 09:15\n본문."),
            "2023-02-11");
  EXPECT_EQ(stated_date("Updated March 4, 2025\nPublished March 2, 2025\nText."), "2025-03-02");
}

TEST(StatedDate, TheBottomOfThePageToo) {
  std::string text = "A story with no byline at the top.\n";
  for (int i = 0; i < 200; ++i) text += "Another sentence of the long story goes here.\n";
  text += "reporter@example.com 2025.03.14\n";
  EXPECT_EQ(stated_date(text), "2025-03-14");
}

TEST(HtmlPublished, MetadataTimeAndJsonLd) {
  EXPECT_EQ(
      html_to_text(
          "<html><head><meta property=\"article:published_time\" content=\"2025-07-23T10:00:00Z\">"
          "</head><body><p>Story.</p></body></html>")
          .published,
      "2025-07-23");
  EXPECT_EQ(html_to_text(
                "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                "\"datePublished\": "
                "\"2024-11-23T08:00:00+09:00\"}</script></head><body><p>Story.</p></body></html>")
                .published,
            "2024-11-23");
  EXPECT_EQ(
      html_to_text(
          "<body><aside><time datetime=\"2020-01-01\">old</time></aside><article>"
          "<time datetime=\"2025-10-13T13:05:00Z\">Oct 13</time><p>Story.</p></article></body>")
          .published,
      "2025-10-13")
      << "the story's own <time>, not a sidebar's";
  EXPECT_EQ(html_to_text("<body><p>Story of 2025.</p></body>").published, "");
}

// The hand-made list of the dates pages state (data/dates/publication_dates.tsv): every
// stated date read right is the aim (the issue asks ≥ 95 %), and no date where the page
// states none.
TEST(PublicationDates, AgainstTheHandMadeList) {
  const auto shared = twtest::shared_dir() / "corpus" / "news";
  if (!std::filesystem::exists(shared)) GTEST_SKIP() << "no ../shared corpus";
  std::ifstream list(std::filesystem::path(TALENTWAR_SOURCE_DIR) / "data" / "dates" /
                     "publication_dates.tsv");
  ASSERT_TRUE(list) << "data/dates/publication_dates.tsv";
  std::string line;
  std::getline(list, line);  // header
  int stated = 0, right = 0, invented = 0, none = 0;
  std::string misses;
  while (std::getline(list, line)) {
    const auto tab = line.find('\t'), tab2 = line.find('\t', tab + 1);
    const std::string file = line.substr(0, tab), want = line.substr(tab + 1, tab2 - tab - 1);
    const auto path = file.starts_with("news/")
                          ? shared / file.substr(5)
                          : std::filesystem::path(TALENTWAR_SOURCE_DIR) / "data" / "samples" /
                                "articles" / file.substr(8);
    std::string got;
    source::read_inputs({path.string()}, [&](source::Item&& item) {
      if (auto* raw = item ? &*item : nullptr) {
        const auto prepared = prepare(*raw);
        if (prepared) got = prepared->date;
      }
    });
    if (want == "none") {
      ++none;
      if (!got.empty()) ++invented, misses += fmt::format("  invented {} for {}\n", got, file);
    } else {
      ++stated;
      if (got == want)
        ++right;
      else
        misses +=
            fmt::format("  {} for {} (stated {})\n", got.empty() ? "nothing" : got, file, want);
    }
  }
  ASSERT_GT(stated, 0);
  std::cout << fmt::format(
                   "publication dates: {} of {} stated read right ({:.1f} %), {} invented of {} "
                   "stating none\n",
                   right, stated, 100.0 * right / stated, invented, none)
            << misses;
  EXPECT_GE(right * 100, stated * 95);
  EXPECT_EQ(invented, 0);
}

// The time an event sentence gives for the event itself (invented sentences).
TEST(EventTime, ADateMonthOrYearWrittenInTheSentence) {
  EXPECT_EQ(event_time("Mira Kell joined Vantage Labs on March 3, 2024.", "2025-06-01"),
            "2024-03-03");
  EXPECT_EQ(event_time("Mira Kell left Orbit AI in July 2024 for Vantage Labs.", "2025-06-01"),
            "2024-07");
  EXPECT_EQ(event_time("The company hired her in 2021.", "2025-06-01"), "2021");
  EXPECT_EQ(event_time("He left Orbit AI in May 2024 and joined Vantage Labs.", "2025-06-01"),
            "2024-05")
      << "a month with its year is not the latest May";
  EXPECT_EQ(event_time("김하늘 연구원은 2024년 7월 오르빗AI로 자리를 옮겼다.", "2025-06-01"),
            "2024-07");
  EXPECT_EQ(event_time("오르빗AI는 2021년 반타지랩스를 인수했다.", "2025-06-01"), "2021");
  EXPECT_EQ(event_time("김하늘 연구원은 2025년 3월 14일 합류했다.", ""), "2025-03-14");
}

TEST(EventTime, AMonthAloneIsTheLatestSuchMonthUpToTheReport) {
  EXPECT_EQ(event_time("She joined Vantage Labs in March.", "2025-06-01"), "2025-03");
  EXPECT_EQ(event_time("She joined Vantage Labs in November.", "2025-06-01"), "2024-11");
  EXPECT_EQ(event_time("김하늘 연구원은 지난 3월 합류했다.", "2025-06-01"), "2025-03");
  EXPECT_EQ(event_time("She joined Vantage Labs in March.", ""), "")
      << "no report date, no year to put it in";
}

TEST(EventTime, WordsThatCountBackFromTheReport) {
  EXPECT_EQ(event_time("Vantage Labs poached two engineers last month.", "2025-01-20"), "2024-12");
  EXPECT_EQ(event_time("Vantage Labs poached two engineers last year.", "2025-01-20"), "2024");
  EXPECT_EQ(event_time("Earlier this month Vantage Labs hired him.", "2025-01-20"), "2025-01");
  EXPECT_EQ(event_time("오르빗AI는 지난달 연구원 3명을 영입했다.", "2025-10-16"), "2025-09");
  EXPECT_EQ(event_time("오르빗AI는 지난해 반타지랩스에 투자했다.", "2025-10-16"), "2024");
  EXPECT_EQ(event_time("오르빗AI는 어제 인수를 발표했다.", "2025-03-01"), "2025-02-28");
  EXPECT_EQ(event_time("Vantage Labs poached two engineers last month.", ""), "")
      << "nothing to count back from";
}

TEST(EventTime, ASentenceThatSaysNoTimeGivesNone) {
  EXPECT_EQ(event_time("Vantage Labs hired 40 researchers from Orbit AI.", "2025-06-01"), "");
  EXPECT_EQ(event_time("반타지랩스는 연구원 40명을 영입했다.", "2025-06-01"), "");
  EXPECT_EQ(event_time("Vantage Labs offered $100 million to 2025 graduates.", "2025-06-01"), "")
      << "a bare number is no year";
}

}  // namespace
}  // namespace tw::text
