#include "query/questions.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "knowledge/lexicon.h"
#include "query/analytics.h"
#include "query/arguments.h"
#include "query/rates.h"

namespace tw::query {
namespace {

const knowledge::Lexicon& lexicon() { return knowledge::Lexicon::standard(); }

bool windowed(const store::EventFilter& f) { return !f.since.empty() || !f.until.empty(); }

// Matching reports of `types` (or of the filter's type) outside every window: from
// articles that give no date.
size_t undated_reports(const store::Store& db, store::EventFilter filter,
                       std::span<const std::string_view> types) {
  filter.since.clear();
  filter.until.clear();
  filter.undated = true;
  if (!filter.type.empty()) return db.count_events(filter, kCountCap);
  size_t n = 0;
  for (const auto t : types) {
    filter.type = t;
    n += db.count_events(filter, kCountCap);
  }
  return n;
}

// An answer's JSON with the reach it states and, with a window, what it could not place.
nlohmann::json stated(nlohmann::json answer, const Reach& reach, const char* undated_key,
                      std::optional<size_t> undated) {
  reach.state(answer);
  if (undated) answer[undated_key] = *undated;
  return answer;
}

}  // namespace

store::EventFilter checked(const Filter& asked, const store::Store& db,
                           std::span<const std::string_view> types) {
  constexpr std::string_view kLanguages[] = {"ko", "en"};
  store::EventFilter f;
  f.type = one_of(asked.type, "type", types);
  f.org = known_organisation(db, lexicon(), asked.org);
  f.person = asked.person;
  f.since = window_bound(asked.since, "since");
  f.until = window_bound(asked.until, "until");
  f.lang = one_of(asked.lang, "lang", kLanguages);
  return f;
}

void Reach::state(nlohmann::json& answer) const {
  answer["reports_read"] = read;
  answer["reports_matching"] = std::min(matching, kCountCap);
  answer["reports_matching_exact"] = matching <= kCountCap;
}

std::string Reach::sentence() const {
  if (read >= matching) return fmt::format("from all {} matching reports", read);
  return fmt::format("from the newest {} of {}{} matching reports", read,
                     std::min(matching, kCountCap), matching > kCountCap ? "+" : "");
}

RecentFacts recent_facts(const store::Store& db, std::span<const std::string_view> types,
                         const store::EventFilter& filter, size_t per_type) {
  std::vector<store::EventRow> rows;
  RecentFacts r;
  auto add = [&](std::string_view type) {
    store::EventFilter f = filter;
    f.type = type;
    f.limit = per_type;
    f.newest_first = true;
    auto got = db.events(f);
    // Counted only when the read stopped at its limit: otherwise it read them all.
    const bool read_all = per_type == kAllReports || got.size() < per_type;
    r.reach.matching += read_all ? got.size() : db.count_events(f, kCountCap);
    rows.insert(rows.end(), std::make_move_iterator(got.begin()),
                std::make_move_iterator(got.end()));
  };
  if (!filter.type.empty() || types.empty())
    add(filter.type);
  else
    for (const auto t : types) add(t);
  // Facts are built in ingest order, as over the whole database.
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  rows.erase(std::unique(rows.begin(), rows.end(),
                         [](const auto& a, const auto& b) { return a.id == b.id; }),
             rows.end());
  r.names = std::make_unique<NameResolver>(lexicon(), people_in(rows));
  r.facts = build_facts(rows, *r.names);
  r.reach.read = rows.size();
  return r;
}

RecentFacts facts_about(const store::Store& db, const std::string& org, const std::string& person) {
  store::EventFilter f;
  f.org = org;
  f.person = person;
  return recent_facts(db, {}, f);
}

PayAnswer pay_answer(const store::Store& db, const store::EventFilter& filter) {
  auto recent = recent_facts(db, kPayTypes, filter, kRecentListed);
  PayAnswer answer{
      pay(std::move(recent.facts), lexicon(), filter.org, &Rates::standard()), recent.reach, {}};
  if (windowed(filter)) answer.undated_reports = undated_reports(db, filter, kPayTypes);
  return answer;
}

nlohmann::json PayAnswer::to_json() const {
  return stated(pay.to_json(), reach, "undated_reports", undated_reports);
}

DealsAnswer deals_answer(const store::Store& db, const store::EventFilter& filter) {
  auto recent = recent_facts(db, kDealTypes, filter, kRecentListed);
  DealsAnswer answer{deals(std::move(recent.facts), lexicon(), filter.org), recent.reach, {}};
  if (windowed(filter)) answer.undated_reports = undated_reports(db, filter, kDealTypes);
  return answer;
}

nlohmann::json DealsAnswer::to_json() const {
  return stated(deals.to_json(), reach, "undated_reports", undated_reports);
}

TimelineAnswer timeline_answer(const store::Store& db, const store::EventFilter& filter) {
  const Window window{filter.since, filter.until};
  auto recent = recent_facts(db, {}, filter);
  TimelineAnswer answer{
      timeline(std::move(recent.facts), lexicon(), filter.org, window), recent.reach, {}};
  if (windowed(filter)) {
    // Facts no report of which gives a date cannot be placed in the window: counted, not
    // dropped unsaid.
    store::EventFilter open = filter;
    open.since.clear();
    open.until.clear();
    const auto facts = recent_facts(db, {}, open).facts;
    answer.undated = static_cast<size_t>(std::count_if(
        facts.begin(), facts.end(), [](const Fact& f) { return f.first_date.empty(); }));
  }
  return answer;
}

nlohmann::json TimelineAnswer::to_json() const {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& f : facts) list.push_back(f.to_json());
  return stated({{"facts", std::move(list)}}, reach, "undated", undated);
}

std::optional<EntityAnswer> entity_answer(const store::Store& db, const std::string& name) {
  const std::string known = db.canonical_entity(name).value_or(name);
  // The newest events naming it: as a person for people, as an organisation otherwise.
  auto recent =
      db.entity_kind(known) == "person" ? facts_about(db, "", known) : facts_about(db, known);
  auto profile = entity_profile(name, std::move(recent.facts), *recent.names);
  if (!profile) return std::nullopt;
  return EntityAnswer{std::move(*profile), recent.reach};
}

nlohmann::json EntityAnswer::to_json() const {
  return stated(profile.to_json(), reach, "", std::nullopt);
}

}  // namespace tw::query
