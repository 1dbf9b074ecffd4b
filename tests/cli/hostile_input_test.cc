// Hostile input through the real command line: every bad input costs one clear stderr
// line naming it (`talentwar: NAME: reason`, on one line whatever bytes NAME holds), the
// exit code says some inputs failed, nothing crashes, and the good articles next to the
// bad ones are all stored.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <map>
#include <set>

#include <sys/wait.h>
#include <filesystem>

#include "test_support.h"

namespace {

namespace fs = std::filesystem;

using nlohmann::json;
using twtest::CliResult;
using twtest::lines_of;
using twtest::run_cli;
using twtest::TempDir;
using namespace std::string_literals;

// Distinct stories (articles with the same cleaned text are stored once).
const std::vector<std::string> kStories = {
    "Meta hired OpenAI researcher Jane Doerr.\n",
    "Google hired Apple engineer John Smith.\n",
    "Microsoft hired Google researcher Mary Major.\n",
    "Anthropic hired Meta engineer Peter Pond.\n",
    "OpenAI hired Google scientist Sarah Stone.\n",
    "Apple hired Microsoft researcher Tom Tiller.\n",
};

std::string show(const CliResult& r) {
  return "exit " + std::to_string(r.exit_code) + "\n--- stdout\n" + r.out.substr(0, 4000) +
         "--- stderr\n" + r.err.substr(0, 4000);
}

// The docs `talentwar export` lists, each line checked to be one JSON object.
std::multiset<std::string> stored_docs(const std::string& db) {
  const CliResult r = run_cli({"export", "--db", db});
  EXPECT_EQ(r.exit_code, 0) << show(r);
  std::multiset<std::string> docs;
  for (const auto& line : lines_of(r.out)) {
    const json j = json::parse(line, nullptr, false);
    EXPECT_TRUE(j.is_object()) << "export printed a line that is not JSON: " << line.substr(0, 200);
    if (j.is_object()) docs.insert(j["doc"].get<std::string>());
  }
  return docs;
}

// Every stderr line is a report ("talentwar: …") or the ingest summary: no report was
// split across lines. Returns the reports.
std::vector<std::string> reports(const CliResult& r) {
  std::vector<std::string> out;
  for (const auto& line : lines_of(r.err)) {
    if (line.starts_with("ingested into ")) continue;
    EXPECT_TRUE(line.starts_with("talentwar: "))
        << "a stray stderr line (a report split in two?): " << line;
    out.push_back(line);
  }
  return out;
}

// The one report naming `name` ("/name: " follows the directory) has `reason` in it.
::testing::AssertionResult ReportedOnce(const std::vector<std::string>& lines,
                                        const std::string& name, const std::string& reason) {
  size_t naming = 0;
  std::string found;
  for (const auto& line : lines)
    if (line.find("/" + name + ": ") != std::string::npos) {
      ++naming;
      found = line;
    }
  if (naming != 1)
    return ::testing::AssertionFailure()
           << name << " is named on " << naming << " report lines, not one";
  if (found.find(reason) == std::string::npos)
    return ::testing::AssertionFailure()
           << "the report on " << name << " does not say \"" << reason << "\": " << found;
  return ::testing::AssertionSuccess();
}

// A gzip member holding `text` in one stored (uncompressed) deflate block: a real .gz
// file, built without zlib.
std::string gzip_of(std::string_view text) {
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char c : text) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  crc ^= 0xFFFFFFFFu;
  auto le32 = [](uint32_t v) {
    return std::string{char(v), char(v >> 8), char(v >> 16), char(v >> 24)};
  };
  const auto len = static_cast<uint16_t>(text.size());
  std::string g("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
  g += std::string{'\x01', char(len), char(len >> 8), char(~len), char(~len >> 8)};
  g += text;
  g += le32(crc) + le32(static_cast<uint32_t>(text.size()));
  return g;
}

class HostileInput : public ::testing::Test {
 protected:
  std::string db() const { return (dir_ / "tw.db").string(); }
  std::string in() const { return (dir_ / "in").string(); }
  // Ingests `inputs` (default: the in/ directory) and times it.
  CliResult ingest(std::vector<std::string> inputs = {}) {
    if (inputs.empty()) inputs.push_back(in());
    std::vector<std::string> args{"ingest", "--db", db()};
    args.insert(args.end(), inputs.begin(), inputs.end());
    const auto start = std::chrono::steady_clock::now();
    CliResult r = run_cli(args);
    seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
  }
  TempDir dir_;
  double seconds_ = 0;
};

TEST_F(HostileInput, InvalidUtf8IsRefusedByteOffsetAndAll) {
  dir_.write("in/good.txt", kStories[0]);
  dir_.write("in/lone_continuation.txt", "Meta hired \x80 OpenAI researcher Jane Doerr.\n");
  dir_.write("in/overlong.txt", "Meta hired \xC0\xAF OpenAI researcher.\n");
  dir_.write("in/surrogate.txt", "Meta hired \xED\xA0\x80 OpenAI researcher.\n");
  dir_.write("in/truncated.txt", "Meta hired OpenAI researcher \xE2\x82");
  dir_.write("in/latin1.html", "<html><body><p>Caf\xE9 owner hired by Meta.</p></body></html>");
  // In a dump: the line with a raw bad byte is refused, the next line is read.
  dir_.write("in/dump.jsonl",
             std::string("{\"text\": \"Meta hired \xFF researcher.\"}\n{\"text\": \"") +
                 "Google hired Apple engineer John Smith.\"}\n");
  const CliResult r = ingest();
  EXPECT_EQ(r.exit_code, 1) << show(r);
  const auto lines = reports(r);
  EXPECT_TRUE(ReportedOnce(lines, "lone_continuation.txt", "invalid UTF-8 at byte 11"));
  EXPECT_TRUE(ReportedOnce(lines, "overlong.txt", "invalid UTF-8 at byte 11"));
  EXPECT_TRUE(ReportedOnce(lines, "surrogate.txt", "invalid UTF-8 at byte 11"));
  EXPECT_TRUE(ReportedOnce(lines, "truncated.txt", "invalid UTF-8 at byte 29"));
  EXPECT_TRUE(ReportedOnce(lines, "latin1.html", "invalid UTF-8"));
  EXPECT_TRUE(ReportedOnce(lines, "dump.jsonl:1", "not a JSON object"));
  EXPECT_EQ(lines.size(), 6u) << r.err;
  EXPECT_EQ(stored_docs(db()), (std::multiset<std::string>{"good.txt", "dump.jsonl#2"}));
}

// NUL bytes are refused as binary content (refuse_reason in source/), however they come:
// raw in a text or HTML file, or escaped (\u0000) in a JSONL text. A NUL written as an
// HTML character reference (&#0;) is not a NUL byte: HTML makes it U+FFFD, and the page is read.
TEST_F(HostileInput, NulBytesAreRefusedAsBinary) {
  dir_.write("in/good.txt", kStories[0]);
  dir_.write("in/nul.txt", "Google hired Apple engineer\0 John Smith.\n"s);
  dir_.write("in/nul.html", "<p>Google hired Apple\0 engineer John Smith.</p>"s);
  dir_.write("in/nul.md", "# Story\n\nGoogle\0 hired Apple engineer John Smith.\n"s);
  dir_.write("in/dump.jsonl",
             std::string("{\"text\": \"Google hired\\u0000 Apple engineer John Smith.\"}\n") +
                 "{\"text\": \"Microsoft hired Google researcher Mary Major.\"}\n");
  dir_.write("in/reference.html", "<p>Anthropic hired Meta engineer Peter Pond.&#0;</p>");
  const CliResult r = ingest();
  EXPECT_EQ(r.exit_code, 1) << show(r);
  const auto lines = reports(r);
  for (const char* name : {"nul.txt", "nul.html", "nul.md", "dump.jsonl:1"})
    EXPECT_TRUE(ReportedOnce(lines, name, "binary content (NUL bytes), not text"));
  EXPECT_EQ(lines.size(), 4u) << r.err;
  EXPECT_EQ(stored_docs(db()),
            (std::multiset<std::string>{"good.txt", "dump.jsonl#2", "reference.html"}));
}

// A single 100 MB line: as a file (no newline at all) it is refused by its size before
// a byte is read; inside a JSONL dump the line is skipped without being held (its
// reader keeps at most the limit), and the dump's next line is read.
// (Peak RSS of this ingest, measured with /usr/bin/time: ~30 MB, of which 8 MiB is
// the bounded line buffer; holding the line took ~150 MB before.)
TEST_F(HostileInput, HundredMegabyteLineIsRefusedBySizeQuickly) {
  constexpr size_t kHundredMb = 100u << 20;
  dir_.write("in/good.txt", kStories[0]);
  dir_.write("in/huge.txt", std::string(kHundredMb, 'a'));
  {
    std::string dump = "{\"text\": \"";
    dump.append(kHundredMb, 'a');
    dump += "\"}\n{\"text\": \"Google hired Apple engineer John Smith.\"}\n";
    dir_.write("in/huge.jsonl", dump);
  }
  const CliResult r = ingest();
  EXPECT_EQ(r.exit_code, 1) << show(r);
  const auto lines = reports(r);
  EXPECT_TRUE(ReportedOnce(
      lines, "huge.txt", "too large: 104857600 bytes, the limit for one article is 8388608 bytes"));
  EXPECT_TRUE(ReportedOnce(lines, "huge.jsonl:1", "too large: 104857612 bytes"));
  EXPECT_EQ(lines.size(), 2u) << r.err;
  EXPECT_EQ(stored_docs(db()), (std::multiset<std::string>{"good.txt", "huge.jsonl#2"}));
  EXPECT_LT(seconds_, 60)
      << "reading past 200 MB of refused input should take a moment, not minutes";
}

TEST_F(HostileInput, HtmlNestedAHundredThousandDeep) {
  constexpr int kDepth = 100000;
  std::string divs = "<html><body>", inline_tags = "<html><body>";
  for (int i = 0; i < kDepth; ++i) divs += "<div>";
  divs += "Google hired Apple engineer John Smith.";
  for (int i = 0; i < kDepth; ++i) divs += "</div>";
  divs += "</body></html>";
  for (int i = 0; i < kDepth; ++i) inline_tags += "<b><i><span>";  // never closed
  inline_tags += "Microsoft hired Google researcher Mary Major.</body></html>";
  dir_.write("in/good.txt", kStories[0]);
  dir_.write("in/deep_divs.html", divs);
  dir_.write("in/deep_unclosed.html", inline_tags);
  const CliResult r = ingest();
  EXPECT_EQ(r.exit_code, 0) << show(r);
  EXPECT_TRUE(reports(r).empty()) << r.err;
  EXPECT_EQ(stored_docs(db()),
            (std::multiset<std::string>{"good.txt", "deep_divs.html", "deep_unclosed.html"}));
  EXPECT_LT(seconds_, 60)
      << "gumbo alone takes ~25 s on 100 000 nested elements; the page is flattened first";
  const CliResult ev = run_cli({"events", "--db", db(), "--person", "John Smith", "--json"});
  EXPECT_NE(ev.out.find("\"to\":\"Google\""), std::string::npos) << show(ev);
}

// Character references do not expand recursively (&amp;amp; is the text "&amp;"), out of
// range and surrogate code points become U+FFFD, and a million &lt; are a million "<".
TEST_F(HostileInput, EntityExpansionTricksFinishAndStayBounded) {
  std::string chains = "<html><body><p>", numeric = chains, lt = chains;
  for (int i = 0; i < 40000; ++i) {
    chains += "&amp;";
    for (int k = 0; k < 12; ++k) chains += "amp;";
    chains += "lt; ";
  }
  chains += "</p><p>Google hired Apple engineer John Smith.</p></body></html>";
  for (int i = 0; i < 40000; ++i)
    numeric +=
        "&#x10FFFF; &#0; &#xD800; &#xDFFF; &#x110000; &#99999999999999999999; "
        "&#xFFFFFFFFFFFFFFFFFF; &#; &#x; &#128; ";
  numeric += "</p><p>Microsoft hired Google researcher Mary Major.</p></body></html>";
  for (int i = 0; i < 1000000; ++i) lt += "&lt;";
  lt += "</p><p>Anthropic hired Meta engineer Peter Pond.</p></body></html>";
  ASSERT_GT(chains.size(), 2u << 20);
  ASSERT_GT(numeric.size(), 2u << 20);
  ASSERT_GT(lt.size(), 2u << 20);
  dir_.write("in/good.txt", kStories[0]);
  dir_.write("in/amp_chains.html", chains);
  dir_.write("in/numeric.html", numeric);
  dir_.write("in/million_lt.html", lt);
  const CliResult r = ingest();
  EXPECT_EQ(r.exit_code, 0) << show(r);
  EXPECT_TRUE(reports(r).empty()) << r.err;
  EXPECT_EQ(stored_docs(db()), (std::multiset<std::string>{"good.txt", "amp_chains.html",
                                                           "numeric.html", "million_lt.html"}));
  EXPECT_LT(seconds_, 60);
  const CliResult ev = run_cli({"events", "--db", db(), "--json"});
  for (const char* who : {"John Smith", "Mary Major", "Peter Pond", "Jane Doerr"})
    EXPECT_NE(ev.out.find(who), std::string::npos) << who << "\n" << show(ev);
}

// Compressed input is not read: a .gz file (named on the command line, or in a directory
// with an article's name before the .gz) and gzip bytes under a text file's name are
// each reported once as compressed, a gzip-compressed dump as a whole.
TEST_F(HostileInput, GzipIsReportedAsNotText) {
  dir_.write("in/good.txt", kStories[0]);
  dir_.write("in/story.txt.gz", gzip_of(kStories[1]));
  dir_.write("in/disguised.txt", gzip_of(kStories[2]));
  dir_.write("in/dump.jsonl",
             gzip_of("{\"text\": \"Anthropic hired Meta engineer Peter Pond.\"}\n"));
  dir_.write("in/unrelated.tar.gz", gzip_of("not an article"));  // no article's name: not walked
  const std::string named = dir_.write("elsewhere/article.gz", gzip_of(kStories[4])).string();
  const CliResult r = ingest({in(), named});
  EXPECT_EQ(r.exit_code, 1) << show(r);
  const auto lines = reports(r);
  for (const char* name : {"story.txt.gz", "disguised.txt", "dump.jsonl:1", "article.gz"})
    EXPECT_TRUE(ReportedOnce(lines, name, "gzip-compressed, not text"));
  EXPECT_EQ(lines.size(), 4u) << r.err;
  EXPECT_EQ(stored_docs(db()), (std::multiset<std::string>{"good.txt"}));
}

// File names with spaces, newlines, tabs, escape characters and bytes that are not
// UTF-8: good files are stored (their doc names escaped into valid UTF-8, so export and
// the API can print them), a broken one is reported on exactly one line.
TEST_F(HostileInput, OddFileNamesStayOnOneLine) {
  const std::vector<std::pair<std::string, std::string>> good = {
      {"with space.txt", "with space.txt"},
      {"new\nline.txt", "new\\nline.txt"},
      {"tab\tname.txt", "tab\\tname.txt"},
      {"bad\xFF\xFEname.txt", "bad\\xFF\\xFEname.txt"},
      {"esc\x1b[31mred.txt", "esc\\x1B[31mred.txt"},
  };
  for (size_t i = 0; i < good.size(); ++i) dir_.write("in/" + good[i].first, kStories[i]);
  dir_.write("in/empty\nwith\nnewlines.txt", "");
  dir_.write("in/bin\xC3\x28\r.txt", "\0\0binary"s);
  const CliResult r = ingest();
  EXPECT_EQ(r.exit_code, 1) << show(r);
  const auto lines = reports(r);
  EXPECT_TRUE(ReportedOnce(lines, "empty\\nwith\\nnewlines.txt", "empty file"));
  EXPECT_TRUE(ReportedOnce(lines, "bin\\xC3(\\r.txt", "binary content"));
  EXPECT_EQ(lines.size(), 2u) << r.err;
  std::multiset<std::string> want;
  for (const auto& [name, doc] : good) want.insert(doc);
  EXPECT_EQ(stored_docs(db()), want);
  // …and the other printers cope with them too.
  const CliResult events = run_cli({"events", "--db", db(), "--json"});
  EXPECT_EQ(events.exit_code, 0) << show(events);
  for (const auto& line : lines_of(events.out)) EXPECT_TRUE(json::accept(line)) << line;
  EXPECT_EQ(run_cli({"events", "--db", db()}).exit_code, 0);
  EXPECT_EQ(run_cli({"export", "--db", db(), "--format", "csv"}).exit_code, 0);
}

// JSONL lines nested 100 000 deep (and one holding 8 MB of '['): each is one clear error
// for its line, not a stack overflow in building, dumping or freeing a JSON tree. A
// deeply nested field the reader does not use does not stop the article.
TEST_F(HostileInput, JsonlNestedAHundredThousandDeep) {
  constexpr size_t kDepth = 100000;
  const std::string arrays = std::string(kDepth, '[') + std::string(kDepth, ']');
  std::string objects;
  for (size_t i = 0; i < kDepth; ++i) objects += "{\"a\":";
  objects += "1" + std::string(kDepth, '}');
  std::string dump;
  dump += arrays + "\n";                                                                        // 1
  dump += "{\"id\": " + arrays + ", \"text\": \"Google hired Apple engineer John Smith.\"}\n";  // 2
  dump +=
      "{\"text\": \"Google hired Apple engineer John Smith.\", \"url\": " + objects + "}\n";  // 3
  dump += "{\"text\": \"Microsoft hired Google researcher Mary Major.\", \"extra\": " + arrays +
          "}\n";                                                          // 4
  dump += std::string(8u << 20, '[') + "\n";                              // 5
  dump += std::string(kDepth, '{') + "\n";                                // 6
  dump += "{\"text\": \"Anthropic hired Meta engineer Peter Pond.\"}\n";  // 7
  dir_.write("in/good.txt", kStories[0]);
  dir_.write("in/deep.jsonl", dump);
  const CliResult r = ingest();
  ASSERT_EQ(r.exit_code, 1) << show(r);
  const auto lines = reports(r);
  EXPECT_TRUE(ReportedOnce(lines, "deep.jsonl:1", "not a JSON object"));
  EXPECT_TRUE(ReportedOnce(lines, "deep.jsonl:2", "\"id\" must be a string or a number"));
  EXPECT_TRUE(ReportedOnce(lines, "deep.jsonl:3", "\"url\" must be a string or a number"));
  EXPECT_TRUE(ReportedOnce(lines, "deep.jsonl:5", "not a JSON object"));
  EXPECT_TRUE(ReportedOnce(lines, "deep.jsonl:6", "not a JSON object"));
  EXPECT_EQ(lines.size(), 5u) << r.err;
  EXPECT_EQ(stored_docs(db()),
            (std::multiset<std::string>{"good.txt", "deep.jsonl#4", "deep.jsonl#7"}));
  // extract reads the same way.
  const CliResult x = run_cli({"extract", (dir_ / "in" / "deep.jsonl").string()});
  EXPECT_EQ(x.exit_code, 1) << show(x);
  EXPECT_EQ(lines_of(x.out).size(), 2u) << show(x);
}

}  // namespace

// A PostgreSQL "server" that accepts connections and never answers: every command gives
// up after the connect timeout with one line and exit 3, and prints no password.
// (Before, libpq waited for ever: `ingest` and `events` hung.)
TEST(SilentPostgres, CommandsGiveUpWithOneLineAndNoPassword) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(::listen(fd, 16), 0);  // the kernel completes each handshake; nobody ever reads
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  const std::string url =
      "postgresql://talentwar:hunter2secret@127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) +
      "/tw";
  TempDir dir;
  const auto article = dir.path() / "a.txt";
  std::ofstream(article) << kStories[0];
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"events", "--db", url},
        std::vector<std::string>{"ingest", "--db", url, article.string()}}) {
    const auto start = std::chrono::steady_clock::now();
    const CliResult r = run_cli(args);
    const double took =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(r.exit_code, 3) << args[0] << ": " << show(r);
    EXPECT_LT(took, 60) << args[0] << " gave up at last";
    EXPECT_EQ(r.err.find("hunter2secret"), std::string::npos) << r.err;
    EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
  }
  ::close(fd);
}

// An empty --db names nothing (SQLite would write a temporary database that vanishes):
// a usage error, nothing "stored". A file that is not a database is named in one line,
// and `serve` refuses it before listening instead of answering 500s.
TEST(DatabaseArgument, EmptyOrNotADatabaseFailsFastNamingIt) {
  TempDir dir;
  const auto article = dir.path() / "a.txt";
  std::ofstream(article) << kStories[1];
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"ingest", "--db", "", article.string()},
        std::vector<std::string>{"events", "--db", ""}}) {
    const CliResult r = run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << show(r);
    EXPECT_NE(r.err.find("--db"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("new"), std::string::npos) << "nothing claimed stored: " << r.err;
  }
  const auto not_db = dir.path() / "notes.txt";
  std::ofstream(not_db) << "shopping list: milk, eggs, a database\n";
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"events", "--db", not_db.string()},
        std::vector<std::string>{"serve", "--db", not_db.string(), "--port", "0"}}) {
    const CliResult r = run_cli(args);
    EXPECT_EQ(r.exit_code, 3) << show(r);
    EXPECT_NE(r.err.find("notes.txt"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("not a database"), std::string::npos) << r.err;
    EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
  }
}

// A file saved with a byte-order mark and the same file without one are one article, and
// a file name holding a terminal escape code is printed escaped in the tables.
TEST_F(HostileInput, ABomMakesNoSecondArticleAndEscapeCodesNeverReachTheTerminal) {
  dir_.write("in/plain.txt", kStories[0]);
  dir_.write("in/with_bom.txt", "\xEF\xBB\xBF" + kStories[0]);
  dir_.write("in/esc\x1b[2J\x1b]0;owned\x07.txt", kStories[1]);
  const CliResult r = ingest();
  EXPECT_EQ(r.exit_code, 0) << show(r);
  const auto docs = stored_docs(db());
  EXPECT_EQ(docs.size(), 2u) << "the BOM made a second article";
  for (const char* command : {"events", "timeline"}) {
    const CliResult shown = run_cli({command, "--db", db()});
    EXPECT_EQ(shown.exit_code, 0) << show(shown);
    EXPECT_EQ(shown.out.find('\x1b'), std::string::npos) << command << " printed an escape code:\n"
                                                         << shown.out;
    EXPECT_EQ(shown.out.find('\x07'), std::string::npos) << command;
  }
  EXPECT_NE(run_cli({"events", "--db", db()}).out.find("esc\\x1B[2J"), std::string::npos)
      << "the name is shown, escaped";
}

// A subdirectory the user cannot read is reported by name (exit 1), not skipped in
// silence; the articles beside it are stored. (Run as an unprivileged user: root reads
// every directory.)
TEST_F(HostileInput, AnUnreadableSubdirectoryIsReportedNotSkipped) {
  const bool root = ::geteuid() == 0;
  if (root && std::system("setpriv --help > /dev/null 2>&1") != 0)
    GTEST_SKIP() << "no setpriv to drop root";
  const std::string as_user = root ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  dir_.write("in/good.txt", kStories[0]);
  dir_.write("in/locked/hidden.txt", kStories[1]);
  dir_.write("in/open/seen.txt", kStories[2]);
  const auto everyone = fs::perms::all;
  for (fs::path p = dir_.path(); p != p.root_path(); p = p.parent_path())
    fs::permissions(p, fs::perms::others_exec | fs::perms::others_read, fs::perm_options::add);
  for (const char* d : {"in", "in/open"}) fs::permissions(dir_ / d, everyone);
  for (const char* f : {"in/good.txt", "in/open/seen.txt"}) fs::permissions(dir_ / f, everyone);
  fs::permissions(dir_ / "in/locked", fs::perms::owner_all);  // root only
  fs::create_directories(dir_ / "db");
  fs::permissions(dir_ / "db", everyone);
  const std::string db = (dir_ / "db" / "walk.db").string(), err = (dir_ / "err.txt").string();
  const std::string cmd = as_user + twtest::talentwar_bin() + " ingest --db " + db + " " +
                          (dir_ / "in").string() + " > /dev/null 2> " + err;
  const int status = std::system(cmd.c_str());
  fs::permissions(dir_ / "in/locked", fs::perms::owner_all);
  EXPECT_EQ(WEXITSTATUS(status), 1) << twtest::read_file(err);
  const std::string reported = twtest::read_file(err);
  EXPECT_NE(reported.find("locked: Permission denied"), std::string::npos) << reported;
  EXPECT_EQ(stored_docs(db), (std::multiset<std::string>{"good.txt", "seen.txt"}));
}
