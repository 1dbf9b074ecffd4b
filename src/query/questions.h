// questions — the fact-based questions (pay, deals, timeline, one entity) asked one way by
// the command line and the API: the same filters checked by the same rules, the same
// reports read, the same answer. The server only turns HTTP into a Filter and pages the
// lists; the CLI turns options into a Filter and prints the whole answer.
//
// The bound: an answer merges the newest matching reports — pay and deals kRecentListed of
// each type they cover (they list every fact they read), the timeline and an entity
// kRecentReports of all types — so it costs the same at ten million events as at ten
// thousand. Below the bound
// the answer is the one over all events. Every answer states its reach — reports_read,
// reports_matching (counted up to kCountCap) and reports_matching_exact — so facts from
// the newest reports never pass for all of them.
#pragma once
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "query/analytics.h"
#include "query/facts.h"
#include "store/store.h"

namespace tw::query {

constexpr size_t kRecentReports = 1000;
constexpr size_t kRecentListed = 500;
constexpr size_t kCountCap = 10000;
constexpr size_t kAllReports = 0;  // no bound: for exports of the whole graph only

constexpr std::string_view kPayTypes[] = {"offer", "comp_stat"};
constexpr std::string_view kDealTypes[] = {"investment", "acquisition"};

// What a list of facts may be narrowed to, as asked ("" = any): one event type, an
// organisation in any spelling (its units included), a person, a window of report dates
// (YYYY, YYYY-MM or YYYY-MM-DD, inclusive) and the article's language ("ko", "en").
struct Filter {
  std::string type{}, org{}, person{}, since{}, until{}, lang{};
};

// `asked` checked and made canonical for a question over `types`: the organisation by its
// canonical name, the dates as window bounds. Throws BadArgument naming the first value
// that cannot be (a type not in `types`, an unknown organisation, a date that is none).
store::EventFilter checked(const Filter& asked, const store::Store& db,
                           std::span<const std::string_view> types);

// How far an answer read.
struct Reach {
  size_t read = 0;      // reports the facts were merged from
  size_t matching = 0;  // reports matching the filter, counted up to kCountCap
  // Adds reports_read, reports_matching and reports_matching_exact to `answer`.
  void state(nlohmann::json& answer) const;
  // "from the newest 1,000 of 10,000+ matching reports" or "from all 12 matching reports".
  std::string sentence() const;
};

// The facts of the newest events matching `filter`, merged in ingest order: `per_type` of
// its type when it names one or `types` is empty (then of all types), else `per_type` of
// each of `types`. kAllReports reads every matching report.
struct RecentFacts {
  std::unique_ptr<NameResolver> names;
  std::vector<Fact> facts;
  Reach reach;
};
RecentFacts recent_facts(const store::Store& db, std::span<const std::string_view> types,
                         const store::EventFilter& filter, size_t per_type = kRecentReports);
// The facts about one organisation or one person (canonical names), newest reports first.
RecentFacts facts_about(const store::Store& db, const std::string& org,
                        const std::string& person = "");

// Offers and pay statistics (query::pay, with US-dollar amounts) and the reach; a window
// also counts the matching reports that give no date.
struct PayAnswer {
  Pay pay;
  Reach reach;
  std::optional<size_t> undated_reports;  // with a window only
  nlohmann::json to_json() const;         // pay's, the reach and "undated_reports"
};
PayAnswer pay_answer(const store::Store& db, const store::EventFilter& filter);

// Investments and acquisitions with totals per pair (query::deals), as pay_answer.
struct DealsAnswer {
  Deals deals;
  Reach reach;
  std::optional<size_t> undated_reports;
  nlohmann::json to_json() const;
};
DealsAnswer deals_answer(const store::Store& db, const store::EventFilter& filter);

// The facts first reported first, the reach, and with a window the facts no report of
// which gives a date ("undated": they cannot be placed in it).
struct TimelineAnswer {
  std::vector<Fact> facts;
  Reach reach;
  std::optional<size_t> undated;
  nlohmann::json to_json() const;  // {"facts", reach, "undated"?}
};
TimelineAnswer timeline_answer(const store::Store& db, const store::EventFilter& filter);

// The profile of a person or organisation named in any spelling (query::entity_profile)
// with its reach; none when nothing by that name is known.
struct EntityAnswer {
  EntityProfile profile;
  Reach reach;
  nlohmann::json to_json() const;
};
std::optional<EntityAnswer> entity_answer(const store::Store& db, const std::string& name);

}  // namespace tw::query
