#include "query/arguments.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <set>

#include "resolve/phonetic.h"
#include "text/utf8.h"

namespace tw::query {

std::string one_of(const std::string& value, std::string_view name,
                   std::span<const std::string_view> allowed) {
  if (value.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end())
    return value;
  std::string list;
  for (const auto a : allowed) list += fmt::format("{}{}", list.empty() ? "" : ", ", a);
  throw BadArgument(fmt::format("{} must be one of: {}", name, list));
}

std::string window_bound(std::string_view value, std::string_view name) {
  if (value.empty()) return {};
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (i >= value.size() || value[i] < '0' || value[i] > '9') return false;
    return true;
  };
  auto number = [&](size_t from, size_t n) {
    return std::stoi(std::string(value.substr(from, n)));
  };
  bool ok = false;
  if (value.size() == 4) {
    ok = digits(0, 4);
  } else if (value.size() == 7) {
    ok = digits(0, 4) && value[4] == '-' && digits(5, 2) && number(5, 2) >= 1 && number(5, 2) <= 12;
  } else if (value.size() == 10 && digits(0, 4) && value[4] == '-' && digits(5, 2) &&
             value[7] == '-' && digits(8, 2)) {
    const std::chrono::year_month_day day{std::chrono::year{number(0, 4)},
                                          std::chrono::month{static_cast<unsigned>(number(5, 2))},
                                          std::chrono::day{static_cast<unsigned>(number(8, 2))}};
    ok = day.ok();
  }
  if (!ok)
    throw BadArgument(fmt::format("{} must be a date: YYYY, YYYY-MM or YYYY-MM-DD (got \"{}\")",
                                  name, text::printable(value)));
  return std::string(value);
}

std::string known_organisation(const store::Store& db, const knowledge::Lexicon& lexicon,
                               const std::string& name) {
  if (name.empty()) return {};
  if (const auto* e = lexicon.find(name); e && e->is_org()) return e->name;
  if (const auto stored = db.canonical_entity(name); stored && db.entity_kind(*stored) == "org")
    return *stored;
  throw BadArgument(fmt::format("no organisation named \"{}\"", text::printable(name)));
}

namespace {

std::vector<std::string> words_of(std::string_view name) {
  std::vector<std::string> words;
  for (size_t pos = 0; pos < name.size();) {
    size_t space = name.find(' ', pos);
    if (space == std::string_view::npos) space = name.size();
    if (space > pos) words.emplace_back(name.substr(pos, space - pos));
    pos = space + 1;
  }
  return words;
}

// Sound keys of a name's words long enough to tell apart: three consonants or more
// ("Ruoming" → RMN); two ("Pang" → PN) would match "Open" too.
std::set<std::string> word_keys(std::string_view name) {
  std::set<std::string> keys;
  for (const auto& w : words_of(name)) {
    const std::string key =
        resolve::phonetic_key(resolve::has_hangul(w) ? resolve::romanize(w) : w);
    if (key.size() >= 3) keys.insert(key);
  }
  return keys;
}

}  // namespace

std::vector<std::string> near_names(const store::Store& db, const knowledge::Lexicon& lexicon,
                                    const std::string& name, size_t limit) {
  std::vector<std::string> out;
  auto add = [&](const std::string& n) {
    if (out.size() < limit && std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
  };
  for (const auto& e : db.entities(name, "", limit)) add(e.name);
  const auto wanted = word_keys(name);
  if (out.size() >= limit || wanted.empty()) return out;
  auto sounds_near = [&](std::string_view spelling) {
    for (const auto& k : word_keys(spelling))
      if (wanted.count(k)) return true;
    return false;
  };
  // Stored names in order of mentions (Latin ones are keyed without transliteration),
  // then the lexicon's own spellings.
  for (const auto& e : db.entities("", "", 2000))
    if (!resolve::has_hangul(e.name) && sounds_near(e.name)) add(e.name);
  for (size_t i = 0; i < lexicon.size() && out.size() < limit; ++i) {
    const auto& e = lexicon.entity(static_cast<uint32_t>(i));
    if (sounds_near(e.name) || std::any_of(e.aliases.begin(), e.aliases.end(), sounds_near))
      add(e.name);
  }
  return out;
}

}  // namespace tw::query
