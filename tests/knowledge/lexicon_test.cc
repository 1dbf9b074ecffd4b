// lexicon — canonical entities, their aliases in every script, units and parents, particles.
#include "knowledge/lexicon.h"

#include <gtest/gtest.h>

#include "common/data_dir.h"
#include "test_support.h"

namespace tw::knowledge {
namespace {

const Lexicon& lex() { return Lexicon::standard(); }

std::string canonical(std::string_view alias) {
  const Entity* e = lex().find(alias);
  return e ? e->name : "<not found>";
}

TEST(Lexicon, KoreanSpellingsOfAnthropic) {
  for (const char* alias : {"앤스로픽", "앤트로픽", "엔스로픽", "Anthropic", "anthropic"})
    EXPECT_EQ(canonical(alias), "Anthropic") << alias;
}

TEST(Lexicon, AliasesResolveToCanonicalNames) {
  EXPECT_EQ(canonical("오픈AI"), "OpenAI");
  EXPECT_EQ(canonical("Open AI"), "OpenAI");
  EXPECT_EQ(canonical("메타플랫폼"), "Meta");
  EXPECT_EQ(canonical("Meta Platforms"), "Meta");
  EXPECT_EQ(canonical("구글 딥마인드"), "Google DeepMind");
}

TEST(Lexicon, UnknownNamesAreNotFound) {
  EXPECT_EQ(lex().find("Acme Widgets"), nullptr);
  EXPECT_EQ(lex().find("메타버스"), nullptr);
}

TEST(Lexicon, KindsAndParents) {
  const Entity* dm = lex().find("DeepMind");
  ASSERT_NE(dm, nullptr);
  EXPECT_TRUE(dm->is_org());
  EXPECT_EQ(dm->parent, "Google");
  const Entity* person = lex().find("Ruoming Pang");
  ASSERT_NE(person, nullptr);
  EXPECT_TRUE(person->is_person());
}

TEST(Lexicon, UnitsLieWithinTheirParents) {
  EXPECT_TRUE(lex().within("Google DeepMind", "Google"));
  EXPECT_TRUE(lex().within("Google", "Google"));
  EXPECT_TRUE(lex().within("딥마인드", "Google"));
  EXPECT_FALSE(lex().within("Google", "Google DeepMind"));
  EXPECT_FALSE(lex().within("Meta", "Google"));
  EXPECT_EQ(lex().top_parent("Google DeepMind"), "Google");
  EXPECT_EQ(lex().top_parent("Meta"), "Meta");
}

TEST(Lexicon, FromJsonBuildsATrie) {
  const Lexicon small = Lexicon::from_json(
      R"([{"name":"Acme","kind":"startup","aliases":["아크미"]},{"name":"Acme Labs","kind":")"
      R"(unit","parent":"Acme"}])",
      R"([{"name":"Jane Doerr","aliases":["제인 도어"]}])");
  EXPECT_EQ(small.size(), 3u);
  ASSERT_NE(small.find("아크미"), nullptr);
  EXPECT_EQ(small.find("아크미")->name, "Acme");
  EXPECT_TRUE(small.within("Acme Labs", "Acme"));
  size_t end = 0;
  const std::string s = "Acme Labs hired";
  const int64_t id = small.trie().longest_at(s, 0, end);
  ASSERT_GE(id, 0);
  EXPECT_EQ(small.entity(static_cast<uint32_t>(id)).name, "Acme Labs");  // the longest alias wins
  EXPECT_EQ(end, std::string("Acme Labs").size());
  EXPECT_THROW(Lexicon::from_json("{}", "[]"), std::runtime_error);
}

TEST(AliasTrie, RunsOfSpacesMatchOneSpace) {
  AliasTrie trie;
  trie.add("Scale AI", 7);
  size_t end = 0;
  const std::string s = "Scale   AI raised";
  EXPECT_EQ(trie.longest_at(s, 0, end), 7);
  EXPECT_EQ(end, std::string("Scale   AI").size());
  EXPECT_EQ(trie.longest_at("Scal", 0, end), -1);
}

TEST(LowerKey, IgnoresCaseSpacesAndPunctuation) {
  EXPECT_EQ(lower_key("Open AI"), lower_key("openai"));
  EXPECT_EQ(lower_key("X.AI"), "xai");
}

class Particles : public ::testing::Test {
 protected:
  const ParticleSet particles{read_word_list(data_dir() / "lang" / "ko" / "particles.txt")};
};

TEST_F(Particles, SequencesOfParticles) {
  EXPECT_TRUE(particles.is_particle_sequence("는"));
  EXPECT_TRUE(particles.is_particle_sequence("로부터"));
  EXPECT_TRUE(particles.is_particle_sequence("에서는"));
  EXPECT_TRUE(particles.is_particle_sequence("에서도"));
  EXPECT_FALSE(particles.is_particle_sequence("버스"));
  EXPECT_FALSE(particles.is_particle_sequence("버스타"));
  EXPECT_FALSE(
      particles.is_particle_sequence("에서는도만"));  // four particles: more than a name carries
}

TEST_F(Particles, LeadingParticleIsTheLongest) {
  EXPECT_EQ(particles.leading("로부터 영입"), "로부터");
  EXPECT_EQ(particles.leading("버스"), "");
}

}  // namespace
}  // namespace tw::knowledge
