#include "query/facts.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <iterator>
#include <set>
#include <unordered_map>

#include "extract/event.h"
#include "model/model.h"
#include "model/reports.h"
#include "resolve/person_links.h"
#include "resolve/phonetic.h"
#include "text/dates.h"

namespace tw::query {
namespace {

double value_of(const nlohmann::json& m) { return m.value("value", 0.0); }

// A move or offer naming nobody is about a group of people.
bool about_a_group(model::EventType type, const model::Slots& slots) {
  return !slots.count(Slot::person) &&
         (type == model::EventType::Move || type == model::EventType::Offer);
}

// Can report `e` (its names canonical in `slots`) be merged into `f`? The rule of
// model/reports.h, across articles.
bool compatible(const Fact& f, const nlohmann::json& e, model::EventType type,
                const model::Slots& slots) {
  std::optional<model::Amount> amount;
  if (e.contains("amount")) amount = amount_of(e["amount"]);
  model::Report report{.type = type, .slots = &slots};
  if (amount) report.amounts = std::span(&*amount, 1);
  if (e.contains("count")) report.count = e["count"].get<long>();
  report.group = about_a_group(type, slots);
  report.cumulative = e.value("cumulative", false);
  model::Report fact{.type = f.type, .slots = &f.slots, .amounts = f.amounts, .count = f.count};
  fact.group = f.group;
  fact.cumulative = f.cumulative;
  return model::same_fact(fact, report, model::Scope::Corpus);
}

void choose_best(Fact& f) {
  if (f.amounts.empty()) return;
  // Precise beats qualified; then the figure most sources report; then the latest report.
  auto precise = [&](size_t i) { return f.amounts[i].qualifier.empty(); };
  auto support = [&](size_t i) {
    return std::count_if(f.amounts.begin(), f.amounts.end(), [&](const model::Amount& o) {
      return model::same_amount(o.value, f.amounts[i].value);
    });
  };
  auto rank = [&](size_t i) {
    return std::make_tuple(precise(i), support(i), f.amount_sources[i].date);
  };
  size_t best = 0;
  auto best_rank = rank(0);
  for (size_t i = 1; i < f.amounts.size(); ++i)
    if (auto r = rank(i); r > best_rank) {
      best = i;
      best_rank = std::move(r);
    }
  f.best_amount = f.amounts[best];
  bool any_bound = false;
  for (size_t i = 0; i < f.amounts.size(); ++i) any_bound |= !precise(i);
  f.best_rule = precise(best) && any_bound ? "a precise figure beats a bound"
                : support(best) > 1        ? "reported by the most sources"
                                           : "the only or latest report";
}

// Where to look for the fact a report merges with, so that merging is about linear in
// the reports rather than quadratic. A named person's move or offer can only merge with
// facts about that person, and a group only with groups between the same two ends (see
// compatible()): those are buckets of their own. Other types are filed by their main
// slot (an investment by its investee); a fact that lacked it when created is filed as
// "any", and a report is compared with its own bucket and "any" — or, when it lacks the
// main slot itself, with every fact of its type.
class FactIndex {
 public:
  // Candidate facts for a report, in creation order.
  std::vector<size_t> candidates(model::EventType type, const model::Slots& slots) const {
    const auto [key, wildcard] = key_of(type, slots);
    if (key.empty()) return by_type_[static_cast<size_t>(type)];
    std::vector<size_t> out = list(key);
    if (wildcard) {
      const auto& any = list(any_key(type));
      std::vector<size_t> merged;
      std::merge(out.begin(), out.end(), any.begin(), any.end(), std::back_inserter(merged));
      return merged;
    }
    return out;
  }
  void add(size_t fact, model::EventType type, const model::Slots& slots) {
    const auto [key, wildcard] = key_of(type, slots);
    by_key_[key.empty() ? any_key(type) : key].push_back(fact);
    by_type_[static_cast<size_t>(type)].push_back(fact);
  }

 private:
  // The slot other types are filed by.
  static Slot main_slot(model::EventType type) {
    switch (type) {
      case model::EventType::Investment: return Slot::investee;
      case model::EventType::Acquisition: return Slot::target;
      default: return Slot::org;  // layoffs, pay statistics, counteroffers
    }
  }
  static std::string any_key(model::EventType type) {
    return std::string(model::name(type)) + "\x1f*";
  }
  // The bucket key, and whether facts filed as "any" may match too ("" key: look at all).
  static std::pair<std::string, bool> key_of(model::EventType type, const model::Slots& slots) {
    auto slot = [&](Slot k) {
      auto it = slots.find(k);
      return it == slots.end() ? std::string() : it->second;
    };
    const std::string name(model::name(type));
    if (type == model::EventType::Move || type == model::EventType::Offer) {
      if (slots.count(Slot::person)) return {name + '\x1f' + slot(Slot::person), false};
      // Groups agree on which ends they name; a move's ends are key slots, so they agree on those
      // too.
      if (type == model::EventType::Move)
        return {name + "\x1fgroup\x1f" + slot(Slot::from) + '\x1f' + slot(Slot::to), false};
      return {name + "\x1fgroup\x1f" + std::to_string(slots.count(Slot::from)) +
                  std::to_string(slots.count(Slot::to)),
              false};
    }
    const std::string value = slot(main_slot(type));
    if (value.empty()) return {"", true};
    return {name + "\x1f=" + value, true};
  }
  const std::vector<size_t>& list(const std::string& key) const {
    static const std::vector<size_t> none;
    auto it = by_key_.find(key);
    return it == by_key_.end() ? none : it->second;
  }

  std::unordered_map<std::string, std::vector<size_t>> by_key_;
  std::array<std::vector<size_t>, model::kEventTypes.size()> by_type_;
};

}  // namespace

NameResolver::NameResolver(const knowledge::Lexicon& lexicon,
                           const std::vector<std::string>& people_seen)
    : lexicon_(lexicon) {
  // Latin-script people we know: lexicon people and names seen in Latin script.
  std::vector<std::string> latin;
  for (size_t i = 0; i < lexicon.size(); ++i) {
    const auto& e = lexicon.entity(static_cast<uint32_t>(i));
    if (e.is_person()) latin.push_back(e.name);
  }
  for (const auto& n : people_seen)
    if (!resolve::has_hangul(n) && !lexicon.find(n)) latin.push_back(n);
  // Each Hangul spelling by the one rule (resolve::linked_spelling), given the spellings
  // seen and known that sound like it.
  for (const auto& n : people_seen) {
    if (!resolve::has_hangul(n) || lexicon.find(n)) continue;
    std::set<std::string> latin_alike, hangul_alike;
    for (const auto& l : latin)
      if (resolve::same_name(n, l)) latin_alike.insert(l);
    for (const auto& m : people_seen)
      if (m != n && resolve::has_hangul(m) && !lexicon.find(m) && resolve::same_name(n, m))
        hangul_alike.insert(m);
    if (std::string linked = resolve::linked_spelling(n, latin_alike, hangul_alike); linked != n)
      links_[n] = std::move(linked);
  }
  // A spelling linked to one that is linked in turn is the latter's person.
  for (auto& [from, to] : links_)
    if (auto next = links_.find(to); next != links_.end() && next->second != from)
      to = next->second;
}

std::string NameResolver::canonical(const std::string& name) const {
  if (const auto* e = lexicon_.find(name)) return e->name;
  auto it = links_.find(name);
  return it == links_.end() ? name : it->second;
}

std::vector<std::string> NameResolver::spellings(const std::string& canonical_name) const {
  std::vector<std::string> out{canonical_name};
  if (const auto* e = lexicon_.find(canonical_name))
    for (const auto& a : e->aliases) out.push_back(a);
  for (const auto& [from, to] : links_)
    if (to == canonical_name) out.push_back(from);
  return out;
}

const std::string& Fact::slot(Slot k) const {
  static const std::string empty;
  auto it = slots.find(k);
  return it == slots.end() ? empty : it->second;
}

bool Fact::involves(const std::string& org, const knowledge::Lexicon& lexicon) const {
  for (const Slot k : model::kOrganisationSlots) {
    const std::string& v = slot(k);
    const std::string& unit = slot(*model::unit_of(k));
    if (!v.empty() && (v == org || lexicon.within(v, org) || lexicon.within(unit, org)))
      return true;
    if (!unit.empty() && unit == org) return true;
  }
  return slot(Slot::person) == org;
}

namespace {
// The one line of fact_summary, from the type, a slot's value, the head-count and whether
// anyone disputes it.
std::string summary_line(std::optional<model::EventType> type,
                         const std::function<std::string(Slot)>& s, std::optional<long> count,
                         bool disputed) {
  using model::EventType;
  std::string who;
  if (type == EventType::Move) {
    who = !s(Slot::person).empty() ? s(Slot::person)
          : count                  ? fmt::format("{} people", *count)
                                   : "people";
    who += fmt::format(": {} → {}", s(Slot::from).empty() ? "?" : s(Slot::from),
                       s(Slot::to).empty() ? "?" : s(Slot::to));
  } else if (type == EventType::Offer) {
    who = fmt::format("{} → {}", s(Slot::by),
                      !s(Slot::person).empty()      ? s(Slot::person)
                      : s(Slot::target_org).empty() ? "?"
                                                    : s(Slot::target_org) + " staff");
  } else if (type == EventType::Investment) {
    who = fmt::format("{} → {}", s(Slot::investor), s(Slot::investee));
  } else if (type == EventType::Acquisition) {
    who = fmt::format("{} buys {} ({})", s(Slot::acquirer), s(Slot::target), s(Slot::status));
  } else if (type == EventType::Layoff) {
    who = s(Slot::org);
  } else if (type == EventType::CompStat) {
    who = fmt::format("{} {}", s(Slot::org).empty() ? "(market)" : s(Slot::org), s(Slot::stat));
  } else if (type == EventType::Counteroffer) {
    who = fmt::format("{} vs {} ({})", s(Slot::org),
                      s(Slot::target_org).empty() ? "?" : s(Slot::target_org), s(Slot::action));
  }
  if (disputed) who += " [disputed]";
  return who;
}
}  // namespace

std::string fact_summary(const nlohmann::json& e) {
  std::optional<long> count;
  if (e.contains("count") && e["count"].is_number()) count = e["count"].get<long>();
  return summary_line(
      model::event_type(e.value("type", "")),
      [&](Slot k) { return e.value(std::string(model::name(k)), ""); }, count,
      e.value("disputed", false) || e.contains("disputed_by"));
}

std::string fact_summary(const Fact& f) {
  return summary_line(
      f.type, [&](Slot k) { return f.slot(k); }, f.count, !f.disputes.empty());
}

nlohmann::json source_json(const store::ArticleLabel& a) {
  nlohmann::json j = {{"doc", a.doc}};
  if (a.article_id) j["article_id"] = a.article_id;
  for (const auto& [key, value] :
       {std::pair{"title", &a.title}, {"outlet", &a.outlet}, {"url", &a.url}, {"date", &a.date}})
    if (!value->empty()) j[key] = *value;
  return j;
}

model::Amount amount_of(const nlohmann::json& m) {
  return {value_of(m), m.value("currency", "USD"), m.value("qualifier", "")};
}

nlohmann::json amount_json(const model::Amount& amount) {
  nlohmann::json j;
  const double whole = std::round(amount.value);
  if (whole == amount.value && std::fabs(whole) < 9e18)
    j["value"] = static_cast<int64_t>(whole);
  else
    j["value"] = amount.value;
  j["currency"] = amount.currency;
  if (!amount.qualifier.empty()) j["qualifier"] = amount.qualifier;
  return j;
}

nlohmann::json Fact::to_json() const {
  nlohmann::json j;
  j["type"] = model::name(type);
  for (const auto& [k, v] : slots) j[std::string(model::name(k))] = v;
  if (count) j["count"] = *count;
  if (cumulative) j["cumulative"] = true;
  if (best_amount) {
    j["amount"] = amount_json(*best_amount);
    j["amount_rule"] = best_rule;
    nlohmann::json reported = nlohmann::json::array();
    for (size_t i = 0; i < amounts.size(); ++i)
      reported.push_back({{"amount", amount_json(amounts[i])}, {"doc", amount_sources[i].doc}});
    j["amounts_reported"] = reported;
  }
  j["corroboration"] = sources.size();
  if (!claims.empty()) {
    nlohmann::json c = nlohmann::json::array();
    for (const auto& [who, s] : claims) c.push_back({{"by", who}, {"doc", s.doc}});
    j["claims"] = c;
  }
  if (!disputes.empty()) {
    j["disputed"] = true;
    nlohmann::json d = nlohmann::json::array();
    for (const auto& [who, s] : disputes)
      d.push_back({{"by", who}, {"doc", s.doc}, {"evidence", s.evidence}});
    j["disputed_by"] = d;
  }
  if (!first_date.empty()) j["first_reported"] = first_date;
  if (!last_date.empty()) j["last_reported"] = last_date;
  if (!event_date.empty()) j["event_date"] = event_date;
  nlohmann::json src = nlohmann::json::array();
  for (const auto& s : sources) {
    nlohmann::json one = source_json({s.article_id, s.doc, s.title, s.outlet, s.url, s.date});
    one["evidence"] = s.evidence;
    src.push_back(std::move(one));
  }
  j["sources"] = src;
  return j;
}

std::vector<std::string> people_in(const std::vector<store::EventRow>& rows) {
  std::set<std::string> seen;
  for (const auto& r : rows)
    if (r.event.contains("person")) seen.insert(r.event["person"].get<std::string>());
  return {seen.begin(), seen.end()};
}

std::vector<Fact> build_facts(const std::vector<store::EventRow>& rows, const NameResolver& names) {
  std::vector<Fact> facts;
  FactIndex index;
  for (const auto& r : rows) {
    const auto& e = r.event;
    const auto known = model::event_type(e.value("type", ""));
    if (!known) continue;  // not a type of the spec: no fact of ours
    model::Slots slots;
    for (const auto& [key, v] : e.items()) {
      const auto k = model::slot_named(key);
      // Who claimed or disputed a fact is kept apart, with the source that says so.
      if (!k || !v.is_string() || k == Slot::claimed_by || k == Slot::disputed_by) continue;
      const bool is_name = k == Slot::person || model::is_organisation(*k);
      slots[*k] = is_name ? names.canonical(v.get<std::string>()) : v.get<std::string>();
    }
    Source src{r.doc, r.date, e.value("evidence", ""), r.article_id, r.title, r.outlet, r.url};
    const auto candidates = index.candidates(*known, slots);
    auto it = std::find_if(candidates.begin(), candidates.end(),
                           [&](size_t i) { return compatible(facts[i], e, *known, slots); });
    size_t at = it == candidates.end() ? facts.size() : *it;
    if (at == facts.size()) {
      Fact f;
      f.type = *known;
      f.group = about_a_group(f.type, slots);
      f.cumulative = e.value("cumulative", false);
      facts.push_back(std::move(f));
      index.add(at, *known, slots);
    }
    Fact& f = facts[at];
    for (const auto& [k, v] : slots)
      if (f.slot(k).empty() || (k == Slot::outcome && f.slot(k) == "unknown")) f.slots[k] = v;
    if (!f.count && e.contains("count")) f.count = e["count"].get<long>();
    if (e.contains("amount")) {
      f.amounts.push_back(amount_of(e["amount"]));
      f.amount_sources.push_back(src);
    }
    if (e.contains("claimed_by"))
      f.claims.emplace_back(names.canonical(e["claimed_by"].get<std::string>()), src);
    if (e.contains("disputed_by"))
      f.disputes.emplace_back(names.canonical(e["disputed_by"].get<std::string>()), src);
    const bool new_article = std::none_of(f.sources.begin(), f.sources.end(),
                                          [&](const Source& s) { return s.doc == r.doc; });
    if (new_article) f.sources.push_back(src);
    if (f.event_date.empty()) f.event_date = text::event_time(src.evidence, r.date);
    if (!r.date.empty()) {
      if (f.first_date.empty() || r.date < f.first_date) f.first_date = r.date;
      if (f.last_date.empty() || r.date > f.last_date) f.last_date = r.date;
    }
  }
  for (auto& f : facts) choose_best(f);
  return facts;
}

}  // namespace tw::query
