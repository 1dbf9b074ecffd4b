#include "extract/name_model.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "common/data_dir.h"
#include "extract/knowledge.h"
#include "text/utf8.h"

namespace tw::extract {

namespace {

enum FeatureKind : uint64_t { First = 1, Last, One, Pair, Length };
uint64_t feature_key(uint64_t kind, uint64_t a, uint64_t b = 0) { return kind << 48 | a << 24 | b; }

// The three bytes of a syllable code (text::syllable_code) again.
std::string syllable_of(uint64_t code) {
  return {static_cast<char>(code >> 16 & 0xFF), static_cast<char>(code >> 8 & 0xFF),
          static_cast<char>(code & 0xFF)};
}

// Runs of Hangul syllables in `text`, each without the particles that end it.
void hangul_words(std::string_view text, const ParticleSet& particles,
                  std::vector<std::string>& out) {
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    size_t end = i;
    while (end < text.size()) {
      size_t next = end;
      const char32_t c = text::next_code_point(text, next);
      if (c < 0xAC00 || c > 0xD7A3) break;
      end = next;
    }
    if (end == start) {
      text::next_code_point(text, i);
      continue;
    }
    std::string_view w = text.substr(start, end - start);
    // Strip the longest particle sequence that ends the word, if the stem keeps two syllables.
    for (size_t s = 6; s < w.size(); s += 3)
      if (particles.is_particle_sequence(w.substr(s))) {
        w = w.substr(0, s);
        break;
      }
    if (w.size() >= 6) out.emplace_back(w);
    i = end;
  }
}

void collect_strings(const nlohmann::json& j, std::vector<std::string>& out) {
  if (j.is_string())
    out.push_back(j.get<std::string>());
  else if (j.is_array() || j.is_object())
    for (const auto& v : j) collect_strings(v, out);
}

}  // namespace

std::vector<uint64_t> SyllableNameModel::feature_keys(std::string_view word) {
  std::vector<uint64_t> f;
  const size_t n = text::hangul_syllables(word);
  if (n == 0) return f;
  auto at = [&](size_t i) -> uint64_t { return text::syllable_code(word.substr(3 * i)); };
  f.push_back(feature_key(First, at(0)));
  f.push_back(feature_key(Last, at(n - 1)));
  for (size_t i = 0; i < n; ++i) {
    f.push_back(feature_key(One, at(i)));
    if (i + 1 < n) f.push_back(feature_key(Pair, at(i), at(i + 1)));
  }
  f.push_back(feature_key(Length, std::min<size_t>(n, 6)));
  return f;
}

std::vector<std::string> SyllableNameModel::features(std::string_view word) {
  std::vector<std::string> out;
  for (const uint64_t k : feature_keys(word)) {
    const uint64_t a = k >> 24 & 0xFFFFFF, b = k & 0xFFFFFF;
    switch (k >> 48) {
      case First: out.push_back("^" + syllable_of(a)); break;
      case Last: out.push_back(syllable_of(a) + "$"); break;
      case One: out.push_back(syllable_of(a)); break;
      case Pair: out.push_back(syllable_of(a) + syllable_of(b)); break;
      default: out.push_back("#" + std::to_string(a)); break;
    }
  }
  return out;
}

void SyllableNameModel::train(const std::vector<std::string>& names,
                              const std::vector<std::string>& words) {
  const std::unordered_set<std::string> name_set(names.begin(), names.end());
  auto learn = [&](const std::string& example, bool is_name) {
    const auto f = feature_keys(example);
    if (f.empty()) return;
    ++(is_name ? name_examples_ : word_examples_);
    for (const auto& x : f) ++(is_name ? counts_[x].first : counts_[x].second);
    (is_name ? name_total_ : word_total_) += static_cast<double>(f.size());
  };
  for (const auto& n : name_set) learn(n, true);
  std::unordered_set<std::string> seen;
  for (const auto& w : words)
    if (!name_set.count(w) && seen.insert(w).second) learn(w, false);
  const double v = static_cast<double>(counts_.size()) + 1;
  weights_.clear();
  for (const auto& [x, nw] : counts_)
    weights_[x] = std::log((nw.first + 1) / (name_total_ + v)) -
                  std::log((nw.second + 1) / (word_total_ + v));
  unseen_weight_ = std::log(1 / (name_total_ + v)) - std::log(1 / (word_total_ + v));
}

double SyllableNameModel::score(std::string_view word) const {
  if (!trained()) return 0;
  double s = 0;
  for (const uint64_t x : feature_keys(word)) {
    const auto it = weights_.find(x);
    s += it == weights_.end() ? unseen_weight_ : it->second;
  }
  return s;
}

const SyllableNameModel& SyllableNameModel::korean() {
  static const SyllableNameModel m = [] {
    const auto dir = data_dir();
    const ParticleSet particles(read_word_list(dir / "lang" / "ko" / "particles.txt"));
    std::vector<std::string> names, words;
    // Names: each Hangul word of each person's spellings.
    const auto people =
        nlohmann::json::parse(read_file(dir / "lexicon" / "people.json"), nullptr, false);
    if (people.is_array())
      for (const auto& p : people)
        if (const auto it = p.find("aliases"); it != p.end() && it->is_array())
          for (const auto& a : *it)
            if (a.is_string())
              for (auto w : text::split_words(a.get_ref<const std::string&>()))
                if (text::hangul_syllables(w) > 0) names.emplace_back(w);
    // Ordinary words: the Korean word lists, the trigger data and our own sample articles.
    std::vector<std::string> raw;
    for (const char* list :
         {"titles.txt", "role_nouns.txt", "list_people_nouns.txt", "type_nouns.txt", "places.txt",
          "titled_not_names.txt", "name_openers.txt", "org_suffixes.txt", "common_words.txt"})
      for (auto& w : read_word_list(dir / "lang" / "ko" / list)) raw.push_back(std::move(w));
    for (auto& w : read_word_list(dir / "lang" / "not_names.txt")) raw.push_back(std::move(w));
    const auto triggers =
        nlohmann::json::parse(read_file(dir / "triggers" / "ko.json"), nullptr, false);
    if (!triggers.is_discarded()) collect_strings(triggers, raw);
    for (const auto& entry : std::filesystem::directory_iterator(dir / "samples" / "articles"))
      if (entry.path().filename().string().starts_with("ko_"))
        raw.push_back(read_file(entry.path()));
    for (const auto& r : raw) hangul_words(r, particles, words);
    SyllableNameModel model;
    model.train(names, words);
    return model;
  }();
  return m;
}

}  // namespace tw::extract
