#include "query/analytics.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace tw::query {
namespace {

using nlohmann::json;

bool org_filter(const Fact& f, const knowledge::Lexicon& lexicon, const std::string& org) {
  return org.empty() || f.involves(org, lexicon);
}

std::string canonical_org(const knowledge::Lexicon& lexicon, const std::string& org) {
  const auto* e = lexicon.find(org);
  return e ? e->name : org;
}

// (source, target, label) edges of a fact, for the graph.
std::vector<std::tuple<std::string, std::string, std::string>> edges_of(const Fact& f) {
  std::vector<std::tuple<std::string, std::string, std::string>> out;
  auto add = [&](const std::string& a, const std::string& b, const std::string& label) {
    if (!a.empty() && !b.empty()) out.emplace_back(a, b, label);
  };
  if (f.type == model::EventType::Move) {
    const std::string who = f.slot(Slot::person);
    if (!who.empty()) {
      add(who, f.slot(Slot::to), "joined");
      add(who, f.slot(Slot::from), "left");
    } else {
      add(f.slot(Slot::from), f.slot(Slot::to),
          f.count ? fmt::format("{} people moved", *f.count) : "people moved");
    }
  } else if (f.type == model::EventType::Offer) {
    add(f.slot(Slot::by),
        f.slot(Slot::person).empty() ? f.slot(Slot::target_org) : f.slot(Slot::person), "offer");
  } else if (f.type == model::EventType::Investment) {
    add(f.slot(Slot::investor), f.slot(Slot::investee),
        f.cumulative ? "invested (total)" : "invested");
  } else if (f.type == model::EventType::Acquisition) {
    add(f.slot(Slot::acquirer), f.slot(Slot::target), "acquisition " + f.slot(Slot::status));
  } else if (f.type == model::EventType::Counteroffer) {
    add(f.slot(Slot::org), f.slot(Slot::target_org), "counteroffer");
  }
  return out;
}

}  // namespace

bool Window::contains(const Fact& f) const {
  if (since.empty() && until.empty()) return true;
  if (f.first_date.empty()) return false;  // undated facts cannot be placed in a window
  if (!since.empty() && f.first_date.substr(0, since.size()) < since) return false;
  if (!until.empty() && f.first_date.substr(0, until.size()) > until) return false;
  return true;
}

json sources_of(const std::vector<store::ArticleLabel>& articles) {
  json out = json::array();
  for (const auto& a : articles) out.push_back(source_json(a));
  return out;
}

namespace {
// The people of the pairs not listed, so a top-N Sankey still adds up: per listed
// destination, those who came from elsewhere (its gains less its listed pairs), and the
// rest, who went to destinations not listed. Every pair counts once.
void other_flows(const std::vector<store::FlowPair>& listed,
                 const std::vector<store::FlowBalance>& balances, Flows& answer) {
  std::map<std::string, int64_t> listed_into;
  int64_t listed_people = 0, all_people = 0;
  for (const auto& p : listed) {
    const int64_t n = std::max(p.named, p.largest_group);
    listed_into[p.to] += n;
    listed_people += n;
  }
  int64_t into_people = 0;
  for (const auto& b : balances) {
    all_people += b.gained;
    auto it = listed_into.find(b.org);
    if (it == listed_into.end() || b.gained <= it->second) continue;
    answer.other_into_listed.emplace_back(b.org, b.gained - it->second);
    into_people += b.gained - it->second;
  }
  answer.other_elsewhere = std::max<int64_t>(0, all_people - listed_people - into_people);
}
}  // namespace

Flows flows(const store::Store& db, const knowledge::Lexicon& lexicon, const Window& window,
            const std::string& org, size_t max_edges, const store::FlowCounts* counts) {
  // Named people and articles listed per edge, and sources per organisation: enough for a
  // tooltip or a table cell; the pair's own answer (flow_pair) lists them all.
  constexpr size_t kListed = 5, kOrgSources = 10;
  const bool all_time = window.since.empty() && window.until.empty();
  const std::string focus = org.empty() ? "" : canonical_org(lexicon, org);
  auto size_of = [](const store::FlowPair& p) { return std::max(p.named, p.largest_group); };
  auto by_size = [&](const store::FlowPair& a, const store::FlowPair& b) {
    const int64_t x = size_of(a), y = size_of(b);
    return x != y ? x > y : std::tie(a.from, a.to) < std::tie(b.from, b.to);
  };
  std::vector<store::FlowPair> listed;
  std::vector<store::FlowBalance> balances;
  size_t pair_count = 0;
  // A window of months or years, with the counts held in memory: summed by id there.
  std::optional<store::FlowCounts::Summary> summary;
  if (!all_time && counts) {
    std::function<bool(const std::string&, const std::string&)> in_view;
    if (!focus.empty())
      in_view = [&](const std::string& from, const std::string& to) {
        return lexicon.within(from, focus) || lexicon.within(to, focus);
      };
    summary = counts->summarise(window.since, window.until, in_view, max_edges, kOrgSources);
  }
  if (summary) {
    listed = std::move(summary->listed);
    balances = std::move(summary->balances);
    pair_count = summary->pair_count;
  } else if (all_time && focus.empty()) {
    // The whole picture is read from the aggregates as they stand.
    listed = db.largest_flow_pairs(max_edges);
    balances = db.flow_balances(kOrgSources);
    pair_count = db.flow_pair_count();
  } else {
    // A window or an organisation: the pairs in view, summed here.
    std::vector<store::FlowPair> pairs;
    if (all_time) {
      std::vector<std::string> orgs{focus};
      for (size_t i = 0; i < lexicon.size(); ++i) {
        const auto& e = lexicon.entity(static_cast<uint32_t>(i));
        if (e.is_org() && e.name != focus && lexicon.within(e.name, focus)) orgs.push_back(e.name);
      }
      pairs = db.flow_pairs_of(orgs);
    } else {
      pairs = db.flow_pairs(window.since, window.until);
      if (!focus.empty())
        std::erase_if(pairs, [&](const store::FlowPair& p) {
          return !lexicon.within(p.from, focus) && !lexicon.within(p.to, focus);
        });
    }
    pair_count = pairs.size();
    std::unordered_map<std::string, std::vector<std::string>> labels_of;  // "from\x1fto" → labels
    if (all_time)
      for (const auto& p : pairs) labels_of[p.from + '\x1f' + p.to] = db.flow_labels(p.from, p.to);
    else
      for (auto& [pair, labels] : db.flow_labels())
        labels_of[pair.first + '\x1f' + pair.second] = std::move(labels);
    std::map<std::string, store::FlowBalance> by_org;
    std::unordered_map<std::string, std::unordered_map<std::string, int64_t>> sources_of;
    for (const auto& p : pairs) {
      const int64_t people = size_of(p);
      by_org[p.to].gained += people;
      by_org[p.from].lost += people;
      auto& sources = sources_of[p.to];
      if (auto it = labels_of.find(p.from + '\x1f' + p.to); it != labels_of.end())
        for (const auto& label : it->second) sources[label] += people;
    }
    // Only the largest pairs are listed: they are put in order, the rest are not.
    const size_t listed_count = std::min(pairs.size(), max_edges);
    std::partial_sort(pairs.begin(), pairs.begin() + static_cast<std::ptrdiff_t>(listed_count),
                      pairs.end(), by_size);
    for (auto& [name, b] : by_org) {
      b.org = name;
      for (const auto& [label, n] : sources_of[name]) b.sources.emplace_back(label, n);
      std::sort(b.sources.begin(), b.sources.end(), [](const auto& x, const auto& y) {
        return x.second != y.second ? x.second > y.second : x.first > y.first;
      });
      if (b.sources.size() > kOrgSources) b.sources.resize(kOrgSources);
      balances.push_back(std::move(b));
    }
    if (pairs.size() > max_edges) pairs.resize(max_edges);
    listed = std::move(pairs);
  }
  Flows answer;
  answer.pairs = pair_count;
  for (const auto& p : listed)
    answer.flows.push_back({p.from, p.to, db.flow_labels(p.from, p.to), size_of(p), p.largest_group,
                            db.flow_people(p.from, p.to, window.since, window.until, kListed),
                            db.flow_sources(p.from, p.to, window.since, window.until, kListed)});
  for (const auto& b : balances) {
    // A unit listed beside its parent is one source, not two (a pair's people count
    // towards each label it has): the unit is named under its parent.
    FlowBalance balance{b.org, b.gained, b.lost, {}};
    for (const auto& source : b.sources) {  // not a structured binding: clang 14 cannot capture one
      const std::string& label = source.first;
      auto parent = std::find_if(b.sources.begin(), b.sources.end(), [&](const auto& other) {
        return other.first != label && lexicon.within(label, other.first);
      });
      if (parent == b.sources.end()) balance.sources.push_back({label, source.second, {}});
    }
    for (const auto& [label, n] : b.sources)
      for (auto& s : balance.sources)
        if (s.org != label && lexicon.within(label, s.org)) {
          s.people = std::max(s.people, n);
          s.units.push_back(label);
          break;
        }
    answer.organisations.push_back(std::move(balance));
  }
  std::sort(answer.organisations.begin(), answer.organisations.end(),
            [](const FlowBalance& a, const FlowBalance& b) {
              return a.net() != b.net() ? a.net() > b.net() : a.org < b.org;
            });
  other_flows(listed, balances, answer);
  if (!all_time) {
    // People first reported without a date cannot be placed in a window: counted, not dropped.
    int64_t undated = 0;
    for (const auto& p : db.undated_flow_pairs())
      if (focus.empty() || lexicon.within(p.from, focus) || lexicon.within(p.to, focus))
        undated += size_of(p);
    answer.undated = undated;
  }
  return answer;
}

json Flows::to_json() const {
  json edges = json::array();
  for (const auto& e : flows)
    edges.push_back({{"from", e.from},
                     {"from_units", e.from_units},
                     {"to", e.to},
                     {"people", e.people},
                     {"named", e.named},
                     {"largest_group_reported", e.largest_group},
                     {"sources", sources_of(e.sources)}});
  json orgs = json::array();
  for (const auto& b : organisations) {
    json src = json::array();
    for (const auto& s : b.sources) {
      json one = {{"org", s.org}, {"people", s.people}};
      if (!s.units.empty()) one["units"] = s.units;
      src.push_back(std::move(one));
    }
    orgs.push_back(
        {{"org", b.org}, {"in", b.in}, {"out", b.out}, {"net", b.net()}, {"sources", src}});
  }
  json into = json::array();
  for (const auto& [to, people] : other_into_listed)
    into.push_back({{"to", to}, {"people", people}});
  int64_t into_people = 0;
  for (const auto& [to, people] : other_into_listed) into_people += people;
  json answer = {{"flows", edges},
                 {"organisations", orgs},
                 {"pairs", pairs},
                 {"other",
                  {{"people", into_people + other_elsewhere},
                   {"into_listed", into},
                   {"elsewhere", other_elsewhere}}}};
  if (undated) answer["undated"] = *undated;
  return answer;
}

json monthly_flows(const store::FlowCounts& counts, const knowledge::Lexicon& lexicon,
                   const Window& window, const std::string& org) {
  const std::string focus = org.empty() ? "" : canonical_org(lexicon, org);
  std::function<bool(const std::string&)> in_focus;
  if (!focus.empty())
    in_focus = [&](const std::string& name) { return lexicon.within(name, focus); };
  json months = json::array();
  for (const auto& m : counts.monthly(window.since, window.until, in_focus)) {
    json row = {{"month", m.month}, {"in", m.in}};
    if (!focus.empty()) row.update({{"out", m.out}, {"net", m.in - m.out}});
    months.push_back(std::move(row));
  }
  json answer = {{"months", months}};
  if (!focus.empty()) answer["org"] = focus;
  return answer;
}

json flow_pair(const store::Store& db, const knowledge::Lexicon& lexicon, const std::string& from,
               const std::string& to, const Window& window) {
  constexpr size_t kPeople = 500, kSources = 100;
  json sources = json::array();
  for (const auto& a : db.flow_sources(from, to, window.since, window.until, kSources)) {
    json s = source_json(a);
    // The article's move between the two (either named at any level: a unit, its parent).
    for (const auto& e : db.article_events(a.article_id, "move")) {
      auto names = [&](const char* slot, const std::string& org) {
        const std::string named = canonical_org(lexicon, e.value(slot, ""));
        return !named.empty() && (lexicon.within(named, org) || lexicon.within(org, named));
      };
      if (names("from", from) && names("to", to)) {
        s["evidence"] = e.value("evidence", "");
        break;
      }
    }
    sources.push_back(std::move(s));
  }
  return {{"from", from},
          {"to", to},
          {"from_units", db.flow_labels(from, to)},
          {"named", db.flow_people(from, to, window.since, window.until, kPeople)},
          {"sources", sources}};
}

Pay pay(std::vector<Fact> facts, const knowledge::Lexicon& lexicon, const std::string& org,
        const Rates* rates) {
  Pay answer;
  std::vector<double> usd;
  for (auto& f : facts) {
    if (!org_filter(f, lexicon, org) ||
        (f.type != model::EventType::Offer && f.type != model::EventType::CompStat))
      continue;
    PricedFact priced{std::move(f), std::nullopt};
    const Fact& fact = priced.fact;
    if (const auto& best = fact.best_amount) {
      if (best->currency == "USD")
        usd.push_back(best->value);
      else if (rates)
        priced.usd = rates->to_usd(best->value, best->currency, fact.first_date);
    }
    (fact.type == model::EventType::Offer ? answer.offers : answer.pay_statistics)
        .push_back(std::move(priced));
  }
  if (!usd.empty()) {
    std::sort(usd.begin(), usd.end());
    answer.usd = Pay::Range{usd.front(), usd[usd.size() / 2], usd.back()};
  }
  return answer;
}

json Pay::to_json() const {
  auto list = [](const std::vector<PricedFact>& facts) {
    json out = json::array();
    for (const auto& [fact, converted] : facts) {
      json j = fact.to_json();
      if (converted)
        j["amount_usd"] = {{"value", converted->usd},
                           {"per_usd", converted->rate.per_usd},
                           {"rate_from", converted->rate.from}};
      out.push_back(std::move(j));
    }
    return out;
  };
  json summary = {{"offers", offers.size()}, {"pay_statistics", pay_statistics.size()}};
  if (usd) {
    summary["usd_min"] = usd->min;
    summary["usd_median"] = usd->median;
    summary["usd_max"] = usd->max;
  }
  return {{"offers", list(offers)}, {"pay_statistics", list(pay_statistics)}, {"summary", summary}};
}

Deals deals(std::vector<Fact> facts, const knowledge::Lexicon& lexicon, const std::string& org) {
  Deals answer;
  std::map<std::pair<std::string, std::string>, PairTotal> totals;
  for (auto& fact : facts) {
    if ((fact.type != model::EventType::Investment && fact.type != model::EventType::Acquisition) ||
        !org_filter(fact, lexicon, org))
      continue;
    const Fact& f = answer.deals.emplace_back(std::move(fact));
    if (f.type != model::EventType::Investment || !f.best_amount) continue;
    auto& t = totals[{f.slot(Slot::investor), f.slot(Slot::investee)}];
    t.currency = f.best_amount->currency;
    if (f.cumulative)
      t.running = std::max(t.running, f.best_amount->value);
    else
      t.tranches += f.best_amount->value;
  }
  for (auto& [key, t] : totals) {
    t.investor = key.first;
    t.investee = key.second;
    answer.totals.push_back(std::move(t));
  }
  return answer;
}

std::string_view PairTotal::rule() const {
  return by_running_total() ? "largest reported running total" : "sum of reported tranches";
}

json Deals::to_json() const {
  json ledger = json::array();
  for (const auto& f : deals) ledger.push_back(f.to_json());
  json pairs = json::array();
  for (const auto& t : totals)
    pairs.push_back({{"investor", t.investor},
                     {"investee", t.investee},
                     {"total", t.total()},
                     {"currency", t.currency},
                     {"rule", t.rule()},
                     {"tranches_sum", t.tranches},
                     {"running_total_reported", t.running}});
  return {{"deals", ledger}, {"totals", pairs}};
}

namespace {
// First reported first; undated facts last, in the order they came.
void by_first_report(std::vector<Fact>& facts) {
  std::stable_sort(facts.begin(), facts.end(), [](const Fact& a, const Fact& b) {
    return (a.first_date.empty() ? "9999" : a.first_date) <
           (b.first_date.empty() ? "9999" : b.first_date);
  });
}
}  // namespace

std::optional<EntityProfile> entity_profile(const std::string& name, const std::vector<Fact>& facts,
                                            const NameResolver& names) {
  const auto& lexicon = names.lexicon();
  const std::string canonical = names.canonical(name);
  const auto* e = lexicon.find(canonical);
  EntityProfile profile;
  profile.name = canonical;
  profile.kind = e ? (e->is_org() ? "org" : "person") : "unknown";
  profile.spellings = names.spellings(canonical);
  if (e && e->is_org()) {
    profile.parent = e->parent;
    profile.units.emplace();
    for (size_t i = 0; i < lexicon.size(); ++i) {
      const auto& u = lexicon.entity(static_cast<uint32_t>(i));
      if (u.is_org() && u.name != e->name && lexicon.within(u.name, e->name))
        profile.units->push_back(u.name);
    }
  }
  if (e && e->is_person()) {
    profile.affiliations = e->affiliations;
    profile.acts_for = e->acts_for;
  }
  std::set<std::string> docs;
  for (auto& f : facts) {
    const bool hit = e && e->is_org()
                         ? f.involves(e->name, lexicon)
                         : f.slot(Slot::person) == canonical || f.involves(canonical, lexicon);
    if (!hit) continue;
    for (const auto& s : f.sources) docs.insert(s.doc);
    profile.facts.push_back(std::move(f));
  }
  if (!e && profile.facts.empty()) return std::nullopt;
  by_first_report(profile.facts);
  profile.sources.assign(docs.begin(), docs.end());
  return profile;
}

json EntityProfile::to_json() const {
  json j = {{"name", name}, {"kind", kind}, {"spellings", spellings}};
  if (!parent.empty()) j["parent"] = parent;
  if (units) j["units"] = *units;
  if (affiliations) j["affiliations"] = *affiliations;
  if (!acts_for.empty()) j["acts_for"] = acts_for;
  json list = json::array();
  for (const auto& f : facts) list.push_back(f.to_json());
  j["facts"] = std::move(list);
  j["sources"] = sources;
  return j;
}

std::vector<Fact> timeline(std::vector<Fact> facts, const knowledge::Lexicon& lexicon,
                           const std::string& org, const Window& window, size_t* undated) {
  const bool windowed = !window.since.empty() || !window.until.empty();
  if (undated) *undated = 0;
  std::vector<Fact> rows;
  for (auto& f : facts) {
    if (!org_filter(f, lexicon, org)) continue;
    if (windowed && f.first_date.empty()) {
      if (undated) ++*undated;
      continue;
    }
    if (!windowed || window.contains(f)) rows.push_back(std::move(f));
  }
  by_first_report(rows);
  return rows;
}

json graph_json(const std::vector<Fact>& facts, const knowledge::Lexicon& lexicon) {
  std::map<std::string, std::string> nodes;  // name → kind
  json edges = json::array();
  for (const auto& f : facts) {
    for (const auto& [a, b, label] : edges_of(f)) {
      for (const auto& n : {a, b}) {
        const auto* e = lexicon.find(n);
        const bool person = (e && e->is_person()) || n == f.slot(Slot::person);
        nodes.emplace(n, person ? "person" : "org");
      }
      json edge = {{"source", a},
                   {"target", b},
                   {"type", model::name(f.type)},
                   {"label", label},
                   {"sources", f.sources.size()}};
      if (f.best_amount) edge["amount"] = amount_json(*f.best_amount);
      edges.push_back(edge);
    }
  }
  json n = json::array();
  for (const auto& [name, kind] : nodes) {
    json node = {{"id", name}, {"kind", kind}};
    if (const auto* e = lexicon.find(name); e && !e->parent.empty()) node["parent"] = e->parent;
    n.push_back(node);
  }
  return {{"nodes", n}, {"edges", edges}, {"facts", facts.size()}};
}

std::string graph_dot(const std::vector<Fact>& facts, const knowledge::Lexicon& lexicon) {
  const json g = graph_json(facts, lexicon);
  auto q = [](const std::string& s) {
    std::string out = "\"";
    for (char c : s) out += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
    return out + "\"";
  };
  std::string out = "digraph talentwar {\n  rankdir=LR;\n";
  for (const auto& n : g["nodes"])
    out += fmt::format("  {} [shape={}];\n", q(n["id"]), n["kind"] == "person" ? "ellipse" : "box");
  for (const auto& e : g["edges"])
    out += fmt::format("  {} -> {} [label={}];\n", q(e["source"]), q(e["target"]), q(e["label"]));
  return out + "}\n";
}

std::string graph_graphml(const std::vector<Fact>& facts, const knowledge::Lexicon& lexicon) {
  const json g = graph_json(facts, lexicon);
  auto x = [](const std::string& s) {
    std::string out;
    for (char c : s) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
      }
    }
    return out;
  };
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
      "  <key id=\"type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
      "  <key id=\"label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n"
      "  <graph id=\"talentwar\" edgedefault=\"directed\">\n";
  for (const auto& n : g["nodes"])
    out += fmt::format("    <node id=\"{}\"><data key=\"kind\">{}</data></node>\n", x(n["id"]),
                       x(n["kind"]));
  size_t i = 0;
  for (const auto& e : g["edges"])
    out += fmt::format(
        "    <edge id=\"e{}\" source=\"{}\" target=\"{}\"><data key=\"type\">{}</data><data "
        "key=\"label\">{}</data></edge>\n",
        i++, x(e["source"]), x(e["target"]), x(e["type"]), x(e["label"]));
  return out + "  </graph>\n</graphml>\n";
}

}  // namespace tw::query
