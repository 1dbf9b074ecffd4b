#include "extract/mentions.h"

#include <re2/re2.h>

#include <algorithm>
#include <optional>

#include "common/data_dir.h"
#include "extract/name_tagger.h"
#include "text/utf8.h"

namespace tw::extract {
namespace {

using text::is_ascii_alpha;
using text::is_ascii_digit;
using text::is_hangul;
using text::join_words;
using text::next_code_point;
using text::split_words;

bool is_word_char(char32_t c) {
  return is_ascii_alpha(c) || is_ascii_digit(c) || (c >= 0x80 && text::is_letter(c));
}

bool all_hangul(std::string_view w) {
  if (w.empty()) return false;
  for (size_t i = 0; i < w.size();)
    if (!is_hangul(next_code_point(w, i))) return false;
  return true;
}

bool is_capitalised_word(std::string_view w) {
  if (w.size() < 2 || w[0] < 'A' || w[0] > 'Z') return false;
  for (char c : w.substr(1))
    if (!(is_ascii_alpha(static_cast<unsigned char>(c)) || c == '-' || c == '\'' || c == '.' ||
          is_ascii_digit(static_cast<unsigned char>(c))))
      return false;
  return true;
}

std::string last_word(std::string_view s) {
  auto p = s.rfind(' ');
  return std::string(p == std::string_view::npos ? s : s.substr(p + 1));
}

// The discovery patterns in DiscoveryData::Pattern order ("" where the pattern is built from data).
const char* const kPatternText[DiscoveryData::kPatterns] = {
    // "startup Reka": a name after the kind of company it is
    R"((?:[Ss]tart-?up|[Cc]ompany|[Ff]irm|[Ll]ab|[Rr]ival|[Uu]nicorn|[Gg]iant|[Mm]aker|)"
    R"([Dd]eveloper|[Gg]roup) ([A-Z][A-Za-z0-9]+(?: [A-Z][A-Za-z0-9]+){0,2}))",
    // "Sesame AI": a name ending in an organisation word
    R"(\b((?:[A-Z][A-Za-z0-9]+ ){1,2}(?:AI|Labs|Lab|Robotics|Technologies))\b)",
    // "세서미 AI의"
    R"((?:^|[ (])([가-힣]{2,})(AI|랩스|로보틱스)(?:[ ,.)]|$|[가-힣]))",
    "",  // "연구원 보웬 장은": built from data/lang/ko/role_nouns.txt
    // Korean text that writes a foreign person in Latin: "Jane Roe와"
    R"((?:^|[ (“"‘'·,])([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})(?:와|과|는|은|이|가|을|를|의|도|)"
    R"(에게|,|·| 등))",
    // "acquisition of Informatica"
    R"((?:[Aa]cquire|[Aa]cquired|[Aa]cquiring|[Aa]cquisition of|[Bb]uy|[Bb]ought|[Bb]uying|)"
    R"([Pp]urchase of|[Tt]akeover of|[Mm]erge with|[Ii]nvest in|[Ii]nvested in|)"
    R"([Ss]take in) ((?:[A-Z]|[a-z][A-Z])[A-Za-z0-9.:&-]+(?: [A-Z][A-Za-z0-9.&-]+){0,2}))",
    // "OctoAI was acquired by"
    R"(((?:[A-Z]|[a-z][A-Z])[A-Za-z0-9.:&-]+(?: [A-Z][A-Za-z0-9.&-]+){0,2}) )"
    R"((?:was|were|has been|had been|is being) (?:acquired|bought|purchased))",
    // "Run:ai, an Israeli software maker"
    R"(((?:[A-Z]|[a-z][A-Z])[A-Za-z0-9.:&-]+(?: [A-Z][A-Za-z0-9.&-]+){0,2}), (?:a|an|)"
    R"(the) (?:[A-Za-z-]+ ){0,4}(?:start-?up|company|firm|maker|developer|provider|lab|)"
    R"(unicorn)\b)",
    // "데이터베이스 스타트업 네온을"
    R"((?:스타트업|업체|기업|회사|개발사|자회사|제조사|운용사|투자사|계열사|)"
    R"(손자회사) ([가-힣]{2,8}(?: ?AI)?|[A-Za-z][A-Za-z0-9.:]+)(?:을|를|에|의|와|과|은|는|)"
    R"(이|가|도)(?:[ ,.]|$))",
    // "researcher Lucas Beyer", "hired Jack Rae"
    R"((?:[Rr]esearchers?|[Ss]cientists?|[Ee]ngineers?|[Ee]xecutives?|[Ff]ounders?|)"
    R"([Cc]o-?founders?|CEO|CTO|CFO|[Pp]rofessor|[Dd]irector|[Pp]resident|[Ll]ead|)"
    R"([Vv]eteran|[Ss]taffer|[Ee]mployee|[Hh]ires?|[Hh]ired|[Pp]oached|[Rr]ecruited|)"
    R"([Ll]ured|[Tt]apped|[Hh]iring|[Pp]oaching|[Rr]ecruiting|[Nn]amed|[Aa]ppointed|)"
    R"([Ii]ncluding|[Aa]nd|[Oo]ffered|[Aa]pproached|[Cc]ourted|)"
    R"([Ww]ooed) ([A-Z][a-z]+(?:[ -](?:(?:de|van|von|da|di|del|le|la|)"
    R"(bin) )?[A-Z][a-z'-]+){1,2})\b)",
    // "Shengjia Zhao, a co-creator of GPT-4"
    R"(([A-Z][a-z]+(?: (?:(?:de|van|von|da|di|del|le|la|bin) )?[A-Z][a-z'-]+){1,2}), (?:a|)"
    R"(an|the|who|formerly|previously|one of|[A-Za-z][A-Za-z]+'s) )",
    // "Pieter Abbeel, Peter Chen and Rocky Duan": the first names of a list of people
    R"(([A-Z][a-z]+ [A-Z][a-z'-]+), ([A-Z][a-z]+ [A-Z][a-z'-]+),? and [A-Z][a-z]+ [A-Z][a-z'-]+)",
    // "OpenAI's head of research, Mark Fenn, left": a name set off after a title
    R"((?:'s|’s|former|the|its|his|her|their) [a-z][a-z -]{2,40}, ([A-Z][a-z]+ [A-Z][a-z'-]+),)",
    // "Paul Ng departed xAI": a name doing what people do in these stories
    R"((?:^|\. |\n)([A-Z][a-z]+ [A-Z][a-z'-]+) (?:has |have |had |will |is |was )?(?:joined|)"
    R"(joins|left|leaves|departed|departs|quit|quits|resigned|resigns|moved|defected|jumped|)"
    R"(joining|leaving|stepped down))",
    // "Jane Roe: Worked at Acme for nine years": an item of a list of careers
    R"((?:^|\n)([A-Z][a-z]+ [A-Z][a-z'-]+): (?:[Ww]orked|[Ss]pent|[Ww]as|[Jj]oined|[Ll]ed|)"
    R"([Pp]reviously|[Ff]ormerly|[Ff]ormer))",
};

}  // namespace

DiscoveryData::DiscoveryData(std::vector<std::string> role_nouns,
                             std::vector<std::string> names_not, std::vector<std::string> suffixes)
    : korean_role_nouns(role_nouns.begin(), role_nouns.end()),
      not_names(names_not.begin(), names_not.end()),
      org_suffixes(suffixes.begin(), suffixes.end()) {
  std::string roles;  // in the file's order: the regex prefers the alternatives listed first
  for (const auto& r : role_nouns)
    if (all_hangul(r)) roles += (roles.empty() ? "" : "|") + r;
  std::vector<std::string> texts(kPatternText, kPatternText + kPatterns);
  texts[KoNameAfterRole] =
      "(?:^| )(?:" + roles +
      ")(?:인|이자|였던|이었던|이던)? ([가-힣]{2,4}) "
      "([가-힣]{1,3})(?:(?:은|는|이|가|을|를|의|도|와|과|에게|로)(?:[ ,.]|$)|, |·| 등)";
  for (const auto& t : texts) patterns.push_back(std::make_shared<const RE2>(t));
  prefilter = text::PatternSet::prefilters(texts);
}

const DiscoveryData& DiscoveryData::standard() {
  static const DiscoveryData d(read_word_list(data_dir() / "lang" / "ko" / "role_nouns.txt"),
                               read_word_list(data_dir() / "lang" / "not_names.txt"),
                               read_word_list(data_dir() / "lang" / "org_suffixes.txt"));
  return d;
}

DocumentEntities::DocumentEntities(const Lexicon& lexicon, const ParticleSet& particles,
                                   const DiscoveryData& data)
    : lexicon_(lexicon), particles_(particles), data_(data) {}

const Entity* DocumentEntities::find_any(std::string_view name) const {
  if (const Entity* e = lexicon_.find(name)) return e;
  if (local_keys_.empty()) return nullptr;
  thread_local std::string key;
  lower_key(name, key);
  const auto it = local_keys_.find(std::string_view(key));
  return it == local_keys_.end() ? nullptr : it->second;
}

void DocumentEntities::add_local_alias(const Entity* target, const std::string& alias) {
  if (alias.empty()) return;
  local_aliases_.emplace_back(target,
                              alias);  // remembered even when the lexicon knows the spelling
  if (lexicon_.find(alias)) return;
  local_targets_.push_back(target);
  local_trie_.add(alias, static_cast<uint32_t>(local_targets_.size() - 1));
}

const Entity* DocumentEntities::add_local_entity(std::string name, EntityKind kind,
                                                 std::vector<std::string> aliases) {
  if (const Entity* known = find_any(name)) {
    for (const auto& a : aliases) add_local_alias(known, a);
    return known;
  }
  Entity e;
  e.name = std::move(name);
  e.kind = kind;
  e.discovered = true;
  e.aliases = std::move(aliases);
  local_.push_back(std::move(e));
  const Entity* added = &local_.back();
  local_keys_.emplace(lower_key(added->name), added);
  for (const auto& a : added->aliases) local_keys_.emplace(lower_key(a), added);
  add_local_alias(added, added->name);
  for (const auto& a : added->aliases) add_local_alias(added, a);
  return added;
}

bool DocumentEntities::looks_like_org(std::string_view latin) const {
  const size_t space = latin.rfind(' ');
  return data_.org_suffixes.count(space == std::string_view::npos ? latin
                                                                  : latin.substr(space + 1)) > 0;
}

bool DocumentEntities::is_not_name(std::string_view w) const {
  return data_.not_names.count(w) > 0;
}

void DocumentEntities::discover(const text::Document& doc) {
  const std::string_view text = doc.text;
  std::vector<std::pair<std::string, std::string>> single_glosses;  // (hangul, latin surname)

  // 1. Hangul name glossed in Latin: 루오밍 팡(Ruoming Pang), 세서미 AI(Sesame AI), 왕(Wang).
  // A gloss may follow a closing quote and add an abbreviation after a middle dot:
  // "‘가나 랩스’(Gana Labs·GL)".
  static const RE2 gloss_at_end(
      R"(((?:[가-힣]+ ){0,3}[가-힣]+(?: ?[A-Z][A-Za-z]*)?)[’'”"]?\(([A-Z][\p{Latin}.:'&-]*()"
      R"(?: [A-Z&][\p{Latin}.:'&-]*){0,3})(?:·[^()]{1,20})?\)$)");
  for (size_t open = text.find('('); open != std::string_view::npos;
       open = text.find('(', open + 1)) {
    if (open + 1 >= text.size()) continue;
    if (text[open + 1] < 'A' || text[open + 1] > 'Z') {
      // "뤄푸리(罗福莉)": a Chinese name glossed in Hanzi is a person known by its Hangul spelling.
      size_t k = open + 1;
      size_t hanzi = 0;
      while (k < text.size() && text[k] != ')') {
        const char32_t c = next_code_point(text, k);
        if (c < 0x4E00 || c > 0x9FFF) {
          hanzi = 0;
          break;
        }
        ++hanzi;
      }
      if (hanzi < 2 || hanzi > 4 || k >= text.size()) continue;
      size_t b = open;
      while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n' && text[b - 1] != '(') --b;
      const std::string name(text.substr(b, open - b));
      if (all_hangul(name) && name.size() >= 6 && !find_any(name))
        add_local_entity(name, EntityKind::Person, {});
      continue;
    }
    const size_t close = text.find(')', open);
    if (close == std::string_view::npos || close - open > 80) continue;
    size_t from = open >= 120 ? open - 120 : 0;
    while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80)
      ++from;  // a code point boundary
    const std::string_view window = text.substr(from, close + 1 - from);
    std::string hangul, latin;
    if (!RE2::PartialMatch(window, gloss_at_end, &hangul, &latin)) continue;
    {
      auto words = split_words(hangul);
      const auto latin_words = split_words(latin);
      // Role nouns ("창업자 알렉산드르 왕") introduce the name; they are not part of it.
      size_t first = words.size() > latin_words.size() ? words.size() - latin_words.size() : 0;
      while (first < words.size() &&
             (data_.korean_role_nouns.count(words[first]) > 0 ||
              (!all_hangul(words[first]) && first + 1 < words.size()) || is_not_name(words[first])))
        ++first;
      if (first >= words.size()) continue;
      // a trailing particle-less possessive like "의" can't sit before "(" — but "28세의" can
      // precede the name
      if (words[first].size() > 3 && words[first].ends_with("의") &&
          words.size() - first > latin_words.size())
        ++first;
      const std::string hangul_name = join_words(words, first, words.size());
      if (is_not_name(latin)) continue;
      if (const Entity* known = lexicon_.find(latin)) {
        add_local_alias(known, hangul_name);
        continue;
      }
      if (latin_words.size() == 1 && !looks_like_org(latin)) {
        single_glosses.emplace_back(hangul_name, latin);
        continue;
      }
      if (looks_like_org(latin)) {
        add_local_entity(latin, EntityKind::Org, {hangul_name});
      } else if (latin_words.size() <= 4 &&
                 std::all_of(latin_words.begin(), latin_words.end(),
                             [](const auto& w) { return is_capitalised_word(w); })) {
        add_local_entity(latin, EntityKind::Person, {hangul_name});
      }
    }
  }

  // 2. Organisation-shaped names: "startup Reka", "Sesame AI", "세서미 AI의".
  const bool english = doc.lang == "en";
  using P = DiscoveryData::Pattern;
  const std::vector<bool> can_match = data_.prefilter.possible(text);
  for (const P id : {P::EnOrgContext, P::EnOrgSuffix}) {
    if (!english) break;  // Korean glosses its Latin names in parentheses (step 1)
    if (!can_match[id]) continue;
    re2::StringPiece in(text.data(), text.size());
    std::string name;
    while (RE2::FindAndConsume(&in, data_.pattern(id), &name)) {
      auto words = split_words(name);
      while (!words.empty() && (is_not_name(words.front()) || lexicon_.find(words.front())))
        words.erase(words.begin());
      if (words.empty()) continue;
      const std::string n = join_words(words, 0, words.size());
      if (is_not_name(n) || find_any(n) || split_words(n).size() < (id == P::EnOrgSuffix ? 2u : 1u))
        continue;
      add_local_entity(n, EntityKind::Org, {});
    }
  }
  if (!english && can_match[P::KoOrgSuffix]) {
    re2::StringPiece in(text.data(), text.size());
    std::string stem, suffix;
    while (RE2::FindAndConsume(&in, data_.pattern(P::KoOrgSuffix), &stem, &suffix)) {
      if (is_not_name(stem) || lexicon_.find(stem) || !all_hangul(stem)) continue;
      if (data_.korean_role_nouns.count(stem) > 0) continue;
      const std::string name = stem + " " + suffix;
      if (find_any(name) || find_any(stem + suffix)) continue;
      add_local_entity(name, EntityKind::Org, {stem + suffix});
    }
  }

  // 2b. Korean names written without a gloss, after a role noun: "연구원 보웬 장은". (A name before
  //     its title, "보웬 장 연구원은", is too easily confused with ordinary words: "핵심
  //     연구원을".)
  if (!english && can_match[P::KoNameAfterRole]) {
    re2::StringPiece in(text.data(), text.size());
    std::string given, family;
    auto is_role = [&](const std::string& w) { return data_.korean_role_nouns.count(w) > 0; };
    while (RE2::FindAndConsume(&in, data_.pattern(P::KoNameAfterRole), &given, &family)) {
      const std::string name = given + " " + family;
      if (is_not_name(given) || is_not_name(family) || find_any(name) || lexicon_.find(given) ||
          lexicon_.find(family))
        continue;
      // "젊은 연구자", "새 연구원": an adjective before a role noun is no given name.
      if (is_role(given) || is_role(family) || given.ends_with("은") || given.ends_with("는") ||
          given.ends_with("한") || given.ends_with("운") || given.ends_with("된"))
        continue;
      add_local_entity(name, EntityKind::Person, {});
    }
  }

  // 2b'. The name tagger: lists of people, titled names, companies by ending or type noun.
  if (!english) {
    const NameTagger tagger(KoreanNameData::standard(), particles_);
    const KnownName known = [&](std::string_view n) { return find_any(n); };
    for (const auto& sentence : doc.sentences)
      for (auto& c :
           tagger.korean(text.substr(sentence.begin, sentence.end - sentence.begin), known))
        add_local_entity(std::move(c.name), c.kind, {});
  }

  // 2b''. Korean text that writes a foreign person's name in Latin: "Jane Roe와 John Moe는".
  if (!english && can_match[P::LatinPerson]) {
    re2::StringPiece in(text.data(), text.size());
    std::string name;
    while (RE2::FindAndConsume(&in, data_.pattern(P::LatinPerson), &name)) {
      const auto words = split_words(name);
      if (is_not_name(name) || looks_like_org(name) || find_any(name)) continue;
      if (std::any_of(words.begin(), words.end(),
                      [&](std::string_view w) { return is_not_name(w) || lexicon_.find(w); }))
        continue;
      add_local_entity(name, EntityKind::Person, {});
    }
  }

  // 2c. Companies named as the object of a deal or described by what they are:
  //     "acquisition of Informatica", "OctoAI was acquired by", "Run:ai, an Israeli software
  //     maker", "데이터베이스 스타트업 네온을", "스타트업 사일로 AI를".
  for (const P id : {P::EnDealObject, P::EnDealSubject, P::EnDescribed, P::KoDescribed}) {
    if (english == (id == P::KoDescribed) || !can_match[id]) continue;
    re2::StringPiece in(text.data(), text.size());
    std::string name;
    while (RE2::FindAndConsume(&in, data_.pattern(id), &name)) {
      auto words = split_words(name);
      while (!words.empty() && is_not_name(words.front())) words.erase(words.begin());
      if (words.empty()) continue;
      std::string n = join_words(words, 0, words.size());
      // The sentence's full stop is not the name's ("agreed to acquire Zorblax."), unless a
      // known name ends in one ("Safe Superintelligence Inc.").
      if (n.ends_with('.') && !find_any(n)) n.pop_back();
      if (n.size() < 2 || is_not_name(n) || find_any(n)) continue;
      // Two capitalised words are as likely a person ("acquire Jane Doe"): leave those to step 3.
      if (english && words.size() == 2 && !looks_like_org(n) &&
          std::all_of(words.begin(), words.end(),
                      [](const auto& w) { return is_capitalised_word(w) && w.size() > 2; }))
        continue;
      add_local_entity(n, EntityKind::Org, {});
    }
  }

  // 3. English people: the first names of a list, in apposition, after a role or a hiring verb, set
  //    off after a title, doing what people do in these stories, in a list of careers.
  if (english && can_match[P::EnList]) {
    re2::StringPiece in(text.data(), text.size());
    std::string first, second;
    while (RE2::FindAndConsume(&in, data_.pattern(P::EnList), &first, &second))
      for (const auto& name : {first, second}) {
        const auto words = split_words(name);
        if (is_not_name(words.front()) || looks_like_org(name) || find_any(name) ||
            lexicon_.find(words.front()) || lexicon_.find(words.back()))
          continue;
        add_local_entity(name, EntityKind::Person, {});
      }
  }
  for (const P id :
       {P::EnRole, P::EnApposition, P::EnTitledApposition, P::EnMover, P::EnCareerItem}) {
    if (!english) break;
    if (!can_match[id]) continue;
    re2::StringPiece in(text.data(), text.size());
    std::string name;
    while (RE2::FindAndConsume(&in, data_.pattern(id), &name)) {
      if (name.ends_with("'s")) name.resize(name.size() - 2);  // "CEO Jane Roe's plan"
      auto words = split_words(name);
      if (words.size() < 2 || is_not_name(words.front()) || is_not_name(name)) continue;
      if (looks_like_org(name) || find_any(name)) continue;
      bool has_org_word = false;
      for (const auto& w : words) has_org_word |= lexicon_.find(w) != nullptr;
      if (has_org_word) continue;
      add_local_entity(name, EntityKind::Person, {});
    }
  }

  // 4. Family names of people the document names: "왕(Wang)", and in English "Beyer said".
  std::vector<const Entity*> people;
  sentence_mentions_.clear();
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    sentence_mentions_.push_back(mentions(doc.sentence(i)));
    for (const auto& m : sentence_mentions_.back())
      if (m.entity->is_person() &&
          std::find(people.begin(), people.end(), m.entity) == people.end())
        people.push_back(m.entity);
  }
  const size_t aliases_before = local_aliases_.size();
  for (const auto& [hangul, single] : single_glosses) {
    bool surname = false;
    for (const Entity* p : people)
      if (last_word(p->name) == single || p->name.substr(0, p->name.find(' ')) == single) {
        add_local_alias(p, hangul);
        add_local_alias(p, single);
        surname = true;
        break;
      }
    // "런에이아이(Run:ai)", "그레텔(Gretel)": a one-word gloss that is nobody's family name is a
    // company. An all-capital short gloss is usually a title or an acronym: "최고연구책임자(CRO)".
    const bool acronym =
        single.size() <= 4 &&
        std::all_of(single.begin(), single.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!surname && !acronym && !is_not_name(single) && single.size() >= 3)
      add_local_entity(single, EntityKind::Org, {hangul});
  }
  if (doc.lang == "ko") {
    // Korean news calls a person by the family name after the first mention: "팡은", "왕은".
    for (const Entity* p : people) {
      // Spellings from the lexicon and from this document's own glosses ("맷 다이트키(Matt
      // Deitke)"). Every person named in full in this document may be called by the family name
      // after.
      std::vector<std::string> spellings = p->aliases;
      for (const auto& [who, alias] : std::vector(local_aliases_))
        if (who == p) spellings.push_back(alias);
      for (const auto& alias : spellings) {
        const auto words = split_words(alias);
        if (words.size() < 2 || !all_hangul(words.back()) || !all_hangul(words.front())) continue;
        if (!lexicon_.find(words.back()) && !is_not_name(words.back()))
          add_local_alias(p, std::string(words.back()));
      }
    }
  }
  if (doc.lang == "en") {
    for (const Entity* p : people) {
      const std::string surname = last_word(p->name);
      if (surname.size() >= 3 && surname != p->name && !find_any(surname) && !is_not_name(surname))
        add_local_alias(p, surname);
    }
  }

  // The spellings learnt since the sentences' mentions were found change only the sentences that
  // hold one (entities added since are organisations, which shared family names never are). The
  // trie lets a run of spaces stand for one: such a sentence is found again whatever it holds.
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const std::string_view s = doc.sentence(i);
    const bool spaced = s.find("  ") != std::string_view::npos;
    for (size_t k = aliases_before; k < local_aliases_.size(); ++k) {
      const std::string& alias = local_aliases_[k].second;
      if (s.find(alias) != std::string_view::npos ||
          (spaced && alias.find(' ') != std::string::npos)) {
        sentence_mentions_[i] = mentions(s);
        break;
      }
    }
  }
}

bool DocumentEntities::accept_end(std::string_view s, size_t alias_end, Mention& m) const {
  m.word_end = alias_end;
  if (alias_end >= s.size()) return true;
  size_t i = alias_end;
  char32_t c = next_code_point(s, i);
  if (is_ascii_alpha(c) || is_ascii_digit(c)) return false;  // inside a Latin word
  size_t rest_begin = alias_end;
  if (c == ')' && m.begin > 0 && s[m.begin - 1] == '(') {
    rest_begin = alias_end + 1;  // "그들(메타)은": the particle after ")" is the name's
    m.word_end = rest_begin;
  } else if (c == '(') {
    // A gloss "(Meta)" or "(Fundamental AI Research)" belongs to the name before it.
    const size_t close = s.find(')', alias_end);
    if (close != std::string_view::npos && close - alias_end < 80 &&
        s.substr(alias_end + 1, close - alias_end - 1).find('(') == std::string_view::npos) {
      rest_begin = close + 1;
      m.word_end = rest_begin;
    }
  } else if (!is_hangul(c) && c != '\'' && c != U'’' && c != U'”' && c != '"' && c != U'」' &&
             c != U'』') {
    return true;
  }
  // A closing quote may stand between a name and its particle: "'싱킹머신즈랩'을", "“메타”는".
  for (std::string_view q : {"'", "’", "”", "\"", "」", "』"})
    if (s.substr(rest_begin, q.size()) == q) {
      size_t after_quote = rest_begin + q.size();
      size_t k = after_quote;
      if (k < s.size() && (s[k] == '(' || is_hangul(next_code_point(s, k))))
        rest_begin = after_quote;
      break;
    }
  // "‘가나 랩스’(Gana Labs·GL)를": a gloss after the closing quote.
  if (rest_begin < s.size() && s[rest_begin] == '(' && rest_begin != alias_end) {
    const size_t close = s.find(')', rest_begin);
    if (close != std::string_view::npos && close - rest_begin < 80) {
      rest_begin = close + 1;
      m.word_end = rest_begin;
    }
  }
  // Korean particles after the name (or after its gloss) must make up the rest of the word.
  size_t j = rest_begin;
  while (j < s.size()) {
    size_t k = j;
    if (!is_hangul(next_code_point(s, k))) break;
    j = k;
  }
  if (j == rest_begin) return true;
  std::string_view rest = s.substr(rest_begin, j - rest_begin);
  if (!particles_.is_particle_sequence(rest)) return false;
  m.particle = std::string(rest);
  m.word_end = j;
  return true;
}

std::optional<Mention> DocumentEntities::match_at(std::string_view s, size_t i,
                                                  bool lexicon_may_start) const {
  size_t end_g = 0, end_l = 0;
  const int64_t g = lexicon_may_start ? lexicon_.trie().longest_at(s, i, end_g) : -1;
  const int64_t l = local_trie_.empty() ? -1 : local_trie_.longest_at(s, i, end_l);
  const bool local_first = l >= 0 && (g < 0 || end_l > end_g);
  for (const bool use_local : {local_first, !local_first}) {
    const int64_t id = use_local ? l : g;
    if (id < 0) continue;
    Mention m;
    m.begin = i;
    m.end = use_local ? end_l : end_g;
    m.entity = use_local ? local_targets_[static_cast<size_t>(id)]
                         : &lexicon_.entity(static_cast<uint32_t>(id));
    if (accept_end(s, m.end, m)) return m;
  }
  return std::nullopt;
}

std::vector<Mention> DocumentEntities::mentions(std::string_view s) const {
  std::vector<Mention> out;
  // Where a lexicon spelling begins. The trie also lets a run of spaces stand for one, which a
  // plain search does not: in such a sentence it is walked from every word start.
  std::vector<bool> lexicon_starts;
  if (s.find("  ") == std::string_view::npos) {
    lexicon_starts.assign(s.size(), false);
    for (const auto& hit : lexicon_.spellings().find_all(s)) lexicon_starts[hit.begin] = true;
  }
  bool prev_word_char = false;
  size_t i = 0;
  while (i < s.size()) {
    if (!prev_word_char) {
      if (auto m = match_at(s, i, lexicon_starts.empty() || lexicon_starts[i])) {
        i = m->word_end;
        prev_word_char = i > 0 && s[i - 1] != ')' && s[i - 1] != ' ';
        out.push_back(std::move(*m));
        continue;
      }
    }
    size_t next = i;
    prev_word_char = is_word_char(next_code_point(s, next));
    i = next;
  }
  add_shared_family_names(s, out);
  return out;
}

// "다리오·다니엘라 아모데이", "Dario and Daniela Amodei": a given name joined to a full
// name shares its family name.
void DocumentEntities::add_shared_family_names(std::string_view s,
                                               std::vector<Mention>& out) const {
  std::vector<Mention> extra;
  for (const auto& m : out) {
    if (!m.entity->is_person()) continue;
    const std::string_view matched = s.substr(m.begin, m.end - m.begin);
    const size_t space = matched.rfind(' ');
    if (space == std::string_view::npos) continue;
    const std::string_view family = matched.substr(space);  // " 아모데이"
    size_t joint = m.begin;
    for (std::string_view sep : {"·", "ㆍ", "・", ", ", " and ", " 및 ", "와 ", "과 "}) {
      if (joint >= sep.size() && s.substr(joint - sep.size(), sep.size()) == sep) {
        joint -= sep.size();
        size_t b = joint;
        while (b > 0 && s[b - 1] != ' ' && s[b - 1] != '(' && s[b - 1] != ',') --b;
        const std::string candidate = std::string(s.substr(b, joint - b)) + std::string(family);
        const Entity* e = find_any(candidate);
        if (e && e->is_person() && e != m.entity) {
          Mention x;
          x.begin = b;
          x.end = x.word_end = joint;
          x.entity = e;
          x.particle = m.particle;
          extra.push_back(std::move(x));
        }
        break;
      }
    }
  }
  if (extra.empty()) return;
  out.insert(out.end(), extra.begin(), extra.end());
  std::sort(out.begin(), out.end(),
            [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
}

}  // namespace tw::extract
