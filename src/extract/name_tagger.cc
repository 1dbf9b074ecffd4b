#include "extract/name_tagger.h"

#include <algorithm>

#include "common/data_dir.h"
#include "text/utf8.h"

namespace tw::extract {
namespace {

using text::hangul_syllables;
using text::next_code_point;
using text::syllable_code;

// A set of Hangul syllables (three UTF-8 bytes each), tested by integer compares: these tests
// run for every word of every Korean sentence.
class SyllableSet {
 public:
  SyllableSet(std::initializer_list<std::string_view> syllables) {
    for (std::string_view s : syllables) codes_.push_back(syllable_code(s));
  }
  bool contains(std::string_view s) const { return s.size() == 3 && has(syllable_code(s)); }
  bool ends(std::string_view w) const {
    return w.size() >= 3 && has(syllable_code(w.substr(w.size() - 3)));
  }

 private:
  bool has(uint32_t c) const { return std::find(codes_.begin(), codes_.end(), c) != codes_.end(); }
  std::vector<uint32_t> codes_;
};

// Korean verb and noun endings that never close a transliterated given name:
// "이끌던 도리안 벨크" must not take "이끌던" as part of the name.
bool ends_like_grammar(std::string_view w) {
  static const SyllableSet endings{"던", "는", "의", "를", "을", "에", "서", "고", "며",
                                   "해", "한", "된", "적", "와", "과", "인", "히", "은",
                                   "로", "도", "했", "난", "간", "온", "진"};
  return endings.ends(w);
}

// "(김재욱", "‘김재욱": the opening mark before a name.
std::string_view without_opening_mark(std::string_view token, bool bullets = false) {
  constexpr std::string_view kMarks[] = {"(", "‘", "'", "\"", "“"};
  constexpr std::string_view kBullets[] = {"▲", "△"};
  for (std::string_view open : kMarks)
    if (!token.empty() && token[0] == open[0] && token.starts_with(open))
      token.remove_prefix(open.size());
  if (bullets)
    for (std::string_view open : kBullets)
      if (!token.empty() && token[0] == open[0] && token.starts_with(open))
        token.remove_prefix(open.size());
  return token;
}

// A given name and a family name: "톰 건터", "윤 주". A one-syllable given name goes with a
// one-syllable family name only, and is never a demonstrative or a counter ("그 무렵", "두 명").
bool two_word_name_shape(std::string_view given, std::string_view family) {
  const size_t g = hangul_syllables(given), f = hangul_syllables(family);
  if (g == 0 || f == 0) return false;
  if (g == 1) {
    if (f != 1) return false;
    static const SyllableSet not_names{"그", "이", "저", "또", "및", "전", "현", "각", "총",
                                       "약", "첫", "새", "옛", "몇", "한", "두", "세", "네",
                                       "더", "꼭", "잘", "안", "못", "수", "등", "중", "간"};
    if (not_names.contains(given) || not_names.contains(family)) return false;
  }
  return true;
}

// Separators of a list of names: ", " and the middle dots Korean uses between names.
constexpr std::string_view kSeparators[] = {", ", "·", "ㆍ", "・"};

}  // namespace

const KoreanNameData& KoreanNameData::standard() {
  static const KoreanNameData d = [] {
    const auto dir = data_dir() / "lang" / "ko";
    KoreanNameData k;
    k.surnames = WordList(read_word_list(dir / "surnames.txt"));
    k.titles = WordList(read_word_list(dir / "titles.txt"));
    k.titled_not_names = WordList(read_word_list(dir / "titled_not_names.txt"));
    k.org_suffixes = WordList(read_word_list(dir / "org_suffixes.txt"));
    k.type_nouns = WordList(read_word_list(dir / "type_nouns.txt"));
    k.people_nouns = WordList(read_word_list(dir / "list_people_nouns.txt"));
    k.role_nouns = WordList(read_word_list(dir / "role_nouns.txt"));
    k.not_names = WordList(read_word_list(data_dir() / "lang" / "not_names.txt"));
    k.places = WordList(read_word_list(dir / "places.txt"));
    k.name_openers = WordList(read_word_list(dir / "name_openers.txt"));
    k.index();
    return k;
  }();
  return d;
}

void KoreanNameData::index() {
  std::vector<std::string> all;
  for (const WordList* l : {&role_nouns, &titles, &not_names, &people_nouns})
    all.insert(all.end(), l->begin(), l->end());
  never_in_names = WordList(std::move(all));
}

WordList::WordList(std::vector<std::string> w)
    : words(std::move(w)), set(words.begin(), words.end()) {
  for (const auto& x : words)
    if (std::find(lengths.begin(), lengths.end(), x.size()) == lengths.end())
      lengths.push_back(x.size());
  std::sort(lengths.rbegin(), lengths.rend());
}

bool WordList::contains(std::string_view w) const { return set.find(w) != set.end(); }

std::string_view NameTagger::without_particles(std::string_view w) const {
  return w.substr(0, stem_bytes(w));
}

NameTagger::Words::Words(const NameTagger& tagger, std::string_view sentence)
    : tagger_(tagger), sentence_(sentence), words_(text::split_words(sentence)) {}

std::string_view NameTagger::Words::stem(std::string_view w) const {
  const auto* begin = sentence_.data();
  if (w.empty() || w.data() < begin || w.data() + w.size() > begin + sentence_.size())
    return tagger_.without_particles(w);
  const auto at = static_cast<size_t>(w.data() - begin);
  if (stems_.empty()) stems_.assign(sentence_.size(), {0, 0});
  auto& [size_plus_one, stem] = stems_[at];
  if (size_plus_one != w.size() + 1) {  // not yet worked out for this view
    size_plus_one = static_cast<uint32_t>(w.size() + 1);
    stem = static_cast<uint32_t>(tagger_.stem_bytes(w));
  }
  return w.substr(0, stem);
}

// A word that may be part of a person's name: Hangul, short, and no role or common word.
bool NameTagger::name_word(std::string_view w, size_t max_syllables) const {
  const size_t n = hangul_syllables(w);
  if (n == 0 || n > max_syllables) return false;
  return !ko_.never_in_names.contains(w);
}

size_t NameTagger::stem_bytes(std::string_view w) const {
  // The longest particle sequence that ends the word: "자오가" → "자오", "파트너스로부터" →
  // "파트너스".
  if (!particles_.may_end_with_particle(w)) return w.size();
  const size_t reach = particles_.longest_sequence_bytes();
  for (size_t s = 0; s < w.size(); next_code_point(w, s)) {
    if (s == 0 || w.size() - s > reach) continue;
    if (particles_.is_particle_sequence(w.substr(s))) return s;
  }
  return w.size();
}

std::vector<NameCandidate> NameTagger::korean_lists(std::string_view s,
                                                    const KnownName& known) const {
  std::vector<NameCandidate> out;
  // Pieces of the sentence between list separators.
  std::vector<std::pair<size_t, size_t>> pieces;
  size_t start = 0;
  for (size_t i = 0; i < s.size();) {
    size_t sep = 0;
    for (std::string_view x : kSeparators)  // the first byte before the whole separator
      if (s[i] == x[0] && s.substr(i, x.size()) == x) {
        sep = x.size();
        break;
      }
    if (sep) {
      pieces.emplace_back(start, i);
      i += sep;
      start = i;
    } else {
      ++i;
    }
  }
  pieces.emplace_back(start, s.size());
  if (pieces.size() < 2) return out;

  // One word standing for a whole name: a Korean name (family name + two syllables), or a short
  // transliteration that does not end the way Korean verbs and particles do.
  auto single_name = [&](std::string_view w) {
    const size_t n = hangul_syllables(w);
    if (n < 2 || !name_word(w, 4)) return false;
    if (n == 3 && (ko_.surnames.contains(w.substr(0, 3)) || ko_.surnames.contains(w.substr(0, 6))))
      return !ko_.titled_not_names.contains(w);
    return !ends_like_grammar(w);
  };
  auto piece = [&](size_t k) {
    return s.substr(pieces[k].first, pieces[k].second - pieces[k].first);
  };
  // Words that describe the person before the name: "전 수석 연구원 하르샤 문디", "오픈AI 출신인
  // A".
  auto descriptor = [&](std::string_view w) {
    if (w == "전" || w == "현" || w == "前" || w == "당시") return true;
    const std::string_view bare = without_particles(w);
    if (ko_.titles.contains(bare) || ko_.role_nouns.contains(bare) ||
        ko_.people_nouns.contains(bare))
      return true;
    if (w.ends_with("였던") || w.ends_with("이던") || w.ends_with("출신인") || w.ends_with("자인"))
      return true;
    if (hangul_syllables(w) == 0 && !w.empty() && static_cast<unsigned char>(w[0]) < 0x80)
      return true;  // "AI", "CTO"
    const Entity* e = known(bare);
    return e && e->is_org();
  };
  // A whole piece that is a name, after words describing the person: one word of 2–4 syllables,
  // or given name and family name.
  auto whole_name = [&](std::string_view p) -> std::string {
    const auto w = text::split_words(p);
    // The words before the name describe the person: all of them, or at least the last one
    // is a title or role ("전 슈퍼컴퓨팅 팀원 A").
    auto described = [&](size_t upto) {
      if (upto == 0) return true;
      const std::string_view last = without_particles(w[upto - 1]);
      if (ko_.titles.contains(last) || ko_.role_nouns.contains(last) ||
          ko_.people_nouns.contains(last))
        return true;
      for (size_t k = 0; k < upto; ++k)
        if (!descriptor(w[k])) return false;
      return true;
    };
    if (w.size() >= 2 && name_word(w[w.size() - 2], 5) && name_word(w.back(), 3) &&
        !ends_like_grammar(w[w.size() - 2]) && two_word_name_shape(w[w.size() - 2], w.back()) &&
        described(w.size() - 2))
      return text::join_words(w, w.size() - 2, w.size());
    if (!w.empty() && single_name(w.back()) && described(w.size() - 1))
      return std::string(w.back());
    return {};
  };
  size_t k = 0;
  while (k + 1 < pieces.size()) {
    // A run: piece k ends with a name, pieces k+1 … j-1 are names, piece j starts with one.
    size_t j = k + 1;
    while (j + 1 < pieces.size() && !whole_name(piece(j)).empty()) ++j;
    std::vector<std::string> items;
    // The first item: the last one or two words of piece k.
    const auto head = text::split_words(piece(k));
    size_t first_words = 0;
    if (!head.empty() && name_word(head.back(), 4)) {
      if (head.size() >= 2 && name_word(head[head.size() - 2], 5) &&
          !ends_like_grammar(head[head.size() - 2]) && hangul_syllables(head.back()) <= 3 &&
          two_word_name_shape(head[head.size() - 2], head.back()))
        first_words = 2;
      else if (single_name(head.back()))
        first_words = 1;
      if (first_words)
        items.push_back(text::join_words(head, head.size() - first_words, head.size()));
    }
    for (size_t m = k + 1; m < j; ++m) items.push_back(whole_name(piece(m)));
    // The last item: the first words of piece j, up to "등" or a word carrying a particle.
    auto last_words = text::split_words(piece(j));
    {
      size_t skip = 0;  // "…, 전 부사장 카이토 렌 등이": the description before the last name
      while (skip + 1 < last_words.size() && descriptor(last_words[skip])) ++skip;
      // "…, 전 인프라 팀원 A B 등이": past the last title or role among the first words.
      for (size_t k = skip; k + 2 < last_words.size() && k < 5; ++k) {
        if (last_words[k].starts_with("등")) break;  // the list has ended
        const std::string_view bare = without_particles(last_words[k]);
        if (bare.size() != last_words[k].size())
          break;  // a word with a particle ends the description
        if (ko_.titles.contains(bare) || ko_.role_nouns.contains(bare)) skip = k + 1;
      }
      if (skip > 0 && skip + 1 < last_words.size())
        last_words.erase(last_words.begin(), last_words.begin() + static_cast<long>(skip));
    }
    size_t consumed_to = 0;  // words of piece j that belong to the list's last item
    if (!last_words.empty()) {
      const std::string_view first = without_particles(last_words[0]);
      const bool first_plain = first.size() == last_words[0].size();
      if (first_plain && last_words.size() >= 2) {
        const std::string_view second = without_particles(last_words[1]);
        if (last_words[1] == "등" || last_words[1].starts_with("등")) {
          if (single_name(first)) items.emplace_back(first), consumed_to = 1;
        } else if (name_word(first, 5) && name_word(second, 3) && !ends_like_grammar(first) &&
                   two_word_name_shape(first, second) &&
                   (second.size() < last_words[1].size() ||
                    (last_words.size() >= 3 && last_words[2].starts_with("등")))) {
          items.push_back(std::string(first) + " " + std::string(second)), consumed_to = 2;
        } else if (single_name(first) && ko_.titles.contains(second)) {
          items.emplace_back(first), consumed_to = 1;
        }
      } else if (!first_plain && single_name(first)) {
        items.emplace_back(first), consumed_to = 1;
      }
    }
    std::erase(items, std::string{});
    if (items.size() >= 2) {
      bool known_person = false, known_org = false;
      for (const auto& it : items)
        if (const Entity* e = known(it)) (e->is_person() ? known_person : known_org) = true;
      // Said to be people: a people noun right before the list or soon after it.
      bool people = known_person;
      if (!people && first_words &&
          head.size() > first_words)  // "AI 엔지니어 도리안 벨크, 카이토 렌"
        people = ko_.people_nouns.contains(without_particles(head[head.size() - first_words - 1]));
      // "… 등 핵심 연구원 4명", "… 등 5명이": only a list closed by "등" says what it lists.
      const bool closed =
          consumed_to < last_words.size() && last_words[consumed_to].starts_with("등");
      if (!people && closed) {
        std::string after;
        for (size_t m = consumed_to + 1; m < last_words.size() && m < consumed_to + 4; ++m)
          after += std::string(last_words[m]) + " ";
        for (const auto& n : ko_.people_nouns)
          if (after.find(n) != std::string::npos) people = true;
        for (size_t p = after.find("명"); p != std::string::npos && !people;
             p = after.find("명", p + 1)) {
          const std::string_view before = std::string_view(after).substr(0, p);
          people = (!before.empty() && before.back() >= '0' && before.back() <= '9') ||
                   before.ends_with("여") || before.ends_with("한") || before.ends_with("두") ||
                   before.ends_with("세") || before.ends_with("네");
        }
      }
      if (people && !known_org)
        for (const auto& it : items)
          if (!known(it) && reads_as_name(it)) out.push_back({it, EntityKind::Person});
    }
    k = j;
  }
  return out;
}

// A title, alone or closing a compound, with what may follow it: "상무는", "디지털사업본부장을",
// "최고경영자(CEO)", "부사장,".
bool NameTagger::title_word(std::string_view w, bool role_nouns_too) const {
  // Every word of the lists that starts at a code point of `w`, looked up by length.
  for (size_t at = 0; at < w.size(); next_code_point(w, at)) {
    for (const auto* list : {&ko_.titles, &ko_.role_nouns}) {
      if (list == &ko_.role_nouns && !role_nouns_too) break;
      for (size_t n : list->lengths) {
        if (at + n > w.size()) continue;
        const std::string_view t = w.substr(at, n);
        if (!list->contains(t) || t == "전" || t == "현" || t == "前" || t == "출신") continue;
        if (at > 0 && hangul_syllables(t) < 2)
          continue;  // a one-syllable title only opens the word
        const std::string_view rest = w.substr(at + n);
        if (rest.empty() || rest.starts_with("(") || rest.starts_with(",") ||
            particles_.is_particle_sequence(rest))
          return true;
      }
    }
  }
  return false;
}

std::vector<NameCandidate> NameTagger::korean_titled(std::string_view s,
                                                     const KnownName& known) const {
  return korean_titled(Words(*this, s), known);
}

std::vector<NameCandidate> NameTagger::korean_titled(const Words& words,
                                                     const KnownName& known) const {
  std::vector<NameCandidate> out;
  const auto& w = words.list();
  // What each word is, worked out once per sentence: every candidate looks at the words after it.
  struct WordFacts {
    int8_t title = -1, title_or_role = -1, org = -1;  // -1: not yet known
  };
  std::vector<WordFacts> facts(w.size());
  auto is_title = [&](size_t k, bool role_nouns_too) {
    int8_t& f = role_nouns_too ? facts[k].title_or_role : facts[k].title;
    if (f < 0) f = title_word(w[k], role_nouns_too) ? 1 : 0;
    return f == 1;
  };
  auto is_known_org = [&](size_t k) {
    if (facts[k].org < 0) {
      const Entity* e = known(words.stem(w[k]));
      facts[k].org = e && e->is_org() ? 1 : 0;
    }
    return facts[k].org == 1;
  };
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    std::string_view token = w[i];
    // "(김재욱" or "‘김재욱": an opening mark is not part of the name.
    token = without_opening_mark(token);
    const size_t n = hangul_syllables(token);
    if (n != 3 && n != 4) continue;
    const std::string_view first = token.substr(0, n == 4 ? 6 : 3);
    if (!ko_.surnames.contains(first)) continue;
    if (ko_.titled_not_names.contains(token) || ko_.not_names.contains(token)) continue;
    // A case ending no Korean given name ends with: "인물로 깃허브 CEO" is "a figure, as …".
    static const SyllableSet case_endings{"로", "를", "을", "에", "의", "와", "과", "며", "고",
                                          "던", "는", "들", "께", "된", "될", "할", "적"};
    if (case_endings.ends(token)) continue;
    // The title: the next word, or after "전"/"현" and at most one organisation word.
    bool titled = false;
    for (size_t k = i + 1; k < w.size() && k <= i + 3 && !titled; ++k) {
      const std::string_view next = w[k];
      titled =
          is_title(k, /*role_nouns_too=*/false);  // "최민서 AI 연구소장", not "연구실 AI 연구원"
      if (titled) break;
      const bool ascii = !next.empty() && static_cast<unsigned char>(next[0]) < 0x80;
      // "주하림 미국 워싱턴대 교수": a country and a university may stand between.
      const bool place = ko_.places.contains(next) || next.ends_with("대") ||
                         next.ends_with("대학교") || next.ends_with("대학");
      // "강지훈 전 컴패니에이아이 대표가": after "전"/"현", the organisation may be one the text
      // has not named yet.
      const bool after_former =
          k > i + 1 && (w[k - 1] == "전" || w[k - 1] == "현" || w[k - 1] == "前");
      const bool bare = words.stem(next).size() == next.size();
      if (next != "전" && next != "현" && next != "前" && !ascii && !place &&
          !(after_former && bare) && !is_known_org(k))
        break;
    }
    // "구글이 윈드서프 CEO …": a known organisation with its particle is no name.
    if (titled && !known(token) && !known(words.stem(token)))
      out.push_back({std::string(token), EntityKind::Person});
  }
  // After a role or an adnominal ending, a name with its particle: "연구원 한도윤을", "공동창업자
  // 중 한 명인 하르샤 문디가", "책임자였던 도리안 벨크가".
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    // The candidates first (cheap shape tests), then what stands before them.
    // One word: a Korean name with its particle.
    const std::string_view token = w[i + 1];
    // A three-syllable name and its particle start with a family name: test that before stripping.
    std::string one;
    if (token.size() >= 12 && ko_.surnames.contains(token.substr(0, 3))) {
      one = std::string(words.stem(token));
      if (!(one.size() != token.size() && hangul_syllables(one) == 3 &&
            !ko_.titled_not_names.contains(one) && !ko_.not_names.contains(one) &&
            name_word(one, 3)))
        one.clear();
    }
    // Two words: a transliterated name whose family name carries the particle.
    std::string two;
    if (i + 2 < w.size()) {
      const std::string_view given = w[i + 1];
      if (hangul_syllables(given) >= 2 && name_word(given, 5) && !ends_like_grammar(given)) {
        const std::string_view family = words.stem(w[i + 2]);
        if (family.size() != w[i + 2].size() && name_word(family, 3) &&
            two_word_name_shape(given, family))
          two = std::string(given) + " " + std::string(family);
      }
    }
    if (one.empty() && two.empty()) continue;
    const std::string_view before = w[i];
    // A role, or a role or head-count with a copula: "연구원", "창업자인", "한 명인", "책임자였던".
    // (A title with its own particle, "CEO를 맡아", introduces nobody.)
    bool introduces =
        words.stem(before).size() == before.size() && is_title(i, /*role_nouns_too=*/true);
    for (std::string_view copula : {"인", "였던", "이던", "이었던"})
      if (!introduces && before.ends_with(copula)) {
        const std::string_view stem = before.substr(0, before.size() - copula.size());
        introduces =
            stem == "명" || stem.ends_with("명") || title_word(stem, /*role_nouns_too=*/true);
      }
    // "메타로 자리를 옮긴 도리안 벨크는", "오픈AI에 합류한 하르샤 문디는": a move verb's adnominal
    // form.
    for (const auto& opener : ko_.name_openers)
      if (!introduces && before.ends_with(opener)) introduces = true;
    if (!introduces || particles_.is_particle_sequence(before)) continue;
    if (!one.empty() && !known(one)) out.push_back({one, EntityKind::Person});
    if (!two.empty()) {
      const std::string_view given = w[i + 1];
      const std::string family = two.substr(given.size() + 1);
      if (!known(given) && !known(family) && !known(two) && !ko_.not_names.contains(two) &&
          reads_as_name(two))
        out.push_back({two, EntityKind::Person});
    }
  }
  // A transliterated name before its title: "도리안 벨크 공동창업자가", "하르샤 문디 엔파브리카
  // CEO가".
  for (size_t i = 0; i + 2 < w.size(); ++i) {
    std::string_view given = w[i];
    given = without_opening_mark(given);
    const std::string_view family = w[i + 1];
    const size_t g = hangul_syllables(given), f = hangul_syllables(family);
    if (g < 2 || g > 4 || f < 1 || f > 3 || !name_word(given, 4) || !name_word(family, 3) ||
        ends_like_grammar(given))
      continue;
    if (ko_.surnames.contains(given) || given.find("들") != std::string_view::npos) continue;
    // "인물로", "없이": a family name of two syllables or more ends no such way.
    static const SyllableSet particle_endings{"로", "를", "을", "에", "의", "서", "와", "과", "는",
                                              "은", "가", "도", "들", "이", "고", "며", "게"};
    if (f >= 2 && particle_endings.ends(family)) continue;
    bool titled = false;
    // Both words read as a name to the model: the title may come after a description the text does
    // not name as an organisation ("에드가르 로시니 인프라 엔지니어링 책임자 등").
    const bool confident = confidently_name(given) && confidently_name(family);
    for (size_t k = i + 2; k < w.size() && k <= i + (confident ? 4 : 3) && !titled; ++k) {
      const std::string_view next = w[k];
      // The title closes the phrase: "도리안 벨크 공동창업자가", "… CEO(최고경영자)", "… 책임자
      // 등". A bare title followed by more words belongs to a name after it: "전 인프라 책임자
      // 카이토 렌".
      const bool closed = words.stem(next).size() != next.size() ||
                          next.find('(') != std::string_view::npos || next.ends_with(",") ||
                          k + 1 == w.size() || w[k + 1].starts_with("등");
      titled = closed && is_title(k, /*role_nouns_too=*/true);
      if (titled) break;
      const bool ascii = !next.empty() && static_cast<unsigned char>(next[0]) < 0x80;
      // Otherwise no unknown word may stand between: "성과를 이룬 에드가르 로시니 연구원은" would
      // read "이룬 에드가르" (the model does not read "이룬" as a name).
      const bool described = confident && words.stem(next).size() == next.size();
      if (!ascii && !described && !is_known_org(k)) break;
    }
    if (!titled) continue;
    // The known names last: they are the dearest tests.
    const Entity* given_known = known(given);
    const Entity* family_known = known(family);
    if ((given_known && given_known->is_org()) || (family_known && family_known->is_org()))
      continue;
    const std::string name = std::string(given) + " " + std::string(family);
    if (known(name) || !reads_as_name(name)) continue;
    out.push_back({name, EntityKind::Person});
  }
  return out;
}

std::vector<NameCandidate> NameTagger::korean_orgs(std::string_view s,
                                                   const KnownName& known) const {
  return korean_orgs(Words(*this, s), known);
}

std::vector<NameCandidate> NameTagger::korean_orgs(const Words& words,
                                                   const KnownName& known) const {
  const std::string_view s = words.sentence();
  std::vector<NameCandidate> out;
  const auto& w = words.list();
  for (size_t i = 0; i < w.size(); ++i) {
    std::string_view token = w[i];
    token = without_opening_mark(token, /*bullets=*/true);
    // 1. A company by its ending: "가람인베스트먼트", "누리벤처파트너스로부터".
    std::string_view bare = words.stem(token);
    while (!bare.empty() && (bare.back() == ',' || bare.back() == '.' || bare.back() == ')'))
      bare.remove_suffix(1);
    // The first ending in list order that closes the word (each length looked up once).
    const std::string* ending = nullptr;
    for (size_t len : ko_.org_suffixes.lengths)
      if (bare.size() > len)
        if (const auto it = ko_.org_suffixes.set.find(bare.substr(bare.size() - len));
            it != ko_.org_suffixes.set.end())
          if (!ending || ko_.org_suffixes.index_of(*it) < ko_.org_suffixes.index_of(*ending))
            ending = &*it;
    for (const std::string* suffix_p = ending; suffix_p; suffix_p = nullptr) {
      const std::string& suffix = *suffix_p;
      const std::string_view stem = bare.substr(0, bare.size() - suffix.size());
      if (ko_.not_names.contains(stem) || ko_.role_nouns.contains(stem) ||
          ko_.not_names.contains(bare) || ko_.type_nouns.contains(bare))
        break;
      if (!known(bare)) out.push_back({std::string(bare), EntityKind::Org});
      break;
    }
    // 2. A quoted name after a type noun: "AI 스타트업 ‘하늘비전’는", "기업 '스케일AI'의".
    if (i + 1 < w.size() && ko_.type_nouns.contains(w[i])) {
      const std::string_view rest = s.substr(static_cast<size_t>(w[i + 1].data() - s.data()));
      for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"‘", "’"},
                                 {"'", "'"},
                                 {"“", "”"},
                                 {"\"", "\""}}) {
        if (!rest.starts_with(open)) continue;
        size_t end = std::string_view::npos;  // pages mix their quotes: ‘소니오'
        for (std::string_view c :
             {close, std::string_view("’"), std::string_view("'"), std::string_view("”")})
          end = std::min(end, rest.find(c, open.size()));
        if (end == std::string_view::npos || end - open.size() > 40) break;
        std::string_view name = rest.substr(open.size(), end - open.size());
        // "‘하늘비전(Haneul Vision)’": the gloss is found on its own.
        if (const size_t p = name.find('('); p != std::string_view::npos) name = name.substr(0, p);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        size_t spaces = 0;
        for (char c : name) spaces += c == ' ';
        if (name.size() >= 2 && !ko_.not_names.contains(name) && !known(name) && spaces <= 3)
          out.push_back({std::string(name), EntityKind::Org});
        break;
      }
    }
  }
  return out;
}

bool NameTagger::reads_as_name(std::string_view name) const {
  if (!model_ || !model_->trained()) return true;
  const auto words = text::split_words(name);
  // A Korean name (family name and two syllables) is written in ordinary syllables: the model
  // is for transliterations.
  if (words.size() == 1 && hangul_syllables(words[0]) == 3 &&
      ko_.surnames.contains(words[0].substr(0, 3)))
    return true;
  double score = 0;
  for (auto w : words) score += model_->score(w);
  return score > 0;
}

bool NameTagger::confidently_name(std::string_view word) const {
  constexpr double kConfident =
      2;  // log-odds: the word's syllables are about e² times likelier in a name
  return model_ && model_->trained() && model_->score(word) >= kConfident;
}

std::vector<NameCandidate> NameTagger::korean_subjects(std::string_view s,
                                                       const KnownName& known) const {
  return korean_subjects(Words(*this, s), known);
}

std::vector<NameCandidate> NameTagger::korean_subjects(const Words& words,
                                                       const KnownName& known) const {
  std::vector<NameCandidate> out;
  if (!model_ || !model_->trained()) return out;
  const auto& w = words.list();
  static const SyllableSet subject_particles{"가", "이", "은", "는"};
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    // The clause opens here: the sentence's start, or after a comma.
    if (i > 0 && !w[i - 1].ends_with(",")) continue;
    const std::string_view given = w[i];
    const std::string_view family_word = w[i + 1];
    const std::string_view family = words.stem(family_word);
    if (family.size() == family_word.size() || !subject_particles.ends(family_word)) continue;
    const size_t g = hangul_syllables(given), f = hangul_syllables(family);
    if (g < 2 || g > 5 || f < 2 || f > 4 || !name_word(given, 5) || !name_word(family, 4) ||
        ends_like_grammar(given))
      continue;
    // Both words must read as a name on their own, confidently: nothing else in the context says
    // so.
    if (!confidently_name(given) || !confidently_name(family)) continue;
    const std::string name = std::string(given) + " " + std::string(family);
    if (known(given) || known(family) || known(name) || ko_.not_names.contains(name)) continue;
    out.push_back({name, EntityKind::Person});
  }
  return out;
}

std::vector<NameCandidate> NameTagger::korean(std::string_view s, const KnownName& known) const {
  const Words words(*this, s);
  std::vector<NameCandidate> out = korean_orgs(words, known);
  for (auto& c : korean_subjects(words, known)) out.push_back(std::move(c));
  for (auto& c : korean_titled(words, known)) out.push_back(std::move(c));
  for (auto& c : korean_lists(s, known)) out.push_back(std::move(c));
  std::vector<NameCandidate> unique;
  for (auto& c : out)
    if (std::find_if(unique.begin(), unique.end(),
                     [&](const NameCandidate& u) { return u.name == c.name; }) == unique.end())
      unique.push_back(std::move(c));
  return unique;
}

}  // namespace tw::extract
