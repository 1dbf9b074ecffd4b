#include "text/furniture.h"

#include "common/data_dir.h"
#include "text/utf8.h"

namespace tw::text {
namespace {

struct LineShape {
  size_t letters = 0;       // code points that are letters
  size_t chars = 0;         // code points that are not spaces
  bool bulleted = false;    // starts with a list bullet
  bool terminated = false;  // ends like a sentence
};

bool is_bullet(char32_t c) {
  switch (c) {
    case U'•':
    case U'·':
    case U'▶':
    case U'▷':
    case U'■':
    case U'□':
    case U'◆':
    case U'◇':
    case U'●':
    case U'○':
    case U'►':
    case U'-':
    case U'*':
    case U'–':
    case U'ㆍ':
    case U'▲':
    case U'△': return true;
    default: return false;
  }
}

LineShape shape_of(std::string_view line) {
  LineShape s;
  size_t i = 0;
  char32_t first = 0, last = 0;
  while (i < line.size()) {
    const char32_t c = next_code_point(line, i);
    if (c == ' ' || c == '\t' || c == 0xA0) continue;
    if (!first) first = c;
    last = c;
    ++s.chars;
    if (is_letter(c)) ++s.letters;
  }
  s.bulleted = is_bullet(first);
  switch (last) {
    case '.':
    case '?':
    case '!':
    case '"':
    case '\'':
    case U'”':
    case U'’':
    case U'」':
    case U'』':
    case ')':
    case ':':
    case ';':
    case ',': s.terminated = true; break;
    default: s.terminated = false;
  }
  return s;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

constexpr size_t kShortLine = 40;   // code points: menu items, buttons, list entries
constexpr size_t kMarkerLine = 80;  // a furniture phrase only condemns a line this short

}  // namespace

FurnitureFilter::FurnitureFilter(std::vector<std::string> markers)
    : markers_(PatternSet::words(markers, PatternSet::Case::Exact)) {}

const FurnitureFilter& FurnitureFilter::standard() {
  static const FurnitureFilter filter(read_word_list(data_dir() / "lang" / "furniture.txt"));
  return filter;
}

std::string FurnitureFilter::clean(std::string_view text) const {
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(trim(text.substr(pos, nl - pos)));
    pos = nl + 1;
  }
  std::vector<LineShape> shapes;
  shapes.reserve(lines.size());
  for (auto l : lines) shapes.push_back(shape_of(l));

  // Lines holding a furniture phrase: each hit of the one pass is placed in its line.
  std::vector<bool> marked(lines.size(), false);
  if (!lines.empty()) {
    const auto offset = [&](std::string_view line) {
      return static_cast<size_t>(line.data() - text.data());
    };
    size_t line = 0;
    for (const auto& hit : markers_.find_all(text)) {  // ordered by where they end
      while (line + 1 < lines.size() && offset(lines[line]) + lines[line].size() < hit.end) ++line;
      if (hit.begin >= offset(lines[line]) && hit.end <= offset(lines[line]) + lines[line].size())
        marked[line] = true;
    }
  }
  std::vector<bool> keep(lines.size(), true);
  for (size_t i = 0; i < lines.size(); ++i) {
    const LineShape& s = shapes[i];
    if (s.chars == 0) {
      keep[i] = false;
      continue;
    }
    // Tickers, prices, counters: hardly any letters.
    if (s.letters * 3 < s.chars || s.letters < 4) {
      keep[i] = false;
      continue;
    }
    // A bulleted line that is no sentence is a related-article headline or a menu entry.
    if (s.bulleted && !s.terminated) {
      keep[i] = false;
      continue;
    }
    if (s.chars <= kMarkerLine && marked[i]) keep[i] = false;
  }
  // Runs of three or more short unterminated lines are menus and lists, not a story.
  for (size_t i = 0; i < lines.size();) {
    auto is_short = [&](size_t k) {
      return shapes[k].chars > 0 && shapes[k].chars < kShortLine && !shapes[k].terminated;
    };
    auto is_blank = [&](size_t k) { return shapes[k].chars == 0; };
    if (!is_short(i)) {
      ++i;
      continue;
    }
    size_t j = i, count = 0;
    while (j < lines.size() && (is_short(j) || is_blank(j))) {
      count += is_short(j);
      ++j;
    }
    if (count >= 3)
      for (size_t k = i; k < j; ++k) keep[k] = false;
    i = j;
  }
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!keep[i]) continue;
    out.append(lines[i]);
    out.push_back('\n');
  }
  return out;
}

}  // namespace tw::text
