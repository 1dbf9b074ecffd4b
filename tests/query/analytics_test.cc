// Facts across articles and the analytics commands, through the CLI on a real SQLite
// file: the seed articles from ../shared, and articles written for these tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "query/analytics.h"
#include "store/store.h"
#include "test_support.h"

namespace {

using tw::model::Slot;
using twtest::json;
using twtest::run_cli;

// Runs a command with --json and parses its output.
json cli_json(const std::vector<std::string>& args) {
  auto r = run_cli(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

std::vector<json> facts_of(const json& facts, const std::string& type, const json& want) {
  std::vector<json> out;
  for (const auto& f : facts)
    if (f.value("type", "") == type && twtest::event_matches(f, want)) out.push_back(f);
  return out;
}

class SeedFacts : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(twtest::shared_dir() / "corpus" / "seeds")) return;
    dir_ = new twtest::TempDir;
    db_ = (dir_->path() / "seeds.db").string();
    auto r = run_cli({"ingest", "--db", db_, (twtest::shared_dir() / "corpus" / "seeds").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    if (!dir_) GTEST_SKIP() << "../shared/corpus/seeds not present";
  }
  static inline twtest::TempDir* dir_ = nullptr;
  static inline std::string db_;
};

TEST_F(SeedFacts, AmazonsTrancheReportedTwiceIsOneFactWithTwoSources) {
  const json deals = cli_json({"deals", "--db", db_, "--json"});
  const auto hits =
      facts_of(deals["deals"], "investment", {{"investor", "Amazon"}, {"investee", "Anthropic"}});
  const auto tranche = std::find_if(hits.begin(), hits.end(), [](const json& f) {
    return f.contains("amount") && f["amount"]["value"] == 2750000000LL &&
           !f.value("cumulative", false);
  });
  ASSERT_NE(tranche, hits.end());
  EXPECT_EQ((*tranche)["corroboration"], 2);
  EXPECT_EQ(std::count_if(hits.begin(), hits.end(),
                          [](const json& f) {
                            return f.contains("amount") && f["amount"]["value"] == 2750000000LL;
                          }),
            1);
}

TEST_F(SeedFacts, MetaScaleInvestmentKeepsTheBoundAsASource) {
  const json deals = cli_json({"deals", "--db", db_, "--json"});
  const auto hits =
      facts_of(deals["deals"], "investment", {{"investor", "Meta"}, {"investee", "Scale AI"}});
  ASSERT_EQ(hits.size(), 1u);
  const json& f = hits[0];
  EXPECT_EQ(f["amount"]["value"], 14300000000LL);  // the precise figure wins
  EXPECT_EQ(f["amount_rule"], "a precise figure beats a bound");
  bool bound_kept = false;
  for (const auto& r : f["amounts_reported"])
    bound_kept |=
        r["amount"]["value"] == 14000000000LL && r["amount"].value("qualifier", "") == "at_least";
  EXPECT_TRUE(bound_kept) << f.dump();
  EXPECT_EQ(f["corroboration"], 2);
}

TEST_F(SeedFacts, AlexandrWangsMoveIsOneFactWithTwoSources) {
  const json p = cli_json({"entity", "--db", db_, "알렉산드르 왕", "--json"});
  EXPECT_EQ(p["name"], "Alexandr Wang");
  const auto moves = facts_of(p["facts"], "move", {{"person", "Alexandr Wang"}, {"to", "Meta"}});
  ASSERT_EQ(moves.size(), 1u);
  EXPECT_EQ(moves[0]["from"], "Scale AI");
  EXPECT_EQ(moves[0]["corroboration"], 2);
}

TEST_F(SeedFacts, MetaIsTheLargestNetImporterAndNoOneCountsTwice) {
  const json r = cli_json({"flows", "--db", db_, "--json"});
  ASSERT_FALSE(r["organisations"].empty());
  const json& top = r["organisations"][0];
  EXPECT_EQ(top["org"], "Meta");
  std::set<std::string> sources;
  for (const auto& s : top["sources"]) sources.insert(s["org"]);
  for (const char* want : {"Apple", "OpenAI", "Google DeepMind", "Scale AI"})
    EXPECT_TRUE(sources.count(want)) << want;
  for (const auto& e : r["flows"]) {
    if (e["from"] == "Apple" && e["to"] == "Meta") {
      EXPECT_EQ(e["people"], 4) << "four researchers, four of them named";
    }
    std::set<std::string> named;
    for (const auto& n : e["named"]) EXPECT_TRUE(named.insert(n).second) << "counted twice: " << n;
  }
}

TEST_F(SeedFacts, EveryAnalyticsCommandPrintsATableAndJson) {
  for (const std::string cmd : {"flows", "pay", "deals", "timeline"}) {
    auto table = run_cli({cmd, "--db", db_});
    EXPECT_EQ(table.exit_code, 0) << cmd << ": " << table.err;
    EXPECT_NE(table.out.find("Meta"), std::string::npos) << cmd;
    auto j = run_cli({cmd, "--db", db_, "--json"});
    EXPECT_EQ(j.exit_code, 0) << cmd;
    EXPECT_TRUE(json::accept(j.out)) << cmd;
  }
  auto pay = run_cli({"pay", "--db", db_});
  EXPECT_NE(pay.out.find("OFFERS"), std::string::npos);
  EXPECT_NE(pay.out.find("Ruoming Pang"), std::string::npos);
  auto deals = run_cli({"deals", "--db", db_});
  EXPECT_NE(deals.out.find("largest reported running total"), std::string::npos)
      << "Amazon's $4B total is not added to its tranches";
  auto entity = run_cli({"entity", "--db", db_, "구글"});
  EXPECT_EQ(entity.exit_code, 0);
  EXPECT_NE(entity.out.find("Google DeepMind"), std::string::npos) << "a parent lists its units";
}

TEST_F(SeedFacts, GraphInThreeFormats) {
  auto dot = run_cli({"graph", "--db", db_, "--format", "dot"});
  EXPECT_EQ(dot.exit_code, 0);
  EXPECT_EQ(dot.out.rfind("digraph talentwar {", 0), 0u);
  EXPECT_NE(dot.out.find("\"Alexandr Wang\" -> \"Meta\""), std::string::npos);
  auto graphml = run_cli({"graph", "--db", db_, "--format", "graphml"});
  EXPECT_NE(graphml.out.find("<graphml"), std::string::npos);
  EXPECT_NE(graphml.out.find("<node id=\"Anthropic\">"), std::string::npos);
  const json g = cli_json({"graph", "--db", db_, "--format", "json"});
  EXPECT_FALSE(g["nodes"].empty());
  EXPECT_FALSE(g["edges"].empty());
}

TEST_F(SeedFacts, UnknownEntityIsAClearError) {
  auto r = run_cli({"entity", "--db", db_, "Nobody Atall"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("Nobody Atall"), std::string::npos);
}

// Articles written for this test: one researcher not in the lexicon, named without a
// gloss in two Korean spellings and in Latin script in an English article.
// A pair's total never adds a running total to its own tranches.
TEST(Deals, APairsTotalIsTheLargerOfTheRunningTotalAndTheTranches) {
  tw::query::PairTotal t{"Amazon", "Anthropic", "USD", 4e9, 8e9};
  EXPECT_TRUE(t.by_running_total());
  EXPECT_EQ(t.total(), 8e9);
  EXPECT_EQ(t.rule(), "largest reported running total");
  t.tranches = 9e9;
  EXPECT_EQ(t.total(), 9e9);
  EXPECT_EQ(t.rule(), "sum of reported tranches");
  const json j = tw::query::Deals{{}, {t}}.to_json();
  EXPECT_EQ(j["totals"][0]["total"], 9e9);
  EXPECT_EQ(j["totals"][0]["running_total_reported"], 8e9);
  EXPECT_TRUE(j["deals"].empty());
}

TEST(CrossScript, UnknownNameInTwoScriptsBecomesOneEntity) {
  twtest::TempDir dir;
  dir.write("a_ko.txt", "메타는 구글 딥마인드의 연구원 하늘 김을 영입했다.\n");
  dir.write("b_ko.txt",
            "구글 딥마인드 출신 연구원 하눌 김이 메타에 합류했다고 업계 관계자가 전했다.\n");
  dir.write("c_en.txt",
            "Meta has hired Google DeepMind researcher Haneul Kim, people familiar with the matter "
            "said.\n");
  const std::string db = (dir.path() / "x.db").string();
  ASSERT_EQ(run_cli({"ingest", "--db", db, dir.path().string()}).exit_code, 0);
  const json p = cli_json({"entity", "--db", db, "하눌 김", "--json"});
  EXPECT_EQ(p["name"], "Haneul Kim");
  std::set<std::string> spellings;
  for (const auto& s : p["spellings"]) spellings.insert(s);
  EXPECT_TRUE(spellings.count("하늘 김"));
  EXPECT_TRUE(spellings.count("하눌 김"));
  const auto moves = facts_of(p["facts"], "move", {{"person", "Haneul Kim"}, {"to", "Meta"}});
  ASSERT_EQ(moves.size(), 1u) << p.dump();
  EXPECT_EQ(moves[0]["corroboration"], 3);
  // …and she is one person in the flows.
  const json flows = cli_json({"flows", "--db", db, "--json"});
  ASSERT_EQ(flows["flows"].size(), 1u);
  EXPECT_EQ(flows["flows"][0]["people"], 1);
}

TEST(CrossScript, LexiconPersonAcrossTwoHangulSpellingsAndLatin) {
  twtest::TempDir dir;
  dir.write("a_ko.txt",
            "메타는 오픈AI 연구원 출신 자오셩자를 초지능 연구소 수석과학자로 영입했다.\n");
  dir.write("b_ko.txt", "오픈AI에서 일하던 셩자오 자오가 메타로 이직했다.\n");
  dir.write("c_en.txt",
            "Meta hired OpenAI researcher Shengjia Zhao as chief scientist of its "
            "superintelligence lab.\n");
  const std::string db = (dir.path() / "x.db").string();
  ASSERT_EQ(run_cli({"ingest", "--db", db, dir.path().string()}).exit_code, 0);
  for (const std::string spelling : {"자오셩자", "셩자오 자오", "Shengjia Zhao"}) {
    const json p = cli_json({"entity", "--db", db, spelling, "--json"});
    EXPECT_EQ(p["name"], "Shengjia Zhao") << spelling;
    const auto moves = facts_of(p["facts"], "move",
                                {{"person", "Shengjia Zhao"}, {"from", "OpenAI"}, {"to", "Meta"}});
    ASSERT_EQ(moves.size(), 1u) << spelling << ": " << p.dump();
    EXPECT_EQ(moves[0]["corroboration"], 3);
  }
}

}  // namespace

namespace {

// Who asserts a figure is kept with the fact, and a denial marks it disputed.
TEST(Claims, SpeakerIsKeptAndADenialMarksTheFigureDisputed) {
  twtest::TempDir dir;
  dir.write("claim.txt",
            "OpenAI CEO Sam Altman said Meta offered $100 million signing bonuses to OpenAI "
            "researchers.\n"
            "Lucas Beyer, who joined Meta from OpenAI, called the figure fake news.\n");
  const std::string db = (dir.path() / "x.db").string();
  ASSERT_EQ(run_cli({"ingest", "--db", db, dir.path().string()}).exit_code, 0);
  const json pay = cli_json({"pay", "--db", db, "--json"});
  const auto offers = facts_of(pay["offers"], "offer", {{"by", "Meta"}, {"target_org", "OpenAI"}});
  ASSERT_EQ(offers.size(), 1u) << pay.dump();
  const json& offer = offers[0];
  ASSERT_TRUE(offer.contains("claims"));
  EXPECT_EQ(offer["claims"][0]["by"], "Sam Altman");
  EXPECT_EQ(offer.value("disputed", false), true);
  EXPECT_EQ(offer["disputed_by"][0]["by"], "Lucas Beyer");
  auto table = run_cli({"pay", "--db", db});
  EXPECT_NE(table.out.find("[disputed]"), std::string::npos) << table.out;
}

TEST(Claims, KoreanReportedSpeechNamesTheSpeaker) {
  const auto events = twtest::extract_events(
      "샘 알트먼 오픈AI CEO는 메타가 오픈AI 직원들에게 1억 달러의 계약 보너스를 제안했다고 "
      "말했다.\n");
  EXPECT_TRUE(
      twtest::HasEvent(events, {{"type", "offer"}, {"by", "Meta"}, {"claimed_by", "Sam Altman"}}));
}

}  // namespace

namespace {

// The flows the store keeps as articles arrive equal the flows computed afresh from all
// facts (names resolved over the whole corpus, each fact dated by its first report),
// for the whole corpus and for windows to the year, month and day.
// The corpora: the project's own articles, and a generated one (scripts/gen-corpus) with
// the same people moving in many articles, in either script, in any order.
class FlowAggregates : public ::testing::TestWithParam<std::string> {};

INSTANTIATE_TEST_SUITE_P(Corpora, FlowAggregates, ::testing::Values("articles", "generated"));

TEST_P(FlowAggregates, EqualFlowsComputedFromAllFacts) {
  twtest::TempDir dir;
  const std::string db_path = (dir.path() / "all.db").string();
  std::vector<std::string> args{"ingest", "--db", db_path};
  if (GetParam() == "articles") {
    for (const char* set : {"samples", "heldout", "heldout2"})
      args.push_back(
          (std::filesystem::path(TALENTWAR_SOURCE_DIR) / "data" / set / "articles").string());
  } else {
    const std::string corpus = (dir.path() / "corpus").string();
    const std::string gen = std::string(TALENTWAR_SOURCE_DIR) + "/scripts/gen-corpus --out " +
                            corpus + " --size 3MB --seed 11 > /dev/null";
    ASSERT_EQ(std::system(gen.c_str()), 0) << gen;
    args.push_back(corpus);
  }
  ASSERT_EQ(run_cli(args).exit_code, 0);
  const auto& lexicon = tw::knowledge::Lexicon::standard();
  tw::store::Store db(db_path, &lexicon);
  const auto rows = db.events({});
  const tw::query::NameResolver names(lexicon, tw::query::people_in(rows));
  const auto facts = tw::query::build_facts(rows, names);
  for (const tw::query::Window& w : {tw::query::Window{"", ""},
                                     {"2025", ""},
                                     {"", "2025-06"},
                                     {"2024-03", "2025-08"},
                                     {"2025-07-01", "2025-08-15"},
                                     {"2030", ""}}) {
    std::map<std::pair<std::string, std::string>, std::pair<std::set<std::string>, long>> expected;
    for (const auto& f : facts) {
      if (f.type != tw::model::EventType::Move || f.slot(Slot::from).empty() ||
          f.slot(Slot::to).empty() || f.slot(Slot::from) == f.slot(Slot::to))
        continue;
      if (!w.contains(f)) continue;
      auto& [people, group] = expected[{f.slot(Slot::from), f.slot(Slot::to)}];
      if (!f.slot(Slot::person).empty())
        people.insert(f.slot(Slot::person));
      else
        group = std::max(group, f.count.value_or(0));
    }
    std::map<std::pair<std::string, std::string>, long> want, got;
    for (const auto& [pair, pg] : expected)
      if (long n = std::max<long>(static_cast<long>(pg.first.size()), pg.second); n > 0)
        want[pair] = n;
    const json flows = tw::query::flows(db, lexicon, w, "", 1000).to_json();
    for (const auto& e : flows["flows"]) got[{e["from"], e["to"]}] = e["people"];
    EXPECT_EQ(got, want) << "window " << w.since << ".." << w.until;
    // Each organisation's balance is the sum of its pairs (kept by deltas when all-time).
    std::map<std::string, std::pair<long, long>> balance_want, balance_got;
    for (const auto& [pair, n] : want) {
      balance_want[pair.second].first += n;
      balance_want[pair.first].second += n;
    }
    for (const auto& o : flows["organisations"]) balance_got[o["org"]] = {o["in"], o["out"]};
    EXPECT_EQ(balance_got, balance_want) << "window " << w.since << ".." << w.until;
    EXPECT_EQ(flows["pairs"], want.size());
    // A window says how many people it could not place: those first reported without a date.
    if (!w.since.empty() || !w.until.empty()) {
      std::map<std::pair<std::string, std::string>, std::pair<std::set<std::string>, long>> undated;
      for (const auto& f : facts) {
        if (f.type != tw::model::EventType::Move || f.slot(Slot::from).empty() ||
            f.slot(Slot::to).empty() || f.slot(Slot::from) == f.slot(Slot::to))
          continue;
        if (!f.first_date.empty()) continue;
        auto& [people, group] = undated[{f.slot(Slot::from), f.slot(Slot::to)}];
        if (!f.slot(Slot::person).empty())
          people.insert(f.slot(Slot::person));
        else
          group = std::max(group, f.count.value_or(0));
      }
      long want_undated = 0;
      for (const auto& [pair, pg] : undated)
        want_undated += std::max<long>(static_cast<long>(pg.first.size()), pg.second);
      EXPECT_EQ(flows.value("undated", -1L), want_undated)
          << "window " << w.since << ".." << w.until;
    } else {
      EXPECT_FALSE(flows.contains("undated")) << "all time places everyone";
    }
    // The server sums windows from counts held in memory: the same answer, to the byte.
    const auto counts = tw::store::FlowCounts::load(db);
    EXPECT_EQ(tw::query::flows(db, lexicon, w, "", 1000, &counts).to_json(), flows)
        << "window " << w.since << ".." << w.until;
    EXPECT_EQ(tw::query::flows(db, lexicon, w, "Meta", 1000, &counts).to_json(),
              tw::query::flows(db, lexicon, w, "Meta", 1000).to_json())
        << "window " << w.since << ".." << w.until;
  }
}

}  // namespace
