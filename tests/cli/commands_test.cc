// commands (with main.cc's option parsing) — the talentwar command line, run as a separate
// process: subcommands, exit codes, output formats, and a batch of broken inputs.
#include <gtest/gtest.h>

#include "extract/event.h"
#include "test_support.h"

namespace {

using nlohmann::json;
using twtest::CliResult;
using twtest::lines_of;
using twtest::run_cli;
using twtest::TempDir;

constexpr const char* kMoveArticle = "Meta hired OpenAI researcher Jane Doerr.\n";
constexpr const char* kInvestArticle = "아마존은 앤스로픽에 40억 달러를 투자했다.\n";

std::string sample(const char* name) {
  return (twtest::source_dir() / "data" / "samples" / "articles" / name).string();
}

// stdout must be JSON Lines; returns the parsed objects.
std::vector<json> json_lines(const std::string& out) {
  std::vector<json> objects;
  for (const auto& line : lines_of(out)) {
    json j = json::parse(line, nullptr, false);
    EXPECT_TRUE(j.is_object()) << "not a JSON object: " << line;
    objects.push_back(std::move(j));
  }
  return objects;
}

std::string show(const CliResult& r) {
  return "exit " + std::to_string(r.exit_code) + "\n--- stdout\n" + r.out + "--- stderr\n" + r.err;
}

// A database holding the move and the investment article.
class WithDatabase : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.write("in/move.txt", kMoveArticle);
    dir_.write("in/invest.txt", kInvestArticle);
    const CliResult r = run_cli({"ingest", "--db", db(), (dir_ / "in").string()});
    ASSERT_EQ(r.exit_code, 0) << show(r);
  }
  std::string db() const { return (dir_ / "tw.db").string(); }
  TempDir dir_;
};

TEST(Cli, HelpOfEverySubcommandExitsZero) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"--help"},
                                             {"extract", "--help"},
                                             {"ingest", "--help"},
                                             {"export", "--help"},
                                             {"eval", "--help"},
                                             {"events", "--help"}}) {
    const CliResult r = run_cli(args);
    EXPECT_EQ(r.exit_code, 0) << args[0] << "\n" << show(r);
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << show(r);
  }
}

TEST(Cli, BadUsageExitsTwo) {
  EXPECT_EQ(run_cli({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(run_cli({}).exit_code, 2);
  EXPECT_EQ(run_cli({"extract"}).exit_code, 2) << "inputs are required";
  EXPECT_EQ(run_cli({"events", "--type", "weather"}).exit_code, 2);
  EXPECT_EQ(run_cli({"export", "--format", "xml"}).exit_code, 2);
}

TEST(Cli, ExtractPrintsOneJsonObjectPerArticle) {
  const CliResult r = run_cli(
      {"extract", sample("ko_01_meta_scale_ai.txt"), sample("en_05_retention_bonuses.txt")});
  ASSERT_EQ(r.exit_code, 0) << show(r);
  const auto objects = json_lines(r.out);
  ASSERT_EQ(objects.size(), 2u) << r.out;
  EXPECT_EQ(objects[0]["doc"], "ko_01_meta_scale_ai.txt");
  EXPECT_EQ(objects[0]["lang"], "ko");
  EXPECT_EQ(objects[1]["doc"], "en_05_retention_bonuses.txt");
  EXPECT_EQ(objects[1]["lang"], "en");
  for (const auto& o : objects) {
    ASSERT_TRUE(o["events"].is_array());
    EXPECT_FALSE(o["events"].empty()) << o["doc"];
    for (const auto& e : o["events"]) {
      EXPECT_TRUE(e["type"].is_string()) << e.dump();
      EXPECT_TRUE(e["evidence"].is_string()) << e.dump();
    }
  }
}

TEST(Cli, ExtractOfOwnArticle) {
  TempDir dir;
  const CliResult r = run_cli({"extract", dir.write("m.txt", kMoveArticle).string()});
  ASSERT_EQ(r.exit_code, 0) << show(r);
  const auto objects = json_lines(r.out);
  ASSERT_EQ(objects.size(), 1u);
  ASSERT_EQ(objects[0]["events"].size(), 1u) << r.out;
  const json& e = objects[0]["events"][0];
  EXPECT_EQ(e["type"], "move");
  EXPECT_EQ(e["person"], "Jane Doerr");
  EXPECT_EQ(e["to"], "Meta");
  EXPECT_EQ(e["evidence"], "Meta hired OpenAI researcher Jane Doerr.");
}

// `backup` copies the database through SQLite's online backup: the copy answers like the
// original, and an existing file is never overwritten.
TEST_F(WithDatabase, BackupIsAWholeCopyAndNeverOverwrites) {
  const std::string copy = (dir_ / "copy.db").string();
  const CliResult r = run_cli({"backup", copy, "--db", db()});
  ASSERT_EQ(r.exit_code, 0) << show(r);
  EXPECT_EQ(run_cli({"export", "--db", copy}).out, run_cli({"export", "--db", db()}).out);
  const CliResult again = run_cli({"backup", copy, "--db", db()});
  EXPECT_NE(again.exit_code, 0) << show(again);
  EXPECT_NE(again.err.find("already exists"), std::string::npos) << show(again);
  EXPECT_EQ(run_cli({"export", "--db", copy}).out, run_cli({"export", "--db", db()}).out)
      << "the copy is untouched";
  EXPECT_EQ(run_cli({"backup", (dir_ / "b.db").string(), "--db", (dir_ / "missing.db").string()})
                .exit_code,
            3);
}

TEST_F(WithDatabase, EventsTableFilteredByType) {
  const CliResult r = run_cli({"events", "--db", db(), "--type", "move"});
  ASSERT_EQ(r.exit_code, 0) << show(r);
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;  // header, one event, total
  EXPECT_TRUE(lines[0].starts_with("TYPE")) << lines[0];
  EXPECT_NE(lines[1].find("move"), std::string::npos) << lines[1];
  EXPECT_NE(lines[1].find("Jane Doerr"), std::string::npos) << lines[1];
  EXPECT_NE(lines[1].find("move.txt"), std::string::npos) << lines[1];
  EXPECT_EQ(lines[2], "1 events");
}

TEST_F(WithDatabase, EventsAsJson) {
  const CliResult r = run_cli({"events", "--db", db(), "--type", "move", "--json"});
  ASSERT_EQ(r.exit_code, 0) << show(r);
  const auto objects = json_lines(r.out);
  ASSERT_EQ(objects.size(), 1u);
  EXPECT_EQ(objects[0]["type"], "move");
  EXPECT_EQ(objects[0]["person"], "Jane Doerr");
  EXPECT_EQ(objects[0]["doc"], "move.txt");

  const CliResult all = run_cli({"events", "--db", db(), "--json"});
  EXPECT_EQ(json_lines(all.out).size(), 2u) << all.out;
  const CliResult by_org = run_cli({"events", "--db", db(), "--org", "아마존", "--json"});
  const auto invest = json_lines(by_org.out);
  ASSERT_EQ(invest.size(), 1u) << by_org.out;
  EXPECT_EQ(invest[0]["type"], "investment");
}

// The command line refuses what the API refuses, for the same reason (query/arguments.h).
TEST_F(WithDatabase, BadDatesAndUnknownOrganisationsAreUsageErrors) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"flows", "--since", "last month"},
        {"flows", "--until", "2025-13"},
        {"flows", "--since", "2025-02-30"},
        {"flows", "--org", "Nowhere Labs"},
        {"pay", "--org", "Nowhere Labs"},
        {"deals", "--org", "Nowhere Labs"},
        {"timeline", "--org", "Nowhere Labs"},
        {"events", "--org", "Nowhere Labs"}}) {
    std::vector<std::string> full = args;
    full.insert(full.end(), {"--db", db()});
    const CliResult r = run_cli(full);
    EXPECT_EQ(r.exit_code, 2) << show(r);
    EXPECT_TRUE(r.err.find("must be a date") != std::string::npos ||
                r.err.find("no organisation named") != std::string::npos)
        << show(r);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one line: " << r.err;
  }
  EXPECT_EQ(run_cli({"flows", "--since", "2025-07", "--org", "메타", "--db", db()}).exit_code, 0)
      << "a real month and an organisation in another script are fine";
}

TEST_F(WithDatabase, EntityTakesAnUnquotedNameAndSuggestsNearOnes) {
  const CliResult r = run_cli({"entity", "Jane", "Doerr", "--db", db()});
  ASSERT_EQ(r.exit_code, 0) << show(r);
  EXPECT_TRUE(r.out.starts_with("Jane Doerr (")) << r.out;
  const CliResult near = run_cli({"entity", "doerr", "--db", db()});
  EXPECT_EQ(near.exit_code, 1) << show(near);
  EXPECT_NE(near.err.find("did you mean: Jane Doerr"), std::string::npos) << show(near);
}

TEST(Cli, TimelineShowsHowManyPeopleALayoffCounts) {
  TempDir dir;
  dir.write("in/layoff.txt",
            "Layoffs at a lab\n\nMeta laid off 600 employees from its AI unit on Wednesday.\n");
  const std::string db = (dir / "tw.db").string();
  ASSERT_EQ(run_cli({"ingest", "--db", db, (dir / "in").string()}).exit_code, 0);
  const CliResult r = run_cli({"timeline", "--db", db});
  ASSERT_EQ(r.exit_code, 0) << show(r);
  EXPECT_NE(r.out.find("600 people"), std::string::npos) << r.out;
}

TEST_F(WithDatabase, ExportCsvHasAHeaderAndOneRowPerEvent) {
  const CliResult r = run_cli({"export", "--db", db(), "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << show(r);
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  std::string header = "doc,lang,date,outlet,title,url,type";
  for (const auto s : tw::model::kSlotNames) header += "," + std::string(s);
  EXPECT_EQ(lines[0], header + ",amount_value,amount_currency,amount_qualifier,evidence,other");
  EXPECT_TRUE(r.out.find("4000000000,USD") != std::string::npos) << r.out;
  // Each slot in its own column: the mover's name sits under "person".
  const auto column = [&](const std::string& name) {
    size_t i = 0;
    for (size_t pos = 0;
         pos < lines[0].size() && lines[0].compare(pos, name.size() + 1, name + ",") != 0; ++i)
      pos = lines[0].find(',', pos) + 1;
    return i;
  };
  const std::string& move_row = lines[1].find("move") != std::string::npos ? lines[1] : lines[2];
  std::vector<std::string> cells;
  for (size_t pos = 0;;) {  // this test's cells hold no commas before the evidence
    const size_t comma = move_row.find(',', pos);
    cells.push_back(move_row.substr(pos, comma - pos));
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  ASSERT_GT(cells.size(), column("person"));
  EXPECT_EQ(cells[column("person")], "\"Jane Doerr\"") << move_row;
  EXPECT_EQ(cells[column("to")], "\"Meta\"") << move_row;
}

TEST_F(WithDatabase, ExportJsonlHasOneLinePerArticle) {
  const CliResult r = run_cli({"export", "--db", db()});
  ASSERT_EQ(r.exit_code, 0) << show(r);
  const auto objects = json_lines(r.out);
  ASSERT_EQ(objects.size(), 2u);
  for (const auto& o : objects) {
    EXPECT_TRUE(o["doc"] == "move.txt" || o["doc"] == "invest.txt") << o.dump();
    EXPECT_EQ(o["events"].size(), 1u) << o.dump();
  }
}

TEST_F(WithDatabase, IngestingAgainAddsNothing) {
  const CliResult r = run_cli({"ingest", "--db", db(), (dir_ / "in").string()});
  ASSERT_EQ(r.exit_code, 0) << show(r);
  EXPECT_NE(r.err.find("0 new, 2 already stored"), std::string::npos) << r.err;
  EXPECT_EQ(json_lines(run_cli({"events", "--db", db(), "--json"}).out).size(), 2u);
}

TEST(Cli, DatabaseFromEnvironmentOrGlobalOption) {
  TempDir dir;
  const std::string article = dir.write("m.txt", kMoveArticle).string();
  const std::string env_db = (dir / "env.db").string(), opt_db = (dir / "opt.db").string();

  ASSERT_EQ(run_cli({"ingest", article}, {{"TALENTWAR_DB", env_db}}).exit_code, 0);
  EXPECT_TRUE(twtest::fs::exists(env_db));
  EXPECT_EQ(json_lines(run_cli({"export"}, {{"TALENTWAR_DB", env_db}}).out).size(), 1u);

  ASSERT_EQ(run_cli({"--db", opt_db, "ingest", article}).exit_code, 0);
  EXPECT_TRUE(twtest::fs::exists(opt_db));
  const CliResult r = run_cli({"--db", opt_db, "events", "--json"});
  ASSERT_EQ(r.exit_code, 0) << show(r);
  EXPECT_EQ(json_lines(r.out).size(), 1u);
}

TEST(Cli, MissingDatabaseIsFatal) {
  TempDir dir;
  const CliResult r = run_cli({"export", "--db", (dir / "none.db").string()});
  EXPECT_EQ(r.exit_code, 3) << show(r);
  EXPECT_NE(r.err.find("none.db"), std::string::npos) << r.err;
}

TEST(Cli, EvalPrintsAnF1Line) {
  const auto samples = twtest::source_dir() / "data" / "samples";
  const CliResult r =
      run_cli({"eval", (samples / "gold.jsonl").string(), (samples / "articles").string()});
  ASSERT_EQ(r.exit_code, 0) << show(r);
  bool found = false;
  for (const auto& line : lines_of(r.out))
    if (line.starts_with("F1 ")) {
      found = true;
      const double f1 = std::stod(line.substr(3));
      EXPECT_GT(f1, 0.0);
      EXPECT_LE(f1, 1.0);
    }
  EXPECT_TRUE(found) << r.out;
}

TEST(Cli, EvalWithBadGoldIsFatalAndNamesTheLine) {
  TempDir dir;
  const auto gold = dir.write("gold.jsonl", "{\"doc\":\"a\",\"events\":[]}\nnot json\n");
  const CliResult r = run_cli({"eval", gold.string(), dir.write("a.txt", kMoveArticle).string()});
  EXPECT_EQ(r.exit_code, 3) << show(r);
  EXPECT_NE(r.err.find(gold.string() + ":2"), std::string::npos) << r.err;
}

// One good article among every kind of broken input: exit 1, one stderr line per
// broken input naming it, and the good article is stored.
TEST(Cli, IngestBatchWithBadInputs) {
  TempDir dir;
  const auto in = dir / "in";
  dir.write("in/good.txt", kMoveArticle);
  dir.write("in/empty.txt", "");
  dir.write("in/binary.txt", std::string("\0\0\0\x01\x02"
                                         "binary\0",
                                         12));
  dir.write("in/invalid.txt", "Meta hired \xFF\xFE someone.\n");
  dir.write("in/huge.txt", std::string(50u << 20, 'x'));
  dir.write("in/lines.jsonl", "{ this is not json\n");
  twtest::make_unreadable(dir, "in/x.txt");
  const std::vector<std::string> bad{"empty.txt", "binary.txt",    "invalid.txt",
                                     "huge.txt",  "lines.jsonl:1", "x.txt"};

  const std::string db = (dir / "tw.db").string();
  const CliResult r = run_cli({"ingest", "--db", db, in.string()});
  EXPECT_EQ(r.exit_code, 1) << show(r);

  const auto err_lines = lines_of(r.err);
  for (const auto& name : bad) {
    size_t naming = 0;
    for (const auto& line : err_lines)
      if (line.find("/" + name) != std::string::npos) {
        ++naming;
        EXPECT_GT(line.size(), line.find("/" + name) + name.size() + 3)
            << "no reason given: " << line;
      }
    EXPECT_EQ(naming, 1u) << name << " should be named on exactly one line\n" << r.err;
  }
  size_t reports = 0;
  for (const auto& line : err_lines) reports += line.starts_with("talentwar: ");
  EXPECT_EQ(reports, bad.size()) << r.err;
  EXPECT_EQ(r.err.find("good.txt"), std::string::npos) << r.err;

  const auto stored = json_lines(run_cli({"export", "--db", db}).out);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0]["doc"], "good.txt");
  EXPECT_EQ(stored[0]["events"].size(), 1u);
}

TEST(Cli, ExtractBatchWithBadInputsStillPrintsTheGoodArticle) {
  TempDir dir;
  dir.write("in/a.txt", kMoveArticle);
  dir.write("in/b.txt", "");
  const CliResult r = run_cli({"extract", (dir / "in").string()});
  EXPECT_EQ(r.exit_code, 1) << show(r);
  const auto objects = json_lines(r.out);
  ASSERT_EQ(objects.size(), 1u);
  EXPECT_EQ(objects[0]["doc"], "a.txt");
  EXPECT_NE(r.err.find("b.txt"), std::string::npos) << r.err;
}

// Threads extract, the main thread writes in input order: the database and the output
// are the same whatever --jobs says, bad inputs included.
TEST(Cli, ParallelIngestAndExtractMatchOneThread) {
  TempDir dir;
  const auto samples = (twtest::source_dir() / "data" / "samples" / "articles").string();
  dir.write("bad/empty.txt", "");
  const std::string one = (dir / "one.db").string(), four = (dir / "four.db").string();
  const CliResult a =
      run_cli({"ingest", "--jobs", "1", "--db", one, samples, (dir / "bad").string()});
  const CliResult b =
      run_cli({"ingest", "--jobs", "4", "--db", four, samples, (dir / "bad").string()});
  EXPECT_EQ(a.exit_code, 1) << show(a);
  EXPECT_EQ(b.exit_code, 1) << show(b);
  EXPECT_EQ(run_cli({"export", "--db", one}).out, run_cli({"export", "--db", four}).out);
  const CliResult x1 = run_cli({"extract", "-j", "1", samples});
  const CliResult x4 = run_cli({"extract", "-j", "4", samples});
  EXPECT_EQ(x1.out, x4.out);
  EXPECT_EQ(json_lines(x4.out).size(), 14u);
  EXPECT_EQ(run_cli({"ingest", "--jobs", "0", "--db", one, samples}).exit_code, 2)
      << "jobs must be at least 1";
}

}  // namespace
