#include "synthetic_db.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <random>

namespace tw::synthetic {

using model::Slot;

using Clock = std::chrono::steady_clock;

Pools make_pools(const knowledge::Lexicon& lex) {
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

void fill(store::Store& db, size_t target, const Pools& pools, bool progress) {
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
  using model::EventType;
  const EventType type_of[] = {EventType::Move,        EventType::Offer,  EventType::Investment,
                               EventType::Acquisition, EventType::Layoff, EventType::CompStat,
                               EventType::Counteroffer};
  const auto start = Clock::now();
  size_t article = db.article_count();
  constexpr size_t kPerArticle = 20;
  while (have < target) {
    db.begin_batch();
    for (int n = 0; n < 500 && have < target; ++n, ++article) {
      const int d = day(rng);
      text::Document doc;
      doc.doc = fmt::format("synthetic/{:08}.txt", article);
      doc.lang = article % 2 ? "ko" : "en";
      doc.date =
          fmt::format("{:04}-{:02}-{:02}", 2023 + d / (12 * 28), 1 + (d / 28) % 12, 1 + d % 28);
      const std::string a = pools.orgs[org(rng)], b = pools.orgs[org(rng)];
      doc.title = fmt::format("{} and {}: the race for AI researchers, report {}", a, b, article);
      doc.text = fmt::format("{} {} {} hires, offers and {} in report {}.", doc.title,
                             pools.terms[article % 8], a, pools.terms[(article / 8) % 8], article);
      std::vector<extract::Event> events;
      for (size_t i = 0; i < kPerArticle; ++i) {
        extract::Event e;
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
        if (e.type == EventType::Move) {
          e.slots = {{Slot::person, who}, {Slot::from, x}, {Slot::to, y}};
          if (k % 10 == 0) {
            e.slots.erase(Slot::person);
            e.count = 2 + k % 7;
          }
        } else if (e.type == EventType::Offer) {
          e.slots = {{Slot::by, x}, {Slot::person, who}};
          e.amount = extract::Money{amount(rng) * 1e5, "USD", "", 0, 0, false};
        } else if (e.type == EventType::Investment) {
          e.slots = {{Slot::investor, x}, {Slot::investee, y}};
          e.amount = extract::Money{amount(rng) * 1e6, "USD", "", 0, 0, false};
        } else if (e.type == EventType::Acquisition) {
          e.slots = {{Slot::acquirer, x}, {Slot::target, y}, {Slot::status, "announced"}};
        } else if (e.type == EventType::Layoff) {
          e.slots = {{Slot::org, x}};
          e.count = amount(rng);
        } else if (e.type == EventType::CompStat) {
          e.slots = {{Slot::org, x}, {Slot::stat, "median"}};
          e.amount = extract::Money{amount(rng) * 1e3, "USD", "", 0, 0, false};
        } else {
          e.slots = {{Slot::org, x}, {Slot::person, who}};
        }
        e.evidence = fmt::format("{} {} {} ({}).", x, model::name(e.type), y, who);
        e.sentence = i;
        events.push_back(std::move(e));
      }
      db.add_article(doc, "synthetic", events);
      have += events.size();
    }
    db.commit_batch();
    if (progress && article % 20000 == 0) {
      const double s = std::chrono::duration<double>(Clock::now() - start).count();
      std::cerr << fmt::format("  {} events, {} articles, {:.0f} s ({:.0f} events/s)\n", have,
                               article, s, static_cast<double>(have) / std::max(s, 1e-9));
    }
  }
}

}  // namespace tw::synthetic
