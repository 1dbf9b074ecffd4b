#include "knowledge/lexicon.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "common/data_dir.h"
#include "text/utf8.h"

namespace tw::knowledge {

void lower_key(std::string_view s, std::string& out) {
  out.clear();
  for (char c : s) {
    if (c == ' ' || c == '-' || c == '.' || c == '\'') continue;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
}

std::string lower_key(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  lower_key(s, out);
  return out;
}

// Children are kept sorted by byte: a Hangul lead byte has dozens of them.
uint32_t AliasTrie::child(uint32_t node, unsigned char c) const {
  if (node == 0) return root_[c];
  const auto& next = nodes_[node].next;
  auto it = std::lower_bound(next.begin(), next.end(), c,
                             [](const auto& p, unsigned char b) { return p.first < b; });
  return it == next.end() || it->first != c ? 0 : it->second;
}

void AliasTrie::add(std::string_view alias, uint32_t entity) {
  uint32_t node = 0;
  for (unsigned char c : alias) {
    if (uint32_t existing = child(node, c)) {
      node = existing;
    } else {
      const auto created = static_cast<uint32_t>(nodes_.size());
      auto& next = nodes_[node].next;
      next.emplace(std::lower_bound(next.begin(), next.end(), c,
                                    [](const auto& p, unsigned char b) { return p.first < b; }),
                   c, created);
      if (node == 0) root_[c] = created;
      nodes_.emplace_back();
      node = created;
    }
  }
  if (nodes_[node].value < 0) nodes_[node].value = entity;  // first entry wins on a clash
}

int64_t AliasTrie::longest_at(std::string_view s, size_t pos, size_t& end) const {
  uint32_t node = 0;
  int64_t best = -1;
  for (size_t i = pos; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    node = child(node, c);
    if (node == 0) break;
    if (c == ' ')
      while (i + 1 < s.size() && s[i + 1] == ' ') ++i;
    if (nodes_[node].value >= 0) {
      best = nodes_[node].value;
      end = i + 1;
    }
  }
  return best;
}

ParticleSet::ParticleSet(std::vector<std::string> particles) {
  for (const auto& p : particles) {
    if (p.empty()) continue;
    set_.insert(p);
    if (p.size() < 3)
      all_open_with_three_bytes_ = false;
    else if (const uint32_t o = text::syllable_code(p);
             std::find(openings_.begin(), openings_.end(), o) == openings_.end())
      openings_.push_back(o);
    if (std::find(lengths_.begin(), lengths_.end(), p.size()) == lengths_.end())
      lengths_.push_back(p.size());
    if (p.size() >= 3)
      if (const uint32_t f = text::syllable_code(p.substr(p.size() - 3));
          std::find(finals_.begin(), finals_.end(), f) == finals_.end())
        finals_.push_back(f);
  }
  std::sort(lengths_.rbegin(), lengths_.rend());  // longest first: the greedy search tries them so
  longest_sequence_bytes_ = lengths_.empty() ? 0 : 3 * lengths_.front();  // at most three particles
}

bool ParticleSet::may_end_with_particle(std::string_view word) const {
  if (!all_open_with_three_bytes_) return true;  // no cheap test: let the search decide
  return word.size() >= 3 &&
         std::find(finals_.begin(), finals_.end(),
                   text::syllable_code(word.substr(word.size() - 3))) != finals_.end();
}

std::string_view ParticleSet::leading(std::string_view rest) const {
  for (size_t n : lengths_)
    if (n <= rest.size() && set_.find(rest.substr(0, n)) != set_.end()) return rest.substr(0, n);
  return {};
}

bool ParticleSet::is_particle_sequence(std::string_view rest) const {
  // Longest-first greedy with backtracking over at most three particles.
  auto go = [&](auto&& self, std::string_view r, int depth) -> bool {
    if (r.empty()) return true;
    if (depth == 3) return false;
    if (all_open_with_three_bytes_ &&
        (r.size() < 3 ||
         std::find(openings_.begin(), openings_.end(), text::syllable_code(r)) == openings_.end()))
      return false;
    for (size_t n : lengths_)
      if (n <= r.size() && set_.find(r.substr(0, n)) != set_.end() &&
          self(self, r.substr(n), depth + 1))
        return true;
    return false;
  };
  return go(go, rest, 0);
}

namespace {

std::vector<std::string> string_list(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  if (auto it = j.find(key); it != j.end() && it->is_array())
    for (const auto& v : *it)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

std::string string_or_empty(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string{};
}

}  // namespace

Lexicon Lexicon::from_json(std::string_view orgs_json, std::string_view people_json) {
  Lexicon lex;
  auto load = [&](std::string_view text, EntityKind kind, const char* what) {
    auto arr = nlohmann::json::parse(text, nullptr, false);
    if (arr.is_discarded() || !arr.is_array())
      throw std::runtime_error(std::string(what) + ": not a JSON array");
    for (const auto& j : arr) {
      Entity e;
      e.kind = kind;
      e.name = string_or_empty(j, "name");
      if (e.name.empty()) throw std::runtime_error(std::string(what) + ": entry without a name");
      e.org_kind = string_or_empty(j, "kind");
      e.parent = string_or_empty(j, "parent");
      e.acts_for = string_or_empty(j, "acts_for");
      e.affiliations = string_list(j, "affiliations");
      e.aliases = string_list(j, "aliases");
      lex.entities_.push_back(std::move(e));
      lex.index(static_cast<uint32_t>(lex.entities_.size() - 1));
    }
  };
  load(orgs_json, EntityKind::Org, "orgs.json");
  load(people_json, EntityKind::Person, "people.json");
  std::vector<std::string> spellings;  // what the trie holds
  for (const auto& e : lex.entities_) {
    spellings.push_back(e.name);
    spellings.insert(spellings.end(), e.aliases.begin(), e.aliases.end());
  }
  lex.spellings_ = text::PatternSet::words(spellings, text::PatternSet::Case::Exact);
  return lex;
}

const Lexicon& Lexicon::standard() {
  static const Lexicon lex = from_json(read_file(data_dir() / "lexicon" / "orgs.json"),
                                       read_file(data_dir() / "lexicon" / "people.json"));
  return lex;
}

void Lexicon::index(uint32_t id) {
  const Entity& e = entities_[id];
  by_key_.emplace(lower_key(e.name), id);
  trie_.add(e.name, id);
  for (const auto& a : e.aliases) {
    by_key_.emplace(lower_key(a), id);
    trie_.add(a, id);
  }
}

const Entity* Lexicon::find(std::string_view name) const {
  thread_local std::string
      key;  // looked up for every word a name could be: no allocation each time
  lower_key(name, key);
  auto it = by_key_.find(std::string_view(key));
  return it == by_key_.end() ? nullptr : &entities_[it->second];
}

bool Lexicon::within(std::string_view unit, std::string_view org) const {
  for (int hops = 0; hops < 8 && !unit.empty(); ++hops) {
    if (lower_key(unit) == lower_key(org)) return true;
    const Entity* e = find(unit);
    if (!e || e->parent.empty()) return false;
    unit = e->parent;
  }
  return false;
}

std::string_view Lexicon::top_parent(std::string_view org) const {
  for (int hops = 0; hops < 8; ++hops) {
    const Entity* e = find(org);
    if (!e || e->parent.empty()) return e ? std::string_view(e->name) : org;
    org = e->parent;
  }
  return org;
}

}  // namespace tw::knowledge
