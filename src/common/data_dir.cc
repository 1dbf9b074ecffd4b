#include "common/data_dir.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tw {

std::filesystem::path data_dir() {
  if (const char* env = std::getenv("TALENTWAR_DATA"); env && *env) return env;
  return TALENTWAR_DATA_DIR;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path.string() + ": cannot open data file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> read_word_list(const std::filesystem::path& path) {
  std::istringstream in(read_file(path));
  std::vector<std::string> words;
  for (std::string line; std::getline(in, line);) {
    const auto b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos || line[b] == '#') continue;
    const auto e = line.find_last_not_of(" \t\r");
    words.push_back(line.substr(b, e - b + 1));
  }
  return words;
}

}  // namespace tw
