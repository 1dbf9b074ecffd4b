// money — amounts of money and head-counts in the forms news uses.
//
// Korean: 1억 달러, 143억 달러, 27억5000만달러, 12억 5000만 달러, 92만5000달러,
// 27.5억달러, 약 3조7000억원, 1300억 원, 최대 20억달러, 2억 달러가 넘는, 1만2000명.
// English: $100 million, $14.3 billion, $2.75B, $650M, US$1.25bn, 2 billion euros,
// "up to", "more than", "at least", "about".
// Vague amounts (수백만 달러, "billions of dollars") are not amounts. An amount in
// parentheses right after another one ("27억5000만달러(약 3조7000억원)") is marked
// as a conversion, so an event keeps the figure the article reports first.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tw::extract {

struct Money {
  double value = 0;           // whole currency units
  std::string currency;       // ISO code: USD, KRW, EUR, JPY, CNY, GBP
  std::string qualifier;      // "", "up_to", "at_least", "about"
  size_t begin = 0, end = 0;  // byte span in the sentence, qualifiers included
  bool conversion = false;    // a parenthesised restatement of the amount before it
};

struct Count {
  long value = 0;
  std::string qualifier;
  size_t begin = 0, end = 0;
};

std::vector<Money> find_money(std::string_view sentence);

// Head-counts of people or jobs: "4명", "1만2000명", "네 명", "45 researchers", "four engineers",
// "3,600 jobs". The nouns that make an English number a head-count are data.
std::vector<Count> find_counts(std::string_view sentence,
                               const std::vector<std::string>& english_count_nouns);

// A Korean or Arabic number with 조/억/만/천 groups at s[pos]: "27억5000만" → 2.75e9.
// Sets `end` past the number. nullopt when no number starts at pos.
std::optional<double> parse_korean_number(std::string_view s, size_t pos, size_t& end);

}  // namespace tw::extract
