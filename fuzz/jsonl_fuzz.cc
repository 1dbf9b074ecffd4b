// jsonl_fuzz — the JSON Lines reader of src/source/article_source.h.
//
// read_inputs reads JSONL only from a file named *.jsonl, so the input is written to
// one (in a private temporary directory made at start-up) and read twice: with the
// default limits and with a 64-byte article limit, which reaches the "too large"
// paths with small inputs. Checked: one item per non-blank line at most, in line
// order; an article is never empty, never over the limit and never holds a NUL byte;
// an error always says where and why.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <variant>

#include "source/article_source.h"

namespace {

std::string g_path;

void check(bool ok) {
  if (!ok) std::abort();
}

void remove_dir() {
  if (!g_path.empty()) std::filesystem::remove_all(std::filesystem::path(g_path).parent_path());
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::string dir =
      (std::filesystem::temp_directory_path() / "talentwar-jsonl-fuzz-XXXXXX").string();
  if (!mkdtemp(dir.data())) {
    std::perror("mkdtemp");
    std::abort();
  }
  g_path = dir + "/input.jsonl";
  std::atexit(remove_dir);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  {
    std::ofstream out(g_path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    check(static_cast<bool>(out));
  }
  size_t lines = 0;
  for (size_t i = 0; i < size; ++i) lines += data[i] == '\n';
  if (size > 0 && data[size - 1] != '\n') ++lines;

  for (size_t limit : {size_t{8} << 20, size_t{64}}) {
    tw::source::ReadOptions options;
    options.max_article_bytes = limit;
    size_t items = 0, last_line = 0;
    // Every item names its line: "<path>:<n>", n counting from 1, increasing.
    auto line_of = [&](const std::string& origin) {
      check(origin.size() > g_path.size() + 1 && origin.compare(0, g_path.size(), g_path) == 0 &&
            origin[g_path.size()] == ':');
      const size_t n = std::strtoul(origin.c_str() + g_path.size() + 1, nullptr, 10);
      check(n > last_line && n <= lines);
      last_line = n;
    };
    tw::source::read_inputs(
        {g_path},
        [&](tw::source::Item&& item) {
          ++items;
          line_of(item ? item->origin : item.failure().where);
          if (const auto* a = item ? &*item : nullptr) {
            check(!a->bytes.empty() && a->bytes.size() <= limit);
            check(std::memchr(a->bytes.data(), '\0', a->bytes.size()) == nullptr);
            check(!a->doc.empty() && !a->origin.empty());
          } else {
            const auto& e = item.failure();
            check(!e.where.empty() && !e.reason.empty());
          }
        },
        options);
    check(items <= lines);
  }
  return 0;
}
