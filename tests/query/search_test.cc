// search — one search across scripts: spellings expanded, whole words, bounded snippets.
#include "query/search.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace tw::query {
namespace {

using nlohmann::json;

TEST(WordMatches, LatinSpellingsStandAsWordsHangulOnesMayTakeAParticle) {
  const std::vector<std::string> meta{"Meta", "메타"};
  EXPECT_EQ(word_matches("The Metaverse team left Meta.", meta).size(), 1u);
  EXPECT_EQ(word_matches("메타가 영입했다. 메타버스는 아니다. 페이스메타", meta).size(), 2u)
      << "메타가 and 메타버스 start with the word; 페이스메타 continues another";
  EXPECT_EQ(word_matches("meta, META and Meta", {"Meta"}).size(), 3u) << "case aside";
  const auto longer = word_matches("Meta Platforms said", {"Meta", "Meta Platforms"});
  ASSERT_EQ(longer.size(), 1u);
  EXPECT_EQ(longer[0].end - longer[0].begin, std::string("Meta Platforms").size())
      << "the longer spelling is marked";
}

TEST(Snippet, AWindowAroundTheFirstWordCutAtSpacesWithEveryMatchMarked) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "Filler words come first here. ";
  text += "Then Meta hired a researcher, and Meta said more. ";
  for (int i = 0; i < 40; ++i) text += "Other words follow after that. ";
  const Snippet cut = snippet(text, {"Meta"});
  std::string s;  // matches shown [like this] for the test
  for (const auto& p : cut.parts) s += p.match ? "[" + p.text + "]" : p.text;
  EXPECT_NE(s.find("[Meta] hired"), std::string::npos) << s;
  EXPECT_NE(s.find("and [Meta] said"), std::string::npos) << s;
  EXPECT_TRUE(s.starts_with("…") && s.ends_with("…")) << s;
  EXPECT_LT(s.size(), 220u) << s;
  std::string plain = s.substr(std::string("…").size(), s.size() - 2 * std::string("…").size());
  std::erase(plain, '[');
  std::erase(plain, ']');
  const size_t at = text.find(plain);
  ASSERT_NE(at, std::string::npos) << s;
  EXPECT_EQ(text[at - 1], ' ') << "cut at the start of a word: " << s;
  EXPECT_EQ(text[at + plain.size()], ' ') << "cut at the end of a word: " << s;
}

TEST(Snippet, BracketsInTheArticleAreNotMatches) {
  const Snippet cut = snippet("[Global report] Meta hired a researcher.", {"Meta"});
  size_t matches = 0;
  for (const auto& p : cut.parts) matches += p.match;
  EXPECT_EQ(matches, 1u);
  EXPECT_EQ(cut.plain(), "[Global report] Meta hired a researcher.");
}

TEST(Snippet, CostsTheSameOnAHugeArticle) {
  std::string text;
  text.reserve(1 << 20);
  while (text.size() < (1u << 20)) text += "word ";
  EXPECT_LT(snippet(text, {"word"}).plain().size(), 400u);
  EXPECT_EQ(word_matches(text, {"word"}, 5).size(), 5u) << "asked for five, found five";
}

class SearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<store::Store>((dir_.path() / "s.db").string(),
                                         &knowledge::Lexicon::standard());
    add("ko.txt", "메타가 오픈AI 연구원 세 명을 영입했다.", "2025-07-01");
    add("en.txt", "Meta hired three researchers from OpenAI.", "2025-07-02");
    add("verse.txt", "The Metaverse unit shipped a headset.", "2025-07-03");
  }
  void add(const std::string& name, const std::string& text, const std::string& date) {
    text::Document d;
    d.doc = name;
    d.lang = resolve_lang(text);
    d.text = text;
    d.date = date;
    db_->add_article(d, "in/" + name, {});
  }
  static std::string resolve_lang(const std::string& text) {
    return text.find("메타") != std::string::npos ? "ko" : "en";
  }
  std::vector<std::string> docs(const json& answer) {
    std::vector<std::string> out;
    for (const auto& i : answer["items"]) out.push_back(i["doc"]);
    return out;
  }
  twtest::TempDir dir_;
  std::unique_ptr<store::Store> db_;
};

TEST_F(SearchTest, AnEntityIsFoundInEveryScript) {
  const auto& lex = knowledge::Lexicon::standard();
  const json meta = search(*db_, lex, "Meta", 10);
  EXPECT_EQ(meta["entity"]["name"], "Meta");
  EXPECT_EQ(docs(meta), (std::vector<std::string>{"en.txt", "ko.txt"}))
      << meta.dump() << ": not the Metaverse";
  EXPECT_EQ(docs(search(*db_, lex, "메타", 10)), (std::vector<std::string>{"en.txt", "ko.txt"}));
  const json ko = search(*db_, lex, "메타", 10);
  const auto& parts = ko["items"][1]["snippet_parts"];
  ASSERT_GE(parts.size(), 2u) << ko.dump();
  EXPECT_EQ(parts[0], (json{{"text", "메타"}, {"match", true}})) << ko.dump();
  EXPECT_TRUE(parts[1]["text"].get<std::string>().starts_with("가")) << ko.dump();
}

TEST_F(SearchTest, NoHitSuggestsNearNames) {
  const json none = search(*db_, knowledge::Lexicon::standard(), "Metaa Platfroms", 10);
  EXPECT_TRUE(none["items"].empty());
  EXPECT_TRUE(none.contains("suggestions"));
  EXPECT_TRUE(search(*db_, knowledge::Lexicon::standard(), "headset", 10).contains("items"));
  EXPECT_EQ(docs(search(*db_, knowledge::Lexicon::standard(), "headset", 10)),
            (std::vector<std::string>{"verse.txt"}));
}

}  // namespace
}  // namespace tw::query
