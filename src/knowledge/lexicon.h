// lexicon — the entities talentwar knows (data/lexicon/*.json) and a trie that
// finds all their aliases in a sentence in one pass.
//
// Korean writes particles straight after a name (메타는, 오픈AI로부터, 구글도), so a
// match ending inside a Hangul word is accepted only when the rest of the word is
// a sequence of particles from data/lang/ko/particles.txt; Latin aliases never end
// inside a Latin word ("Meta" is not found in "Metaverse").
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/pattern_set.h"

namespace tw::knowledge {

enum class EntityKind : uint8_t { Org, Person };

struct Entity {
  std::string name;  // canonical English name
  EntityKind kind = EntityKind::Org;
  std::string org_kind;  // bigtech, lab, startup, unit, investor, chip, media, site, other
  std::string parent;    // canonical name of the parent org (units)
  std::string acts_for;  // people: the org they act for as a subject (CEO, founder)
  std::vector<std::string> affiliations;  // people: orgs worked for, oldest first
  std::vector<std::string> aliases;
  bool discovered = false;  // found in the text, not in the lexicon

  bool is_org() const { return kind == EntityKind::Org; }
  bool is_person() const { return kind == EntityKind::Person; }
  // News outlets and pay sites are cited, never parties to an event.
  bool is_source() const { return org_kind == "media" || org_kind == "site"; }
};

// A set of strings that looks words up by view, with no copy.
struct ViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view w) const { return std::hash<std::string_view>{}(w); }
};
using StringSet = std::unordered_set<std::string, ViewHash, std::equal_to<>>;

// A byte trie over alias strings; values are indexes into an entity table.
class AliasTrie {
 public:
  void add(std::string_view alias, uint32_t entity);
  // Longest alias starting at s[pos]; runs of spaces in s match one space in an alias.
  // Returns the entity and sets `end`, or -1.
  int64_t longest_at(std::string_view s, size_t pos, size_t& end) const;
  bool empty() const { return nodes_.size() <= 1; }

 private:
  struct Node {
    std::vector<std::pair<uint8_t, uint32_t>> next;
    int64_t value = -1;
  };
  uint32_t child(uint32_t node, unsigned char c) const;  // 0 when absent
  std::vector<Node> nodes_{Node{}};
  std::array<uint32_t, 256> root_{};  // the root's children by byte: most lookups fail here
};

class ParticleSet {
 public:
  explicit ParticleSet(std::vector<std::string> particles);
  // True when `rest` (the remainder of a Hangul word) is one to three particles.
  bool is_particle_sequence(std::string_view rest) const;
  // The longest particle at the start of `rest` ("" if none).
  std::string_view leading(std::string_view rest) const;
  // Cheap tests before a search: can `word` end with a particle at all, and how many bytes a
  // sequence of particles may take.
  bool may_end_with_particle(std::string_view word) const;
  size_t longest_sequence_bytes() const { return longest_sequence_bytes_; }

 private:
  // Looked up by prefix length rather than by scanning every particle: this test runs for
  // every Hangul word a name could end in.
  StringSet set_;
  std::vector<size_t> lengths_;  // distinct particle lengths in bytes, longest first
  // The first three bytes of every particle (a Hangul syllable) as integers: most positions of a
  // word start no particle, and an integer compare says so before any lookup.
  std::vector<uint32_t> openings_;
  bool all_open_with_three_bytes_ = true;
  std::vector<uint32_t>
      finals_;  // the last syllable of each particle, as for openings_  // last code point of each
  size_t longest_sequence_bytes_ = 0;
};

class Lexicon {
 public:
  static const Lexicon& standard();  // data/lexicon/orgs.json + people.json
  static Lexicon from_json(std::string_view orgs_json, std::string_view people_json);

  const Entity* find(std::string_view name_or_alias) const;
  const Entity& entity(uint32_t id) const { return entities_[id]; }
  const AliasTrie& trie() const { return trie_; }
  // Every name and alias in one vectorscan database: where in a sentence any of them begins,
  // found in one pass, so the trie is walked only from there.
  const text::PatternSet& spellings() const { return spellings_; }
  size_t size() const { return entities_.size(); }

  // True when `unit` is `org` or lies within it (Google DeepMind within Google).
  bool within(std::string_view unit, std::string_view org) const;
  std::string_view top_parent(std::string_view org) const;

 private:
  void index(uint32_t id);
  std::vector<Entity> entities_;
  std::unordered_map<std::string, uint32_t, ViewHash, std::equal_to<>>
      by_key_;  // lower-cased name/alias → entity
  AliasTrie trie_;
  text::PatternSet spellings_;
};

std::string lower_key(std::string_view s);             // ASCII lower case, spaces removed
void lower_key(std::string_view s, std::string& out);  // the same into `out`, reusing its storage

}  // namespace tw::knowledge
