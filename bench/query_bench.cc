// query_bench — how fast the dashboard answers at scale: fills a database with
// synthetic events through the store's own ingest path (aggregates included) until it
// holds --events of them, serves it with the real HTTP server on loopback, and times
// every dashboard query with a keep-alive client, reporting p50, p99 and max.
//
//   build/talentwar_querybench --db /tmp/10m.db --events 10000000 --requests 300
//
// The events are drawn (seeded, so every run builds the same database) from the
// lexicon's organisations and a pool of 50,000 synthetic people, dated 2023–2026, in
// the mix of types the extractor finds in news. Articles are short so that the
// benchmark measures queries over events, not storage of text.
#include <fmt/format.h>
#include <httplib.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <random>
#include <thread>

#include "extract/lexicon.h"
#include "server/http_server.h"
#include "store/store.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Pools {
  std::vector<std::string> orgs, people, terms;
};

Pools make_pools(const tw::extract::Lexicon& lex) {
  Pools p;
  for (size_t i = 0; i < lex.size(); ++i) {
    const auto& e = lex.entity(static_cast<uint32_t>(i));
    if (e.is_org() && e.parent.empty()) p.orgs.push_back(e.name);
  }
  const char* given[] = {"Alex",  "Jordan", "Min",   "Wei",   "Priya", "Omar", "Sofia",
                         "Kenji", "Lena",   "Ravi",  "Hana",  "Diego", "Yuki", "Noah",
                         "Amara", "Ivan",   "Chloe", "Tariq", "Mei",   "Lucas"};
  const char* family[] = {"Park",     "Chen",    "Okafor", "Novak",  "Silva",  "Haddad",   "Tanaka",
                          "Kowalski", "Mehta",   "Larsen", "Dubois", "Moreau", "Nakamura", "Rossi",
                          "Schmidt",  "Ivanova", "Garcia", "Olsen",  "Kaur",   "Reyes"};
  // 50,000 people: a given and family name, and a generation suffix to tell them apart.
  for (int i = 0; i < 50000; ++i)
    p.people.push_back(fmt::format("{} {}{}", given[i % 20], family[(i / 20) % 20],
                                   i < 400 ? "" : fmt::format(" {}", i / 400)));
  p.terms = {"researcher",   "compensation", "acquisition", "superintelligence",
             "counteroffer", "layoffs",      "투자",        "영입"};
  return p;
}

// Adds synthetic articles until the store holds `target` events.
void fill(tw::store::Store& db, size_t target, const Pools& pools) {
  size_t have = db.event_count();
  if (have >= target) return;
  std::mt19937_64 rng(20261122 + have);
  // Zipf-like: a few organisations take most of the news.
  std::vector<double> weights;
  for (size_t i = 0; i < pools.orgs.size(); ++i)
    weights.push_back(1.0 / static_cast<double>(i + 1));
  std::discrete_distribution<size_t> org(weights.begin(), weights.end());
  std::uniform_int_distribution<size_t> person(0, pools.people.size() - 1);
  std::uniform_int_distribution<int> day(0, 46 * 28 - 1), kind(0, 99), amount(1, 5000);
  const char* type_of[] = {"move",   "offer",     "investment",  "acquisition",
                           "layoff", "comp_stat", "counteroffer"};
  const auto start = Clock::now();
  size_t article = db.article_count();
  constexpr size_t kPerArticle = 20;
  while (have < target) {
    db.begin_batch();
    for (int n = 0; n < 500 && have < target; ++n, ++article) {
      const int d = day(rng);
      tw::text::Document doc;
      doc.doc = fmt::format("synthetic/{:08}.txt", article);
      doc.lang = article % 2 ? "ko" : "en";
      doc.date =
          fmt::format("{:04}-{:02}-{:02}", 2023 + d / (12 * 28), 1 + (d / 28) % 12, 1 + d % 28);
      const std::string a = pools.orgs[org(rng)], b = pools.orgs[org(rng)];
      doc.title = fmt::format("{} and {}: the race for AI researchers, report {}", a, b, article);
      doc.text = fmt::format("{} {} {} hires, offers and {} in report {}.", doc.title,
                             pools.terms[article % 8], a, pools.terms[(article / 8) % 8], article);
      std::vector<tw::extract::Event> events;
      for (size_t i = 0; i < kPerArticle; ++i) {
        tw::extract::Event e;
        const int k = kind(rng);
        e.type = type_of[k < 40   ? 0
                         : k < 60 ? 1
                         : k < 70 ? 2
                         : k < 75 ? 3
                         : k < 85 ? 4
                         : k < 95 ? 5
                                  : 6];
        const std::string x = pools.orgs[org(rng)], y = pools.orgs[org(rng)];
        const std::string& who = pools.people[person(rng)];
        if (e.type == "move") {
          e.slots = {{"person", who}, {"from", x}, {"to", y}};
          if (k % 10 == 0) {
            e.slots.erase("person");
            e.count = 2 + k % 7;
          }
        } else if (e.type == "offer") {
          e.slots = {{"by", x}, {"person", who}};
          e.amount = tw::extract::Money{amount(rng) * 1e5, "USD", "", 0, 0, false};
        } else if (e.type == "investment") {
          e.slots = {{"investor", x}, {"investee", y}};
          e.amount = tw::extract::Money{amount(rng) * 1e6, "USD", "", 0, 0, false};
        } else if (e.type == "acquisition") {
          e.slots = {{"acquirer", x}, {"target", y}, {"status", "announced"}};
        } else if (e.type == "layoff") {
          e.slots = {{"org", x}};
          e.count = amount(rng);
        } else if (e.type == "comp_stat") {
          e.slots = {{"org", x}, {"stat", "median"}};
          e.amount = tw::extract::Money{amount(rng) * 1e3, "USD", "", 0, 0, false};
        } else {
          e.slots = {{"org", x}, {"person", who}};
        }
        e.evidence = fmt::format("{} {} {} ({}).", x, e.type, y, who);
        e.sentence = i;
        events.push_back(std::move(e));
      }
      db.add_article(doc, "synthetic", events);
      have += events.size();
    }
    db.commit_batch();
    if (article % 20000 == 0) {
      const double s = std::chrono::duration<double>(Clock::now() - start).count();
      std::cerr << fmt::format("  {} events, {} articles, {:.0f} s ({:.0f} events/s)\n", have,
                               article, s, static_cast<double>(have) / std::max(s, 1e-9));
    }
  }
}

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

  const auto& lex = tw::extract::Lexicon::standard();
  const Pools pools = make_pools(lex);
  {
    tw::store::Store db(db_path, &lex);
    const auto t0 = Clock::now();
    fill(db, events, pools);
    std::cerr << fmt::format("database: {} events, {} articles (filled in {:.0f} s)\n",
                             db.event_count(), db.article_count(),
                             std::chrono::duration<double>(Clock::now() - t0).count());
  }
  tw::server::Server server({"127.0.0.1", 0, db_path, "", ""});
  std::string error;
  const int port = server.bind(error);
  if (port < 0) {
    std::cerr << error << "\n";
    return 1;
  }
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
