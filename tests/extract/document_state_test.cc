// document_state — discourse across sentences: topic, anaphora, carried-over slots
// (sentences written for these tests; the names are invented or public figures).
#include <gtest/gtest.h>

#include "extract/extractor.h"
#include "extract/frame_test_support.h"

namespace tw::extract {
namespace {

using namespace frametest;  // events_of, money, NamesUnit, HasEvent, HasExactly

TEST(ExtractDocument, RepeatedFactIsOneEvent) {
  EXPECT_TRUE(HasExactly(
      events_of("Amazon invested $4 billion in Anthropic.\n"
                "Anthropic said the $4 billion investment from Amazon closed on Friday.\n"),
      {{{"type", "investment"},
        {"investor", "Amazon"},
        {"investee", "Anthropic"},
        {"amount", money(4e9)}}}));
}

TEST(ExtractDocument, EvidenceIsTheTrimmedSourceSentence) {
  const auto events =
      events_of("Apple unveiled a new chip.   Amazon invested $4 billion in Anthropic.  \n");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].evidence, "Amazon invested $4 billion in Anthropic.");
  EXPECT_EQ(events[0].sentence, 1u);
}

}  // namespace
}  // namespace tw::extract
