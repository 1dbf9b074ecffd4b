// mentions — lexicon names with Korean particles, and discovery of names the lexicon lacks.
#include "extract/mentions.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <memory>

#include "common/data_dir.h"
#include "test_support.h"

namespace tw::extract {
namespace {

struct Found {
  std::string name, particle, surface;
  bool person = false, discovered = false;
};

class Mentions : public ::testing::Test {
 protected:
  // Learns the names of document `text`, then returns what sentence `i` mentions.
  std::vector<Found> found_in(std::string_view text, size_t i = 0) {
    doc_ = twtest::prepare_text(text);
    ents_ = std::make_unique<DocumentEntities>(Lexicon::standard(), particles_,
                                               DiscoveryData::standard());
    ents_->discover(doc_);
    return mentions_of(i);
  }
  std::vector<Found> mentions_of(size_t i) const {
    EXPECT_LT(i, doc_.sentences.size());
    if (i >= doc_.sentences.size()) return {};
    const std::string_view s = doc_.sentence(i);
    std::vector<Found> out;
    for (const auto& m : ents_->mentions(s))
      out.push_back({m.entity->name, m.particle, std::string(s.substr(m.begin, m.end - m.begin)),
                     m.entity->is_person(), m.entity->discovered});
    return out;
  }
  static bool has(const std::vector<Found>& found, std::string_view name) {
    for (const auto& f : found)
      if (f.name == name) return true;
    return false;
  }
  const Entity* local(std::string_view name) const {
    for (const auto& e : ents_->local())
      if (e.name == name) return &e;
    return nullptr;
  }

  const ParticleSet particles_{read_word_list(data_dir() / "lang" / "ko" / "particles.txt")};
  text::Document doc_;
  std::unique_ptr<DocumentEntities> ents_;
};

TEST_F(Mentions, KoreanNamesCarryTheirParticles) {
  struct Case {
    const char* word;
    const char* name;
    const char* particle;
  };
  for (const Case& c :
       {Case{"메타는", "Meta", "는"}, Case{"메타가", "Meta", "가"}, Case{"메타의", "Meta", "의"},
        Case{"메타로", "Meta", "로"}, Case{"오픈AI로부터", "OpenAI", "로부터"},
        Case{"애플에서", "Apple", "에서"}, Case{"구글도", "Google", "도"}}) {
    const auto found = found_in(std::string(c.word) + " 인재 확보에 나섰다.");
    ASSERT_EQ(found.size(), 1u) << c.word;
    EXPECT_EQ(found[0].name, c.name) << c.word;
    EXPECT_EQ(found[0].particle, c.particle) << c.word;
  }
}

TEST_F(Mentions, NamesInsideLongerWordsAreNotMentions) {
  EXPECT_FALSE(has(found_in("메타버스 사업은 적자를 냈다."), "Meta"));
  EXPECT_FALSE(has(found_in("The Metaverse unit lost money."), "Meta"));
  EXPECT_FALSE(has(found_in("메타버스에서 만나요."), "Meta"));
}

TEST_F(Mentions, EnglishNamesWithPossessiveAndPunctuation) {
  const auto found = found_in("Meta's offer went to an OpenAI researcher, not to Google.");
  EXPECT_TRUE(has(found, "Meta"));
  EXPECT_TRUE(has(found, "OpenAI"));
  EXPECT_TRUE(has(found, "Google"));
}

TEST_F(Mentions, GlossedHangulNameIsKnownLaterInTheDocument) {
  const char* text =
      "애플 출신 루오밍 팡(Ruoming Pang)의 이적이 화제다.\n"
      "루오밍 팡은 메타로 자리를 옮겼다.\n"
      "팡은 이에 대해 언급하지 않았다.";
  const auto first = found_in(text, 0);
  EXPECT_TRUE(has(first, "Ruoming Pang"));
  const auto second = mentions_of(1);
  ASSERT_TRUE(has(second, "Ruoming Pang"));
  for (const auto& f : second) {
    if (f.name == "Ruoming Pang") {
      EXPECT_EQ(f.particle, "은");
    }
  }
  EXPECT_TRUE(has(mentions_of(2), "Ruoming Pang"))
      << "a bare family name refers to the person named before";
}

TEST_F(Mentions, NewHangulSpellingOfAKnownPersonBecomesItsAlias) {
  // "루밍 팡" is not among the lexicon's spellings: the gloss teaches it for this document.
  const auto found =
      found_in("루밍 팡(Ruoming Pang)의 이적이 화제다.\n루밍 팡은 메타로 옮겼다.", 1);
  ASSERT_TRUE(has(found, "Ruoming Pang"));
  EXPECT_TRUE(has(found, "Meta"));
}

TEST_F(Mentions, InventedKoreanPersonIsDiscovered) {
  const auto found =
      found_in("메타는 김하늘(Haneul Kim) 연구원을 영입했다.\n김하늘은 오픈AI 출신이다.", 1);
  const Entity* kim = local("Haneul Kim");
  ASSERT_NE(kim, nullptr);
  EXPECT_TRUE(kim->is_person());
  EXPECT_TRUE(kim->discovered);
  ASSERT_TRUE(has(found, "Haneul Kim"));
  EXPECT_TRUE(has(found, "OpenAI"));
  for (const auto& f : found) {
    if (f.name != "Haneul Kim") continue;
    EXPECT_EQ(f.surface, "김하늘");
    EXPECT_EQ(f.particle, "은");
  }
}

TEST_F(Mentions, EnglishPersonAfterARoleNounIsDiscovered) {
  const auto found =
      found_in("OpenAI researcher Jane Doerr left the company. Doerr declined to comment.", 0);
  const Entity* doerr = local("Jane Doerr");
  ASSERT_NE(doerr, nullptr);
  EXPECT_TRUE(doerr->is_person());
  EXPECT_TRUE(doerr->discovered);
  EXPECT_TRUE(has(found, "Jane Doerr"));
  EXPECT_TRUE(has(mentions_of(1), "Jane Doerr")) << "the family name alone refers to the person";
}

TEST_F(Mentions, EnglishOrganisationShapedNamesAreDiscovered) {
  found_in("Amazon invested in startup Quillbase last year.");
  ASSERT_NE(local("Quillbase"), nullptr);
  EXPECT_TRUE(local("Quillbase")->is_org());

  const auto found = found_in("Meta invested in Lumen AI last year.");
  EXPECT_TRUE(has(found, "Lumen AI"));
  ASSERT_NE(local("Lumen AI"), nullptr);
  EXPECT_TRUE(local("Lumen AI")->is_org());
}

TEST_F(Mentions, KoreanGlossedOrganisationIsDiscovered) {
  // The header's own example shape, "세서미 AI(Sesame AI)", with a name the lexicon lacks.
  const auto found = found_in("메타는 스타트업 루멘 AI(Lumen AI)에 투자했다.");
  EXPECT_TRUE(has(found, "Lumen AI"));
  ASSERT_NE(local("Lumen AI"), nullptr);
  EXPECT_TRUE(local("Lumen AI")->is_org());
}

TEST_F(Mentions, CommonWordsAreNotDiscoveredAsPeople) {
  found_in("The company hired Silicon Valley veterans and New York bankers.");
  for (const auto& e : ents_->local()) EXPECT_FALSE(e.is_person()) << e.name;
}

}  // namespace
}  // namespace tw::extract

namespace tw::extract {
namespace {

// Discovery runs a pattern's RE2 search only where the vectorscan pass says it can match: a
// pattern vectorscan cannot take would silently lose that saving.
TEST(DiscoveryData, EveryPatternHasAVectorscanPrefilter) {
  const auto& d = DiscoveryData::standard();
  ASSERT_EQ(d.patterns.size(), size_t{DiscoveryData::kPatterns});
  for (size_t i = 0; i < d.patterns.size(); ++i) {
    EXPECT_TRUE(d.patterns[i]->ok()) << i;
    EXPECT_TRUE(d.prefilter.filters(i)) << "pattern " << i << " has no prefilter";
  }
}

TEST(DiscoveryData, PrefilterNeverRulesOutAPatternThatMatches) {
  const auto& d = DiscoveryData::standard();
  size_t matched = 0;
  for (const std::string text :
       {"The startup Nimbus Labs hired researcher Jane Roe, a former Acme engineer.",
        "스타트업 하늘비전을 인수했다. 연구원 보웬 장은 Jane Roe와 합류했다",
        "Jo Ko, Al Bo and Cy Do joined.\nMax Ray: Worked at Acme"}) {
    const auto possible = d.prefilter.possible(text);
    for (size_t i = 0; i < d.patterns.size(); ++i)
      if (re2::RE2::PartialMatch(text, *d.patterns[i])) {
        ++matched;
        EXPECT_TRUE(possible[i]) << "pattern " << i << " in: " << text;
      }
  }
  EXPECT_GE(matched, 8u);  // the texts exercise most patterns
}

}  // namespace
}  // namespace tw::extract
