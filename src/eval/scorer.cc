#include "eval/scorer.h"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cmath>
#include <fstream>
#include <functional>
#include <set>
#include <stdexcept>

#include "extract/event.h"
#include "model/model.h"
#include "model/reports.h"
#include "text/utf8.h"

namespace tw::eval {
namespace {

using nlohmann::json;

std::vector<json> as_list(const json& v) {
  if (v.is_array()) return std::vector<json>(v.begin(), v.end());
  return {v};
}

std::string as_text(const json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

bool money_ok(const json& gold, const json& pred) {
  if (!pred.is_object() || !gold.is_object()) return false;
  auto num = [](const json& j, double& out) {
    auto it = j.find("value");
    if (it == j.end() || !(it->is_number())) return false;
    out = it->get<double>();
    return true;
  };
  double g, p;
  if (!num(gold, g) || !num(pred, p)) return false;
  const std::string gc = normalise_name(gold.value("currency", "USD"));
  const std::string pc = normalise_name(pred.value("currency", "USD"));
  return gc == pc && model::within_one_percent(p, g);
}

bool slot_ok(const json& gold, const json* pred) {
  if (!pred || pred->is_null()) return false;
  if (gold.is_object() || (gold.is_array() && !gold.empty() && gold[0].is_object())) {
    for (const auto& g : as_list(gold))
      if (money_ok(g, *pred)) return true;
    return false;
  }
  if (gold.is_boolean() || gold.is_number_integer()) {
    if (pred->is_number())
      return pred->get<long long>() ==
             (gold.is_boolean() ? gold.get<bool>() : gold.get<long long>());
    if (pred->is_boolean())
      return pred->get<bool>() ==
             (gold.is_boolean() ? gold.get<bool>() : gold.get<long long>() != 0);
    return false;
  }
  std::set<std::string> preds;
  for (const auto& p : as_list(*pred))
    if (!p.is_null()) preds.insert(normalise_name(as_text(p)));
  for (const auto& g : as_list(gold))
    if (preds.count(normalise_name(as_text(g)))) return true;
  return false;
}

bool matches(const json& g, const json& p) {
  if (g.value("type", "") != p.value("type", "")) return false;
  for (const std::string_view key : model::key_field_names(g.value("type", ""))) {
    const std::string k(key);
    auto it = g.find(k);
    if (it == g.end() || it->is_null()) continue;
    auto pit = p.find(k);
    if (!slot_ok(*it, pit == p.end() ? nullptr : &*pit)) return false;
  }
  return true;
}

// Maximum bipartite matching by augmenting paths; returns gold index → pred index.
std::map<size_t, size_t> max_matching(const std::vector<json>& gold,
                                      const std::vector<json>& pred) {
  std::vector<std::vector<size_t>> adj(gold.size());
  for (size_t i = 0; i < gold.size(); ++i)
    for (size_t j = 0; j < pred.size(); ++j)
      if (matches(gold[i], pred[j])) adj[i].push_back(j);
  std::vector<long> owner(pred.size(), -1);
  std::function<bool(size_t, std::vector<bool>&)> augment = [&](size_t i, std::vector<bool>& seen) {
    for (size_t j : adj[i]) {
      if (seen[j]) continue;
      seen[j] = true;
      if (owner[j] < 0 || augment(static_cast<size_t>(owner[j]), seen)) {
        owner[j] = static_cast<long>(i);
        return true;
      }
    }
    return false;
  };
  for (size_t i = 0; i < gold.size(); ++i) {
    std::vector<bool> seen(pred.size(), false);
    augment(i, seen);
  }
  std::map<size_t, size_t> m;
  for (size_t j = 0; j < pred.size(); ++j)
    if (owner[j] >= 0) m[static_cast<size_t>(owner[j])] = j;
  return m;
}

}  // namespace

std::string normalise_name(const std::string& s) {
  std::string n = text::nfkc(s);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(n);
  u.foldCase();
  icu::UnicodeString kept;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    if (u_isalnum(c)) kept.append(c);
    i += U16_LENGTH(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

Score score(const EventsByDoc& gold, const EventsByDoc& pred) {
  Score sc;
  static const std::vector<json> none;
  for (const auto& [doc, gevents] : gold) {
    auto pit = pred.find(doc);
    const auto& pevents = pit == pred.end() ? none : pit->second;
    std::set<std::string> types;
    for (const auto& e : gevents) types.insert(e.value("type", ""));
    for (const auto& e : pevents) types.insert(e.value("type", ""));
    for (const auto& t : types) {
      std::vector<json> g, p;
      for (const auto& e : gevents)
        if (e.value("type", "") == t) g.push_back(e);
      for (const auto& e : pevents)
        if (e.value("type", "") == t) p.push_back(e);
      const auto m = max_matching(g, p);
      auto& ts = sc.by_type[t];
      ts.matched += m.size();
      ts.pred += p.size();
      ts.gold += g.size();
      std::set<size_t> hit;
      for (const auto& [gi, pj] : m) hit.insert(pj);
      for (size_t i = 0; i < g.size(); ++i)
        if (!m.count(i)) sc.misses.push_back({"missed", doc, g[i]});
      for (size_t j = 0; j < p.size(); ++j)
        if (!hit.count(j)) sc.misses.push_back({"spurious", doc, p[j]});
    }
  }
  for (const auto& [t, s] : sc.by_type) {
    sc.all.gold += s.gold;
    sc.all.pred += s.pred;
    sc.all.matched += s.matched;
  }
  return sc;
}

EventsByDoc load_events_jsonl(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  EventsByDoc docs;
  std::string line;
  for (size_t n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("doc"))
      throw std::runtime_error(
          fmt::format("{}:{}: each line must be a JSON object with a \"doc\" field", path, n));
    auto& events = docs[as_text(j["doc"])];
    if (j.contains("events") && j["events"].is_array())
      for (const auto& e : j["events"])
        if (e.is_object()) events.push_back(e);
  }
  return docs;
}

NameScore score_names(const EventsByDoc& gold,
                      const std::map<std::string, std::vector<std::vector<std::string>>>& tagged,
                      std::span<const model::Slot> slots,
                      const std::function<bool(const std::string&)>& known) {
  NameScore out;
  for (const auto& [doc, events] : gold) {
    // Each gold name once per document: its normalised spellings.
    std::vector<std::vector<std::string>> names;
    for (const auto& e : events)
      for (const model::Slot field : slots) {
        const std::string slot(model::name(field));
        if (!e.contains(slot) || e[slot].is_null()) continue;
        std::vector<std::string> spellings;
        const auto add = [&](const nlohmann::json& v) {
          if (v.is_string()) spellings.push_back(v.get<std::string>());
        };
        if (e[slot].is_array())
          for (const auto& v : e[slot]) add(v);
        else
          add(e[slot]);
        if (spellings.empty()) continue;
        std::vector<std::string> normalised;
        for (const auto& sp : spellings) normalised.push_back(normalise_name(sp));
        const bool seen = std::any_of(names.begin(), names.end(), [&](const auto& n) {
          return n.front() == normalised.front();
        });
        if (seen) continue;
        names.push_back(normalised);
        if (std::none_of(spellings.begin(), spellings.end(), known)) {
          names.back().push_back("\x01unknown");  // marks a name the lexicon lacks
        }
      }
    auto is_unknown = [](const std::vector<std::string>& n) { return n.back() == "\x01unknown"; };
    auto matches = [](const std::vector<std::string>& gold_name,
                      const std::vector<std::string>& proposal) {
      for (const auto& p : proposal)
        if (std::find(gold_name.begin(), gold_name.end(), normalise_name(p)) != gold_name.end())
          return true;
      return false;
    };
    for (const auto& n : names) out.gold += is_unknown(n);
    const auto it = tagged.find(doc);
    if (it == tagged.end()) continue;
    for (const auto& proposal : it->second) {
      ++out.found;
      out.correct += std::any_of(names.begin(), names.end(),
                                 [&](const auto& n) { return matches(n, proposal); });
    }
    for (const auto& n : names)
      if (is_unknown(n) && std::any_of(it->second.begin(), it->second.end(),
                                       [&](const auto& p) { return matches(n, p); }))
        ++out.recalled;
  }
  return out;
}

}  // namespace tw::eval
