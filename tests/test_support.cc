#include "test_support.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <variant>

#include "extract/extractor.h"
#include "pipeline/process.h"
#include "store/postgres_connection.h"
#include "text/pipeline.h"

namespace twtest {

fs::path source_dir() { return TALENTWAR_SOURCE_DIR; }
fs::path shared_dir() { return fs::path(TALENTWAR_SOURCE_DIR "/../shared").lexically_normal(); }
std::string talentwar_bin() { return TALENTWAR_BIN; }

bool run_known_gaps() {
  const char* v = std::getenv("TALENTWAR_KNOWN_GAPS");
  return v && *v && std::string_view(v) != "0";
}

bool running_as_root() { return geteuid() == 0; }

bool PgDatabase::available() {
  const char* admin = std::getenv("TALENTWAR_TEST_PG");
  return admin && *admin;
}

namespace {
void admin_sql(const std::string& sql) {
  tw::store::PostgresConnection admin(std::getenv("TALENTWAR_TEST_PG"));
  admin.script(sql);
}
}  // namespace

PgDatabase::PgDatabase() {
  if (!available()) return;
  static std::atomic<int> serial{0};
  name_ = "tw_test_" + std::to_string(getpid()) + "_" + std::to_string(serial++);
  admin_sql("DROP DATABASE IF EXISTS " + name_);
  admin_sql("CREATE DATABASE " + name_);
  const std::string admin = std::getenv("TALENTWAR_TEST_PG");
  url_ = admin.substr(0, admin.rfind('/') + 1) + name_;
}

PgDatabase::~PgDatabase() {
  if (name_.empty()) return;
  try {
    admin_sql("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (const std::exception&) {
    // A database left behind on a throwaway test server is harmless.
  }
}

TempDir::TempDir() {
  std::string tmpl = (fs::path(::testing::TempDir()) / "talentwar_test_XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed for " + tmpl);
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  // Restore permissions taken away by a test so that everything can be removed.
  for (auto it = fs::recursive_directory_iterator(path_, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (!it->is_symlink())
      fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(path_, ec);
}

fs::path TempDir::write(std::string_view name, std::string_view bytes) const {
  const fs::path p = path_ / name;
  fs::create_directories(p.parent_path());
  write_file(p, bytes);
  return p;
}

void write_file(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path make_unreadable(const TempDir& dir, std::string_view name) {
  const fs::path p = dir / name;
  if (running_as_root()) {
    fs::create_symlink(dir / "no-such-target", p);
  } else {
    write_file(p, "Meta hired a researcher from OpenAI.\n");
    fs::permissions(p, fs::perms::none);
  }
  return p;
}

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    out.emplace_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return out;
}

tw::source::RawArticle raw_article(std::string_view bytes, std::string doc, bool html) {
  tw::source::RawArticle raw;
  raw.origin = doc;
  raw.doc = std::move(doc);
  raw.bytes = std::string(bytes);
  raw.html = html;
  return raw;
}

tw::text::Document prepare_text(std::string_view bytes, std::string doc, bool html) {
  auto result = tw::text::prepare(raw_article(bytes, std::move(doc), html));
  if (!result) throw std::runtime_error("text stage: " + result.failure().reason);
  return std::move(*result);
}

std::vector<tw::extract::Event> extract_events(std::string_view bytes, std::string doc) {
  auto result = tw::pipeline::process(raw_article(bytes, std::move(doc), false));
  if (!result) throw std::runtime_error("text stage: " + result.failure().reason);
  return std::move(result->events);
}

json events_json(const std::vector<tw::extract::Event>& events) {
  json out = json::array();
  for (const auto& e : events) out.push_back(tw::extract::to_json(e));
  return out;
}

bool event_matches(const json& event, const json& want) {
  for (const auto& [key, value] : want.items()) {
    const auto it = event.find(key);
    if (value.is_null()) {
      if (it != event.end()) return false;
    } else if (it == event.end() || *it != value) {
      return false;
    }
  }
  return true;
}

namespace {

std::string describe(const json& events) {
  std::string s;
  for (const auto& e : events) {
    json shown = e;
    shown.erase("evidence");
    s += "\n    " + shown.dump();
  }
  return s.empty() ? " (none)" : s;
}

}  // namespace

::testing::AssertionResult HasEvent(const std::vector<tw::extract::Event>& events,
                                    const json& want) {
  const json got = events_json(events);
  for (const auto& e : got)
    if (event_matches(e, want)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "no event matches " << want.dump() << "\n  events:" << describe(got);
}

::testing::AssertionResult HasExactly(const std::vector<tw::extract::Event>& events,
                                      const std::vector<json>& wants) {
  const json got = events_json(events);
  std::vector<bool> used(got.size(), false);
  std::vector<json> missing;
  for (const auto& want : wants) {
    bool found = false;
    for (size_t i = 0; i < got.size() && !found; ++i)
      if (!used[i] && event_matches(got[i], want)) used[i] = found = true;
    if (!found) missing.push_back(want);
  }
  json extra = json::array();
  for (size_t i = 0; i < got.size(); ++i)
    if (!used[i]) extra.push_back(got[i]);
  if (missing.empty() && extra.empty()) return ::testing::AssertionSuccess();
  auto failure = ::testing::AssertionFailure();
  for (const auto& m : missing) failure << "\n  missing: " << m.dump();
  if (!extra.empty()) failure << "\n  unexpected:" << describe(extra);
  return failure << "\n  all events:" << describe(got);
}

pid_t start_cli(const std::vector<std::string>& args, const std::string& out_path,
                const std::string& err_path,
                const std::vector<std::pair<std::string, std::string>>& env) {
  std::vector<std::string> argv_s{talentwar_bin()};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
    const int in = open("/dev/null", O_RDONLY);
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || out < 0 || err < 0) _exit(127);
    dup2(in, STDIN_FILENO);
    dup2(out, STDOUT_FILENO);
    dup2(err, STDERR_FILENO);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

int wait_cli(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

CliResult run_cli(const std::vector<std::string>& args,
                  const std::vector<std::pair<std::string, std::string>>& env) {
  TempDir io;
  const std::string out_path = (io / "stdout").string(), err_path = (io / "stderr").string();
  CliResult r;
  r.exit_code = wait_cli(start_cli(args, out_path, err_path, env));
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  return r;
}

tw::extract::Event make_event(std::string type, tw::model::Slots slots) {
  tw::extract::Event e;
  const auto known = tw::model::event_type(type);
  if (!known) throw std::invalid_argument("make_event: no event type " + type);
  e.type = *known;
  e.slots = std::move(slots);
  e.evidence = "evidence sentence.";
  return e;
}

}  // namespace twtest
