// test_support — helpers shared by the talentwar tests: temporary directories,
// "extract the events of this text", event matchers, and running the built CLI.
#pragma once
#include <gtest/gtest.h>
#include <sys/types.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/event.h"
#include "source/article_source.h"
#include "text/document.h"

// Marks a test whose expectation (correct per shared/spec/events.md) the code does
// not meet yet. The test is skipped unless TALENTWAR_KNOWN_GAPS=1 is set, which runs
// it for real (and shows it failing until the gap is closed).
#define KNOWN_GAP(why) \
  if (!::twtest::run_known_gaps()) GTEST_SKIP() << "known gap: " << why

namespace twtest {

namespace fs = std::filesystem;
using nlohmann::json;

// ---- paths -------------------------------------------------------------------------

fs::path source_dir();  // the repository root
fs::path shared_dir();  // <repo>/../shared (corpus, gold); may be absent
std::string talentwar_bin();
bool run_known_gaps();  // TALENTWAR_KNOWN_GAPS is set
bool running_as_root();

// ---- files -------------------------------------------------------------------------

// A fresh directory under testing::TempDir(), removed with everything in it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }
  fs::path operator/(std::string_view name) const { return path_ / name; }
  // Writes `bytes` to path()/name (parents created) and returns the full path.
  fs::path write(std::string_view name, std::string_view bytes) const;

 private:
  fs::path path_;
};

void write_file(const fs::path& path, std::string_view bytes);
std::string read_file(const fs::path& path);
// An article-named entry in `dir` that cannot be read: chmod 000 normally, a dangling
// symlink when running as root (root reads through any permission bits).
fs::path make_unreadable(const TempDir& dir, std::string_view name);

std::vector<std::string> lines_of(
    std::string_view text);  // without the newlines, empty last line dropped

// ---- text and extraction -------------------------------------------------------------

tw::source::RawArticle raw_article(std::string_view bytes, std::string doc = "test.txt",
                                   bool html = false);
// The text stage on `bytes`; a failure throws (and so fails the test with its reason).
tw::text::Document prepare_text(std::string_view bytes, std::string doc = "test.txt",
                                bool html = false);
// Both stages: the events the standard extractor finds in `bytes`.
std::vector<tw::extract::Event> extract_events(std::string_view bytes,
                                               std::string doc = "test.txt");
json events_json(const std::vector<tw::extract::Event>& events);

// An event matches `want` when it has every field of `want` with an equal value;
// a null in `want` means the field must be absent.
bool event_matches(const json& event, const json& want);
// Some event matches `want`.
::testing::AssertionResult HasEvent(const std::vector<tw::extract::Event>& events,
                                    const json& want);
// The events match `wants` one to one (no event left over, none missing).
::testing::AssertionResult HasExactly(const std::vector<tw::extract::Event>& events,
                                      const std::vector<json>& wants);

// ---- databases -------------------------------------------------------------------------

// A fresh, empty PostgreSQL database on the test server named by TALENTWAR_TEST_PG (an
// admin URL, as printed by scripts/pg-start), dropped again at the end. Without that
// variable there is no server: available() is false and tests skip (scripts/test always sets it).
class PgDatabase {
 public:
  PgDatabase();
  ~PgDatabase();
  PgDatabase(const PgDatabase&) = delete;
  PgDatabase& operator=(const PgDatabase&) = delete;
  static bool available();
  const std::string& url() const { return url_; }

 private:
  std::string name_, url_;
};

// ---- the CLI ---------------------------------------------------------------------------

struct CliResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out, err;
};
// Runs the built talentwar with `args` (stdin from /dev/null) and `env` added to the environment.
CliResult run_cli(const std::vector<std::string>& args,
                  const std::vector<std::pair<std::string, std::string>>& env = {});
// Starts the built talentwar in the background, its output going to two files; wait_cli
// answers its exit code (-1 when killed by a signal).
pid_t start_cli(const std::vector<std::string>& args, const std::string& out_path,
                const std::string& err_path,
                const std::vector<std::pair<std::string, std::string>>& env = {});
int wait_cli(pid_t pid);

// An event of `type` with `slots`, for the event and merge tests.
tw::extract::Event make_event(std::string type, tw::model::Slots slots);

}  // namespace twtest
