// arguments — the checks the command line and the API share.
#include "query/arguments.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace tw::query {
namespace {

using model::Slot;

TEST(WindowBound, RealYearsMonthsAndDaysOnly) {
  EXPECT_EQ(window_bound("", "since"), "");
  EXPECT_EQ(window_bound("2025", "since"), "2025");
  EXPECT_EQ(window_bound("2025-07", "since"), "2025-07");
  EXPECT_EQ(window_bound("2024-02-29", "since"), "2024-02-29") << "a leap day";
  for (const char* bad : {"2025-13", "2025-00", "2025-02-30", "2023-02-29", "9999-99-99",
                          "last month", "25", "2025/07"})
    EXPECT_THROW(window_bound(bad, "since"), BadArgument) << bad;
  try {
    window_bound("2025-13", "--until");
  } catch (const BadArgument& e) {
    EXPECT_NE(std::string(e.what()).find("--until"), std::string::npos)
        << "the message names the argument";
  }
}

class KnownNames : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<store::Store>((dir_.path() / "k.db").string(),
                                         &knowledge::Lexicon::standard());
    text::Document d;
    d.doc = "a.txt";
    d.lang = "en";
    d.text = "Meta hired Jane Doerr from Quillfeather Labs.";
    extract::Event e;
    e.type = tw::model::EventType::Move;
    e.slots = {{Slot::person, "Jane Doerr"}, {Slot::from, "Quillfeather Labs"}, {Slot::to, "Meta"}};
    e.evidence = d.text;
    db_->add_article(d, "in/a.txt", {e});
  }
  twtest::TempDir dir_;
  std::unique_ptr<store::Store> db_;
};

TEST_F(KnownNames, AnOrganisationInAnySpellingOrStoredByEvents) {
  const auto& lex = knowledge::Lexicon::standard();
  EXPECT_EQ(known_organisation(*db_, lex, ""), "");
  EXPECT_EQ(known_organisation(*db_, lex, "메타"), "Meta");
  EXPECT_EQ(known_organisation(*db_, lex, "Quillfeather Labs"), "Quillfeather Labs")
      << "known from a stored event";
  EXPECT_THROW(known_organisation(*db_, lex, "Nowhere Labs"), BadArgument);
  EXPECT_THROW(known_organisation(*db_, lex, "Jane Doerr"), BadArgument)
      << "a person is not an organisation";
}

TEST_F(KnownNames, NearNamesContainTheQueryOrSoundLikeIt) {
  const auto& lex = knowledge::Lexicon::standard();
  const auto doerr = near_names(*db_, lex, "doerr");
  EXPECT_NE(std::find(doerr.begin(), doerr.end(), "Jane Doerr"), doerr.end());
  const auto zhao = near_names(*db_, lex, "셩자오");  // a given name in Hangul
  EXPECT_NE(std::find(zhao.begin(), zhao.end(), "Shengjia Zhao"), zhao.end());
  EXPECT_LE(near_names(*db_, lex, "a", 3).size(), 3u);
}

}  // namespace
}  // namespace tw::query
