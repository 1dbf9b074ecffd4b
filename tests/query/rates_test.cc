// rates — the dated exchange-rate table: which row an amount takes, and bad lines refused.
#include "query/rates.h"

#include <gtest/gtest.h>

#include <fstream>

#include "test_support.h"

namespace tw::query {
namespace {

Rates table(const std::string& text, const twtest::TempDir& dir) {
  const auto path = dir.path() / "rates.tsv";
  std::ofstream(path) << text;
  return Rates::load(path);
}

TEST(Rates, AnAmountTakesTheRateInEffectWhenItWasReported) {
  twtest::TempDir dir;
  const Rates r = table(
      "# units per dollar\nKRW\t2024-01-01\t1300\nKRW\t2025-01-01\t1400\nEUR\t2024-01-01\t0.9\n",
      dir);
  auto at = [&](const std::string& date) { return r.to_usd(14e9, "KRW", date)->rate.from; };
  EXPECT_EQ(at("2025-07-23"), "2025-01-01");
  EXPECT_EQ(at("2024-12-31"), "2024-01-01");
  EXPECT_EQ(at("2025"), "2025-01-01") << "a year or a month compares as its first day";
  EXPECT_EQ(at("2019-05-01"), "2024-01-01") << "older than the table: its earliest rate";
  EXPECT_EQ(at(""), "2025-01-01") << "undated: the latest rate";
  EXPECT_DOUBLE_EQ(r.to_usd(14e9, "KRW", "2025-03-01")->usd, 1e7);
  EXPECT_DOUBLE_EQ(r.to_usd(9e6, "EUR", "2025-03-01")->usd, 1e7);
  EXPECT_DOUBLE_EQ(r.to_usd(5, "USD", "")->usd, 5);
  EXPECT_FALSE(r.to_usd(5, "CHF", "2025-01-01")) << "a currency the table lacks is not guessed";
}

TEST(Rates, ALineThatIsNotARateNamesTheFileAndLine) {
  twtest::TempDir dir;
  for (const char* bad : {"KRW 2024-01-01 1300\n", "KRW\t2024-13-01\t1300\n",
                          "KRW\t2024-01-01\t-3\n", "KRWX\t2024-01-01\t1\n"}) {
    try {
      table(std::string("# header\n") + bad, dir);
      ADD_FAILURE() << "accepted: " << bad;
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("rates.tsv:2:"), std::string::npos) << e.what();
    }
  }
}

TEST(Rates, TheProjectsTableCoversEveryCurrencyTheExtractorReads) {
  const auto& t = Rates::standard().table();
  for (const char* currency : {"KRW", "EUR", "GBP", "JPY", "CNY"})
    EXPECT_TRUE(t.count(currency)) << currency;
}

}  // namespace
}  // namespace tw::query
