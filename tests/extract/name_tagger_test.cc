// name_tagger — people and organisations proposed from how Korean news writes new names.
// Every sentence here was written for this test; the names are invented.
#include "extract/name_tagger.h"

#include <gtest/gtest.h>

#include "common/data_dir.h"

namespace tw::extract {
namespace {

class NameTaggerTest : public ::testing::Test {
 protected:
  NameTaggerTest()
      : particles_(read_word_list(data_dir() / "lang" / "ko" / "particles.txt")),
        tagger_(KoreanNameData::standard(), particles_) {}

  // Knows what the standard lexicon knows.
  const KnownName known_ = [](std::string_view n) { return Lexicon::standard().find(n); };

  static bool proposes(const std::vector<NameCandidate>& c, std::string_view name,
                       EntityKind kind) {
    for (const auto& x : c)
      if (x.name == name && x.kind == kind) return true;
    return false;
  }
  static bool proposes_any(const std::vector<NameCandidate>& c, std::string_view name) {
    for (const auto& x : c)
      if (x.name == name) return true;
    return false;
  }

  ParticleSet particles_;
  NameTagger tagger_;
};

TEST_F(NameTaggerTest, ListOfTransliteratedNamesSaidToBePeople) {
  const auto c = tagger_.korean_lists(
      "메타는 도리안 벨크, 하르샤 문디, 카이토 렌 등 연구원 3명을 영입했다.", known_);
  EXPECT_TRUE(proposes(c, "도리안 벨크", EntityKind::Person));
  EXPECT_TRUE(proposes(c, "하르샤 문디", EntityKind::Person));
  EXPECT_TRUE(proposes(c, "카이토 렌", EntityKind::Person));
}

TEST_F(NameTaggerTest, ListAfterARoleNounAndDescriptions) {
  const auto c = tagger_.korean_lists(
      "여기에는 전 수석 연구원 도리안 벨크, 전 인프라 팀원 하르샤 문디 등이 합류했다.", known_);
  EXPECT_TRUE(proposes(c, "도리안 벨크", EntityKind::Person));
  EXPECT_TRUE(proposes(c, "하르샤 문디", EntityKind::Person));
}

TEST_F(NameTaggerTest, ListOfThingsIsNoListOfPeople) {
  // No known person, no people noun, no head-count: ordinary nouns in a list.
  EXPECT_TRUE(
      tagger_.korean_lists("자동차, 가구, 의류, 식품과 화장품 등에 쓰이는 소재를 만든다.", known_)
          .empty());
  // A list of known organisations says nothing about the unknown words in it.
  EXPECT_FALSE(proposes_any(
      tagger_.korean_lists("오픈AI, 구글, 앤스로픽 등 경쟁사 출신 연구원을 영입했다.", known_),
      "경쟁사"));
}

TEST_F(NameTaggerTest, KoreanNameBeforeItsTitle) {
  auto c = tagger_.korean_titled("최민서 AI 연구소장과 한도윤 상무는 지난해 영입됐다.", known_);
  EXPECT_TRUE(proposes(c, "최민서", EntityKind::Person));
  EXPECT_TRUE(proposes(c, "한도윤", EntityKind::Person));
  // "전" and a known organisation may stand between the name and its title.
  c = tagger_.korean_titled("윤재하 전 SK텔레콤 최고기술책임자(CTO)가 합류했다.", known_);
  EXPECT_TRUE(proposes(c, "윤재하", EntityKind::Person));
  // A compound title: "디지털사업본부장을".
  EXPECT_TRUE(
      proposes(tagger_.korean_titled("오하람 전 이마트 디지털사업본부장을 영입했다.", known_),
               "오하람", EntityKind::Person));
}

TEST_F(NameTaggerTest, WordsThatOpenWithAFamilyNameAreNotNames) {
  EXPECT_TRUE(tagger_.korean_titled("이사회 의장이 발표했다.", known_).empty());
  EXPECT_TRUE(tagger_.korean_titled("초지능 연구실 AI 연구원 채용을 늘렸다.", known_).empty());
  EXPECT_TRUE(
      tagger_.korean_titled("연구소를 이끌 인물로 깃허브 CEO 출신을 데려왔다.", known_).empty());
}

TEST_F(NameTaggerTest, TransliteratedNameBeforeItsTitle) {
  auto c = tagger_.korean_titled("2017년에는 도리안 벨크 공동창업자가 리프트로 옮겼다.", known_);
  EXPECT_TRUE(proposes(c, "도리안 벨크", EntityKind::Person));
  c = tagger_.korean_titled("면접 없이 채용 절차가 진행됐다.", known_);
  EXPECT_FALSE(proposes_any(c, "면접 없이"));
}

TEST_F(NameTaggerTest, CompaniesByEndingOrTypeNoun) {
  auto c = tagger_.korean_orgs(
      "이번 투자에는 가람인베스트먼트와 누리파트너스로부터 자금이 들어왔다.", known_);
  EXPECT_TRUE(proposes(c, "가람인베스트먼트", EntityKind::Org));
  EXPECT_TRUE(proposes(c, "누리파트너스", EntityKind::Org));
  c = tagger_.korean_orgs("AI 스타트업 ‘하늘비전'은 300억원을 유치했다.", known_);
  EXPECT_TRUE(proposes(c, "하늘비전", EntityKind::Org));
}

TEST_F(NameTaggerTest, NameAfterARoleOrARoleWithACopula) {
  EXPECT_TRUE(
      proposes(tagger_.korean_titled("오픈AI는 메타에서 일하던 연구원 한도윤을 영입했다.", known_),
               "한도윤", EntityKind::Person));
  EXPECT_TRUE(
      proposes(tagger_.korean_titled("공동창업자 중 한 명인 하르샤 문디가 회사를 떠났다.", known_),
               "하르샤 문디", EntityKind::Person));
  EXPECT_TRUE(
      proposes(tagger_.korean_titled("AI 연구 책임자였던 도리안 벨크가 메타로 옮겼다.", known_),
               "도리안 벨크", EntityKind::Person));
  // A title with its own particle, and nouns in -인, introduce nobody.
  EXPECT_FALSE(
      proposes_any(tagger_.korean_titled("임시 CEO를 맡아 회사를 추슬렀다.", known_), "맡아 회사"));
  EXPECT_FALSE(proposes_any(
      tagger_.korean_titled("대규모 채용 캠페인 기간에 이메일 수백 통을 보냈다.", known_),
      "기간에 이메일"));
}

TEST_F(NameTaggerTest, ClauseOpeningTransliterationWithSubjectParticle) {
  const auto c = tagger_.korean_subjects(
      "크리스토퍼 발렌티노가 지난달 퇴사했고, 에드가르 로시니는 회사를 떠났다.", known_);
  EXPECT_TRUE(proposes(c, "크리스토퍼 발렌티노", EntityKind::Person));
  EXPECT_TRUE(proposes(c, "에드가르 로시니", EntityKind::Person));
  // Ordinary words in the same place are not names.
  const auto w = tagger_.korean_subjects("인공지능 사업부가 지난달 출범했다.", known_);
  EXPECT_FALSE(proposes_any(w, "인공지능 사업부"));
}

TEST_F(NameTaggerTest, ModelVetsTransliterationsButNotKoreanNames) {
  EXPECT_TRUE(tagger_.reads_as_name("크리스토퍼 발렌티노"));
  EXPECT_FALSE(tagger_.reads_as_name("사업총괄이 임시"));
  EXPECT_TRUE(
      tagger_.reads_as_name("한도윤"));  // a Korean name: ordinary syllables, family name first
  const NameTagger rules_only(KoreanNameData::standard(), particles_, nullptr);
  EXPECT_TRUE(rules_only.reads_as_name("사업총괄이 임시"));  // without a model, the context decides
}

}  // namespace
}  // namespace tw::extract
