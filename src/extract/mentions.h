// mentions — finds the people and organisations a document names.
//
// Two sources: the lexicon (one trie pass per sentence), and discovery of names the
// lexicon lacks, which become entities local to the document:
//  * a Hangul name glossed in Latin, "루오밍 팡(Ruoming Pang)", "세서미 AI(Sesame AI)";
//    when the Latin form is known, the Hangul spelling becomes its alias;
//  * English names in apposition or after a role or hiring verb: "researcher Lucas
//    Beyer", "Shengjia Zhao, a co-creator of GPT-4", "hired Jack Rae";
//  * organisation names shaped like one: "startup Reka", "Sesame AI", "세서미 AI의";
//  * a bare family name of a person already named in the document ("왕(Wang)",
//    "Beyer said") refers to that person.
#pragma once
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/knowledge.h"
#include "text/document.h"
#include "text/pattern_set.h"

namespace re2 {
class RE2;
}

namespace tw::extract {

struct Mention {
  size_t begin = 0, end = 0;  // the name, in sentence bytes
  size_t word_end = 0;        // past a "(gloss)" and Korean particles
  std::string particle;       // Korean particles after the name ("는", "로부터"), "" if none
  const Entity* entity = nullptr;
};

struct DiscoveryData {
  StringSet korean_role_nouns;  // 연구원, 창업자 … never part of a name
  StringSet not_names;          // common words that look like names
  StringSet org_suffixes;       // AI, Labs, 랩스 … mark an organisation

  // The patterns discovery runs over a whole document. RE2 finds their captures; one
  // vectorscan pass over the document first says which of them can match it at all, since
  // most documents hold no match for most of them.
  enum Pattern : uint8_t {
    EnOrgContext,
    EnOrgSuffix,
    KoOrgSuffix,
    KoNameAfterRole,
    LatinPerson,
    EnDealObject,
    EnDealSubject,
    EnDescribed,
    KoDescribed,
    EnRole,
    EnApposition,
    EnList,
    EnTitledApposition,
    EnMover,
    EnCareerItem,
    kPatterns
  };
  std::vector<std::shared_ptr<const re2::RE2>> patterns;  // by Pattern
  text::PatternSet prefilter;                             // the same patterns, by Pattern
  const re2::RE2& pattern(Pattern p) const { return *patterns[p]; }

  DiscoveryData(std::vector<std::string> role_nouns, std::vector<std::string> not_names,
                std::vector<std::string> org_suffixes);
  static const DiscoveryData& standard();
};

class DocumentEntities {
 public:
  DocumentEntities(const Lexicon& lexicon, const ParticleSet& particles, const DiscoveryData& data);

  // Learns the document's own names (call once per document before mentions()).
  void discover(const text::Document& doc);

  std::vector<Mention> mentions(std::string_view sentence) const;
  // The mentions of sentence `i` of the document discover() learnt from: found once, during
  // discovery, and again only where a spelling learnt later occurs.
  const std::vector<Mention>& mentions_in(size_t i) const { return sentence_mentions_.at(i); }
  // The entity a spelling names, in the lexicon or among the document's own names.
  const Entity* find_any(std::string_view name) const;

  const std::deque<Entity>& local() const { return local_; }
  const Lexicon& lexicon() const { return lexicon_; }

 private:
  void add_local_alias(const Entity* target, const std::string& alias);
  const Entity* add_local_entity(std::string name, EntityKind kind,
                                 std::vector<std::string> aliases);
  bool accept_end(std::string_view s, size_t alias_end, Mention& m) const;
  // `lexicon_may_start`: false where the lexicon's vectorscan pass found no spelling beginning at
  // `pos`.
  std::optional<Mention> match_at(std::string_view s, size_t pos,
                                  bool lexicon_may_start = true) const;
  void add_shared_family_names(std::string_view s, std::vector<Mention>& out) const;
  bool looks_like_org(std::string_view latin) const;
  bool is_not_name(std::string_view w) const;

  const Lexicon& lexicon_;
  const ParticleSet& particles_;
  const DiscoveryData& data_;
  std::deque<Entity> local_;                  // stable addresses
  std::vector<const Entity*> local_targets_;  // trie value → entity (local or lexicon)
  std::vector<std::pair<const Entity*, std::string>>
      local_aliases_;  // spellings this document taught
  // Local entities by the folded spelling of their name and aliases; the first one added wins.
  std::unordered_map<std::string, const Entity*, ViewHash, std::equal_to<>> local_keys_;
  AliasTrie local_trie_;
  std::vector<std::vector<Mention>> sentence_mentions_;  // by sentence of the discovered document
};

}  // namespace tw::extract
