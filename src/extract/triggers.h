// triggers — the words that signal each kind of event, and their modifiers, per
// language (data/triggers/<lang>.json), with the scanner that finds them.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/pattern_set.h"

namespace tw::extract {

enum class Frame {
  Hire,
  Appoint,
  Join,
  Leave,
  Found,
  Include,
  Offer,
  Invest,
  Acquire,
  Sell,
  Layoff,
  Counter,
  Stat
};

const char* event_type_of(Frame f);

struct TriggerHit {
  Frame frame;
  size_t begin = 0, end = 0;  // bytes in the sentence
};

// How a language builds a clause: what the frames need to know to find a trigger's
// arguments and modifiers without asking which language it is.
struct Grammar {
  // Verb-final (Korean): arguments stand before the trigger; voice, negation and tense follow
  // it as endings. Otherwise (English): objects follow the trigger; auxiliaries, hedges and
  // attempts stand before it.
  bool verb_final = false;
  // Case particles (Korean): a noun's role is marked after it, so a name with none is a list
  // member or a modifier, not an argument.
  bool case_particles = false;
  size_t modifier_words_before = 0;  // how far before a trigger its auxiliaries reach, in words
  bool capitalises_names = false;    // a capitalised hedge word is a name or a month ("May")
  std::vector<std::string> list_joiners;     // "와", "과": a name joined to the next one
  std::vector<std::string> list_continuers;  // ",", "등", "및": a list goes on after a name
  std::vector<std::string>
      adnominal_endings;                 // "한", "운": a verb form describing the noun after it
  std::vector<std::string> companions;   // "함께": a joined name that is company, not a list
  std::vector<std::string> stake_words;  // "지분", "stake": buying part of a company
  std::vector<std::string> examples;     // " such as ": members of a group named
  std::vector<std::string> now_words;    // " now ": where a leaver is now
  std::vector<std::string> at_words;     // " at": a join trigger whose organisation comes next
  std::vector<std::string> relative_markers;     // ", which ": a clause about the noun before it
  bool drops_subjects = false;                   // Korean leaves out a subject the reader knows
  std::vector<std::string> possessive_suffixes;  // "'s": an owner, not an argument
  std::vector<std::string> plural_suffixes;      // "들": a group of people
  std::vector<std::string> according_before, according_after;  // "according to A", "A에 따르면"
  std::vector<std::string> backed_markers;  // "-backed ": "Nvidia-backed Acme" is an investment
  size_t valuation_words_before = 0,
         valuation_words_after = 0;  // where a valuation word qualifies a figure
};

// Where the words of every list of a LanguageData occur in one sentence (folded), grouped by list:
// found in one pass, then looked up by each search a frame makes.
struct WordListHits {
  std::vector<uint32_t> first;  // by list: index of its first span; one more at the end
  std::vector<std::pair<uint32_t, uint32_t>> spans;  // [begin, end) of each occurrence
};

struct LanguageData {
  std::string lang;  // "ko" or "en": names the data; frames read `grammar`, never this
  Grammar grammar;
  std::vector<std::pair<Frame, std::vector<std::string>>> frames;
  std::vector<std::string> blocked_after, blocked_next_word, passive, attempt, hypothetical, talks,
      bid, failure, accepted, declined, cumulative, people_nouns, count_nouns, anaphora, pay_words,
      valuation, round_lead, round_joined, unit_nouns, former_words, layoff_without_count, agreed,
      raid_words, negation_after, alumni_words, tranche_words, backer_statements, round_words,
      threshold_words, loss_verbs, period_year, group_markers, staff_nouns, offer_received,
      cumulative_anywhere, nominal_triggers, share_after, share_before, former_between, including,
      titles, received, partitive, size_words, speech, denial, pronouns, negated, participation,
      raise_words;
  std::vector<std::pair<std::string, std::vector<std::string>>> comp_kinds;  // in priority order
  std::vector<std::pair<std::string, std::vector<std::string>>> stats;

  static const LanguageData& korean();
  static const LanguageData& english();
  static LanguageData from_json(std::string_view json, std::string lang);

  // Trigger occurrences in a sentence, in order, overlapping hits resolved to the longest.
  std::vector<TriggerHit> find_triggers(std::string_view sentence) const;

  // Every list's words in a folded sentence, in one pass.
  WordListHits word_list_hits(std::string_view folded) const;
  // find_any_folded(folded, words, from, to), read from `hits` when `words` is one of this
  // object's lists (and searched for otherwise).
  size_t find_folded(std::string_view folded, const WordListHits& hits,
                     const std::vector<std::string>& words, size_t from = 0,
                     size_t to = std::string_view::npos) const;
  // Is `words` one of the lists the one pass finds (a list of this object, without "")?
  bool indexes(const std::vector<std::string>& words) const { return list_id(words) >= 0; }

 private:
  // All trigger words of all frames in one vectorscan database (ASCII case-insensitive): one
  // pass over the sentence whatever the number of words. A word listed under two frames
  // belongs to the first.
  text::PatternSet trigger_words_;
  std::vector<Frame> trigger_frames_;  // by word of trigger_words_
  void index_triggers();

  // The word lists, all in one database; a list is known by its offset within the object.
  text::PatternSet list_words_;
  std::vector<uint32_t> list_of_word_;  // by word of list_words_
  std::unordered_map<ptrdiff_t, uint32_t> list_at_offset_;
  uint32_t list_count_ = 0;
  int list_id(const std::vector<std::string>& words) const;  // -1 when not indexed
  void index_word_lists(const std::vector<std::vector<std::string>*>& lists);
};

// The same search on text already folded to ASCII lower case (`words` are stored folded):
// a plain substring search, for the hot path where a sentence is folded once.
size_t find_any_folded(std::string_view folded, const std::vector<std::string>& words,
                       size_t from = 0, size_t to = std::string_view::npos);
std::string ascii_fold(std::string_view s);

bool starts_with_any(std::string_view s, const std::vector<std::string>& words);

// Does any of `words` occur in s[from, to)? English matching is case-insensitive.
bool contains_any(std::string_view s, const std::vector<std::string>& words, size_t from = 0,
                  size_t to = std::string_view::npos);
// Position of the first occurrence of any of `words` in s[from, to), or npos.
size_t find_any(std::string_view s, const std::vector<std::string>& words, size_t from = 0,
                size_t to = std::string_view::npos);

}  // namespace tw::extract
