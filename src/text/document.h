// document — an article before and after the text stage: the bytes as read (RawArticle,
// which the source stage fills) and the clean NFKC text split into sentences (Document).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace tw::text {

struct RawArticle {
  std::string doc;        // file base name, JSONL `id`, or "<file>#<line>"
  std::string origin;     // where it came from, for messages: a path or "path:line"
  std::string bytes;      // the content as read
  bool html = false;      // content is HTML (by extension, JSONL field, or sniffing)
  bool markdown = false;  // content is Markdown (.md): rendered to HTML before reading
  std::string url, title, date, outlet;
};

struct Sentence {
  size_t begin = 0;  // byte offsets into Document::text
  size_t end = 0;
  int paragraph = 0;  // index of the line (paragraph) the sentence came from
};

struct Document {
  std::string doc;   // file base name, or JSONL id
  std::string lang;  // "ko" or "en"
  std::string url, title, date;
  std::string outlet;  // who published it: the site's name, else the host of its URL
  std::string text;    // cleaned text, one paragraph per line
  std::vector<Sentence> sentences;

  std::string_view sentence(size_t i) const {
    return std::string_view(text).substr(sentences[i].begin, sentences[i].end - sentences[i].begin);
  }
};

}  // namespace tw::text
