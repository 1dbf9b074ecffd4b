// reports — when two reports are one fact, within an article and across articles.
#include "model/reports.h"

#include <gtest/gtest.h>

#include <vector>

namespace tw::model {
namespace {

// A report of `type` naming `slots`, with at most one amount.
struct Made {
  Slots slots;
  std::vector<Amount> amounts;
  Report report;
  Made(std::string_view type_name, Slots s, std::vector<Amount> a = {})
      : slots(std::move(s)), amounts(std::move(a)) {
    report.type = *event_type(type_name);
    report.slots = &slots;
    report.amounts = amounts;
  }
  Made(const Made&) = delete;
};

Amount usd(double v, std::string qualifier = "") { return {v, "USD", std::move(qualifier)}; }

TEST(KeySlots, FollowTheSpec) {
  auto keys = [](std::string_view type) {
    const auto k = key_field_names(type);
    return std::vector<std::string>(k.begin(), k.end());
  };
  EXPECT_EQ(keys("move"), (std::vector<std::string>{"to", "from", "person", "count"}));
  EXPECT_EQ(keys("offer"), (std::vector<std::string>{"by", "person", "target_org", "amount"}));
  EXPECT_EQ(keys("investment"), (std::vector<std::string>{"investor", "investee", "amount"}));
  EXPECT_EQ(keys("acquisition"), (std::vector<std::string>{"acquirer", "target"}));
  EXPECT_EQ(keys("layoff"), (std::vector<std::string>{"org", "count"}));
  EXPECT_EQ(keys("comp_stat"), (std::vector<std::string>{"org", "amount"}));
  EXPECT_EQ(keys("counteroffer"), (std::vector<std::string>{"org"}));
  EXPECT_TRUE(key_field_names("weather").empty());
  // The typed list is the same list: the amount last, flagged apart from the slots.
  const KeyFields offer = key_fields(EventType::Offer);
  EXPECT_TRUE(offer.amount);
  EXPECT_EQ(std::vector<Slot>(offer.slots.begin(), offer.slots.end()),
            (std::vector<Slot>{Slot::by, Slot::person, Slot::target_org}));
  EXPECT_FALSE(key_fields(EventType::Acquisition).amount);
}

TEST(AmountsAgree, WithinOnePercentEverywhereABoundOnlyAcrossArticles) {
  for (const Scope s : {Scope::Article, Scope::Corpus}) {
    EXPECT_TRUE(amounts_agree(usd(4e9), usd(4.02e9), s));
    EXPECT_FALSE(amounts_agree(usd(4e9), usd(4.1e9), s));
    EXPECT_FALSE(amounts_agree(usd(4e9), {4e9, "KRW", ""}, s)) << "another currency";
  }
  EXPECT_TRUE(amounts_agree(usd(14e9, "at_least"), usd(14.3e9), Scope::Corpus));
  EXPECT_FALSE(amounts_agree(usd(14e9, "at_least"), usd(14.3e9), Scope::Article));
  EXPECT_FALSE(amounts_agree(usd(14e9, "at_least"), usd(20e9), Scope::Corpus)) << "too far above";
  EXPECT_TRUE(amounts_agree(usd(100e6), usd(80e6, "up_to"), Scope::Corpus) == false)
      << "up to 80 M does not admit 100 M";
  EXPECT_TRUE(amounts_agree(usd(70e6), usd(80e6, "up_to"), Scope::Corpus));
  EXPECT_TRUE(amounts_agree(usd(1.05e9), usd(1e9, "about"), Scope::Corpus));
}

TEST(SameFact, KeySlotsMayBeMissingOnOneSideButNeverDisagree) {
  for (const Scope s : {Scope::Article, Scope::Corpus}) {
    Made a("investment", {{Slot::investor, "Amazon"}, {Slot::investee, "Anthropic"}}, {usd(4e9)});
    Made b("investment", {{Slot::investee, "Anthropic"}}, {usd(4.01e9)});
    Made c("investment", {{Slot::investor, "Google"}, {Slot::investee, "Anthropic"}}, {usd(4e9)});
    EXPECT_TRUE(same_fact(a.report, b.report, s));
    EXPECT_FALSE(same_fact(a.report, c.report, s)) << "two investors";
    Made hire("move", {{Slot::investee, "Anthropic"}});
    EXPECT_FALSE(same_fact(b.report, hire.report, s)) << "another type";
  }
}

TEST(SameFact, EveryAmountOfAFactMustAgreeWithTheReport) {
  Made fact("investment", {{Slot::investee, "Anthropic"}}, {usd(14e9, "at_least"), usd(14.3e9)});
  Made close("investment", {{Slot::investee, "Anthropic"}}, {usd(14.2e9)});
  Made far("investment", {{Slot::investee, "Anthropic"}}, {usd(17e9)});
  EXPECT_TRUE(same_fact(fact.report, close.report, Scope::Corpus));
  EXPECT_FALSE(same_fact(fact.report, far.report, Scope::Corpus))
      << "at least 14 B admits 17 B, 14.3 B does not";
}

TEST(SameFact, ARunningTotalIsNeverATranche) {
  Made tranche("investment", {{Slot::investee, "Anthropic"}}, {usd(4e9)});
  Made total("investment", {{Slot::investee, "Anthropic"}}, {usd(4e9)});
  total.report.cumulative = true;
  for (const Scope s : {Scope::Article, Scope::Corpus})
    EXPECT_FALSE(same_fact(tranche.report, total.report, s));
  Made restated("investment", {{Slot::investee, "Anthropic"}});
  restated.report.cumulative = true;
  EXPECT_TRUE(same_fact(tranche.report, restated.report, Scope::Article))
      << "within an article a sentence without the figure may restate it";
  EXPECT_FALSE(same_fact(tranche.report, restated.report, Scope::Corpus));
}

TEST(SameFact, WhatOnlyTheExtractorKnowsCountsWithinAnArticle) {
  Made named("counteroffer", {{Slot::org, "OpenAI"}, {Slot::person, "Jane Doerr"}});
  Made anyone("counteroffer", {{Slot::org, "OpenAI"}});
  EXPECT_FALSE(same_fact(named.report, anyone.report, Scope::Article));
  EXPECT_TRUE(same_fact(named.report, anyone.report, Scope::Corpus));
  Made whole("move", {{Slot::to, "Meta"}});
  Made share("move", {{Slot::to, "Meta"}});
  whole.report.group = share.report.group = true;
  share.report.one_of_origins = true;
  EXPECT_FALSE(same_fact(whole.report, share.report, Scope::Article));
  Made round("investment", {{Slot::investee, "Anthropic"}}, {usd(2e9)});
  Made backer("investment", {{Slot::investor, "Google"}, {Slot::investee, "Anthropic"}});
  backer.report.names_backers = true;
  EXPECT_FALSE(same_fact(round.report, backer.report, Scope::Article))
      << "a round without its backers is not one backer's stake";
}

TEST(SameFact, GroupsAcrossArticlesNameTheSameEnds) {
  Made into("move", {{Slot::to, "OpenAI"}});
  Made from_apple("move", {{Slot::from, "Apple"}, {Slot::to, "OpenAI"}});
  into.report.group = from_apple.report.group = true;
  into.report.count = 4;
  EXPECT_FALSE(same_fact(into.report, from_apple.report, Scope::Corpus));
  Made also_into("move", {{Slot::to, "OpenAI"}});
  also_into.report.group = true;
  EXPECT_TRUE(same_fact(into.report, also_into.report, Scope::Corpus));
}

}  // namespace
}  // namespace tw::model
