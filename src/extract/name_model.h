// name_model — a learned test of whether a Hangul word is written for a name ("크리스티안",
// "제게디", "루오밍") or is an ordinary Korean word ("함께", "이룬", "주관사", "모델팀").
//
// Naive Bayes over syllable features (each syllable, each pair of neighbours, the first and
// the last syllable, the length), trained when the data loads from the repository's own data:
// the Hangul words of the people in data/lexicon/people.json are names; the Hangul words of
// our own sample articles (data/samples/articles), of the Korean word lists and trigger data,
// and of data/lang/ko/common_words.txt (frequent words written for the model) are ordinary
// words. No model is downloaded; the same data gives the same model.
//
// score() is the log-odds of "name" over "ordinary word"; the name tagger asks it about
// transliterated names it finds by their context, and keeps those the model does not reject.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tw::extract {

class SyllableNameModel {
 public:
  // `names` and `words` are Hangul words; a word in both lists counts as a name.
  void train(const std::vector<std::string>& names, const std::vector<std::string>& words);
  double score(std::string_view word) const;  // log P(name | word) - log P(ordinary | word)
  bool trained() const { return name_total_ > 0 && word_total_ > 0; }
  size_t name_examples() const { return name_examples_; }
  size_t word_examples() const { return word_examples_; }

  // The model trained on the repository's data (data/lexicon, data/lang/ko, data/samples).
  static const SyllableNameModel& korean();

  // The features as the model counts them: the kind and up to two syllable codes in an integer.
  static std::vector<uint64_t> feature_keys(std::string_view word);
  // The same features written out ("^가", "다$", "가", "가나", "#3"), for reading and tests.
  static std::vector<std::string> features(std::string_view word);

 private:
  std::unordered_map<uint64_t, std::pair<double, double>> counts_;  // feature → (name, word)
  // Each seen feature's term of the log-odds, and the term of a feature never seen: worked out
  // once after training, since the name tagger scores many words per sentence.
  std::unordered_map<uint64_t, double> weights_;
  double unseen_weight_ = 0;
  double name_total_ = 0, word_total_ = 0;
  size_t name_examples_ = 0, word_examples_ = 0;
};

}  // namespace tw::extract
