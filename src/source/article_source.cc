#include "source/article_source.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <system_error>

#include "text/html_text.h"

namespace tw::source {
namespace fs = std::filesystem;
namespace {

std::string lower_ext(const fs::path& p) {
  std::string e = p.extension().string();
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  return e;
}

bool is_article_ext(const std::string& e) {
  return e == ".txt" || e == ".md" || e == ".html" || e == ".htm" || e == ".jsonl";
}

// Why these bytes cannot be an article, or "" when they can.
std::string refuse_reason(std::string_view bytes, size_t limit) {
  if (bytes.empty()) return "empty file";
  if (bytes.size() > limit)
    return fmt::format("too large: {} bytes, the limit for one article is {} bytes", bytes.size(), limit);
  if (std::memchr(bytes.data(), '\0', bytes.size()))
    return "binary content (NUL bytes), not text";
  return {};
}

void emit_article(std::string doc, std::string origin, std::string bytes, bool html_by_name,
                  const std::function<void(Item&&)>& sink, const ReadOptions& opt, bool markdown = false) {
  if (auto why = refuse_reason(bytes, opt.max_article_bytes); !why.empty()) {
    sink(ReadError{std::move(origin), std::move(why)});
    return;
  }
  RawArticle a;
  a.markdown = markdown;
  a.html = !markdown && (html_by_name || text::looks_like_html(bytes));
  a.doc = std::move(doc);
  a.origin = std::move(origin);
  a.bytes = std::move(bytes);
  sink(std::move(a));
}

std::string str_field(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  return it->is_string() ? it->get<std::string>() : it->dump();
}

void read_jsonl(std::istream& in, const std::string& name, const std::string& origin,
                const std::function<void(Item&&)>& sink, const ReadOptions& opt) {
  std::string line;
  for (size_t n = 1; std::getline(in, line); ++n) {
    const std::string where = fmt::format("{}:{}", origin, n);
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (line.size() > opt.max_article_bytes) {
      sink(ReadError{where, fmt::format("too large: {} bytes, the limit for one article is {} bytes",
                                        line.size(), opt.max_article_bytes)});
      continue;
    }
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
      sink(ReadError{where, "not a JSON object"});
      continue;
    }
    const bool has_html = j.contains("html") && j["html"].is_string();
    const bool has_text = j.contains("text") && j["text"].is_string();
    if (!has_html && !has_text) {
      sink(ReadError{where, "no \"text\" or \"html\" string field"});
      continue;
    }
    std::string id = str_field(j, "id");
    std::string doc = id.empty() ? fmt::format("{}#{}", name, n) : id;
    std::string bytes = has_text ? j["text"].get<std::string>() : j["html"].get<std::string>();
    if (auto why = refuse_reason(bytes, opt.max_article_bytes); !why.empty()) {
      sink(ReadError{where, why == "empty file" ? "empty article text" : why});
      continue;
    }
    RawArticle a;
    a.doc = std::move(doc);
    a.origin = where;
    a.html = !has_text;
    a.bytes = std::move(bytes);
    a.url = str_field(j, "url");
    a.title = str_field(j, "title");
    a.date = str_field(j, "date");
    sink(std::move(a));
  }
}

void read_file(const fs::path& path, const std::function<void(Item&&)>& sink, const ReadOptions& opt) {
  const std::string origin = path.string();
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    sink(ReadError{origin, ec ? ec.message() : "not a regular file"});
    return;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    sink(ReadError{origin, fmt::format("cannot open: {}", std::strerror(errno))});
    return;
  }
  const std::string ext = lower_ext(path);
  if (ext == ".jsonl") {
    read_jsonl(in, path.filename().string(), origin, sink, opt);
    return;
  }
  const auto size = fs::file_size(path, ec);
  if (!ec && size > opt.max_article_bytes) {
    sink(ReadError{origin, fmt::format("too large: {} bytes, the limit for one article is {} bytes", size,
                                       opt.max_article_bytes)});
    return;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    sink(ReadError{origin, fmt::format("read failed: {}", std::strerror(errno))});
    return;
  }
  emit_article(path.filename().string(), origin, std::move(bytes), ext == ".html" || ext == ".htm", sink, opt, ext == ".md");
}

void read_directory(const fs::path& dir, const std::function<void(Item&&)>& sink, const ReadOptions& opt) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) {
    sink(ReadError{dir.string(), ec.message()});
    return;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      sink(ReadError{dir.string(), ec.message()});
      break;
    }
    std::error_code fec;
    // Broken links with an article's name are kept so that read_file reports them.
    if ((it->is_regular_file(fec) || it->is_symlink(fec)) && is_article_ext(lower_ext(it->path())))
      files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) read_file(f, sink, opt);
}

}  // namespace

void read_inputs(const std::vector<std::string>& inputs, const std::function<void(Item&&)>& sink,
                 const ReadOptions& opt) {
  for (const auto& input : inputs) {
    if (input == "-") {
      std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
      emit_article("stdin", "<stdin>", std::move(bytes), false, sink, opt);
      continue;
    }
    const fs::path path(input);
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      sink(ReadError{input, "no such file or directory"});
    } else if (fs::is_directory(status)) {
      read_directory(path, sink, opt);
    } else {
      read_file(path, sink, opt);
    }
  }
}

}  // namespace tw::source
