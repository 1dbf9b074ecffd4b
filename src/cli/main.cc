// talentwar — command-line entry point: parses options and dispatches to commands.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "model/model.h"
#include "query/analytics.h"
#include "query/arguments.h"

int main(int argc, char** argv) {
  CLI::App app{"talentwar — turns news about the AI talent war into sourced, queryable events"};
  app.require_subcommand(1);
  std::string db = std::getenv("TALENTWAR_DB") ? std::getenv("TALENTWAR_DB") : "talentwar.db";
  app.add_option("--db", db, "SQLite database file (default ./talentwar.db, or $TALENTWAR_DB)");

  std::vector<std::string> inputs;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  auto* extract = app.add_subcommand(
      "extract", "Extract events from articles; one JSON object per article on stdout");
  extract->add_option("inputs", inputs, "files, directories, .jsonl dumps, or - for stdin")
      ->required();
  extract
      ->add_option("--jobs,-j", jobs, "threads extracting articles (default: the number of cores)")
      ->check(CLI::Range(1u, 256u));

  auto* ingest =
      app.add_subcommand("ingest", "Extract events from articles and store them in the database");
  ingest->add_option("inputs", inputs, "files, directories, .jsonl dumps, or - for stdin")
      ->required();
  ingest->add_option("--db", db, "SQLite database file");
  ingest
      ->add_option("--jobs,-j", jobs, "threads extracting articles (default: the number of cores)")
      ->check(CLI::Range(1u, 256u));

  std::string backup_to;
  auto* backup = app.add_subcommand(
      "backup", "Copy the SQLite database into a new file, consistently, while it is in use");
  backup->add_option("path", backup_to, "the new file")->required();
  backup->add_option("--db", db, "SQLite database file");

  std::string format = "jsonl";
  auto* exp = app.add_subcommand("export", "Print what the database holds, per article");
  exp->add_option("--format", format, "jsonl or csv")->check(CLI::IsMember({"jsonl", "csv"}));
  exp->add_option("--db", db, "SQLite database file");

  std::string gold;
  bool show_misses = false, json = false;
  auto* eval = app.add_subcommand(
      "eval", "Extract and score against a gold file (shared/spec/events.md format)");
  eval->add_option("gold", gold, "gold JSON Lines file")->required();
  eval->add_option("inputs", inputs, "articles to extract")->required();
  eval->add_flag("--show-misses", show_misses, "list missed and spurious events");
  eval->add_flag("--json", json, "print the scores as JSON");
  bool names = false;
  eval->add_flag("--names", names,
                 "also score the name tagger: names the lexicon lacks, proposed vs in the gold");

  std::string type, org, person;
  auto* events = app.add_subcommand("events", "Show stored events as a table");
  events->add_option("--type", type, "event type")
      ->check(CLI::IsMember(
          std::vector<std::string>(tw::model::kEventTypes.begin(), tw::model::kEventTypes.end())));
  events->add_option("--org", org,
                     "an organisation in any slot (its units included), any spelling");
  events->add_option("--person", person, "a person, any spelling");
  events->add_flag("--json", json, "one JSON object per event");
  events->add_option("--db", db, "SQLite database file");

  std::string since, until, name, graph_format = "json";
  auto* flows = app.add_subcommand(
      "flows", "Who moved where: talent flows between organisations, net gain ranked");
  flows->add_option("--since", since, "first reported on or after (YYYY or YYYY-MM-DD)");
  flows->add_option("--until", until, "first reported on or before (YYYY or YYYY-MM-DD)");
  flows->add_option("--org", org,
                    "only flows into or out of this organisation (its units included)");
  size_t top = tw::query::kFlowEdges;
  flows
      ->add_option("--top", top,
                   "how many of the largest pairs to list (the balances count them all)")
      ->check(CLI::Range(1, 500));
  flows->add_flag("--json", json, "print JSON");
  flows->add_option("--db", db, "SQLite database file");

  // The fact lists take the API's filters (query::Filter) under the same names, checked by
  // the same rules (query::checked), and answer as the API does.
  tw::query::Filter asked;
  auto fact_list = [&](const char* command, const char* description) {
    auto* sub = app.add_subcommand(command, description);
    sub->add_option("--type", asked.type, "one event type of those the list covers");
    sub->add_option("--org", asked.org,
                    "an organisation in any slot (its units included), any spelling");
    sub->add_option("--person", asked.person, "a person, any spelling");
    sub->add_option("--since", asked.since, "reported on or after (YYYY, YYYY-MM or YYYY-MM-DD)");
    sub->add_option("--until", asked.until, "reported on or before (YYYY, YYYY-MM or YYYY-MM-DD)");
    sub->add_option("--lang", asked.lang, "only articles in this language (ko, en)");
    sub->add_flag("--json", json, "print JSON");
    sub->add_option("--db", db, "SQLite database file");
    return sub;
  };
  auto* pay = fact_list("pay", "Offers, packages and pay statistics, with sources");
  auto* deals = fact_list("deals", "Investments and acquisitions, with totals per pair");
  auto* timeline = fact_list("timeline", "Facts in the order they were first reported");

  auto* entity = app.add_subcommand(
      "entity",
      "A person or organisation in any script or spelling: aliases, units, facts, sources");
  std::vector<std::string> name_words;  // a name of several words needs no quotes
  entity->add_option("name", name_words, "the name, e.g. 셩자오 자오, Shengjia Zhao, 구글")
      ->required();
  entity->add_flag("--json", json, "print JSON");
  entity->add_option("--db", db, "SQLite database file");

  auto* graph = app.add_subcommand(
      "graph", "The knowledge graph for Gephi (graphml), Graphviz (dot) or scripts (json)");
  graph->add_option("--format", graph_format, "graphml, dot or json")
      ->check(CLI::IsMember({"graphml", "dot", "json"}));
  graph->add_option("--db", db, "SQLite database file");

  std::string host = "127.0.0.1",
              token = std::getenv("TALENTWAR_TOKEN") ? std::getenv("TALENTWAR_TOKEN") : "",
              web_root;
  int port = 8080;
  auto* serve = app.add_subcommand("serve", "The JSON API under /api/ and the web dashboard at /");
  serve->add_option("--host", host, "address to listen on (default 127.0.0.1)");
  serve->add_option("--port", port, "port (default 8080; 0 picks a free one)")
      ->check(CLI::Range(0, 65535));
  serve->add_option(
      "--token", token,
      "token that POST /api/articles must present (or $TALENTWAR_TOKEN); none: writes are off");
  serve->add_option("--web-root", web_root,
                    "the dashboard's files (default: the source tree's web/)");
  std::string cors_origin;
  serve->add_option(
      "--cors-origin", cors_origin,
      "the one origin (e.g. https://dash.example.org) whose pages may call the API; default: none");
  serve->add_option("--db", db, "SQLite database file");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : tw::cli::kUsage;
  }
  // An empty --db (or TALENTWAR_DB="") names no file: SQLite would open a temporary
  // database that vanishes with the process, and "14 new" would be stored nowhere.
  if (db.empty() && !*extract && !*eval) {
    std::cerr << "talentwar: --db must name a database file or a postgresql:// URL (it is empty)\n";
    return tw::cli::kUsage;
  }
  try {
    if (*backup) return tw::cli::run_backup(db, backup_to);
    if (*extract) return tw::cli::run_extract(inputs, jobs);
    if (*ingest) return tw::cli::run_ingest(db, inputs, jobs);
    if (*exp) return tw::cli::run_export(db, format);
    if (*eval) return tw::cli::run_eval(gold, inputs, show_misses, json, names);
    if (*events) return tw::cli::run_events(db, type, org, person, json);
    if (*flows) return tw::cli::run_flows(db, since, until, org, top, json);
    if (*pay) return tw::cli::run_pay(db, asked, json);
    if (*deals) return tw::cli::run_deals(db, asked, json);
    if (*entity) {
      for (const auto& w : name_words) name += (name.empty() ? "" : " ") + w;
      return tw::cli::run_entity(db, name, json);
    }
    if (*timeline) return tw::cli::run_timeline(db, asked, json);
    if (*graph) return tw::cli::run_graph(db, graph_format);
    if (*serve) return tw::cli::run_serve(db, host, port, token, web_root, cors_origin);
  } catch (const tw::query::BadArgument& e) {
    std::cerr << "talentwar: " << e.what() << "\n";
    return tw::cli::kUsage;
  } catch (const std::exception& e) {
    std::cerr << "talentwar: " << e.what() << "\n";
    return tw::cli::kFatal;
  }
  return tw::cli::kUsage;
}
