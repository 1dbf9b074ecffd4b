#include <algorithm>

#include "extract/roles.h"

namespace tw::extract {
namespace {

bool one_of(std::string_view s, std::initializer_list<std::string_view> options) {
  return std::find(options.begin(), options.end(), s) != options.end();
}

Role role_of_particle(std::string_view p) {
  // The last particle decides ("에게는" → recipient, "로부터" → source).
  if (one_of(p, {"은", "는", "이", "가", "도", "께서", "측은", "측이", "이나", "만"}))
    return Role::Subject;
  if (one_of(p, {"을", "를"})) return Role::Object;
  if (one_of(p, {"의", "측의", "과의", "와의"})) return Role::Possessor;
  if (one_of(p, {"에", "에게", "한테", "께", "에게는", "에는", "에도", "에게도"}))
    return Role::Recipient;
  if (one_of(p, {"에서", "로부터", "으로부터", "에게서", "에서도", "에서는", "에서의", "부터"}))
    return Role::Source;
  if (one_of(p, {"로", "으로", "로의", "으로의", "로도", "으로도", "로는", "으로는", "행", "행을",
                 "행이", "행은"}))
    return Role::Destination;
  return Role::Other;
}

std::string_view word_after(std::string_view s, size_t pos) {
  // Past closing quotes and a gloss: "‘가나AI’ 인수", "‘가나'(Gana) 인수".
  for (bool moved = true; moved;) {
    moved = false;
    for (std::string_view q : {"’", "'", "”", "\"", "」", "』"})
      if (s.substr(pos, q.size()) == q) {
        pos += q.size();
        moved = true;
      }
    if (pos < s.size() && s[pos] == '(') {
      const size_t close = s.find(')', pos);
      if (close != std::string_view::npos && close - pos < 60) {
        pos = close + 1;
        moved = true;
      }
    }
  }
  while (pos < s.size() && s[pos] == ' ') ++pos;
  size_t e = pos;
  while (e < s.size() && s[e] != ' ' && s[e] != ',' && s[e] != '.') ++e;
  return s.substr(pos, e - pos);
}

}  // namespace

std::vector<Arg> korean_roles(std::string_view s, const std::vector<Mention>& mentions,
                              const LanguageData& lang) {
  std::vector<Arg> args;
  for (const auto& m : mentions) {
    Arg a{m.entity, m.begin, m.end, m.word_end, Role::Other, false};
    std::string_view particle = m.particle;
    if (particle.empty() && m.entity->is_person()) {
      // "홍길동 가나랩스 최고경영자(CEO)는", "제인 로 CEO는": the title after a name carries its
      // particle.
      size_t pos = m.word_end;
      for (int words = 0; words < 3; ++words) {
        while (pos < s.size() && s[pos] == ' ') ++pos;
        size_t e = pos;
        while (e < s.size() && s[e] != ' ' && s[e] != ',') ++e;
        std::string_view w = s.substr(pos, e - pos);
        const std::string folded = ascii_fold(w);  // titles are stored folded: "CEO" → "ceo"
        // A title or a people noun: "케 양 임원이", "도리안 벨크 공동창업자와".
        const std::string* title = nullptr;
        for (const auto* list : {&lang.titles, &lang.people_nouns})
          for (const auto& t : *list)
            if (!title && folded.starts_with(t)) title = &t;
        if (title) {
          std::string_view rest = w.substr(title->size());
          if (rest.starts_with("(")) rest.remove_prefix(std::min(rest.size(), rest.find(')') + 1));
          if (!rest.empty()) {
            particle = rest;
            break;
          }
        }
        pos = e;
      }
    }
    // "등" / "등이" after a list of names: the role is the particle after 등 ("샤지르 등을").
    if (particle.empty()) {
      const std::string_view next_word = word_after(s, m.word_end);
      if (next_word.starts_with("등") && m.word_end < s.size() && s[m.word_end] == ' ')
        particle = next_word;
    }
    if (particle.starts_with("등")) {
      particle.remove_prefix(3);
      // "오픈AI·구글·앤스로픽 등 경쟁사에서": the list takes the particle of the noun after 등.
      if (particle.empty()) {
        size_t after = m.word_end;
        while (after < s.size() && s[after] == ' ') ++after;
        if (s.substr(after, 3) == "등") {
          const std::string_view head = word_after(s, after + 3);
          for (size_t cut = 3; cut < head.size() && particle.empty(); ++cut) {
            if ((static_cast<unsigned char>(head[cut]) & 0xC0) == 0x80) continue;
            const Role r = role_of_particle(head.substr(cut));
            if (r == Role::Source || r == Role::Destination || r == Role::Recipient)
              particle = head.substr(cut);
          }
        }
      }
    }
    a.role = role_of_particle(particle);
    const std::string_view next = word_after(s, m.word_end);
    if (particle.empty() || particle == "와" || particle == "과") {
      if (next.starts_with("출신") || next.starts_with("소속"))
        a.role = Role::Source;
      else if (next.starts_with("합류") || next.starts_with("입사"))
        a.role = Role::Destination;
      else if (next.starts_with("인수") || next.starts_with("흡수"))
        a.role = Role::Object;
      else if (next.starts_with("투자"))
        a.role = Role::Recipient;
      else if (particle.empty() && next.starts_with("지분"))
        a.role = Role::Recipient;  // "베어로보틱스 지분 21%를 취득"
      else if (particle.empty() && m.word_end < s.size() && s[m.word_end] == ',' && m.begin == 0) {
        a.role = Role::Subject;  // headline: "애플, 한 달 만에 …"
        a.headline_topic = true;
      } else if (particle.empty()) {
        // "OpenAI 직원들에게", "구글 딥마인드 연구원": the name owns the noun after it.
        bool people = false;
        for (const auto& n : lang.people_nouns) people |= next.starts_with(n);
        a.role = people ? Role::Possessor : Role::Other;
        // "메타 초지능 연구소 수석과학자로 임명": a title with 로 names the destination.
        for (const auto& t : lang.titles)
          if (ascii_fold(next).starts_with(t) && (next.ends_with("로") || next.ends_with("으로")))
            a.role = Role::Destination;
      }
    }
    if (a.role == Role::Possessor && (next.starts_with("지분")))
      a.role = Role::Recipient;  // 스케일 AI의 지분
    if (particle.empty() && m.entity->is_org()) {
      // A former employer: "전 가나AI 대표", "가나전자 전 사장", "가나랩스 대표 출신인".
      auto is_title = [&](std::string_view w) {
        const std::string folded = ascii_fold(w);
        for (const auto* list : {&lang.titles, &lang.people_nouns})
          for (const auto& t : *list)
            if (folded.starts_with(t) || (t.size() >= 6 && folded.find(t) != std::string::npos))
              return true;
        return false;
      };
      const bool former_before = m.begin >= 4 && s.substr(m.begin - 4, 4) == "전 ";
      const size_t after_next =
          m.word_end + (m.word_end < s.size() && s[m.word_end] == ' ' ? 1 : 0) + next.size();
      const std::string_view second = word_after(s, after_next);
      if ((former_before && is_title(next)) || (next == "전" && is_title(second)) ||
          (is_title(next) && second.starts_with("출신")))
        a.role = Role::Source;
    }
    if (a.role == Role::Possessor || a.role == Role::Other) {
      // "메타의 새 AI팀에 합류", "메타 AI 연구 부문에": the organisation heads a unit whose
      // particle gives the role.
      size_t pos = m.word_end;
      for (int words = 0; words < 3; ++words) {
        while (pos < s.size() && s[pos] == ' ') ++pos;
        size_t e = pos;
        while (e < s.size() && s[e] != ' ' && s[e] != ',' && s[e] != '.') ++e;
        if (e == pos) break;
        const std::string_view w = s.substr(pos, e - pos);
        if (std::any_of(mentions.begin(), mentions.end(),
                        [&](const Mention& o) { return o.begin >= pos && o.begin < e; }))
          break;
        bool found = false;
        for (size_t cut = w.size(); cut-- > 1 && !found;) {
          if ((static_cast<unsigned char>(w[cut]) & 0xC0) == 0x80)
            continue;  // a code point boundary
          const Role r = role_of_particle(w.substr(cut));
          if (r == Role::Other || r == Role::Possessor || r == Role::Subject || r == Role::Object)
            continue;
          const std::string_view stem = w.substr(0, cut);
          for (const auto& u : lang.unit_nouns)
            if (stem.ends_with(u)) {
              a.role = r;
              found = true;
              break;
            }
        }
        // A word with its own subject or object particle closes the phrase the name heads.
        if (found || w.ends_with("을") || w.ends_with("를") || w.ends_with("은") ||
            w.ends_with("는") || w.ends_with("이") || w.ends_with("가"))
          break;
        pos = e;
      }
    }
    args.push_back(a);
  }
  // Coordination: "OpenAI와 Anthropic 등 다른 기업의" — a conjunct shares the role of the next
  // name.
  for (size_t i = args.size(); i-- > 0;) {
    const auto& p = mentions[i].particle;
    if ((p == "와" || p == "과" || p.empty()) && i + 1 < args.size() &&
        args[i].role == Role::Other && args[i + 1].entity->kind == args[i].entity->kind &&
        args[i + 1].begin - args[i].word_end <= 8)
      args[i].role = args[i + 1].role;
  }
  return args;
}

std::vector<size_t> clause_breaks(std::string_view s, const LanguageData& lang) {
  std::vector<size_t> breaks;
  if (lang.lang == "ko") {
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == ';') {
        breaks.push_back(i + 1);
        continue;
      }
      if (s[i] == ',') {
        // A comma after a connective ending ends a clause; after a name or noun it only lists.
        static const std::vector<std::string_view> connective{
            "며", "고", "만", "나", "데", "서", "해", "어", "아", "여", "니", "라", "게", "지"};
        for (auto c : connective)
          if (i >= c.size() && s.substr(i - c.size(), c.size()) == c) {
            breaks.push_back(i + 1);
            break;
          }
        continue;
      }
      if (s[i] != ' ') continue;
      // A connective ending closes a clause: …했으며 / …했고 / …지만 / …는데 / …면서 / …한 데 이어
      static const std::vector<std::string_view> endings{"며",   "하고",   "했고", "였고", "었고",
                                                         "았고", "되고",   "있고", "없고", "지만",
                                                         "으나", "했으나", "는데", "면서", "이어"};
      for (std::string_view end : endings) {
        if (i >= end.size() && s.substr(i - end.size(), end.size()) == end) {
          breaks.push_back(i + 1);
          break;
        }
      }
    }
  } else {
    static const std::vector<std::string> connectives{
        ", and ", "; ", ", while ", ", but ", ", after ", ", whereas ", " while "};
    for (const auto& c : connectives)
      for (size_t p = s.find(c); p != std::string_view::npos; p = s.find(c, p + 1))
        breaks.push_back(p + c.size());
    std::sort(breaks.begin(), breaks.end());
    breaks.erase(std::unique(breaks.begin(), breaks.end()),
                 breaks.end());  // ", while " and " while "
  }
  return breaks;
}

}  // namespace tw::extract
