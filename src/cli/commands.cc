#include "cli/commands.h"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "eval/scorer.h"
#include "extract/extractor.h"
#include "model/model.h"
#include "pipeline/process.h"
#include "query/analytics.h"
#include "query/arguments.h"
#include "server/http_server.h"
#include "source/article_source.h"
#include "store/postgres_connection.h"
#include "store/store.h"
#include "text/pipeline.h"
#include "text/utf8.h"

namespace tw::cli {
namespace {

using nlohmann::json;

using Extracted = pipeline::Processed;

json article_json(const Extracted& x) {
  json events = json::array();
  for (const auto& e : x.events) events.push_back(extract::to_spec_json(e));
  return json{{"doc", x.doc.doc}, {"lang", x.doc.lang}, {"events", std::move(events)}};
}

// One line per broken input, whatever bytes its name or the reason hold.
void report(const std::string& origin, const std::string& reason) {
  std::cerr << "talentwar: " << text::printable(origin) << ": " << text::printable(reason) << "\n";
}

std::string short_money(const model::Amount& m) {
  const double v = m.value;
  const std::string& cur = m.currency;
  const std::string& q = m.qualifier;
  std::string prefix = q == "up_to" ? "≤" : q == "at_least" ? "≥" : q == "about" ? "~" : "";
  std::string sym = cur == "USD" ? "$" : cur + " ";
  if (v >= 1e9) return fmt::format("{}{}{:.2f}B", prefix, sym, v / 1e9);
  if (v >= 1e6) return fmt::format("{}{}{:.1f}M", prefix, sym, v / 1e6);
  if (v >= 1e3) return fmt::format("{}{}{:.0f}K", prefix, sym, v / 1e3);
  return fmt::format("{}{}{:.0f}", prefix, sym, v);
}

// "Ruoming Pang: Apple → Meta", "Amazon → Anthropic" — one readable line per event.
// Terminal columns a string takes: East Asian wide characters take two.
size_t display_width(std::string_view s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) == 0x80) continue;
    w += (c >= 0xE3 && c <= 0xED) ? 2 : 1;  // CJK and Hangul syllables: lead bytes E3–ED
  }
  return w;
}

// Table cells hold names from articles and file names: printable() keeps an escape code
// in one from reaching the terminal.
std::string pad(std::string s, size_t width) {
  s = text::printable(s);
  const size_t w = display_width(s);
  if (w < width) s.append(width - w, ' ');
  return s;
}

std::string clip(const std::string& raw, size_t max_bytes) {
  const std::string s = text::printable(raw);
  if (s.size() <= max_bytes) return s;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

class Progress {
 public:
  Progress() : tty_(isatty(STDERR_FILENO)) {}
  void tick(size_t done, size_t failed, size_t events) {
    if (!tty_) return;
    static const char* spin = "|/-\\";
    std::cerr << fmt::format("\r{} {} articles, {} events, {} failed", spin[done % 4], done, events,
                             failed)
              << std::flush;
  }
  void done() {
    if (tty_) std::cerr << "\r\033[K";
  }

 private:
  bool tty_;
};

// Reads and extracts every input, calling `fn` per article in input order; a broken
// input is reported on stderr (and in `failures`) and the walk goes on. With jobs > 1,
// articles are read in batches and each batch is extracted by `jobs` threads while the
// calling thread hands the previous batch to `fn` (an ingest writes one batch while the
// next is extracted), so memory stays bounded by two batches whatever the corpus size.
// Returns how many failed.
size_t extract_each(const std::vector<std::string>& inputs,
                    const std::function<void(const source::RawArticle&, Extracted&)>& fn,
                    std::vector<std::pair<std::string, std::string>>* failures = nullptr,
                    unsigned jobs = 1) {
  size_t failed = 0;
  auto fail = [&](const std::string& origin, const std::string& reason) {
    report(origin, reason);
    if (failures) failures->emplace_back(origin, reason);
    ++failed;
  };
  jobs = std::max(1u, jobs);
  if (jobs > 1) {
    text::load_shared_data();
    (void)extract::Extractor::standard();
  }
  struct Batch {
    std::vector<source::Item> items;
    std::vector<Result<pipeline::Processed>> results;
    std::vector<std::thread> extracting;

    void start(unsigned jobs) {
      results.assign(items.size(), Failure{"not read"});
      auto work = [this, jobs](size_t first) {
        for (size_t i = first; i < items.size(); i += jobs)
          if (items[i]) results[i] = pipeline::process(*items[i]);
      };
      if (jobs == 1 || items.size() == 1)
        work(0);
      else
        for (unsigned k = 0; k < jobs; ++k) extracting.emplace_back(work, k);
    }
    void finish() {
      for (auto& th : extracting) th.join();
      extracting.clear();
    }
  };
  auto hand_over = [&](Batch& b) {
    for (size_t i = 0; i < b.items.size(); ++i) {
      if (!b.items[i]) {
        fail(b.items[i].failure().where, b.items[i].failure().reason);
        continue;
      }
      const auto& raw = *b.items[i];
      if (!b.results[i])
        fail(raw.origin, b.results[i].failure().reason);
      else
        fn(raw, *b.results[i]);
    }
    b.items.clear();
    b.results.clear();
  };
  const size_t batch_size = jobs == 1 ? 1 : 16 * static_cast<size_t>(jobs);
  Batch reading, extracted;  // `extracted` is being extracted, or waits to be handed over
  auto next_batch = [&] {
    extracted.finish();
    std::swap(reading, extracted);
    extracted.start(jobs);
    hand_over(reading);  // the batch before, while this one is extracted
  };
  try {
    source::read_inputs(inputs, [&](source::Item&& item) {
      reading.items.push_back(std::move(item));
      if (reading.items.size() >= batch_size) next_batch();
    });
    if (!reading.items.empty()) next_batch();
    extracted.finish();
  } catch (...) {
    extracted.finish();  // never leave a thread running on a batch about to be destroyed
    throw;
  }
  hand_over(extracted);
  return failed;
}

}  // namespace

int run_extract(const std::vector<std::string>& inputs, unsigned jobs) {
  const size_t failed = extract_each(
      inputs,
      [](const source::RawArticle&, Extracted& x) { std::cout << article_json(x).dump() << "\n"; },
      nullptr, jobs);
  std::cout.flush();
  return failed ? kSomeFailed : kOk;
}

int run_ingest(const std::string& db_path, const std::vector<std::string>& inputs, unsigned jobs) {
  store::Store db(db_path, &knowledge::Lexicon::standard());
  size_t read = 0, stored = 0, already = 0, events = 0;
  std::vector<std::pair<std::string, std::string>> failures;
  Progress progress;
  // Writes are committed in turns of at most 256 articles or 250 ms, with a short pause
  // between turns, so another writer on the same SQLite file (a second ingest, the
  // server's POSTs) gets the lock between them instead of waiting out the whole ingest.
  constexpr size_t kBatch = 256;
  constexpr auto kTurn = std::chrono::milliseconds(250), kPause = std::chrono::milliseconds(5);
  size_t in_turn = 0;
  auto turn_began = std::chrono::steady_clock::now();
  extract_each(
      inputs,
      [&](const source::RawArticle& raw, Extracted& x) {
        ++read;
        if (!db.in_batch()) {
          db.begin_batch();
          turn_began = std::chrono::steady_clock::now();
        }
        try {
          if (db.add_article(x.doc, raw.origin, x.events) == store::Store::Added::New) {
            ++stored;
            events += x.events.size();
          } else {
            ++already;
          }
        } catch (const store::StoreError& e) {
          failures.emplace_back(raw.origin, e.what());
          report(raw.origin, e.what());
        }
        if (++in_turn >= kBatch || std::chrono::steady_clock::now() - turn_began >= kTurn) {
          db.commit_batch();
          in_turn = 0;
          std::this_thread::sleep_for(kPause);
        }
        progress.tick(read, failures.size(), events);
      },
      &failures, jobs);
  read = stored + already + failures.size();  // every input ends new, already stored, or failed
  db.commit_batch();
  progress.done();
  std::cerr << fmt::format(
      "ingested into {}: {} read, {} new, {} already stored, {} failed, {} events found\n",
      store::redacted(db_path), read, stored, already, failures.size(), events);
  return failures.empty() ? kOk : kSomeFailed;
}

namespace {

// The folder a file is in ("." for a bare name): SQLite writes its journal files there.
std::string parent_of(const std::string& path) {
  const auto parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

// An existing database (a SQLite file, or a PostgreSQL URL); nullptr (and a message) when there is
// none.
std::unique_ptr<store::Store> open_existing(const std::string& db_path) {
  if (!store::is_postgres_url(db_path) && !std::filesystem::exists(db_path)) {
    std::cerr << "talentwar: " << db_path << ": no such database (run `talentwar ingest` first)\n";
    return nullptr;
  }
  // A file this user cannot write (read-only media, another user's database) is read
  // without writing; otherwise it is opened to write, so an older file is brought up to
  // date before it is read.
  const bool writable =
      store::is_postgres_url(db_path) ||
      (::access(db_path.c_str(), W_OK) == 0 && ::access(parent_of(db_path).c_str(), W_OK) == 0);
  return std::make_unique<store::Store>(
      db_path, &knowledge::Lexicon::standard(),
      writable ? store::Store::Mode::ReadWrite : store::Store::Mode::ReadOnly);
}

}  // namespace

int run_export(const std::string& db_path, const std::string& format) {
  auto db = open_existing(db_path);
  if (!db) return kFatal;
  if (format == "csv") {
    // One column per slot of the spec, the article as people know it, and the amount's
    // parts; a field the spec does not list goes to "other" as JSON.
    const std::vector<std::string> slots(model::kSlotNames.begin(), model::kSlotNames.end());
    auto quote = [](const std::string& v) {
      std::string q = "\"";
      for (char c : v) q += c == '"' ? std::string("\"\"") : std::string(1, c);
      return q + "\"";
    };
    auto cell = [&](const json& v) {
      if (v.is_null()) return std::string();
      if (v.is_string()) return quote(v.get<std::string>());
      if (v.is_array()) {
        std::string joined;
        for (const auto& x : v)
          joined +=
              (joined.empty() ? "" : "; ") + (x.is_string() ? x.get<std::string>() : x.dump());
        return quote(joined);
      }
      return v.dump();
    };
    std::cout << "doc,lang,date,outlet,title,url,type";
    for (const auto& s : slots) std::cout << ',' << s;
    std::cout << ",amount_value,amount_currency,amount_qualifier,evidence,other\n";
    db->for_each_article([&](const store::StoredArticle& a) {
      for (const auto& e : a.events) {
        std::cout << quote(a.doc) << ',' << a.lang << ',' << a.date << ',' << quote(a.outlet) << ','
                  << quote(a.title) << ',' << quote(a.url) << ',' << e.value("type", "");
        for (const auto& s : slots) std::cout << ',' << (e.contains(s) ? cell(e[s]) : "");
        json other = json::object();
        for (const auto& [k, v] : e.items())
          if (k != "type" && k != "evidence" && k != "amount" &&
              std::find(slots.begin(), slots.end(), k) == slots.end())
            other[k] = v;
        const json amount = e.value("amount", json::object());
        std::cout << ',' << (amount.contains("value") ? amount["value"].dump() : "") << ','
                  << amount.value("currency", "") << ',' << amount.value("qualifier", "") << ','
                  << quote(e.value("evidence", "")) << ','
                  << (other.empty() ? "" : quote(other.dump())) << "\n";
      }
    });
  } else {
    db->for_each_article([&](const store::StoredArticle& a) {
      std::cout << json{{"doc", a.doc}, {"lang", a.lang}, {"events", a.events}}.dump() << "\n";
    });
  }
  return kOk;
}

namespace {

json score_json(const eval::TypeScore& s) {
  return {{"precision", s.precision()},
          {"recall", s.recall()},
          {"f1", s.f1()},
          {"gold", s.gold},
          {"pred", s.pred},
          {"matched", s.matched}};
}

std::string score_row(const std::string& label, const eval::TypeScore& s) {
  return fmt::format("{:<14}{:>6}{:>6}{:>6}{:>7.2f}{:>7.2f}{:>7.2f}\n", label, s.gold, s.pred,
                     s.matched, s.precision(), s.recall(), s.f1());
}

}  // namespace

int run_eval(const std::string& gold_path, const std::vector<std::string>& inputs, bool show_misses,
             bool as_json, bool names) {
  const auto gold = eval::load_events_jsonl(gold_path);
  eval::EventsByDoc pred;
  std::map<std::string, std::string> lang_of;  // document → the language extraction found
  // The name tagger's proposals per document: people and organisations apart.
  std::map<std::string, std::vector<std::vector<std::string>>> tagged_people, tagged_orgs;
  const size_t failed = extract_each(inputs, [&](const source::RawArticle& raw, Extracted& x) {
    auto& events = pred[raw.doc];
    lang_of[raw.doc] = x.doc.lang;
    if (names)
      for (const auto& e : extract::Extractor::standard().discovered_names(x.doc)) {
        std::vector<std::string> spellings{e.name};
        spellings.insert(spellings.end(), e.aliases.begin(), e.aliases.end());
        (e.is_person() ? tagged_people : tagged_orgs)[raw.doc].push_back(std::move(spellings));
      }
    for (const auto& e : x.events) events.push_back(extract::to_spec_json(e));
  });
  const auto sc = eval::score(gold, pred);
  // The same scoring over the gold documents of each language.
  std::map<std::string, eval::Score> by_lang;
  {
    std::map<std::string, eval::EventsByDoc> gold_by_lang;
    for (const auto& [doc, events] : gold) {
      const auto it = lang_of.find(doc);
      gold_by_lang[it == lang_of.end() ? "unread" : it->second][doc] = events;
    }
    for (const auto& [lang, g] : gold_by_lang) by_lang[lang] = eval::score(g, pred);
  }
  std::optional<std::pair<eval::NameScore, eval::NameScore>> name_scores;
  if (names) {
    const auto& lexicon = extract::Extractor::standard().lexicon();
    const auto known = [&](const std::string& n) { return lexicon.find(n) != nullptr; };
    name_scores.emplace(
        eval::score_names(gold, tagged_people, std::array{model::Slot::person}, known),
        eval::score_names(gold, tagged_orgs, model::kOrganisationSlots, known));
  }
  if (as_json) {
    json out;
    if (name_scores)
      for (const auto& [label, ns] : {std::pair{"people", name_scores->first},
                                      std::pair{"organisations", name_scores->second}})
        out["names"][label] = {{"precision", ns.precision()}, {"recall", ns.recall()},
                               {"gold_unknown", ns.gold},     {"proposed", ns.found},
                               {"correct", ns.correct},       {"recalled", ns.recalled}};
    for (const auto& [t, s] : sc.by_type) out[t] = score_json(s);
    out["all"] = score_json(sc.all);
    json langs = json::object();
    for (const auto& [lang, ls] : by_lang) {
      langs[lang]["all"] = score_json(ls.all);
      for (const auto& [t, s] : ls.by_type) langs[lang][t] = score_json(s);
    }
    out["by_language"] = std::move(langs);
    if (show_misses) {
      out["misses"] = json::array();
      for (const auto& m : sc.misses)
        out["misses"].push_back({{"kind", m.kind}, {"doc", m.doc}, {"event", m.event}});
    }
    std::cout << out.dump(1) << "\n";
  } else {
    std::cout << fmt::format("{:<14}{:>6}{:>6}{:>6}{:>7}{:>7}{:>7}\n", "type", "gold", "pred",
                             "match", "P", "R", "F1");
    for (const auto& [t, s] : sc.by_type) std::cout << score_row(t, s);
    std::cout << score_row("all", sc.all);
    for (const auto& [lang, ls] : by_lang) {
      std::cout << fmt::format("\nlanguage {}\n", lang);
      for (const auto& [t, s] : ls.by_type) std::cout << score_row(t, s);
      std::cout << score_row("all " + lang, ls.all);
    }
    if (name_scores) {
      std::cout << "\nname tagger (names the lexicon lacks)\n";
      std::cout << fmt::format("{:<14}{:>8}{:>9}{:>8}{:>9}{:>7}{:>7}\n", "kind", "unknown",
                               "proposed", "correct", "recalled", "P", "R");
      for (const auto& [label, ns] : {std::pair{"people", name_scores->first},
                                      std::pair{"organisations", name_scores->second}})
        std::cout << fmt::format("{:<14}{:>8}{:>9}{:>8}{:>9}{:>7.2f}{:>7.2f}\n", label, ns.gold,
                                 ns.found, ns.correct, ns.recalled, ns.precision(), ns.recall());
    }
    if (show_misses)
      for (const auto& m : sc.misses) {
        json e = m.event;
        e.erase("evidence");
        std::cout << fmt::format("{:<9} {}: {}\n", m.kind, text::printable(m.doc), e.dump());
      }
    std::cout << fmt::format("F1 {:.3f}\n", sc.all.f1());
  }
  return failed ? kSomeFailed : kOk;
}

namespace {

// The figure of a fact or event: its amount, else the people it counts (a layoff, a group move).
std::string figure_cell(const std::optional<model::Amount>& amount, std::optional<long> count,
                        bool cumulative) {
  if (!amount) return count ? fmt::format("{} people", *count) : "";
  return short_money(*amount) + (cumulative ? " total" : "");
}

std::string figure_cell(const query::Fact& f) {
  return figure_cell(f.best_amount, f.count, f.cumulative);
}

// The first source (the outlet when the article names one, else its file) and how many more.
std::string sources_cell(const query::Fact& f) {
  const size_t n = f.sources.size();
  std::string first;
  if (!f.sources.empty())
    first = f.sources[0].outlet.empty() ? f.sources[0].doc : f.sources[0].outlet;
  return n > 1 ? fmt::format("{} (+{})", clip(first, 34), n - 1) : clip(first, 40);
}

const query::Fact& fact_of(const query::Fact& f) { return f; }
const query::Fact& fact_of(const query::PricedFact& f) { return f.fact; }

// A table of facts (or of facts with their dollar figures), one row each.
template <class Row>
void print_fact_rows(const std::vector<Row>& rows) {
  std::cout << pad("TYPE", 13) << pad("WHO / WHAT", 48) << pad("AMOUNT", 16) << "SOURCES\n";
  for (const auto& row : rows) {
    const query::Fact& f = fact_of(row);
    std::cout << pad(std::string(model::name(f.type)), 13)
              << pad(clip(query::fact_summary(f), 62), 48) << pad(figure_cell(f), 16)
              << sources_cell(f) << "\n";
  }
  std::cout << fmt::format("{} facts\n", rows.size());
}

// An answer printed as JSON (its to_json(), as the API serves it) or as a table; a
// fact-based one (query/questions.h) ends its table with a line saying how far it read.
template <class Answer, class Table>
int print_answer(const Answer& answer, bool as_json, Table table) {
  if (as_json) {
    std::cout << answer.to_json().dump(1) << "\n";
    return kOk;
  }
  table(answer);
  if constexpr (requires { answer.reach.sentence(); })
    std::cout << "(" << answer.reach.sentence() << ")\n";
  return kOk;
}

// A question of the database, its answer printed.
template <class Question, class Table>
int ask(const std::string& db_path, bool as_json, Question question, Table table) {
  auto db = open_existing(db_path);
  if (!db) return kFatal;
  return print_answer(question(*db), as_json, table);
}

std::string undated_line(std::optional<size_t> undated, const char* what) {
  return undated ? fmt::format("+{} {} not placed in the window\n", *undated, what) : "";
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator = ", ") {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : std::string(separator)) + p;
  return out;
}

}  // namespace

int run_flows(const std::string& db_path, const std::string& since, const std::string& until,
              const std::string& org, size_t top, bool as_json) {
  const query::Window window{query::window_bound(since, "--since"),
                             query::window_bound(until, "--until")};
  auto question = [&](const store::Store& db) {
    const auto& lexicon = knowledge::Lexicon::standard();
    return query::flows(db, lexicon, window, query::known_organisation(db, lexicon, org), top);
  };
  return ask(db_path, as_json, question, [](const query::Flows& r) {
    std::cout << "TALENT FLOWS (people)\n"
              << pad("FROM", 28) << pad("TO", 28) << pad("PEOPLE", 8) << "NAMED\n";
    for (const auto& e : r.flows) {
      // A pair whose people all left one unit is shown from that unit.
      const std::string& from =
          e.from_units.size() == 1 && e.from_units[0] != e.from ? e.from_units[0] : e.from;
      std::cout << pad(clip(from, 40), 28) << pad(clip(e.to, 40), 28)
                << pad(std::to_string(e.people), 8) << clip(joined(e.named), 80) << "\n";
    }
    std::cout << "\nNET GAIN BY ORGANISATION\n"
              << pad("ORG", 28) << pad("IN", 6) << pad("OUT", 6) << pad("NET", 6) << "FROM\n";
    for (const auto& o : r.organisations) {
      std::vector<std::string> from;
      for (const auto& s : o.sources) from.push_back(s.org);
      std::cout << pad(clip(o.org, 40), 28) << pad(std::to_string(o.in), 6)
                << pad(std::to_string(o.out), 6) << pad(fmt::format("{:+d}", o.net()), 6)
                << clip(joined(from), 80) << "\n";
    }
    if (r.undated)
      std::cout << fmt::format(
          "\n+{} people first reported without a date are not placed in the window\n", *r.undated);
  });
}

int run_pay(const std::string& db_path, const query::Filter& asked, bool as_json) {
  auto question = [&](const store::Store& db) {
    return query::pay_answer(db, query::checked(asked, db, query::kPayTypes));
  };
  return ask(db_path, as_json, question, [](const query::PayAnswer& r) {
    std::cout << "OFFERS\n";
    print_fact_rows(r.pay.offers);
    std::cout << "\nPAY STATISTICS\n";
    print_fact_rows(r.pay.pay_statistics);
    if (const auto& usd = r.pay.usd)
      std::cout << fmt::format(
          "\nUSD figures: min {}, median {}, max {}\n", short_money({usd->min, "USD", ""}),
          short_money({usd->median, "USD", ""}), short_money({usd->max, "USD", ""}));
    std::cout << undated_line(r.undated_reports, "reports without a date are");
  });
}

int run_deals(const std::string& db_path, const query::Filter& asked, bool as_json) {
  auto question = [&](const store::Store& db) {
    return query::deals_answer(db, query::checked(asked, db, query::kDealTypes));
  };
  return ask(db_path, as_json, question, [](const query::DealsAnswer& r) {
    std::cout << "DEALS\n";
    print_fact_rows(r.deals.deals);
    std::cout << "\nTOTALS PER PAIR\n"
              << pad("INVESTOR", 24) << pad("INVESTEE", 24) << pad("TOTAL", 14) << "RULE\n";
    for (const auto& t : r.deals.totals)
      std::cout << pad(clip(t.investor, 40), 24) << pad(clip(t.investee, 40), 24)
                << pad(short_money({t.total(), t.currency, ""}), 14) << t.rule() << "\n";
    std::cout << undated_line(r.undated_reports, "reports without a date are");
  });
}

int run_entity(const std::string& db_path, const std::string& name, bool as_json) {
  auto db = open_existing(db_path);
  if (!db) return kFatal;
  const auto answer = query::entity_answer(*db, name);
  if (!answer) {
    std::string near;
    for (const auto& n : query::near_names(*db, knowledge::Lexicon::standard(), name))
      near += (near.empty() ? "; did you mean: " : ", ") + n;
    std::cerr << "talentwar: " << text::printable(name)
              << ": no person or organisation by that name" << near << "\n";
    return kSomeFailed;
  }
  return print_answer(*answer, as_json, [](const query::EntityAnswer& a) {
    const query::EntityProfile& p = a.profile;
    std::cout << text::printable(p.name) << " (" << p.kind << ")\n";
    std::cout << "  spellings: " << text::printable(joined(p.spellings)) << "\n";
    if (!p.parent.empty()) std::cout << "  part of: " << text::printable(p.parent) << "\n";
    if (p.units && !p.units->empty())
      std::cout << "  units: " << text::printable(joined(*p.units)) << "\n";
    if (p.affiliations && !p.affiliations->empty())
      std::cout << "  career: " << text::printable(joined(*p.affiliations, " → ")) << "\n";
    std::cout << "\n";
    print_fact_rows(p.facts);
  });
}

int run_timeline(const std::string& db_path, const query::Filter& asked, bool as_json) {
  auto question = [&](const store::Store& db) {
    return query::timeline_answer(db, query::checked(asked, db, model::kEventTypes));
  };
  return ask(db_path, as_json, question, [](const query::TimelineAnswer& r) {
    std::cout << pad("FIRST REPORTED", 16) << pad("TYPE", 13) << pad("WHO / WHAT", 48)
              << pad("AMOUNT", 16) << "SOURCES\n";
    for (const auto& f : r.facts)
      std::cout << pad(f.first_date.empty() ? "(undated)" : f.first_date, 16)
                << pad(std::string(model::name(f.type)), 13)
                << pad(clip(query::fact_summary(f), 62), 48) << pad(figure_cell(f), 16)
                << sources_cell(f) << "\n";
    std::cout << fmt::format("{} facts\n", r.facts.size())
              << undated_line(r.undated, "undated facts are");
  });
}

int run_backup(const std::string& db_path, const std::string& dest) {
  if (store::is_postgres_url(db_path)) {
    std::cerr << "talentwar: backup copies SQLite files; for PostgreSQL use pg_dump\n";
    return kUsage;
  }
  auto db = open_existing(db_path);
  if (!db) return kFatal;
  db->backup_to(dest);
  std::cerr << fmt::format("talentwar: {} copied to {} ({} articles, {} events)\n", db_path, dest,
                           db->article_count(), db->event_count());
  return kOk;
}

int run_graph(const std::string& db_path, const std::string& format) {
  auto db = open_existing(db_path);
  if (!db) return kFatal;
  // The whole graph, an export: every report, not the newest (query::kAllReports).
  const auto facts = query::recent_facts(*db, {}, {}, query::kAllReports).facts;
  const auto& lex = knowledge::Lexicon::standard();
  if (format == "dot")
    std::cout << query::graph_dot(facts, lex);
  else if (format == "graphml")
    std::cout << query::graph_graphml(facts, lex);
  else
    std::cout << query::graph_json(facts, lex).dump(1) << "\n";
  return kOk;
}

int run_serve(const std::string& db_path, const std::string& host, int port,
              const std::string& token, const std::string& web_root,
              const std::string& cors_origin) {
  server::ServerOptions options{host, port, db_path, token, web_root};
  options.cors_origin = cors_origin;
  server::Server srv(options);
  const auto bound = srv.bind();
  if (!bound) {
    std::cerr << "talentwar: " << bound.failure().reason << "\n";
    return kFatal;
  }
  std::cout
      << fmt::format(
             "talentwar: dashboard at http://{}:{}/ (API under /api/, database {}, writes {})",
             host, *bound, store::redacted(db_path), token.empty() ? "off" : "with token")
      << std::endl;
  return srv.serve() ? kOk : kFatal;
}

int run_events(const std::string& db_path, const std::string& type, const std::string& org,
               const std::string& person, bool as_json) {
  auto db = open_existing(db_path);
  if (!db) return kFatal;
  const auto rows = db->events(
      {type, query::known_organisation(*db, knowledge::Lexicon::standard(), org), person});
  if (as_json) {
    for (const auto& r : rows) {
      json e = r.event;
      e["doc"] = r.doc;
      std::cout << e.dump() << "\n";
    }
    return kOk;
  }
  std::cout << pad("TYPE", 13) << pad("WHO / WHAT", 46) << pad("AMOUNT", 14) << "SOURCE\n";
  for (const auto& r : rows) {
    const json& e = r.event;
    std::optional<model::Amount> amount;
    if (e.contains("amount")) amount = query::amount_of(e["amount"]);
    std::optional<long> count;
    if (e.contains("count") && e["count"].is_number()) count = e["count"].get<long>();
    std::cout << pad(e.value("type", ""), 13) << pad(clip(query::fact_summary(e), 60), 46)
              << pad(figure_cell(amount, count, e.value("cumulative", false)), 14)
              << text::printable(r.doc) << "\n";
  }
  std::cout << fmt::format("{} events\n", rows.size());
  return kOk;
}

}  // namespace tw::cli
