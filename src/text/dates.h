// dates — the publication date a page states, as an ISO date (YYYY-MM-DD).
//
// Where pages say when they were published: metadata (article:published_time and its
// kin, JSON-LD datePublished, <time datetime>; read by html_text) and a byline or date
// line near the top or the bottom of the text ("입력 2025.07.01 10:30", "2025년 7월 1일",
// "Published July 23, 2025", "3 Sep 2025"). A date inside a story sentence is when
// something happened, not when the page was written, so a date in words counts only on
// a line that a cue word marks as a byline (data/lang/date_cues.txt) or that is little
// more than the date. English month names come from ICU's date symbols.
#pragma once
#include <string>
#include <string_view>

namespace tw::text {

// A machine-written date or timestamp ("2025-07-23", "2025-07-23T09:00:00+09:00",
// "20250723", "Wed, 23 Jul 2025 09:00:00 GMT") as YYYY-MM-DD; "" when it is none.
std::string iso_date(std::string_view value);

// The first date written in `line`, in any form this reader knows, as YYYY-MM-DD; ""
// when there is none. `words` tells whether it was written with month words or Korean
// units rather than digits and separators only.
std::string date_in_line(std::string_view line, bool* words = nullptr);

// The publication date stated by a byline or date line of `text` (one paragraph per
// line), searched in the first and then the last lines; "" when the text states none.
std::string stated_date(std::string_view text);

// The time an event sentence gives for the event itself, as YYYY-MM-DD, YYYY-MM or
// YYYY: a date ("on July 23, 2025"), a month ("in July 2024", "2024년 7월"; "in March",
// "지난 3월" as the latest March up to the report), a year ("in 2021", "2021년"), or
// words that count back from `report_date` ("last month", "지난해", "어제";
// data/lang/event_time_cues.txt). "" when the sentence says no time, or only a relative
// one and the report is undated. The first time written wins; a sentence about two
// times ("hired in 2021, he left last month") is read as its first.
std::string event_time(std::string_view sentence, std::string_view report_date);

}  // namespace tw::text
