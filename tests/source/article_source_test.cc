// article_source — inputs to raw articles; a broken input is reported and the walk goes on.
#include "source/article_source.h"

#include <gtest/gtest.h>

#include <map>

#include "test_support.h"

namespace tw::source {
namespace {

struct Collected {
  std::vector<RawArticle> articles;
  std::vector<Failure> errors;
  std::vector<std::string> order;  // doc or error origin, in callback order

  const RawArticle* article(std::string_view doc) const {
    for (const auto& a : articles)
      if (a.doc == doc) return &a;
    return nullptr;
  }
  const Failure* error_ending(std::string_view suffix) const {
    for (const auto& e : errors)
      if (e.where.ends_with(suffix)) return &e;
    return nullptr;
  }
};

Collected read(const std::vector<std::string>& inputs, const ReadOptions& options = {}) {
  Collected c;
  read_inputs(
      inputs,
      [&](Item&& item) {
        if (item) {
          c.order.push_back(item->doc);
          c.articles.push_back(std::move(*item));
        } else {
          c.order.push_back(item.failure().where);
          c.errors.push_back(item.failure());
        }
      },
      options);
  return c;
}

constexpr const char* kGood = "Meta hired a researcher from OpenAI.\n";

TEST(ReadInputs, PlainFile) {
  twtest::TempDir dir;
  const auto p = dir.write("story.txt", kGood);
  const auto c = read({p.string()});
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_TRUE(c.errors.empty());
  EXPECT_EQ(c.articles[0].doc, "story.txt");
  EXPECT_EQ(c.articles[0].origin, p.string());
  EXPECT_EQ(c.articles[0].bytes, kGood);
  EXPECT_FALSE(c.articles[0].html);
}

TEST(ReadInputs, HtmlByExtensionOrBySniffing) {
  twtest::TempDir dir;
  dir.write("a.html", "plain words in an html file");
  dir.write("b.txt", "<!DOCTYPE html><html><body><p>x</p></body></html>");
  dir.write("c.md", "# Heading\n\nSome *markdown* text.\n");
  const auto c = read({dir.path().string()});
  ASSERT_EQ(c.articles.size(), 3u);
  EXPECT_TRUE(c.article("a.html")->html);
  EXPECT_TRUE(c.article("b.txt")->html);
  EXPECT_FALSE(c.article("c.md")->html);
}

TEST(ReadInputs, DirectoryIsWalkedRecursivelyInSortedOrderSkippingOtherExtensions) {
  twtest::TempDir dir;
  dir.write("b.txt", kGood);
  dir.write("a/z.md", kGood);
  dir.write("a/y.htm", "<p>x</p>");
  dir.write("notes.pdf", "%PDF-1.4");
  dir.write("image.png", "\x89PNG");
  const auto c = read({dir.path().string()});
  EXPECT_TRUE(c.errors.empty());
  EXPECT_EQ(c.order, (std::vector<std::string>{"y.htm", "z.md", "b.txt"}));
}

TEST(ReadInputs, JsonLinesDump) {
  twtest::TempDir dir;
  const auto p = dir.write(
      "dump.jsonl",
      "{\"id\":\"a1\",\"text\":\"Meta hired someone.\",\"url\":\"https://example.com/a1\","
      "\"title\":\"T\",\"date\":\"2025-07-01\"}\n"
      "\n"
      "{\"html\":\"<p>Amazon invested.</p>\"}\n");
  const auto c = read({p.string()});
  EXPECT_TRUE(c.errors.empty());
  ASSERT_EQ(c.articles.size(), 2u);
  EXPECT_EQ(c.articles[0].doc, "a1");
  EXPECT_EQ(c.articles[0].origin, p.string() + ":1");
  EXPECT_EQ(c.articles[0].url, "https://example.com/a1");
  EXPECT_EQ(c.articles[0].date, "2025-07-01");
  EXPECT_FALSE(c.articles[0].html);
  EXPECT_EQ(c.articles[1].doc, "dump.jsonl#3");
  EXPECT_TRUE(c.articles[1].html);
}

TEST(ReadInputs, MissingPathIsReported) {
  const auto c = read({"/nonexistent/talentwar/input.txt"});
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].where, "/nonexistent/talentwar/input.txt");
  EXPECT_FALSE(c.errors[0].reason.empty());
}

TEST(ReadInputs, LimitIsConfigurable) {
  twtest::TempDir dir;
  const auto p = dir.write("story.txt", kGood);
  ReadOptions small;
  small.max_article_bytes = 10;
  const auto c = read({p.string()}, small);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].reason.find("too large"), std::string::npos) << c.errors[0].reason;
}

// A directory of broken inputs around one good article: each broken one is reported
// by name with a reason, and the good one (and the JSONL's good line) still come through.
TEST(ReadInputs, BadInputsAreReportedAndTheBatchGoesOn) {
  twtest::TempDir dir;
  dir.write("good.txt", kGood);
  dir.write("empty.txt", "");
  dir.write("binary.txt", std::string("PK\x03\x04\0\0\x14\0binary", 14));
  dir.write("invalid.txt", "Meta \xC0\xAF hired.\n");
  dir.write("huge.txt", std::string(50u << 20, 'a'));
  twtest::make_unreadable(dir, "x.txt");
  dir.write("lines.jsonl",
            "this line is not JSON\n{\"id\":\"ok1\",\"text\":\"Amazon invested in "
            "Anthropic.\"}\n[1,2]\n");

  const auto c = read({dir.path().string()});

  std::map<std::string, std::string> reasons;  // origin suffix → reason
  for (const char* name :
       {"empty.txt", "binary.txt", "huge.txt", "x.txt", "lines.jsonl:1", "lines.jsonl:3"}) {
    const Failure* e = c.error_ending(name);
    ASSERT_NE(e, nullptr) << name << " was not reported";
    EXPECT_FALSE(e->reason.empty()) << name;
    EXPECT_EQ(e->reason.find('\n'), std::string::npos) << "one line: " << e->reason;
    reasons[name] = e->reason;
  }
  EXPECT_EQ(c.errors.size(), 6u);
  EXPECT_NE(reasons["empty.txt"].find("empty"), std::string::npos) << reasons["empty.txt"];
  EXPECT_NE(reasons["binary.txt"].find("binary"), std::string::npos) << reasons["binary.txt"];
  EXPECT_NE(reasons["huge.txt"].find("too large"), std::string::npos) << reasons["huge.txt"];
  EXPECT_NE(reasons["lines.jsonl:1"].find("JSON"), std::string::npos) << reasons["lines.jsonl:1"];

  // Read on: the good file, the good JSONL line, and the invalid UTF-8 file (the text stage refuses
  // it).
  ASSERT_NE(c.article("good.txt"), nullptr);
  EXPECT_EQ(c.article("good.txt")->bytes, kGood);
  EXPECT_NE(c.article("ok1"), nullptr);
  EXPECT_NE(c.article("invalid.txt"), nullptr);
  EXPECT_EQ(c.articles.size(), 3u);
}

}  // namespace
}  // namespace tw::source
