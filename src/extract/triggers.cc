#include "extract/triggers.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "common/data_dir.h"
#include "text/utf8.h"

namespace tw::extract {
namespace {

// Word lists are kept folded to ASCII lower case: matching is case-insensitive.
std::vector<std::string> list(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  if (auto it = j.find(key); it != j.end())
    for (const auto& v : *it) {
      std::string w = v.get<std::string>();
      for (char& c : w) c = text::ascii_lower(c);
      out.push_back(std::move(w));
    }
  return out;
}

std::vector<std::pair<std::string, std::vector<std::string>>> groups(const nlohmann::json& j,
                                                                     const char* key) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  if (auto it = j.find(key); it != j.end())
    for (const auto& [k, v] : it->items()) out.emplace_back(k, v.get<std::vector<std::string>>());
  return out;
}

const std::pair<const char*, Frame> kFrameNames[] = {
    {"hire", Frame::Hire},   {"appoint", Frame::Appoint}, {"join", Frame::Join},
    {"leave", Frame::Leave}, {"found", Frame::Found},     {"include", Frame::Include},
    {"offer", Frame::Offer}, {"invest", Frame::Invest},   {"acquire", Frame::Acquire},
    {"sell", Frame::Sell},   {"layoff", Frame::Layoff},   {"counter", Frame::Counter},
    {"stat", Frame::Stat}};

bool is_ascii_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

// Case-insensitive (ASCII) search.
size_t ifind(std::string_view s, std::string_view w, size_t from) {
  if (w.empty() || w.size() > s.size()) return std::string_view::npos;
  for (size_t i = from; i + w.size() <= s.size(); ++i) {
    size_t k = 0;
    while (k < w.size() && text::ascii_lower(s[i + k]) == text::ascii_lower(w[k])) ++k;
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
  for (auto& c : w) c = text::ascii_lower(c);
  for (std::string_view d :
       {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"})
    if (w == d) return true;
  return false;
}

}  // namespace

const char* event_type_of(Frame f) {
  switch (f) {
    case Frame::Hire:
    case Frame::Appoint:
    case Frame::Join:
    case Frame::Leave:
    case Frame::Found:
    case Frame::Include: return "move";
    case Frame::Offer: return "offer";
    case Frame::Invest: return "investment";
    case Frame::Acquire:
    case Frame::Sell: return "acquisition";
    case Frame::Layoff: return "layoff";
    case Frame::Counter: return "counteroffer";
    case Frame::Stat: return "comp_stat";
  }
  return "";
}

LanguageData LanguageData::from_json(std::string_view text, std::string lang) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    throw std::runtime_error("triggers/" + lang + ".json: not a JSON object");
  LanguageData d;
  d.lang = std::move(lang);
  std::vector<std::vector<std::string>*> word_lists;  // every list, for the one-pass search
  auto read = [&](std::vector<std::string>& member, const char* key) {
    member = list(j, key);
    word_lists.push_back(&member);
  };
  if (const auto g = j.find("grammar"); g != j.end() && g->is_object()) {
    Grammar& gr = d.grammar;
    for (auto [key, flag] : {std::pair{"verb_final", &Grammar::verb_final},
                             {"case_particles", &Grammar::case_particles},
                             {"capitalises_names", &Grammar::capitalises_names},
                             {"drops_subjects", &Grammar::drops_subjects}})
      gr.*flag = g->value(key, false);
    for (auto [key, reach] : {std::pair{"modifier_words_before", &Grammar::modifier_words_before},
                              {"valuation_words_before", &Grammar::valuation_words_before},
                              {"valuation_words_after", &Grammar::valuation_words_after}})
      gr.*reach = g->value(key, size_t{0});
    for (auto [key, words] : {std::pair{"list_joiners", &Grammar::list_joiners},
                              {"list_continuers", &Grammar::list_continuers},
                              {"adnominal_endings", &Grammar::adnominal_endings},
                              {"companions", &Grammar::companions},
                              {"stake_words", &Grammar::stake_words},
                              {"examples", &Grammar::examples},
                              {"now_words", &Grammar::now_words},
                              {"at_words", &Grammar::at_words},
                              {"relative_markers", &Grammar::relative_markers},
                              {"possessive_suffixes", &Grammar::possessive_suffixes},
                              {"plural_suffixes", &Grammar::plural_suffixes},
                              {"according_before", &Grammar::according_before},
                              {"according_after", &Grammar::according_after},
                              {"backed_markers", &Grammar::backed_markers}})
      word_lists.push_back(&(gr.*words = list(*g, key)));
  }
  for (const auto& [name, frame] : kFrameNames)
    if (j["frames"].contains(name))
      d.frames.emplace_back(frame, j["frames"][name].get<std::vector<std::string>>());
  read(d.blocked_after, "blocked_after");
  read(d.blocked_next_word, "blocked_next_word");
  read(d.passive, "passive");
  read(d.attempt, "attempt");
  read(d.hypothetical, "hypothetical");
  read(d.talks, "talks");
  read(d.bid, "bid");
  read(d.failure, "failure");
  read(d.accepted, "accepted");
  read(d.declined, "declined");
  read(d.cumulative, "cumulative");
  read(d.people_nouns, "people_nouns");
  read(d.count_nouns, "count_nouns");
  read(d.anaphora, "anaphora");
  read(d.pay_words, "pay_words");
  read(d.period_year, "period_year");
  read(d.group_markers, "group_markers");
  read(d.staff_nouns, "staff_nouns");
  read(d.nominal_triggers, "nominal_triggers");
  read(d.share_after, "share_after");
  read(d.former_between, "former_between");
  read(d.share_before, "share_before");
  read(d.cumulative_anywhere, "cumulative_anywhere");
  read(d.offer_received, "offer_received");
  read(d.including, "including");
  read(d.titles, "titles");
  read(d.received, "received");
  read(d.partitive, "partitive");
  read(d.size_words, "size_words");
  read(d.speech, "speech");
  read(d.denial, "denial");
  read(d.pronouns, "pronouns");
  read(d.negated, "negated");
  read(d.participation, "participation");
  read(d.valuation, "valuation");
  read(d.round_lead, "round_lead");
  read(d.round_joined, "round_joined");
  read(d.unit_nouns, "unit_nouns");
  read(d.former_words, "former_words");
  read(d.layoff_without_count, "layoff_without_count");
  read(d.agreed, "agreed");
  read(d.raid_words, "raid_words");
  read(d.negation_after, "negation_after");
  read(d.alumni_words, "alumni_words");
  read(d.tranche_words, "tranche_words");
  read(d.backer_statements, "backer_statements");
  read(d.round_words, "round_words");
  read(d.threshold_words, "threshold_words");
  read(d.loss_verbs, "loss_verbs");
  read(d.raise_words, "raise_words");
  d.comp_kinds = groups(j, "comp_kinds");
  d.index_triggers();
  d.stats = groups(j, "stats");
  d.index_word_lists(word_lists);
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

void LanguageData::index_triggers() {
  std::vector<std::string> words;
  trigger_frames_.clear();
  for (const auto& [frame, list] : frames)
    for (const auto& w : list) {
      const std::string folded = ascii_fold(w);
      if (w.empty() || std::find(words.begin(), words.end(), folded) != words.end()) continue;
      words.push_back(folded);
      trigger_frames_.push_back(frame);
    }
  trigger_words_ = text::PatternSet::words(words, text::PatternSet::Case::AsciiInsensitive);
}

void LanguageData::index_word_lists(const std::vector<std::vector<std::string>*>& lists) {
  std::vector<std::string> words;
  list_of_word_.clear();
  list_at_offset_.clear();
  list_count_ = 0;
  for (const auto* l : lists) {
    // A list holding "" is found at every position; the plain search keeps that list.
    if (l->empty() || std::find(l->begin(), l->end(), "") != l->end()) continue;
    // Known by its place in the object: the same in every copy of it.
    list_at_offset_.emplace(reinterpret_cast<const char*>(l) - reinterpret_cast<const char*>(this),
                            list_count_);
    for (const auto& w : *l) {
      words.push_back(w);
      list_of_word_.push_back(list_count_);
    }
    ++list_count_;
  }
  list_words_ = text::PatternSet::words(words, text::PatternSet::Case::Exact);
}

int LanguageData::list_id(const std::vector<std::string>& words) const {
  const auto it = list_at_offset_.find(reinterpret_cast<const char*>(&words) -
                                       reinterpret_cast<const char*>(this));
  return it == list_at_offset_.end() ? -1 : static_cast<int>(it->second);
}

WordListHits LanguageData::word_list_hits(std::string_view folded) const {
  WordListHits out;
  const auto found = list_words_.find_all(folded);
  // Grouped by list (a counting sort), each list's hits in the order they end.
  out.first.assign(list_count_ + 1, 0);
  for (const auto& h : found) ++out.first[list_of_word_[h.id] + 1];
  for (size_t i = 1; i < out.first.size(); ++i) out.first[i] += out.first[i - 1];
  out.spans.resize(found.size());
  std::vector<uint32_t> next(out.first.begin(), out.first.end() - 1);
  for (const auto& h : found)
    out.spans[next[list_of_word_[h.id]]++] = {static_cast<uint32_t>(h.begin),
                                              static_cast<uint32_t>(h.end)};
  return out;
}

size_t LanguageData::find_folded(std::string_view folded, const WordListHits& hits,
                                 const std::vector<std::string>& words, size_t from,
                                 size_t to) const {
  const int id = hits.first.empty() ? -1 : list_id(words);
  if (id < 0) return find_any_folded(folded, words, from, to);
  if (to > folded.size()) to = folded.size();
  if (from >= to) return std::string_view::npos;
  const std::string_view window =
      folded.substr(0, to);  // as find_any_folded: the window ends at `to`
  size_t best = std::string_view::npos;
  for (uint32_t k = hits.first[id]; k < hits.first[id + 1]; ++k) {
    const auto [b, e] = hits.spans[k];
    if (b < from || e > to || b >= best) continue;
    if (ascii_word_bounded(window, b, e, window.substr(b, e - b))) best = b;
  }
  return best;
}

std::vector<TriggerHit> LanguageData::find_triggers(std::string_view s) const {
  std::vector<TriggerHit> hits;
  const bool korean = lang == "ko";
  for (const auto& found : trigger_words_.find_all(s)) {
    const size_t p = found.begin, e = found.end;
    // Triggers start a word: "인사들" holds no "사들", "rehired" no "hired".
    if (p > 0) {
      size_t q = p - 1;
      while (q > 0 && (static_cast<unsigned char>(s[q]) & 0xC0) == 0x80) --q;
      const char32_t c = text::next_code_point(s, q);
      if (text::is_hangul(c) || (c < 0x80 && is_ascii_word(static_cast<char>(c)) && c != '-'))
        continue;
    }
    const Frame frame = trigger_frames_[found.id];
    const std::string_view w = s.substr(p, e - p);
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
    } else if (is_noun_use(s, p) &&
               (frame == Frame::Hire || frame == Frame::Appoint || frame == Frame::Join ||
                frame == Frame::Leave || frame == Frame::Found || frame == Frame::Offer)) {
      continue;  // "the hiring push", "its offer": a noun, not the event's verb
    }
    hits.push_back({frame, p, e});
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
      const bool after_deal =
          i > 0 && is_deal(kept[i - 1].frame) && kept[i].begin - kept[i - 1].end <= 8;
      const bool before_deal =
          i + 1 < kept.size() && is_deal(kept[i + 1].frame) && kept[i + 1].begin - kept[i].end <= 8;
      if (after_deal || before_deal) continue;
    }
    out.push_back(kept[i]);
  }
  return out;
}

std::string ascii_fold(std::string_view s) { return text::ascii_lower(s); }

size_t find_any_folded(std::string_view s, const std::vector<std::string>& words, size_t from,
                       size_t to) {
  if (to > s.size()) to = s.size();
  if (from >= to) return std::string_view::npos;
  const std::string_view window = s.substr(0, to);
  size_t best = std::string_view::npos;
  for (const auto& w : words) {
    for (size_t p = window.find(w, from); p != std::string_view::npos && p < best;
         p = window.find(w, p + 1)) {
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
    const bool ascii = std::all_of(w.begin(), w.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    for (size_t p = ascii ? ifind(window, w, from) : window.find(w, from);
         p != std::string_view::npos; p = ascii ? ifind(window, w, p + 1) : window.find(w, p + 1)) {
      if (ascii && !ascii_word_bounded(window, p, p + w.size(), w)) continue;
      best = std::min(best, p);
      break;
    }
  }
  return best;
}

bool starts_with_any(std::string_view s, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& w) { return s.starts_with(w); });
}

bool contains_any(std::string_view s, const std::vector<std::string>& words, size_t from,
                  size_t to) {
  return find_any(s, words, from, to) != std::string_view::npos;
}

}  // namespace tw::extract
