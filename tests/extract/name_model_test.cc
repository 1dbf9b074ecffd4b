// name_model — the syllable model that tells a name written in Hangul from an ordinary word.
#include "extract/name_model.h"

#include <gtest/gtest.h>

namespace tw::extract {
namespace {

TEST(SyllableNameModel, FeaturesAreSyllablesPairsEdgesAndLength) {
  const auto f = SyllableNameModel::features("가나다");
  for (const char* x : {"^가", "다$", "가", "나", "다", "가나", "나다", "#3"})
    EXPECT_NE(std::find(f.begin(), f.end(), x), f.end()) << x;
  EXPECT_TRUE(SyllableNameModel::features("AI").empty());  // Hangul only
  // The integer keys the model counts stand one for one for the features.
  for (const char* w : {"가", "가나다", "크리스티안", "가나가나"}) {
    const auto strings = SyllableNameModel::features(w);
    const auto keys = SyllableNameModel::feature_keys(w);
    ASSERT_EQ(keys.size(), strings.size()) << w;
    for (size_t i = 0; i < keys.size(); ++i)
      for (size_t j = 0; j < keys.size(); ++j)
        EXPECT_EQ(keys[i] == keys[j], strings[i] == strings[j]) << w << i << j;
  }
  EXPECT_NE(SyllableNameModel::feature_keys("가나")[2], SyllableNameModel::feature_keys("나가")[2]);
}

TEST(SyllableNameModel, LearnsFromExamplesAndScoresUnseenWords) {
  SyllableNameModel m;
  EXPECT_FALSE(m.trained());
  m.train({"크리스", "브라운", "스티브", "드류"}, {"회사", "기술", "개발", "사업", "함께"});
  ASSERT_TRUE(m.trained());
  EXPECT_EQ(m.name_examples(), 4u);
  EXPECT_EQ(m.word_examples(), 5u);
  EXPECT_GT(m.score("크리스틴"), 0);  // unseen, made of name syllables
  EXPECT_LT(m.score("사업개발"), 0);  // unseen, made of ordinary syllables
}

TEST(SyllableNameModel, RepositoryModelTellsTransliterationsFromWords) {
  const auto& m = SyllableNameModel::korean();
  ASSERT_TRUE(m.trained());
  EXPECT_GT(m.name_examples(), 200u);
  EXPECT_GT(m.word_examples(), 1000u);
  // Invented transliterations against ordinary words.
  for (const char* name : {"크리스토퍼", "발렌티나", "에드가르"})
    EXPECT_GT(m.score(name), 0) << name;
  for (const char* word : {"인공지능", "사업총괄이", "연구원", "투자"})
    EXPECT_LT(m.score(word), 0) << word;
}

}  // namespace
}  // namespace tw::extract
