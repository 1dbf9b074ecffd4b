// data_dir — where the project's data files (lexicon, triggers, particles) are read from.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace tw {

// $TALENTWAR_DATA if set, else the data/ folder of the source tree the binary was built from.
std::filesystem::path data_dir();

// Non-empty, non-comment ('#') lines of a text data file, trimmed. Throws with the path on failure.
std::vector<std::string> read_word_list(const std::filesystem::path& path);

std::string read_file(const std::filesystem::path& path);

}  // namespace tw
