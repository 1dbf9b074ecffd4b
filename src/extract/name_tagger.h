// name_tagger — proposes the people and organisations a sentence names that the
// lexicon lacks, from the way news writes new names rather than from the names themselves.
//
// Korean (data/lang/ko/):
//  * lists of people: "도리안 벨크, 카이토 렌, 하르샤 문디 등 …", accepted when a member is a known
//    person or the list is said to be people ("… 등 연구원 4명", "AI 엔지니어 A, B");
//  * titled names: a three-syllable word opening with a family name before a title,
//    "최민서 AI 연구소장", "윤재하 전 SK텔레콤 최고기술책임자", "한도윤 박사를";
//  * companies by their ending ("가람인베스트먼트", "누리게임즈") or by the type
//    noun before a quoted name ("AI 스타트업 ‘하늘비전’은").
// The tagger only proposes; DocumentEntities decides what a proposal adds.
#pragma once
#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/knowledge.h"
#include "extract/name_model.h"

namespace tw::extract {

struct NameCandidate {
  std::string name;
  EntityKind kind = EntityKind::Person;
  bool operator==(const NameCandidate&) const = default;
};

// A word list as read from data/, with a set for the per-word lookups the tagger makes.
struct WordList {
  struct Hash {  // looks words up by view, with no copy
    using is_transparent = void;
    size_t operator()(std::string_view w) const { return std::hash<std::string_view>{}(w); }
  };
  std::vector<std::string> words;
  std::unordered_set<std::string, Hash, std::equal_to<>> set;
  std::vector<size_t> lengths;  // distinct word lengths in bytes, longest first

  explicit WordList(std::vector<std::string> w = {});
  bool contains(std::string_view w) const;
  size_t index_of(std::string_view w) const {  // position in the file, or size() when absent
    return static_cast<size_t>(std::find(words.begin(), words.end(), w) - words.begin());
  }
  auto begin() const { return words.begin(); }
  auto end() const { return words.end(); }
};

struct KoreanNameData {
  WordList surnames;          // 김, 이, 남궁 …
  WordList titles;            // 대표, 상무, 연구소장 …
  WordList titled_not_names;  // 이사회, 차세대 …: open with a family name, name nobody
  WordList org_suffixes;      // 인베스트먼트, 게임즈 …
  WordList type_nouns;        // 스타트업, 운용사 …
  WordList people_nouns;      // 연구원, 엔지니어, 명 …: say a list is of people
  WordList role_nouns;        // never part of a name
  WordList not_names;
  WordList places;        // 미국, 중국 …: may stand between a name and its title
  WordList name_openers;  // 옮긴, 합류한 …: adnominal move verbs before a name
  // Titles, role nouns, people nouns and common words together: no word of a name is one.
  // Built by index(); one lookup instead of four for every word a name could hold.
  WordList never_in_names;

  void index();

  static const KoreanNameData& standard();
};

// What the document already knows a spelling to be (lexicon or discovered), or nullptr.
using KnownName = std::function<const Entity*(std::string_view)>;

class NameTagger {
 public:
  // `model` (may be null) vets transliterated names the context proposes.
  NameTagger(const KoreanNameData& korean, const ParticleSet& particles,
             const SyllableNameModel* model = &SyllableNameModel::korean())
      : ko_(korean), particles_(particles), model_(model) {}

  // Proposals for one Korean sentence, in order of position.
  std::vector<NameCandidate> korean(std::string_view sentence, const KnownName& known) const;

  // Each part on its own (for tests and for callers that want one kind).
  std::vector<NameCandidate> korean_lists(std::string_view sentence, const KnownName& known) const;
  std::vector<NameCandidate> korean_titled(std::string_view sentence, const KnownName& known) const;
  std::vector<NameCandidate> korean_orgs(std::string_view sentence, const KnownName& known) const;
  // "에드가르 로시니가 지난달 퇴사했고": a clause opening with two words the model reads as a
  // foreign name, the second carrying a subject particle.
  std::vector<NameCandidate> korean_subjects(std::string_view sentence,
                                             const KnownName& known) const;

  // Does the model read `name` (one or more Hangul words) as a name? True without a model.
  bool reads_as_name(std::string_view name) const;
  // Does the model read one word as a name with confidence, enough for little context? False
  // without a model.
  bool confidently_name(std::string_view word) const;

 private:
  // One sentence split into words once, and each word's stem (the word without its trailing
  // particles) found once: the tagger's parts read the same words over and over.
  class Words {
   public:
    Words(const NameTagger& tagger, std::string_view sentence);
    const std::vector<std::string_view>& list() const { return words_; }
    std::string_view sentence() const { return sentence_; }
    // `w` without its trailing particles; `w` is a view into the sentence ending where a word ends.
    std::string_view stem(std::string_view w) const;

   private:
    const NameTagger& tagger_;
    std::string_view sentence_;
    std::vector<std::string_view> words_;
    mutable std::vector<std::pair<uint32_t, uint32_t>>
        stems_;  // by start offset: (view size + 1, stem size)
  };
  std::vector<NameCandidate> korean_titled(const Words& words, const KnownName& known) const;
  std::vector<NameCandidate> korean_orgs(const Words& words, const KnownName& known) const;
  std::vector<NameCandidate> korean_subjects(const Words& words, const KnownName& known) const;

  bool name_word(std::string_view w, size_t max_syllables) const;
  bool title_word(std::string_view w, bool role_nouns_too) const;
  size_t stem_bytes(std::string_view w) const;  // bytes of `w` before its trailing particles
  // `w` without its trailing particles (a prefix of `w`).
  std::string_view without_particles(std::string_view w) const;

  const KoreanNameData& ko_;
  const ParticleSet& particles_;
  const SyllableNameModel* model_;
};

}  // namespace tw::extract
