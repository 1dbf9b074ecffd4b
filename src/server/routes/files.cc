// The dashboard's files: web/ at / and echarts' dist/ at /vendor/, answered from the
// event loop (the kernel sends the bytes). A path names a file under its root or nothing:
// ".." segments are refused before the file system sees them, and the resolved file must
// still lie under the root (no symbolic link leads out).
#include <array>
#include <filesystem>
#include <utility>

#include "common/data_dir.h"
#include "server/routes/routes.h"
#include "text/utf8.h"

namespace tw::server::routes {
namespace {

namespace fs = std::filesystem;

std::string content_type(const fs::path& file) {
  static constexpr std::array<std::pair<const char*, const char*>, 14> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
  }};
  const std::string ext = text::ascii_lower(file.extension().string());
  for (const auto& [e, type] : kTypes)
    if (ext == e) return type;
  return "application/octet-stream";
}

// The file `relative` names under `root`, or "" when it names none.
std::string resolve(const fs::path& root, std::string_view relative) {
  fs::path file = root;
  size_t start = 0;
  while (start <= relative.size()) {
    const size_t slash = relative.find('/', start);
    const std::string_view segment =
        relative.substr(start, slash == std::string_view::npos ? slash : slash - start);
    if (segment == "..") return {};
    if (!segment.empty() && segment != ".") file /= std::string(segment);
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  std::error_code ec;
  if (fs::is_directory(file, ec)) file /= "index.html";
  const fs::path real = fs::canonical(file, ec);
  if (ec || !fs::is_regular_file(real, ec)) return {};
  const fs::path real_root = fs::canonical(root, ec);
  if (ec) return {};
  auto [r, f] = std::mismatch(real_root.begin(), real_root.end(), real.begin(), real.end());
  if (r != real_root.end()) return {};  // outside the root
  return real.string();
}

// The file's bytes as the answer. Read whole (the largest, echarts, is 1 MB, read from
// the page cache in well under a millisecond): libmicrohttpd 0.9.75 keeps a connection
// whose client has half-closed open for its idle timeout after sending a file by
// descriptor, but closes it at once after a buffer.
void serve(const std::string& file, Response& res) {
  try {
    res.body = read_file(file);
    res.content_type = content_type(file);
  } catch (const std::exception&) {
    res.status = 404;
    res.body = "not found\n";
  }
}

}  // namespace

void add_files(Router& router, const std::string& web_root, const std::string& vendor_root) {
  // The file the path's rest names under `root`, or 404.
  auto from = [](std::string root) {
    return [root = std::move(root)](const Request& req, Response& res) {
      const std::string file = resolve(root, req.matches[1]);
      if (file.empty()) {
        res.status = 404;
        res.body = "not found\n";
        return;
      }
      serve(file, res);
    };
  };
  router.get("/vendor/(.*)", from(vendor_root), Lane::Loop);
  router.get("/(.*)", from(web_root), Lane::Loop);
}

}  // namespace tw::server::routes
