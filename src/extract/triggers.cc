#include "extract/triggers.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "common/data_dir.h"
#include "text/utf8.h"

namespace tw::extract {
namespace {

char fold_char(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Word lists are kept folded to ASCII lower case: matching is case-insensitive.
std::vector<std::string> list(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  if (auto it = j.find(key); it != j.end())
    for (const auto& v : *it) {
      std::string w = v.get<std::string>();
      for (char& c : w) c = fold_char(c);
      out.push_back(std::move(w));
    }
  return out;
}

std::vector<std::pair<std::string, std::vector<std::string>>> groups(const nlohmann::json& j, const char* key) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  if (auto it = j.find(key); it != j.end())
    for (const auto& [k, v] : it->items()) out.emplace_back(k, v.get<std::vector<std::string>>());
  return out;
}

const std::pair<const char*, Frame> kFrameNames[] = {
    {"hire", Frame::Hire},     {"appoint", Frame::Appoint}, {"join", Frame::Join},       {"leave", Frame::Leave},
    {"found", Frame::Found},   {"include", Frame::Include}, {"offer", Frame::Offer},     {"invest", Frame::Invest},
    {"acquire", Frame::Acquire}, {"sell", Frame::Sell}, {"layoff", Frame::Layoff}, {"counter", Frame::Counter},
    {"stat", Frame::Stat}};

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_ascii_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

// Case-insensitive (ASCII) search.
size_t ifind(std::string_view s, std::string_view w, size_t from) {
  if (w.empty() || w.size() > s.size()) return std::string_view::npos;
  for (size_t i = from; i + w.size() <= s.size(); ++i) {
    size_t k = 0;
    while (k < w.size() && ascii_lower(s[i + k]) == ascii_lower(w[k])) ++k;
    if (k == w.size()) return i;
  }
  return std::string_view::npos;
}

bool ascii_word_bounded(std::string_view s, size_t b, size_t e, std::string_view w) {
  const bool left_ok = b == 0 || !is_ascii_word(s[b - 1]) || !is_ascii_word(w.front());
  const bool right_ok = e >= s.size() || !is_ascii_word(s[e]) || !is_ascii_word(w.back());
  return left_ok && right_ok;
}

// The rest of the Hangul word after position `e` (up to a space or punctuation).
std::string_view word_rest(std::string_view s, size_t e) {
  size_t j = e;
  while (j < s.size()) {
    size_t k = j;
    if (!text::is_hangul(text::next_code_point(s, k))) break;
    j = k;
  }
  return s.substr(e, j - e);
}

std::string_view next_word(std::string_view s, size_t e) {
  size_t b = e;
  while (b < s.size() && s[b] != ' ') ++b;  // finish the current word
  while (b < s.size() && s[b] == ' ') ++b;
  size_t f = b;
  while (f < s.size() && s[f] != ' ' && s[f] != ',' && s[f] != '.') ++f;
  return s.substr(b, f - b);
}

// An English trigger right after a determiner is used as a noun.
bool is_noun_use(std::string_view s, size_t p) {
  size_t e = p;
  while (e > 0 && s[e - 1] == ' ') --e;
  size_t b = e;
  while (b > 0 && s[b - 1] != ' ') --b;
  std::string w(s.substr(b, e - b));
  for (auto& c : w) c = ascii_lower(c);
  for (std::string_view d : {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"})
    if (w == d) return true;
  return false;
}

}  // namespace

const char* event_type_of(Frame f) {
  switch (f) {
    case Frame::Hire: case Frame::Appoint: case Frame::Join: case Frame::Leave: case Frame::Found: case Frame::Include: return "move";
    case Frame::Offer: return "offer";
    case Frame::Invest: return "investment";
    case Frame::Acquire: case Frame::Sell: return "acquisition";
    case Frame::Layoff: return "layoff";
    case Frame::Counter: return "counteroffer";
    case Frame::Stat: return "comp_stat";
  }
  return "";
}

LanguageData LanguageData::from_json(std::string_view text, std::string lang) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw std::runtime_error("triggers/" + lang + ".json: not a JSON object");
  LanguageData d;
  d.lang = std::move(lang);
  if (const auto g = j.find("grammar"); g != j.end() && g->is_object()) {
    Grammar& gr = d.grammar;
    for (auto [key, flag] : {std::pair{"verb_final", &Grammar::verb_final}, {"case_particles", &Grammar::case_particles},
                             {"capitalises_names", &Grammar::capitalises_names}, {"drops_subjects", &Grammar::drops_subjects}})
      gr.*flag = g->value(key, false);
    for (auto [key, reach] : {std::pair{"modifier_words_before", &Grammar::modifier_words_before},
                              {"valuation_words_before", &Grammar::valuation_words_before},
                              {"valuation_words_after", &Grammar::valuation_words_after}})
      gr.*reach = g->value(key, size_t{0});
    for (auto [key, words] : {std::pair{"list_joiners", &Grammar::list_joiners}, {"list_continuers", &Grammar::list_continuers},
                              {"adnominal_endings", &Grammar::adnominal_endings}, {"companions", &Grammar::companions},
                              {"stake_words", &Grammar::stake_words}, {"examples", &Grammar::examples},
                              {"now_words", &Grammar::now_words}, {"at_words", &Grammar::at_words},
                              {"relative_markers", &Grammar::relative_markers},
                              {"possessive_suffixes", &Grammar::possessive_suffixes},
                              {"plural_suffixes", &Grammar::plural_suffixes}, {"according_before", &Grammar::according_before},
                              {"according_after", &Grammar::according_after}, {"backed_markers", &Grammar::backed_markers}})
      gr.*words = list(*g, key);
  }
  for (const auto& [name, frame] : kFrameNames)
    if (j["frames"].contains(name)) d.frames.emplace_back(frame, j["frames"][name].get<std::vector<std::string>>());
  d.blocked_after = list(j, "blocked_after");
  d.blocked_next_word = list(j, "blocked_next_word");
  d.passive = list(j, "passive");
  d.attempt = list(j, "attempt");
  d.hypothetical = list(j, "hypothetical");
  d.talks = list(j, "talks");
  d.bid = list(j, "bid");
  d.failure = list(j, "failure");
  d.accepted = list(j, "accepted");
  d.declined = list(j, "declined");
  d.cumulative = list(j, "cumulative");
  d.people_nouns = list(j, "people_nouns");
  d.count_nouns = list(j, "count_nouns");
  d.anaphora = list(j, "anaphora");
  d.pay_words = list(j, "pay_words");
  d.period_year = list(j, "period_year");
  d.group_markers = list(j, "group_markers");
  d.staff_nouns = list(j, "staff_nouns");
  d.nominal_triggers = list(j, "nominal_triggers");
  d.share_after = list(j, "share_after");
  d.former_between = list(j, "former_between");
  d.share_before = list(j, "share_before");
  d.cumulative_anywhere = list(j, "cumulative_anywhere");
  d.offer_received = list(j, "offer_received");
  d.including = list(j, "including");
  d.titles = list(j, "titles");
  d.received = list(j, "received");
  d.partitive = list(j, "partitive");
  d.size_words = list(j, "size_words");
  d.speech = list(j, "speech");
  d.denial = list(j, "denial");
  d.pronouns = list(j, "pronouns");
  d.negated = list(j, "negated");
  d.participation = list(j, "participation");
  d.valuation = list(j, "valuation");
  d.round_lead = list(j, "round_lead");
  d.round_joined = list(j, "round_joined");
  d.unit_nouns = list(j, "unit_nouns");
  d.former_words = list(j, "former_words");
  d.layoff_without_count = list(j, "layoff_without_count");
  d.agreed = list(j, "agreed");
  d.raid_words = list(j, "raid_words");
  d.negation_after = list(j, "negation_after");
  d.alumni_words = list(j, "alumni_words");
  d.tranche_words = list(j, "tranche_words");
  d.backer_statements = list(j, "backer_statements");
  d.round_words = list(j, "round_words");
  d.threshold_words = list(j, "threshold_words");
  d.loss_verbs = list(j, "loss_verbs");
  d.comp_kinds = groups(j, "comp_kinds");
  d.build_trie();
  d.stats = groups(j, "stats");
  return d;
}

const LanguageData& LanguageData::korean() {
  static const LanguageData d = from_json(read_file(data_dir() / "triggers" / "ko.json"), "ko");
  return d;
}

const LanguageData& LanguageData::english() {
  static const LanguageData d = from_json(read_file(data_dir() / "triggers" / "en.json"), "en");
  return d;
}

void LanguageData::build_trie() {
  trie_ = std::make_shared<std::vector<TrieNode>>(1);
  auto& nodes = *trie_;
  for (const auto& [frame, words] : frames) {
    for (const auto& w : words) {
      uint32_t n = 0;
      for (char ch : w) {
        const auto c = static_cast<unsigned char>(ascii_lower(ch));
        auto it = std::find_if(nodes[n].next.begin(), nodes[n].next.end(), [c](const auto& p) { return p.first == c; });
        if (it != nodes[n].next.end()) {
          n = it->second;
        } else {
          nodes[n].next.emplace_back(c, static_cast<uint32_t>(nodes.size()));
          n = static_cast<uint32_t>(nodes.size());
          nodes.emplace_back();
        }
      }
      if (nodes[n].frame < 0) nodes[n].frame = static_cast<int>(frame);
    }
  }
}

std::vector<TriggerHit> LanguageData::find_triggers(std::string_view s) const {
  std::vector<TriggerHit> hits;
  const bool korean = lang == "ko";
  const auto& nodes = *trie_;
  bool prev_word = false;
  for (size_t p = 0; p < s.size();) {
    size_t next = p;
    const char32_t c = text::next_code_point(s, next);
    const bool word_char = text::is_hangul(c) || (c < 0x80 && is_ascii_word(static_cast<char>(c)) && c != '-');
    // Triggers start a word: "인사들" holds no "사들", "rehired" no "hired".
    if (prev_word) {
      prev_word = word_char;
      p = next;
      continue;
    }
    prev_word = word_char;
    // Every trigger ending along this path is a candidate (longest kept later).
    uint32_t n = 0;
    for (size_t i = p; i < s.size(); ++i) {
      const auto ch = static_cast<unsigned char>(ascii_lower(s[i]));
      const auto& nx = nodes[n].next;
      auto it = std::find_if(nx.begin(), nx.end(), [ch](const auto& q) { return q.first == ch; });
      if (it == nx.end()) break;
      n = it->second;
      if (nodes[n].frame < 0) continue;
      const auto frame = static_cast<Frame>(nodes[n].frame);
      const size_t e = i + 1;
      const std::string_view w = s.substr(p, e - p);
      {
        if (korean) {
          const std::string_view rest = word_rest(s, e);
          bool blocked = false;
          for (const auto& b : blocked_after)
            if (rest == b || (rest.starts_with(b) && b.size() >= 6)) blocked = true;
          if (rest.empty() || rest.size() <= 3) {
            const std::string_view nw = next_word(s, e);
            for (const auto& b : blocked_next_word)
              if (nw == b) blocked = true;
          }
          if (blocked) continue;
        } else if (!ascii_word_bounded(s, p, e, w)) {
          continue;
        } else if (is_noun_use(s, p) && (frame == Frame::Hire || frame == Frame::Appoint || frame == Frame::Join ||
                                         frame == Frame::Leave || frame == Frame::Found || frame == Frame::Offer)) {
          continue;  // "the hiring push", "its offer": a noun, not the event's verb
        }
        hits.push_back({frame, p, e});
      }
    }
    p = next;
  }
  std::sort(hits.begin(), hits.end(), [](const TriggerHit& a, const TriggerHit& b) {
    return a.begin != b.begin ? a.begin < b.begin : (a.end - a.begin) > (b.end - b.begin);
  });
  std::vector<TriggerHit> kept;
  for (const auto& h : hits)
    if (kept.empty() || h.begin >= kept.back().end) kept.push_back(h);
  // "인수 제안", "투자 제안", "an offer to buy": the offer is the deal's, not a job offer.
  // "영입 제안": the hire is what is offered, not what happened.
  std::vector<TriggerHit> out;
  for (size_t i = 0; i < kept.size(); ++i) {
    auto is_deal = [](Frame f) { return f == Frame::Acquire || f == Frame::Invest; };
    if ((kept[i].frame == Frame::Hire || kept[i].frame == Frame::Join) && i + 1 < kept.size() &&
        kept[i + 1].frame == Frame::Offer && kept[i + 1].begin - kept[i].end <= 2)
      continue;
    if (kept[i].frame == Frame::Offer) {
      const bool after_deal = i > 0 && is_deal(kept[i - 1].frame) && kept[i].begin - kept[i - 1].end <= 8;
      const bool before_deal = i + 1 < kept.size() && is_deal(kept[i + 1].frame) && kept[i + 1].begin - kept[i].end <= 8;
      if (after_deal || before_deal) continue;
    }
    out.push_back(kept[i]);
  }
  return out;
}

std::string ascii_fold(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = fold_char(c);
  return out;
}

size_t find_any_folded(std::string_view s, const std::vector<std::string>& words, size_t from, size_t to) {
  if (to > s.size()) to = s.size();
  if (from >= to) return std::string_view::npos;
  const std::string_view window = s.substr(0, to);
  size_t best = std::string_view::npos;
  for (const auto& w : words) {
    for (size_t p = window.find(w, from); p != std::string_view::npos && p < best; p = window.find(w, p + 1)) {
      if (!ascii_word_bounded(window, p, p + w.size(), w)) continue;
      best = p;
      break;
    }
  }
  return best;
}

size_t find_any(std::string_view s, const std::vector<std::string>& words, size_t from, size_t to) {
  if (to > s.size()) to = s.size();
  if (from >= to) return std::string_view::npos;
  const std::string_view window = s.substr(0, to);
  size_t best = std::string_view::npos;
  for (const auto& w : words) {
    const bool ascii = std::all_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    for (size_t p = ascii ? ifind(window, w, from) : window.find(w, from); p != std::string_view::npos;
         p = ascii ? ifind(window, w, p + 1) : window.find(w, p + 1)) {
      if (ascii && !ascii_word_bounded(window, p, p + w.size(), w)) continue;
      best = std::min(best, p);
      break;
    }
  }
  return best;
}

bool starts_with_any(std::string_view s, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return s.starts_with(w); });
}

bool contains_any(std::string_view s, const std::vector<std::string>& words, size_t from, size_t to) {
  return find_any(s, words, from, to) != std::string_view::npos;
}

}  // namespace tw::extract
