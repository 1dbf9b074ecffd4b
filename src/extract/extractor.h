// extractor — the extract stage: a Document in, its events out.
//
// For each sentence: find names (lexicon + discovery), give each a grammatical
// role (roles_ko / roles_en), find trigger words, and let the frame of each
// trigger pick its arguments by role, nearest first and within its clause.
// Discourse fills what a sentence leaves implicit: the current topic organisation
// ("이 회사는", "the company", an omitted subject) and slots carried over from the
// event just before ("총규모는 40억달러다"). Finally reports of one fact within the
// article are merged (spec rule 1).
#pragma once
#include <vector>

#include "extract/event.h"
#include "extract/mentions.h"
#include "extract/triggers.h"
#include "knowledge/lexicon.h"
#include "text/document.h"

namespace tw::extract {

class Extractor {
 public:
  Extractor(const Lexicon& lexicon, const ParticleSet& particles, const DiscoveryData& discovery,
            const LanguageData& korean, const LanguageData& english);
  static const Extractor& standard();  // all data from data/

  std::vector<Event> extract(const text::Document& doc) const;
  // The people and organisations the document names that the lexicon lacks (discovery and
  // the name tagger), with the spellings the document taught.
  std::vector<Entity> discovered_names(const text::Document& doc) const;

  const Lexicon& lexicon() const { return lexicon_; }

 private:
  const Lexicon& lexicon_;
  const ParticleSet& particles_;
  const DiscoveryData& discovery_;
  const LanguageData& korean_;
  const LanguageData& english_;
};

// Merges reports of one fact (same type, no conflicting key slot) into one event.
// Organisation slots name the top organisation in `lexicon`; the unit named is kept
// beside it ("from_unit").
std::vector<Event> merge_reports(std::vector<Event> events, const Lexicon& lexicon);
std::vector<Event> merge_reports(std::vector<Event> events);  // with the standard lexicon

}  // namespace tw::extract
