// query_bench — how fast the dashboard answers at scale: fills a database with
// synthetic events through the store's own ingest path (aggregates included) until it
// holds --events of them, serves it with the real HTTP server on loopback, and times
// every dashboard query with a keep-alive client, reporting p50, p99 and max.
//
//   build/talentwar_querybench --db /tmp/10m.db --events 10000000 --requests 300
//
// The events are drawn as bench/synthetic_db.h says (seeded: every run builds the same
// database).
#include <fmt/format.h>
#include <httplib.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <random>
#include <thread>

#include "knowledge/lexicon.h"
#include "server/http_server.h"
#include "store/store.h"
#include "synthetic_db.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Latency {
  double p50, p99, max;
};

Latency time_requests(httplib::Client& client, const std::vector<std::string>& paths,
                      size_t& errors) {
  std::vector<double> ms;
  for (const auto& path : paths) {
    const auto t0 = Clock::now();
    auto res = client.Get(path);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    if (!res || (res->status != 200 && res->status != 404)) ++errors;
  }
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) {
    return ms[std::min(ms.size() - 1, static_cast<size_t>(q * static_cast<double>(ms.size())))];
  };
  return {at(0.50), at(0.99), ms.back()};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Fill a database with synthetic events and time the dashboard's queries over HTTP"};
  std::string db_path = "querybench.db";
  size_t events = 1000000, requests = 200;
  app.add_option("--db", db_path, "SQLite file or postgresql:// URL (filled up to --events)");
  app.add_option("--events", events, "events the database should hold");
  app.add_option("--requests", requests, "requests per query kind");
  CLI11_PARSE(app, argc, argv);

  const auto& lex = tw::knowledge::Lexicon::standard();
  const tw::synthetic::Pools pools = tw::synthetic::make_pools(lex);
  {
    tw::store::Store db(db_path, &lex);
    const auto t0 = Clock::now();
    tw::synthetic::fill(db, events, pools, /*progress=*/true);
    std::cerr << fmt::format("database: {} events, {} articles (filled in {:.0f} s)\n",
                             db.event_count(), db.article_count(),
                             std::chrono::duration<double>(Clock::now() - t0).count());
  }
  tw::server::Server server({"127.0.0.1", 0, db_path, "", ""});
  const auto bound = server.bind();
  if (!bound) {
    std::cerr << bound.failure().reason << "\n";
    return 1;
  }
  const int port = *bound;
  std::thread serving([&] { server.serve(); });
  server.wait_until_serving();
  httplib::Client client("127.0.0.1", port);
  client.set_keep_alive(true);
  client.set_tcp_nodelay(true);
  client.set_read_timeout(120, 0);

  std::mt19937 rng(7);
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  auto encode = [](const std::string& s) { return httplib::detail::encode_query_param(s); };
  const std::vector<std::pair<std::string, std::function<std::string()>>> kinds = {
      {"flows", [&] { return std::string("/api/flows"); }},
      {"flows in a year",
       [&] {
         return fmt::format("/api/flows?since={}&until={}", 2023 + rng() % 4, 2023 + rng() % 4);
       }},
      {"flows of an org", [&] { return "/api/flows?org=" + encode(pick(pools.orgs)); }},
      {"entity (org)", [&] { return "/api/entities/" + encode(pick(pools.orgs)); }},
      {"entity (person)", [&] { return "/api/entities/" + encode(pick(pools.people)); }},
      {"timeline", [&] { return std::string("/api/timeline?limit=100"); }},
      {"timeline of an org",
       [&] { return "/api/timeline?limit=100&org=" + encode(pick(pools.orgs)); }},
      {"search", [&] { return "/api/search?q=" + encode(pick(pools.terms)); }},
      {"pay", [&] { return std::string("/api/pay"); }},
      {"deals", [&] { return std::string("/api/deals"); }},
  };
  std::cout << fmt::format("{:<22}{:>10}{:>10}{:>10}{:>8}\n", "query", "p50 ms", "p99 ms", "max ms",
                           "errors");
  for (const auto& [name, make] : kinds) {
    std::vector<std::string> paths;
    for (size_t i = 0; i < requests; ++i) paths.push_back(make());
    size_t errors = 0;
    time_requests(client, {paths.front()}, errors);  // first touch: connection and page cache
    const auto l = time_requests(client, paths, errors);
    std::cout << fmt::format("{:<22}{:>10.2f}{:>10.2f}{:>10.2f}{:>8}\n", name, l.p50, l.p99, l.max,
                             errors)
              << std::flush;
  }
  server.stop();
  serving.join();
  return 0;
}
