// data_dir — where data files are read from ($TALENTWAR_DATA, else the source tree's
// data/), and the two readers every data file goes through.
#include "common/data_dir.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "test_support.h"

namespace {

TEST(DataDir, TheSourceTreesDataUnlessTheEnvironmentNamesAnother) {
  const char* before = std::getenv("TALENTWAR_DATA");
  const std::string saved = before ? before : "";
  ::unsetenv("TALENTWAR_DATA");
  EXPECT_TRUE(std::filesystem::exists(tw::data_dir() / "lexicon")) << tw::data_dir();
  ::setenv("TALENTWAR_DATA", "/somewhere/else", 1);
  EXPECT_EQ(tw::data_dir(), "/somewhere/else");
  ::setenv("TALENTWAR_DATA", "", 1);
  EXPECT_NE(tw::data_dir(), "") << "an empty value is no folder";
  if (before)
    ::setenv("TALENTWAR_DATA", saved.c_str(), 1);
  else
    ::unsetenv("TALENTWAR_DATA");
}

TEST(DataDir, WordListsSkipCommentsAndBlankLinesAndTrim) {
  twtest::TempDir dir;
  const auto path = dir.write(
      "words.txt", "# a comment\n\n  회사  \r\nsecond word\t\n   # indented comment\nlast");
  EXPECT_EQ(tw::read_word_list(path), (std::vector<std::string>{"회사", "second word", "last"}));
}

TEST(DataDir, AMissingFileIsAnErrorNamingIt) {
  try {
    tw::read_file("/no/such/talentwar/file.txt");
    FAIL() << "read a file that does not exist";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/no/such/talentwar/file.txt"), std::string::npos)
        << e.what();
  }
  twtest::TempDir dir;
  const std::string bytes("a\0b\xFF", 4);
  EXPECT_EQ(tw::read_file(dir.write("bin", bytes)), bytes) << "read byte for byte";
}

}  // namespace
