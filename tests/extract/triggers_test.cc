// triggers — the language object: trigger words per frame, modifier lists and the grammar
// the frames read instead of asking which language a document is in.
#include "extract/triggers.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace tw::extract {
namespace {

bool has_word(const std::vector<std::string>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

TEST(LanguageData, GrammarTellsTheClauseShapeApart) {
  const Grammar& ko = LanguageData::korean().grammar;
  const Grammar& en = LanguageData::english().grammar;
  EXPECT_TRUE(ko.verb_final);
  EXPECT_TRUE(ko.case_particles);
  EXPECT_TRUE(ko.drops_subjects);
  EXPECT_EQ(ko.modifier_words_before, 0u);
  EXPECT_FALSE(en.verb_final);
  EXPECT_FALSE(en.case_particles);
  EXPECT_TRUE(en.capitalises_names);
  EXPECT_GT(en.modifier_words_before, 0u);
  EXPECT_TRUE(has_word(ko.list_joiners, "와"));
  EXPECT_TRUE(has_word(en.relative_markers, ", which "));
}

TEST(LanguageData, GrammarReadFromJsonWithDefaults) {
  const auto d = LanguageData::from_json(R"({"frames": {"hire": ["hired"]},
      "grammar": {"verb_final": true, "modifier_words_before": 3, "stake_words": ["Stake"]}})",
                                         "xx");
  EXPECT_TRUE(d.grammar.verb_final);
  EXPECT_FALSE(d.grammar.case_particles);  // absent: off
  EXPECT_EQ(d.grammar.modifier_words_before, 3u);
  EXPECT_TRUE(has_word(d.grammar.stake_words, "stake"));  // lists are kept folded
  const auto none = LanguageData::from_json(R"({"frames": {}})", "yy");
  EXPECT_FALSE(none.grammar.verb_final);
  EXPECT_TRUE(none.grammar.examples.empty());
}

TEST(LanguageData, TriggersFoundInOrderWithTheirFrame) {
  const auto hits =
      LanguageData::english().find_triggers("Acme hired Jane Roe and later acquired Beta Labs.");
  ASSERT_GE(hits.size(), 2u);
  EXPECT_EQ(hits.front().frame, Frame::Hire);
  EXPECT_TRUE(std::any_of(hits.begin(), hits.end(),
                          [](const TriggerHit& h) { return h.frame == Frame::Acquire; }));
  for (size_t i = 1; i < hits.size(); ++i) EXPECT_LE(hits[i - 1].begin, hits[i].begin);
}

TEST(WordSearch, StartsWithAnyAndContainsAny) {
  EXPECT_TRUE(starts_with_any("등이 합류", {"및", "등"}));
  EXPECT_FALSE(starts_with_any("합류 등", {"등"}));
  EXPECT_FALSE(starts_with_any("anything", {}));
  EXPECT_TRUE(contains_any("Meta HIRED him", {"hired"}));  // English is case-insensitive
  EXPECT_FALSE(contains_any("rehired", {"hired"}, 0, 3));
}

}  // namespace
}  // namespace tw::extract

namespace tw::extract {
namespace {

// The one-pass hits answer every search exactly as searching the sentence word by word does,
// window edges and word boundaries included.
TEST(WordListHits, AnswerAsTheWordByWordSearchDoes) {
  const std::vector<std::pair<const LanguageData*, std::string>> cases{
      {&LanguageData::english(),
       "according to two people briefed on the talks, acme said it had hired jo roe, who declined "
       "to comment."},
      {&LanguageData::english(),
       "the company denied the report; it said the startup was acquired and staff were laid off."},
      {&LanguageData::korean(),
       "업계에 따르면 가나전자는 연구원 5명을 영입했다고 밝혔다. 회사 측은 이를 부인했다."},
      {&LanguageData::korean(),
       "가나랩스는 시리즈 b 투자를 주도했고 다라벤처스가 참여했다고 전했다."}};
  size_t found = 0;
  for (const auto& [lang, folded] : cases) {
    const WordListHits hits = lang->word_list_hits(folded);
    for (const auto* words :
         {&lang->speech, &lang->denial, &lang->passive, &lang->round_lead, &lang->participation,
          &lang->people_nouns, &lang->grammar.according_before, &lang->grammar.according_after}) {
      EXPECT_TRUE(words->empty() || lang->indexes(*words));  // an empty list needs no search
      for (size_t from = 0; from < folded.size(); from += 7)
        for (size_t to : {from + 5, from + 20, folded.size(), std::string::npos}) {
          const size_t expected = find_any_folded(folded, *words, from, to);
          EXPECT_EQ(lang->find_folded(folded, hits, *words, from, to), expected)
              << folded << " [" << from << "," << to << ")";
          found += expected != std::string::npos;
        }
    }
  }
  EXPECT_GT(found, 20u);  // the cases hold words of these lists
  // A list that is not the language's own is searched for.
  const std::vector<std::string> other{"hired"};
  EXPECT_FALSE(LanguageData::english().indexes(other));
  EXPECT_FALSE(LanguageData::english().indexes(LanguageData::korean().speech));
  const std::string text = "acme hired jo";
  EXPECT_EQ(LanguageData::english().find_folded(text, LanguageData::english().word_list_hits(text),
                                                other),
            5u);
}

}  // namespace
}  // namespace tw::extract
