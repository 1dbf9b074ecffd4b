// money — amounts and head-counts in Korean and English news forms.
#include "extract/money.h"

#include <gtest/gtest.h>

#include <string>

#include "test_support.h"

namespace tw::extract {
namespace {

// The only amount in `sentence` (fails the test when there is not exactly one).
Money only_money(std::string_view sentence) {
  const auto found = find_money(sentence);
  EXPECT_EQ(found.size(), 1u) << "in: " << sentence;
  return found.empty() ? Money{} : found.front();
}

struct MoneyCase {
  const char* text;
  double value;
  const char* currency;
  const char* qualifier;
};

void PrintTo(const MoneyCase& c, std::ostream* os) { *os << c.text; }

class MoneyForms : public ::testing::TestWithParam<MoneyCase> {};

TEST_P(MoneyForms, ParsesValueCurrencyAndQualifier) {
  const MoneyCase& c = GetParam();
  const Money m = only_money(c.text);
  EXPECT_DOUBLE_EQ(m.value, c.value) << c.text;
  EXPECT_EQ(m.currency, c.currency) << c.text;
  EXPECT_EQ(m.qualifier, c.qualifier) << c.text;
  EXPECT_FALSE(m.conversion) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Korean, MoneyForms,
    ::testing::Values(MoneyCase{"그는 1억 달러를 받았다.", 1e8, "USD", ""},
                      MoneyCase{"투자액은 143억 달러다.", 1.43e10, "USD", ""},
                      MoneyCase{"인수가는 27억5000만달러였다.", 2.75e9, "USD", ""},
                      MoneyCase{"계약 규모는 12억 5000만 달러다.", 1.25e9, "USD", ""},
                      MoneyCase{"연봉 40만달러를 제시했다.", 4e5, "USD", ""},
                      MoneyCase{"보수는 92만5000달러로 알려졌다.", 9.25e5, "USD", ""},
                      MoneyCase{"약 3조7000억원 규모다.", 3.7e12, "KRW", "about"},
                      MoneyCase{"1300억 원을 투자했다.", 1.3e11, "KRW", ""},
                      MoneyCase{"1,300억 원을 투자했다.", 1.3e11, "KRW", ""},
                      MoneyCase{"최대 20억달러를 투자한다.", 2e9, "USD", "up_to"},
                      MoneyCase{"2억 달러가 넘는 보상", 2e8, "USD", "at_least"},
                      MoneyCase{"140억 달러 이상을 쏟아부었다.", 1.4e10, "USD", "at_least"},
                      MoneyCase{"1억 달러에 달하는 보너스", 1e8, "USD", "up_to"},
                      MoneyCase{"27.5억달러에 인수했다.", 2.75e9, "USD", ""}));

INSTANTIATE_TEST_SUITE_P(
    English, MoneyForms,
    ::testing::Values(MoneyCase{"a bonus of $100 million", 1e8, "USD", ""},
                      MoneyCase{"a $14.3 billion investment", 1.43e10, "USD", ""},
                      MoneyCase{"valued at $2.75B", 2.75e9, "USD", ""},
                      MoneyCase{"a $650M round", 6.5e8, "USD", ""},
                      MoneyCase{"a deal worth US$1.25bn", 1.25e9, "USD", ""},
                      MoneyCase{"it raised 2 billion euros", 2e9, "EUR", ""},
                      MoneyCase{"packages of up to $2 billion", 2e9, "USD", "up_to"},
                      MoneyCase{"it has spent more than $14 billion", 1.4e10, "USD", "at_least"},
                      MoneyCase{"at least $300 million a year", 3e8, "USD", "at_least"},
                      MoneyCase{"about $1 billion in cash", 1e9, "USD", "about"}));

TEST(Money, VagueKoreanAmountsAreNotAmounts) {
  EXPECT_TRUE(find_money("빅테크는 수백만 달러의 연봉을 준다.").empty());
  EXPECT_TRUE(find_money("수십억 달러가 오간다.").empty());
}

TEST(Money, ParenthesisedKrwRestatementIsAConversion) {
  const auto found = find_money("인수 금액은 27억5000만달러(약 3조7000억원)이다.");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_DOUBLE_EQ(found[0].value, 2.75e9);
  EXPECT_EQ(found[0].currency, "USD");
  EXPECT_FALSE(found[0].conversion);
  EXPECT_DOUBLE_EQ(found[1].value, 3.7e12);
  EXPECT_EQ(found[1].currency, "KRW");
  EXPECT_EQ(found[1].qualifier, "about");
  EXPECT_TRUE(found[1].conversion);
}

TEST(Money, TwoSeparateAmountsAreNotConversions) {
  const auto found = find_money("메타는 1억 달러를, 구글은 그보다 많은 2억 달러를 제시했다.");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_FALSE(found[1].conversion);
}

TEST(Money, SpanCoversQualifierAndUnit) {
  const std::string s = "최대 20억달러를";
  const Money m = only_money(s);
  EXPECT_EQ(s.substr(m.begin, m.end - m.begin), "최대 20억달러");
}

TEST(Money, KoreanWordsThatStartWithACurrencySyllableAreNotMoney) {
  EXPECT_TRUE(find_money("연구원 3명과 엔지니어 2명이 합류했다.").empty());
}

TEST(ParseKoreanNumber, GroupsAndPlainNumbers) {
  struct Case {
    std::string text;
    double value;
    size_t end;
  };
  const Case cases[] = {
      {"27억5000만", 2.75e9, std::string("27억5000만").size()},
      {"12억 5000만 달러", 1.25e9, std::string("12억 5000만").size()},
      {"3조7000억원", 3.7e12, std::string("3조7000억").size()},
      {"1만2000명", 12000, std::string("1만2000").size()},
      {"1,300억", 1.3e11, std::string("1,300억").size()},
      {"92만5000달러", 925000, std::string("92만5000").size()},
      {"2025년", 2025, 4},
      {"4.5억", 4.5e8, std::string("4.5억").size()},
      // 천 and 백 are parts of a 만/억 group, not numbers of their own.
      {"2억 3천417만 원", 2.3417e8, std::string("2억 3천417만").size()},
      {"2천700억원", 2.7e11, std::string("2천700억").size()},
      {"5백만 달러", 5e6, std::string("5백만").size()},
      {"3천명", 3000, std::string("3천").size()},
  };
  for (const auto& c : cases) {
    size_t end = 0;
    const auto v = parse_korean_number(c.text, 0, end);
    ASSERT_TRUE(v.has_value()) << c.text;
    EXPECT_DOUBLE_EQ(*v, c.value) << c.text;
    EXPECT_EQ(end, c.end) << c.text;
  }
}

TEST(ParseKoreanNumber, StartsAtTheGivenPosition) {
  const std::string s = "총 40억 달러";
  size_t end = 0;
  const size_t pos = s.find('4');
  const auto v = parse_korean_number(s, pos, end);
  ASSERT_TRUE(v.has_value());
  EXPECT_DOUBLE_EQ(*v, 4e9);
  EXPECT_EQ(s.substr(pos, end - pos), "40억");
}

TEST(ParseKoreanNumber, NoNumberAtPosition) {
  size_t end = 0;
  EXPECT_FALSE(parse_korean_number("억 달러", 0, end).has_value());
  EXPECT_FALSE(parse_korean_number("메타", 0, end).has_value());
  EXPECT_FALSE(parse_korean_number("", 0, end).has_value());
}

// ---- head-counts --------------------------------------------------------------------

const std::vector<std::string> kCountNouns{"researchers", "jobs"};

Count only_count(std::string_view sentence) {
  const auto found = find_counts(sentence, kCountNouns);
  EXPECT_EQ(found.size(), 1u) << "in: " << sentence;
  return found.empty() ? Count{} : found.front();
}

TEST(Counts, KoreanForms) {
  EXPECT_EQ(only_count("직원 1만2000명을 줄였다.").value, 12000);
  EXPECT_EQ(only_count("연구원 4명이 떠났다.").value, 4);
  EXPECT_EQ(only_count("연구원 네 명이 떠났다.").value, 4);
  const Count c = only_count("45명 이상이 회사를 옮겼다.");
  EXPECT_EQ(c.value, 45);
  EXPECT_EQ(c.qualifier, "at_least");
}

TEST(Counts, KoreanRoundNumberBeforeSpacedCounter) {
  // "1만 명" (ten thousand people), the usual spelling of round head-counts.
  const Count c = only_count("직원 1만 명을 감원한다.");
  EXPECT_EQ(c.value, 10000);
}

TEST(Counts, KoreanVagueCountsAreNotCounts) {
  EXPECT_TRUE(find_counts("연구원 수십 명이 이직했다.", kCountNouns).empty());
}

TEST(Counts, EnglishForms) {
  EXPECT_EQ(only_count("four researchers left").value, 4);
  EXPECT_EQ(only_count("45 researchers joined").value, 45);
  EXPECT_EQ(only_count("it cut 3,600 jobs").value, 3600);
  const Count c = only_count("more than 45 researchers");
  EXPECT_EQ(c.value, 45);
  EXPECT_EQ(c.qualifier, "at_least");
}

TEST(Counts, EnglishNumberNeedsACountNoun) {
  EXPECT_TRUE(find_counts("four models shipped in 2025", kCountNouns).empty());
  EXPECT_TRUE(find_counts("dozens of researchers", kCountNouns).empty());
}

TEST(Counts, EnglishCountNounAfterModifiers) {
  // The header promises "45 researchers" with up to three modifiers in between.
  EXPECT_EQ(only_count("Meta hired 45 AI researchers").value, 45);
  EXPECT_EQ(only_count("it hired four senior researchers").value, 4);
}

TEST(MoneyAndCounts, FiguresPastAnyRealQuantityAreNeither) {
  // Found by fuzz/money_fuzz and fuzz/pipeline_fuzz (fuzz/regressions/): a count past
  // long's range was undefined behaviour, an amount past double's range was inf, and
  // one past int64 came out of the event's JSON as a negative number.
  EXPECT_TRUE(find_money("$" + std::string(400, '9')).empty());
  EXPECT_TRUE(find_money("$10000000000 trillion").empty());
  EXPECT_TRUE(find_counts("9999999999999999999999999 researchers", kCountNouns).empty());
  EXPECT_TRUE(find_counts("100000000000000000000000명", kCountNouns).empty());
  EXPECT_EQ(only_money("$900 trillion").value, 9e14);  // large, but an amount
}

}  // namespace
}  // namespace tw::extract
