// Cross-script name matching: Hangul transliterations and their Latin forms.
#include "resolve/phonetic.h"

#include <gtest/gtest.h>

namespace {

using tw::resolve::name_keys;
using tw::resolve::phonetic_key;
using tw::resolve::same_name;

TEST(Phonetic, RomanisesHangulAndLeavesLatinAlone) {
  EXPECT_EQ(tw::resolve::romanize("보웬 장"), "bowen jang");
  EXPECT_EQ(tw::resolve::romanize("Bowen Zhang"), "Bowen Zhang");
}

TEST(Phonetic, ForgivesTheVariantsKoreanNewsUses) {
  // 셩/성, 샤오/자오-style vowel and sibilant variants, and swapped name order.
  EXPECT_TRUE(same_name("셩자오 자오", "Shengjia Zhao"));
  EXPECT_TRUE(same_name("성자오 자오", "Shengjia Zhao"));
  EXPECT_TRUE(same_name("자오셩자", "Shengjia Zhao"));  // family name first, run together
  EXPECT_TRUE(same_name("자오 셩자", "셩자오 자오"));
  EXPECT_TRUE(same_name("루오밍 팡", "Ruoming Pang"));
  EXPECT_TRUE(same_name("샤오화 자이", "Xiaohua Zhai"));
  EXPECT_TRUE(same_name("민준 박", "Minjun Park"));  // post-vowel r is silent in Korean spelling
  EXPECT_TRUE(same_name("정형원", "Hyung Won Chung"));
}

TEST(Phonetic, KeepsDifferentPeopleApart) {
  EXPECT_FALSE(same_name("루오밍 팡", "Tom Gunter"));
  EXPECT_FALSE(same_name("마크 리", "Mark Chen"));
  EXPECT_FALSE(same_name("보웬 장", "Ruoming Pang"));
}

TEST(Phonetic, KeysAreConsonantSkeletons) {
  EXPECT_EQ(phonetic_key("Shengjia"), phonetic_key("셩자"));
  EXPECT_EQ(phonetic_key("Zhang"), phonetic_key("장"));
  EXPECT_NE(phonetic_key("Pang"), phonetic_key("Zhang"));
  EXPECT_TRUE(name_keys("").empty());
}

}  // namespace
