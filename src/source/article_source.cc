#include "source/article_source.h"

#include <fmt/format.h>
#include "source/feed.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <system_error>

#include "text/html_text.h"
#include "text/utf8.h"

namespace tw::source {
namespace fs = std::filesystem;
namespace {

std::string lower_ext(const fs::path& p) {
  std::string e = p.extension().string();
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  return e;
}

bool is_feed_ext(const std::string& e) { return e == ".rss" || e == ".atom" || e == ".xml"; }

bool is_article_ext(const std::string& e) {
  return e == ".txt" || e == ".md" || e == ".html" || e == ".htm" || e == ".jsonl" ||
         is_feed_ext(e);
}

// A compressed article ("a.txt.gz", "dump.jsonl.gz"): walked too, so that it is reported
// (compressed input is not read) rather than silently skipped.
bool is_compressed_article(const fs::path& p) {
  return lower_ext(p) == ".gz" && is_article_ext(lower_ext(p.stem()));
}

bool is_gzip(std::string_view bytes) {
  return bytes.size() >= 2 && bytes[0] == '\x1f' && bytes[1] == '\x8b';
}

constexpr const char* kGzipReason = "gzip-compressed, not text (decompress it first)";

std::string too_large(size_t size, size_t limit) {
  return fmt::format("too large: {} bytes, the limit for one article is {} bytes", size, limit);
}

// At most max + 1 bytes of `in`: enough to tell that it is over the limit without
// holding all of a huge (or endless) input.
std::string read_at_most(std::istream& in, size_t max) {
  std::string bytes;
  char buf[1 << 16];
  while (bytes.size() <= max && in.read(buf, sizeof buf).gcount() > 0) {
    bytes.append(buf, static_cast<size_t>(in.gcount()));
    if (!in) break;
  }
  if (bytes.size() > max + 1) bytes.resize(max + 1);
  return bytes;
}

// The next line of `in` (without its '\n') into `line`, keeping at most max + 1 bytes of
// it; `length` is the whole line's length. False at the end of the input. A line of any
// length costs at most max + 1 bytes of memory.
bool read_line_at_most(std::istream& in, std::string& line, size_t max, size_t& length) {
  line.clear();
  length = 0;
  std::streambuf* buf = in.rdbuf();
  for (int c = buf->sbumpc();; c = buf->sbumpc()) {
    if (c == std::char_traits<char>::eof()) {
      in.setstate(std::ios::eofbit);
      return length > 0;
    }
    if (c == '\n') return true;
    if (length++ <= max) line.push_back(static_cast<char>(c));
  }
}

void emit_article(std::string doc, std::string origin, std::string bytes, bool html_by_name,
                  const std::function<void(Item&&)>& sink, const ReadOptions& opt,
                  bool markdown = false) {
  if (auto why = refuse_reason(bytes, opt.max_article_bytes); !why.empty()) {
    sink(read_error(std::move(origin), std::move(why)));
    return;
  }
  RawArticle a;
  a.markdown = markdown;
  a.html = !markdown && (html_by_name || text::looks_like_html(bytes));
  a.doc = text::printable(doc);
  a.origin = std::move(origin);
  a.bytes = std::move(bytes);
  sink(std::move(a));
}

// The fields of one JSONL line, read by nlohmann's SAX parser without building a JSON
// tree: a tree of a hostile line ("[[[[…", a million tiny arrays) takes tens of times
// the line's bytes and is torn down recursively, while this keeps only the top-level
// fields it needs, and the parser's own stack is a bit per level however deep the line nests.
class LineFields final : public nlohmann::json_sax<nlohmann::json> {
 public:
  std::optional<std::string> text, html;     // when present as strings
  std::string id, url, title, date, outlet;  // numbers and booleans written out
  std::string error;                         // why the line is refused

  bool null() override { return value(std::nullopt); }
  bool boolean(bool v) override { return value(v ? "true" : "false"); }
  bool number_integer(number_integer_t v) override { return value(std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return value(std::to_string(v)); }
  bool number_float(number_float_t, const string_t& token) override { return value(token); }
  bool string(string_t& v) override {
    if (depth_ == 0) return refuse("not a JSON object");
    if (depth_ != 1) return true;
    if (key_ == "text")
      text = std::move(v);
    else if (key_ == "html")
      html = std::move(v);
    else if (std::string* f = metadata())
      *f = std::move(v);
    return true;
  }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return open(); }
  bool start_array(std::size_t) override {
    if (depth_ == 0) return refuse("not a JSON object");
    return open();
  }
  bool key(string_t& k) override {
    if (depth_ == 1) key_ = std::move(k);
    return true;
  }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception&) override {
    return refuse(fmt::format("not a JSON object (syntax error at byte {})", position));
  }

 private:
  std::string* metadata() {
    if (key_ == "id") return &id;
    if (key_ == "url") return &url;
    if (key_ == "title") return &title;
    if (key_ == "date") return &date;
    if (key_ == "outlet" || key_ == "source") return &outlet;
    return nullptr;
  }
  bool value(std::optional<std::string> v) {
    if (depth_ == 0) return refuse("not a JSON object");
    if (depth_ != 1) return true;
    if (key_ == "text")
      text.reset();  // a later non-string value replaces an earlier one
    else if (key_ == "html")
      html.reset();
    else if (std::string* f = metadata())
      *f = v.value_or("");
    return true;
  }
  bool open() {
    if (depth_ == 1) {
      if (metadata()) return refuse(fmt::format("\"{}\" must be a string or a number", key_));
      if (key_ == "text")
        text.reset();
      else if (key_ == "html")
        html.reset();
    }
    ++depth_;
    return true;
  }
  bool close() {
    --depth_;
    return true;
  }
  bool refuse(std::string why) {
    if (error.empty()) error = std::move(why);
    return false;
  }
  size_t depth_ = 0;
  std::string key_;
};

void read_jsonl(std::istream& in, const std::string& name, const std::string& origin,
                const std::function<void(Item&&)>& sink, const ReadOptions& opt) {
  std::string line;
  size_t length = 0;
  for (size_t n = 1; read_line_at_most(in, line, opt.max_article_bytes, length); ++n) {
    const std::string where = fmt::format("{}:{}", origin, n);
    if (length > opt.max_article_bytes) {
      sink(read_error(where, too_large(length, opt.max_article_bytes)));
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    LineFields f;
    const bool parsed = nlohmann::json::sax_parse(line, &f);
    if (!parsed || !f.error.empty()) {
      sink(read_error(where, f.error.empty() ? "not a JSON object" : f.error));
      continue;
    }
    if (!f.html && !f.text) {
      sink(read_error(where, "no \"text\" or \"html\" string field"));
      continue;
    }
    std::string doc =
        f.id.empty() ? fmt::format("{}#{}", text::printable(name), n) : std::move(f.id);
    const bool has_text = f.text.has_value();
    std::string bytes = has_text ? std::move(*f.text) : std::move(*f.html);
    if (auto why = refuse_reason(bytes, opt.max_article_bytes); !why.empty()) {
      sink(read_error(where, why == "empty file" ? "empty article text" : why));
      continue;
    }
    RawArticle a;
    a.doc = std::move(doc);
    a.origin = where;
    a.html = !has_text;
    a.bytes = std::move(bytes);
    a.url = std::move(f.url);
    a.title = std::move(f.title);
    a.date = std::move(f.date);
    a.outlet = std::move(f.outlet);
    sink(std::move(a));
  }
}

void read_file(const fs::path& path, const std::function<void(Item&&)>& sink,
               const ReadOptions& opt) {
  const std::string origin = text::printable(path.string());
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    sink(read_error(origin, ec ? ec.message() : "not a regular file"));
    return;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    sink(read_error(origin, fmt::format("cannot open: {}", std::strerror(errno))));
    return;
  }
  const std::string ext = lower_ext(path);
  if (ext == ".jsonl") {
    char magic[2] = {};
    const bool gzip = in.read(magic, 2).gcount() == 2 && is_gzip({magic, 2});
    in.clear();
    in.seekg(0);
    if (gzip)
      sink(read_error(origin + ":1", kGzipReason));  // JSONL errors name their line
    else
      read_jsonl(in, path.filename().string(), origin, sink, opt);
    return;
  }
  if (is_feed_ext(ext)) {
    // A feed holds many articles: it may be as large as sixteen of them.
    const size_t limit = opt.max_article_bytes * 16;
    std::string bytes = read_at_most(in, limit);
    if (bytes.size() > limit)
      sink(
          read_error(origin, fmt::format("too large: over {} bytes, the limit for a feed", limit)));
    else if (is_gzip(bytes))
      sink(read_error(origin, kGzipReason));
    else
      read_feed(bytes, path.filename().string(), origin, sink);
    return;
  }
  const auto size = fs::file_size(path, ec);
  if (!ec && size > opt.max_article_bytes) {
    sink(read_error(origin, too_large(size, opt.max_article_bytes)));
    return;
  }
  std::string bytes = read_at_most(in, opt.max_article_bytes);  // the file may have grown since
  if (in.bad()) {
    sink(read_error(origin, fmt::format("read failed: {}", std::strerror(errno))));
    return;
  }
  emit_article(path.filename().string(), origin, std::move(bytes), ext == ".html" || ext == ".htm",
               sink, opt, ext == ".md");
}

// Every article file under `dir`, in path order. A directory that cannot be read (no
// permission, removed while walked) is reported by name and the walk goes on: it is not
// skipped in silence. Links to directories are not followed (no cycles); the walk keeps
// its own stack, so deep nesting costs no call stack.
void read_directory(const fs::path& dir, const std::function<void(Item&&)>& sink,
                    const ReadOptions& opt) {
  std::vector<fs::path> files, pending{dir};
  while (!pending.empty()) {
    const fs::path here = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(here, ec), end;
    if (ec) {
      sink(read_error(text::printable(here.string()), ec.message()));
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        sink(read_error(text::printable(here.string()), ec.message()));
        break;
      }
      std::error_code fec;
      const bool link = it->is_symlink(fec);
      if (!link && it->is_directory(fec)) {
        pending.push_back(it->path());
        continue;
      }
      // Broken links with an article's name are kept so that read_file reports them.
      if ((link || it->is_regular_file(fec)) &&
          (is_article_ext(lower_ext(it->path())) || is_compressed_article(it->path())))
        files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) read_file(f, sink, opt);
}

}  // namespace

std::string refuse_reason(std::string_view bytes, size_t limit) {
  if (bytes.empty()) return "empty file";
  if (bytes.size() > limit) return too_large(bytes.size(), limit);
  if (is_gzip(bytes)) return kGzipReason;
  if (std::memchr(bytes.data(), '\0', bytes.size())) return "binary content (NUL bytes), not text";
  return {};
}

void read_inputs(const std::vector<std::string>& inputs, const std::function<void(Item&&)>& sink,
                 const ReadOptions& opt) {
  for (const auto& input : inputs) {
    if (input == "-") {
      std::string bytes = read_at_most(std::cin, opt.max_article_bytes);
      if (bytes.size() > opt.max_article_bytes) {
        sink(
            read_error("<stdin>", fmt::format("too large: over {} bytes, the limit for one article",
                                              opt.max_article_bytes)));
        continue;
      }
      emit_article("stdin", "<stdin>", std::move(bytes), false, sink, opt);
      continue;
    }
    const fs::path path(input);
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      sink(read_error(text::printable(input), "no such file or directory"));
    } else if (fs::is_directory(status)) {
      read_directory(path, sink, opt);
    } else {
      read_file(path, sink, opt);
    }
  }
}

}  // namespace tw::source
