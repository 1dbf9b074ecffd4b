#include <algorithm>
#include <cctype>
#include <string>

#include "extract/roles.h"

namespace tw::extract {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return out;
}

// The word before position `pos` (lower case), skipping spaces, "the", "a", quotes.
std::string word_before(std::string_view s, size_t pos, int skip_articles = 1) {
  size_t e = pos;
  for (;;) {
    while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '"')) --e;
    size_t b = e;
    while (b > 0 && s[b - 1] != ' ' && s[b - 1] != ',' && s[b - 1] != '(' && s[b - 1] != '"') --b;
    std::string w = lower(s.substr(b, e - b));
    if (skip_articles > 0 &&
        (w == "the" || w == "a" || w == "an" || w == "rival" || w == "startup" || w == "start-up" ||
         w == "ai" || w == "lab" || w == "company" || w == "firm" || w == "giant")) {
      e = b;
      --skip_articles;
      if (skip_articles == 0) skip_articles = 1;  // allow "the AI startup X"
      if (b == 0) return "";
      continue;
    }
    return w;
  }
}

std::string word_after(std::string_view s, size_t pos) {
  size_t b = pos;
  while (b < s.size() && s[b] == ' ') ++b;
  size_t e = b;
  while (e < s.size() && s[e] != ' ' && s[e] != ',' && s[e] != '.' && s[e] != ';') ++e;
  return lower(s.substr(b, e - b));
}

bool one_of(const std::string& w, std::initializer_list<std::string_view> options) {
  return std::find(options.begin(), options.end(), w) != options.end();
}

}  // namespace

std::vector<Arg> english_roles(std::string_view s, const std::vector<Mention>& mentions,
                               const std::vector<TriggerHit>& triggers, const LanguageData& lang) {
  std::vector<Arg> args;
  const size_t first_trigger = triggers.empty() ? s.size() : triggers.front().begin;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    Arg a{m.entity, m.begin, m.end, m.word_end, Role::Other, false};
    // "a co-founder of Elon Musk's xAI": a name after a possessive name takes that name's
    // preposition.
    size_t lead = m.begin;
    for (size_t k = i; k > 0; --k) {
      const Mention& p = mentions[k - 1];
      const std::string_view gap = s.substr(p.word_end, lead - std::min(lead, p.word_end));
      if (!(gap == "'s " || gap == "\xE2\x80\x99s ")) break;
      lead = p.begin;
    }
    const std::string before = word_before(s, lead);
    const std::string after = word_after(s, m.word_end);
    const bool possessive =
        s.substr(m.word_end, 2) == "'s" || s.substr(m.word_end, 4) == "\xE2\x80\x99s";
    if (possessive && m.entity->is_org())
      a.role = Role::Possessor;  // "for Google's Gemini": the owner, whatever preposition precedes
    else if (one_of(before, {"from", "left", "leaving", "leaves", "quit", "quitting", "departed",
                             "exited", "ex-", "formerly", "previously", "spurned", "poached",
                             "alumni", "veterans", "veteran", "alumnus"}))
      a.role = Role::Source;
    else if (one_of(before, {"to", "join", "joined", "joining", "joins", "for"}))
      a.role = Role::Destination;
    else if (one_of(before, {"in", "into", "of", "at"}) && m.entity->is_org()) {
      // "invested in X" / "stake in X" vs "researcher at X" / "co-founder of X"
      a.role = (before == "in" || before == "into") ? Role::Recipient : Role::Possessor;
    } else if (before == "by")
      a.role = Role::Agent;
    else if (one_of(before, {"acquire", "acquired", "acquiring", "acquires", "buy", "bought",
                             "buying", "purchase", "purchased", "absorb", "absorbed", "absorbing",
                             "backed", "backs", "back"}))
      a.role = before.starts_with("back") ? Role::Recipient : Role::Object;
    else if (possessive)
      a.role = Role::Possessor;
    else if (m.entity->is_org() && (std::any_of(lang.people_nouns.begin(), lang.people_nouns.end(),
                                                [&](const auto& n) { return after == n; }) ||
                                    std::any_of(lang.titles.begin(), lang.titles.end(),
                                                [&](const auto& n) { return lower(n) == after; })))
      a.role = Role::Possessor;  // "OpenAI researcher", "Apple engineers", "Adept CEO"
    else if (m.begin < first_trigger)
      a.role = Role::Subject;  // the frame takes the nearest one before its trigger
    else if (m.begin > first_trigger)
      a.role = Role::Object;
    args.push_back(a);
  }
  // "OpenAI and Google DeepMind researchers": a conjunct shares the next name's role.
  for (size_t i = args.size(); i-- > 0;) {
    if (i + 1 >= args.size()) continue;
    const std::string_view gap = s.substr(
        args[i].word_end, args[i + 1].begin - std::min(args[i + 1].begin, args[i].word_end));
    if ((gap == " and " || gap == ", " || gap == " or ") &&
        args[i + 1].entity->kind == args[i].entity->kind && args[i].role == Role::Other)
      args[i].role = args[i + 1].role;
  }
  return args;
}

}  // namespace tw::extract
