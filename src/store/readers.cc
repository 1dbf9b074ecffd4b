// readers — what the store answers: articles with their events, search, entities by any
// spelling, and filtered pages of events read through the type, date and entity indexes.
#include <fmt/format.h>

#include <set>

#include "resolve/phonetic.h"
#include "store/internal.h"
#include "store/readers.h"
#include "store/store.h"

namespace tw::store {

using namespace internal;

namespace {

// The article columns every article query selects, in this order.
constexpr const char* kArticleColumns =
    "a.id, a.doc, a.origin, a.lang, a.url, a.title, a.published, a.content_hash";

StoredArticle article_of(const Row& row) {
  StoredArticle a;
  a.id = row.integer(0);
  a.doc = row.text(1);
  a.origin = row.text(2);
  a.lang = row.text(3);
  a.url = row.text(4);
  a.title = row.text(5);
  a.date = row.text(6);
  a.hash = row.text(7);
  a.outlet = row.text(8);
  return a;
}

}  // namespace

size_t Readers::article_count() const {
  return static_cast<size_t>(integer_of(db_, "SELECT count(*) FROM articles", {}).value_or(0));
}

size_t Readers::event_count() const {
  return static_cast<size_t>(integer_of(db_, "SELECT count(*) FROM events", {}).value_or(0));
}

void Readers::add_events_of(StoredArticle& a) const {
  db_.run("SELECT body FROM events WHERE article_id = $1 ORDER BY id", {a.id},
          [&](const Row& r) { a.events.push_back(nlohmann::json::parse(r.text(0))); });
}

std::vector<nlohmann::json> Readers::article_events(int64_t article_id,
                                                    const std::string& type) const {
  std::vector<nlohmann::json> out;
  db_.run("SELECT body FROM events WHERE article_id = $1 AND type = $2 ORDER BY id",
          {article_id, type},
          [&](const Row& r) { out.push_back(nlohmann::json::parse(r.text(0))); });
  return out;
}

void Readers::for_each_article(const std::function<void(const StoredArticle&)>& fn) const {
  // Pages by id, so no statement stays open while `fn` runs and memory stays bounded.
  int64_t after = 0;
  for (;;) {
    std::vector<StoredArticle> page;
    db_.run(fmt::format("SELECT {}, {} FROM articles a WHERE a.id > $1 ORDER BY a.id LIMIT 256",
                        kArticleColumns, outlet_column_),
            {after}, [&](const Row& r) { page.push_back(article_of(r)); });
    if (page.empty()) return;
    for (auto& a : page) {
      add_events_of(a);
      fn(a);
    }
    after = page.back().id;
  }
}

std::optional<StoredArticle> Readers::article(int64_t id) const {
  std::optional<StoredArticle> out;
  db_.run(fmt::format("SELECT {}, {}, a.text FROM articles a WHERE a.id = $1", kArticleColumns,
                      outlet_column_),
          {id}, [&](const Row& r) {
            out = article_of(r);
            out->text = r.text(9);
          });
  if (out) add_events_of(*out);
  return out;
}

std::vector<SearchHit> Readers::search(const std::vector<std::string>& spellings,
                                       size_t limit) const {
  std::vector<SearchHit> hits;
  const auto n = static_cast<int64_t>(limit);
  const std::string columns =
      fmt::format("a.id, a.doc, a.title, {}, a.published, a.text", outlet_column_);
  auto take = [&](const Row& r) {
    if (std::none_of(hits.begin(), hits.end(),
                     [&](const SearchHit& h) { return h.id == r.integer(0); }))
      hits.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5)});
  };
  auto like = [](const std::string& s) {
    std::string pattern = "%";
    for (char c : s) {
      if (c == '%' || c == '_' || c == '\\') pattern += '\\';
      pattern += c;
    }
    return pattern + '%';
  };
  std::vector<std::string> long_ones,
      short_ones;  // the trigram index answers three characters or more
  for (const auto& s : spellings) {
    if (s.empty()) continue;
    size_t chars = 0;
    for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
    (chars >= 3 && db_.dialect() == Dialect::Sqlite ? long_ones : short_ones).push_back(s);
  }
  if (!long_ones.empty()) {
    std::string match;
    for (const auto& s : long_ones) {
      match += match.empty() ? "\"" : " OR \"";
      for (char c : s) match += c == '"' ? std::string("\"\"") : std::string(1, c);
      match += "\"";
    }
    // Newest first: FTS5 walks its index in rowid order and stops at the limit, where
    // ranking would score every match first.
    db_.run("SELECT " + columns +
                " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE "
                "articles_fts MATCH $1 ORDER BY articles_fts.rowid DESC LIMIT $2",
            {match, n}, take);
  }
  if (!short_ones.empty()) {
    std::vector<std::string> patterns;  // Params view their strings: these outlive them
    for (const auto& s : short_ones) patterns.push_back(like(s));
    std::vector<Param> params;
    std::string where;
    for (const auto& pattern : patterns) {
      params.push_back(pattern);
      where += fmt::format("{}a.text LIKE ${} ESCAPE '\\' OR a.title LIKE ${} ESCAPE '\\'",
                           where.empty() ? "" : " OR ", params.size(), params.size());
    }
    params.push_back(n);
    db_.run(fmt::format("SELECT {} FROM articles a WHERE {} ORDER BY a.id DESC LIMIT ${}", columns,
                        where, params.size()),
            params, take);
  }
  std::sort(hits.begin(), hits.end(),
            [](const SearchHit& x, const SearchHit& y) { return x.id > y.id; });
  if (hits.size() > limit) hits.resize(limit);
  return hits;
}

std::vector<std::string> Readers::spellings(const std::string& canonical) const {
  std::vector<std::string> out{canonical};
  db_.run(
      "SELECT a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE e.name = $1 ORDER "
      "BY a.alias",
      {canonical}, [&](const Row& r) {
        if (std::find(out.begin(), out.end(), r.text(0)) == out.end()) out.push_back(r.text(0));
      });
  return out;
}

std::vector<EntityRow> Readers::entities(const std::string& query, const std::string& kind,
                                         size_t limit) const {
  const std::string find = db_.dialect() == Dialect::Postgres ? "strpos" : "instr";
  std::vector<EntityRow> rows;
  db_.run(
      fmt::format("SELECT e.name, e.kind, e.mentions FROM entities e WHERE e.mentions > 0 "
                  "AND (CAST($1 AS TEXT) = '' OR e.kind = $1) AND (CAST($2 AS TEXT) = '' OR "
                  "{0}(lower(e.name), "
                  "lower($2)) > 0 OR EXISTS (SELECT 1 FROM aliases a WHERE a.entity_id = e.id AND "
                  "{0}(lower(a.alias), lower($2)) > 0)) ORDER BY e.mentions DESC, e.name LIMIT $3",
                  find),
      {kind, query, limit ? static_cast<int64_t>(limit) : int64_t{1} << 40}, [&](const Row& r) {
        rows.push_back({r.text(0), r.text(1), r.integer(2)});
      });
  return rows;
}

std::string Readers::entity_kind(const std::string& name) const {
  std::string kind;
  db_.run("SELECT kind FROM entities WHERE name = $1", {name},
          [&](const Row& r) { kind = r.text(0); });
  return kind;
}

std::optional<std::string> Readers::canonical_entity(const std::string& name) const {
  std::optional<std::string> out;
  auto take = [&](const Row& r) {
    if (!out) out = r.text(0);
  };
  db_.run("SELECT name FROM entities WHERE name = $1", {name}, take);
  if (!out)
    db_.run("SELECT e.name FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE a.alias = $1",
            {name}, take);
  if (!out) db_.run("SELECT name FROM entities WHERE lower(name) = lower($1)", {name}, take);
  if (!out) {
    // A person in a spelling not seen before may sound like one who is known.
    for (const auto& key : resolve::name_keys(name)) {
      db_.run("SELECT name FROM person_keys WHERE key = $1 ORDER BY latin DESC, name", {key}, take);
      if (out) break;
    }
  }
  return out;
}

// The SQL for a filtered event read. Person and organisation filters read through the
// entity index, newest first when asked, so a page of a busy entity costs what a page
// of a quiet one does.
// The conditions on the article's date and language, read from `table`'s published
// column (events and event_args both keep it, so a range stays on their date indexes)
// and from the articles row joined as `a`. Empty when the filter sets neither.
std::string Readers::article_conditions(const EventFilter& f, const char* table,
                                        std::vector<Param>& params, std::string& before) const {
  std::string where;
  if (f.undated)
    return fmt::format(" AND {}.published = ''", table) + language_condition(f, params);
  if (!f.since.empty()) {
    params.push_back(std::string_view(f.since));
    where += fmt::format(" AND {}.published >= ${}", table, params.size());
  }
  if (!f.until.empty()) {
    before = date_after(f.until);  // Params view their strings: the caller keeps this one
    params.push_back(std::string_view(before));
    // An undated article ('') sorts before every date but lies in no window.
    where += fmt::format(" AND {0}.published < ${1} AND {0}.published <> ''", table, params.size());
  }
  return where + language_condition(f, params);
}

std::string Readers::language_condition(const EventFilter& f, std::vector<Param>& params) const {
  if (f.lang.empty()) return "";
  params.push_back(std::string_view(f.lang));
  return fmt::format(" AND a.lang = ${}", params.size());
}

std::string Readers::event_query(const EventFilter& f, bool count, std::vector<Param>& params,
                                 std::string& person, std::string& org, std::string& before) const {
  if (!f.person.empty()) person = canonical_entity(f.person).value_or(f.person);
  if (!f.org.empty()) org = canonical_entity(f.org).value_or(f.org);
  // Each condition only when asked for, so the planner can read the type's date index.
  std::string where = "TRUE";
  params.clear();
  if (!f.type.empty()) {
    params.push_back(std::string_view(f.type));
    where = "ev.type = $1";
  }
  std::string from = "events ev";
  auto by_entity = [&](const std::string& name, const char* slots) {
    params.push_back(std::string_view(name));
    where += fmt::format(
        " AND EXISTS (SELECT 1 FROM event_args g JOIN entities n ON n.id = g.entity_id WHERE "
        "g.event_id = ev.id AND n.name = ${} AND g.slot {})",
        params.size(), slots);
  };
  if (!person.empty()) by_entity(person, "= 'person'");
  if (!org.empty()) by_entity(org, "<> 'person'");
  where += article_conditions(f, "ev", params, before);
  if (count)
    return fmt::format("SELECT count(*) FROM {}{} WHERE {}", from,
                       f.lang.empty() ? "" : " JOIN articles a ON a.id = ev.article_id", where);
  const std::string order = f.newest_first ? "ev.published DESC, ev.id DESC" : "ev.id";
  params.push_back(f.limit ? static_cast<int64_t>(f.limit) : int64_t{1} << 40);
  params.push_back(static_cast<int64_t>(f.offset));
  return fmt::format(
      "SELECT ev.id, a.doc, a.published, ev.body, a.id, a.title, {}, a.url FROM {} JOIN articles a "
      "ON a.id = ev.article_id WHERE {} ORDER BY {} LIMIT ${} OFFSET ${}",
      outlet_column_, from, where, order, params.size() - 1, params.size());
}

// The SQL for the events of one entity (the person when given, else the organisation),
// newest first, read off the entity index; the other filter, if any, is checked per row.
// "" when the entity is unknown.
std::string Readers::entity_event_query(const EventFilter& f, bool count,
                                        std::vector<Param>& params, std::string& name,
                                        std::string& other, std::string& before) const {
  const bool by_person = !f.person.empty();
  name = canonical_entity(by_person ? f.person : f.org).value_or(by_person ? f.person : f.org);
  const auto id = integer_of(db_, "SELECT id FROM entities WHERE name = $1", {name});
  if (!id) return "";
  params = {*id, std::string_view(f.type)};
  std::string also;
  if (by_person && !f.org.empty()) {
    other = canonical_entity(f.org).value_or(f.org);
    params.push_back(std::string_view(other));
    also =
        " AND EXISTS (SELECT 1 FROM event_args o JOIN entities m ON m.id = o.entity_id WHERE "
        "o.event_id = g.event_id "
        "AND m.name = $3 AND o.slot <> 'person')";
  }
  const std::string where = fmt::format(
      "g.entity_id = $1 AND (CAST($2 AS TEXT) = '' OR ev.type = $2) AND g.slot {}{}{}",
      by_person ? "= 'person'" : "<> 'person'", also, article_conditions(f, "g", params, before));
  const size_t n = params.size();
  params.push_back(f.limit ? static_cast<int64_t>(f.limit) : int64_t{1} << 40);
  if (count)
    return fmt::format(
        "SELECT count(*) FROM (SELECT DISTINCT g.event_id FROM event_args g JOIN events ev ON "
        "ev.id = "
        "g.event_id{} WHERE {} LIMIT ${}) AS matched",
        f.lang.empty() ? "" : " JOIN articles a ON a.id = ev.article_id", where, n + 1);
  params.push_back(static_cast<int64_t>(f.offset));
  // An event names the entity in more than one slot at times (from and to, a unit and its
  // parent): pages are of distinct events, so limit and offset count events, not
  // arguments. Its copies sit side by side in the index order, (published, event_id), so
  // DISTINCT drops them as the index is read, without a sort.
  return fmt::format(
      "SELECT ev.id, a.doc, a.published, ev.body, a.id, a.title, {0}, a.url FROM (SELECT DISTINCT "
      "g.published, g.event_id FROM event_args g JOIN events ev ON ev.id = g.event_id{1} WHERE {2} "
      "ORDER BY g.published DESC, g.event_id DESC LIMIT ${3} OFFSET ${4}) AS picked JOIN events ev "
      "ON "
      "ev.id = picked.event_id JOIN articles a ON a.id = ev.article_id ORDER BY picked.published "
      "DESC, "
      "picked.event_id DESC",
      outlet_column_, f.lang.empty() ? "" : " JOIN articles a ON a.id = ev.article_id", where,
      n + 1, n + 2);
}

namespace {
// A row of event_query or entity_event_query.
EventRow event_row(const Row& r) {
  return {r.integer(0), r.text(1), r.text(2), nlohmann::json::parse(r.text(3)),
          r.integer(4), r.text(5), r.text(6), r.text(7)};
}
}  // namespace

std::vector<EventRow> Readers::events(const EventFilter& f) const {
  std::vector<Param> params;
  std::string person, org;
  std::vector<EventRow> rows;
  // A busy entity's newest events come straight off the entity index: its id first, so
  // the planner reads (entity_id, published, event_id) backwards and stops at the limit.
  if (f.newest_first && (!f.org.empty() || !f.person.empty())) {
    std::vector<Param> p;
    std::string name, other, before;
    const std::string sql = entity_event_query(f, false, p, name, other, before);
    if (sql.empty()) return rows;
    db_.run(sql, p, [&](const Row& r) { rows.push_back(event_row(r)); });
    return rows;
  }
  std::string before;
  const std::string sql = event_query(f, false, params, person, org, before);
  db_.run(sql, params, [&](const Row& r) { rows.push_back(event_row(r)); });
  return rows;
}

size_t Readers::count_events(const EventFilter& f, size_t cap) const {
  std::vector<Param> params;
  std::string person, org;
  if (!f.org.empty() || !f.person.empty()) {
    EventFilter bounded = f;
    bounded.limit = cap > 0 ? cap + 1 : 0;
    std::string before;
    const std::string sql = entity_event_query(bounded, true, params, person, org, before);
    return sql.empty() ? 0 : static_cast<size_t>(integer_of(db_, sql, params).value_or(0));
  }
  std::string before;
  std::string sql = event_query(f, true, params, person, org, before);
  if (cap > 0) {
    // Counting stops past the cap: a busy corpus's count would cost a scan of millions.
    sql.replace(0, sql.find(" FROM "), "SELECT 1");
    params.push_back(static_cast<int64_t>(cap) + 1);
    sql = fmt::format("SELECT count(*) FROM ({} LIMIT ${}) AS capped", sql, params.size());
  }
  return static_cast<size_t>(integer_of(db_, sql, params).value_or(0));
}

}  // namespace tw::store
