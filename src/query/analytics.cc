#include "query/analytics.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace tw::query {
namespace {

using nlohmann::json;

bool org_filter(const Fact& f, const extract::Lexicon& lexicon, const std::string& org) {
  return org.empty() || f.involves(org, lexicon);
}

std::string canonical_org(const extract::Lexicon& lexicon, const std::string& org) {
  const auto* e = lexicon.find(org);
  return e ? e->name : org;
}

// (source, target, label) edges of a fact, for the graph.
std::vector<std::tuple<std::string, std::string, std::string>> edges_of(const Fact& f) {
  std::vector<std::tuple<std::string, std::string, std::string>> out;
  auto add = [&](const std::string& a, const std::string& b, const std::string& label) {
    if (!a.empty() && !b.empty()) out.emplace_back(a, b, label);
  };
  if (f.type == "move") {
    const std::string who = f.slot("person");
    if (!who.empty()) {
      add(who, f.slot("to"), "joined");
      add(who, f.slot("from"), "left");
    } else {
      add(f.slot("from"), f.slot("to"), f.count ? fmt::format("{} people moved", *f.count) : "people moved");
    }
  } else if (f.type == "offer") {
    add(f.slot("by"), f.slot("person").empty() ? f.slot("target_org") : f.slot("person"), "offer");
  } else if (f.type == "investment") {
    add(f.slot("investor"), f.slot("investee"), f.cumulative ? "invested (total)" : "invested");
  } else if (f.type == "acquisition") {
    add(f.slot("acquirer"), f.slot("target"), "acquisition " + f.slot("status"));
  } else if (f.type == "counteroffer") {
    add(f.slot("org"), f.slot("target_org"), "counteroffer");
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

json flows(const store::Store& db, const extract::Lexicon& lexicon, const Window& window, const std::string& org,
           size_t max_edges) {
  constexpr size_t kListed = 20;  // named people and sources listed per edge
  const std::string focus = org.empty() ? "" : canonical_org(lexicon, org);
  struct Edge {
    store::FlowPair pair;
    int64_t people = 0;
  };
  std::vector<Edge> edges;
  for (auto& p : db.flow_pairs(window.since, window.until)) {
    if (!focus.empty() && !lexicon.within(p.from, focus) && !lexicon.within(p.to, focus)) continue;
    const int64_t people = std::max(p.named, p.largest_group);
    if (people > 0) edges.push_back({std::move(p), people});
  }
  std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) {
    return a.people != b.people ? a.people > b.people
                                : std::tie(a.pair.from, a.pair.to) < std::tie(b.pair.from, b.pair.to);
  });
  // Every pair counts toward the balance; the largest are listed with names and sources.
  std::map<std::string, std::pair<long, long>> balance;  // org → (in, out)
  std::map<std::string, std::map<std::string, long>> sources_of;
  json listed = json::array();
  const auto labels_of = db.flow_labels();
  static const std::vector<std::string> no_labels;
  for (const auto& [p, people] : edges) {
    const auto it = labels_of.find({p.from, p.to});
    const auto& labels = it == labels_of.end() ? no_labels : it->second;
    balance[p.to].first += people;
    balance[p.from].second += people;
    for (const auto& label : labels) sources_of[p.to][label] += people;
    if (listed.size() >= max_edges) continue;
    listed.push_back({{"from", p.from},
                      {"from_units", labels},
                      {"to", p.to},
                      {"people", people},
                      {"named", db.flow_people(p.from, p.to, window.since, window.until, kListed)},
                      {"largest_group_reported", p.largest_group},
                      {"sources", db.flow_sources(p.from, p.to, window.since, window.until, kListed)}});
  }
  json orgs = json::array();
  for (const auto& [name, io] : balance) {
    json src = json::array();
    std::vector<std::pair<long, std::string>> ranked;
    for (const auto& [label, n] : sources_of[name]) ranked.emplace_back(n, label);
    std::sort(ranked.rbegin(), ranked.rend());
    if (ranked.size() > kListed) ranked.resize(kListed);  // the largest sources; all of them count in "in"
    for (const auto& [n, label] : ranked) src.push_back({{"org", label}, {"people", n}});
    orgs.push_back({{"org", name}, {"in", io.first}, {"out", io.second}, {"net", io.first - io.second}, {"sources", src}});
  }
  std::sort(orgs.begin(), orgs.end(), [](const json& a, const json& b) {
    return a["net"] != b["net"] ? a["net"] > b["net"] : a["org"] < b["org"];
  });
  return {{"flows", listed}, {"organisations", orgs}, {"pairs", edges.size()}};
}

json pay(const std::vector<Fact>& facts, const extract::Lexicon& lexicon, const std::string& org) {
  json offers = json::array(), stats = json::array();
  std::vector<double> usd;
  for (const auto& f : facts) {
    if (!org_filter(f, lexicon, org)) continue;
    if (f.type == "offer") offers.push_back(f.to_json());
    else if (f.type == "comp_stat") stats.push_back(f.to_json());
    else continue;
    if (f.best_amount && f.best_amount->value("currency", "") == "USD") usd.push_back(f.best_amount->value("value", 0.0));
  }
  json summary = {{"offers", offers.size()}, {"pay_statistics", stats.size()}};
  if (!usd.empty()) {
    std::sort(usd.begin(), usd.end());
    summary["usd_min"] = usd.front();
    summary["usd_median"] = usd[usd.size() / 2];
    summary["usd_max"] = usd.back();
  }
  return {{"offers", offers}, {"pay_statistics", stats}, {"summary", summary}};
}

json deals(const std::vector<Fact>& facts, const extract::Lexicon& lexicon, const std::string& org) {
  json ledger = json::array();
  struct Total {
    double tranches = 0, running = 0;
    std::string currency = "USD";
  };
  std::map<std::pair<std::string, std::string>, Total> totals;
  for (const auto& f : facts) {
    if ((f.type != "investment" && f.type != "acquisition") || !org_filter(f, lexicon, org)) continue;
    ledger.push_back(f.to_json());
    if (f.type != "investment" || !f.best_amount) continue;
    auto& t = totals[{f.slot("investor"), f.slot("investee")}];
    t.currency = f.best_amount->value("currency", "USD");
    const double v = f.best_amount->value("value", 0.0);
    if (f.cumulative) t.running = std::max(t.running, v);
    else t.tranches += v;
  }
  json pairs = json::array();
  for (const auto& [key, t] : totals) {
    const bool use_running = t.running >= t.tranches;
    pairs.push_back({{"investor", key.first},
                     {"investee", key.second},
                     {"total", use_running ? t.running : t.tranches},
                     {"currency", t.currency},
                     {"rule", use_running ? "largest reported running total" : "sum of reported tranches"},
                     {"tranches_sum", t.tranches},
                     {"running_total_reported", t.running}});
  }
  return {{"deals", ledger}, {"totals", pairs}};
}

json entity_profile(const std::string& name, const std::vector<Fact>& facts, const NameResolver& names) {
  const auto& lexicon = names.lexicon();
  const std::string canonical = names.canonical(name);
  const auto* e = lexicon.find(canonical);
  json profile;
  profile["name"] = canonical;
  profile["kind"] = e ? (e->is_org() ? "org" : "person") : "unknown";
  profile["spellings"] = names.spellings(canonical);
  if (e && e->is_org()) {
    if (!e->parent.empty()) profile["parent"] = e->parent;
    json units = json::array();
    for (size_t i = 0; i < lexicon.size(); ++i) {
      const auto& u = lexicon.entity(static_cast<uint32_t>(i));
      if (u.is_org() && u.name != e->name && lexicon.within(u.name, e->name)) units.push_back(u.name);
    }
    profile["units"] = units;
  }
  if (e && e->is_person()) {
    profile["affiliations"] = e->affiliations;
    if (!e->acts_for.empty()) profile["acts_for"] = e->acts_for;
  }
  json related = json::array();
  std::set<std::string> docs;
  for (const auto& f : facts) {
    const bool hit = e && e->is_org() ? f.involves(e->name, lexicon) : f.slot("person") == canonical || f.involves(canonical, lexicon);
    if (!hit) continue;
    related.push_back(f.to_json());
    for (const auto& s : f.sources) docs.insert(s.doc);
  }
  if (!e && related.empty()) return nullptr;
  std::stable_sort(related.begin(), related.end(), [](const json& a, const json& b) {
    const std::string da = a.value("first_reported", "9999"), db = b.value("first_reported", "9999");
    return da < db;
  });
  profile["facts"] = related;
  profile["sources"] = std::vector<std::string>(docs.begin(), docs.end());
  return profile;
}

json timeline(const std::vector<Fact>& facts, const extract::Lexicon& lexicon, const std::string& org) {
  json rows = json::array();
  for (const auto& f : facts)
    if (org_filter(f, lexicon, org)) rows.push_back(f.to_json());
  std::stable_sort(rows.begin(), rows.end(), [](const json& a, const json& b) {
    return a.value("first_reported", "9999") < b.value("first_reported", "9999");
  });
  return rows;
}

json graph_json(const std::vector<Fact>& facts, const extract::Lexicon& lexicon) {
  std::map<std::string, std::string> nodes;  // name → kind
  json edges = json::array();
  for (const auto& f : facts) {
    for (const auto& [a, b, label] : edges_of(f)) {
      for (const auto& n : {a, b}) {
        const auto* e = lexicon.find(n);
        const bool person = (e && e->is_person()) || n == f.slot("person");
        nodes.emplace(n, person ? "person" : "org");
      }
      json edge = {{"source", a}, {"target", b}, {"type", f.type}, {"label", label}, {"sources", f.sources.size()}};
      if (f.best_amount) edge["amount"] = *f.best_amount;
      edges.push_back(edge);
    }
  }
  json n = json::array();
  for (const auto& [name, kind] : nodes) {
    json node = {{"id", name}, {"kind", kind}};
    if (const auto* e = lexicon.find(name); e && !e->parent.empty()) node["parent"] = e->parent;
    n.push_back(node);
  }
  return {{"nodes", n}, {"edges", edges}};
}

std::string graph_dot(const std::vector<Fact>& facts, const extract::Lexicon& lexicon) {
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

std::string graph_graphml(const std::vector<Fact>& facts, const extract::Lexicon& lexicon) {
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
    out += fmt::format("    <node id=\"{}\"><data key=\"kind\">{}</data></node>\n", x(n["id"]), x(n["kind"]));
  size_t i = 0;
  for (const auto& e : g["edges"])
    out += fmt::format("    <edge id=\"e{}\" source=\"{}\" target=\"{}\"><data key=\"type\">{}</data><data key=\"label\">{}</data></edge>\n",
                       i++, x(e["source"]), x(e["target"]), x(e["type"]), x(e["label"]));
  return out + "  </graph>\n</graphml>\n";
}

}  // namespace tw::query
