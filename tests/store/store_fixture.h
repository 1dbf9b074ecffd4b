// store_fixture — the store's tests run against both backends: a SQLite file and a
// PostgreSQL database (skipped without one). Sample events and articles for them.
#pragma once
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "store/store.h"
#include "test_support.h"

namespace tw::store::testing {

using extract::Event;

inline Event move(std::string person, std::string from, std::string to) {
  Event e;
  e.type = tw::model::EventType::Move;
  e.slots = {
      {Slot::person, std::move(person)}, {Slot::from, std::move(from)}, {Slot::to, std::move(to)}};
  e.evidence = "evidence of a move.";
  return e;
}

inline Event investment(std::string investor, std::string investee, double usd) {
  Event e;
  e.type = tw::model::EventType::Investment;
  e.slots = {{Slot::investor, std::move(investor)}, {Slot::investee, std::move(investee)}};
  e.amount = extract::Money{usd, "USD", "", 0, 0, false};
  e.cumulative = true;
  e.evidence = "evidence of an investment.";
  return e;
}

// Every store test runs against both backends: a SQLite file and a PostgreSQL database.
class StoreTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    if (GetParam() == Dialect::Postgres) {
      if (!twtest::PgDatabase::available())
        GTEST_SKIP() << "no PostgreSQL server: set TALENTWAR_TEST_PG (scripts/pg-start)";
      pg_ = std::make_unique<twtest::PgDatabase>();
    }
  }
  std::string location() const { return pg_ ? pg_->url() : (dir_ / "test.db").string(); }
  std::unique_ptr<store::Store> open() const {
    return std::make_unique<store::Store>(location(), &knowledge::Lexicon::standard());
  }
  static text::Document doc(std::string name, std::string text, std::string date = "") {
    text::Document d;
    d.doc = std::move(name);
    d.lang = "en";
    d.text = std::move(text);
    d.date = std::move(date);
    return d;
  }
  // Two articles: a hire into a unit of Google, and an investment; plus a Meta hire.
  void add_sample(store::Store& s) const {
    s.begin_batch();
    EXPECT_EQ(s.add_article(doc("a.txt", "text a"), "in/a.txt",
                            {move("Jane Doerr", "OpenAI", "Google DeepMind"),
                             investment("Amazon", "Anthropic", 4e9)}),
              Store::Added::New);
    EXPECT_EQ(
        s.add_article(doc("b.txt", "text b"), "in/b.txt", {move("Ruoming Pang", "Apple", "Meta")}),
        Store::Added::New);
    s.commit_batch();
  }
  static std::vector<std::string> docs_and_types(const std::vector<EventRow>& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.doc + ":" + r.event.value("type", ""));
    return out;
  }

  twtest::TempDir dir_;
  std::unique_ptr<twtest::PgDatabase> pg_;
};

inline std::string backend_name(const ::testing::TestParamInfo<Dialect>& info) {
  return info.param == Dialect::Sqlite ? "Sqlite" : "Postgres";
}

}  // namespace tw::store::testing

// Runs the TEST_Ps of `suite` (a subclass of StoreTest) against both backends.
#define TALENTWAR_STORE_BACKENDS(suite)                                                \
  INSTANTIATE_TEST_SUITE_P(                                                            \
      Backends, suite,                                                                 \
      ::testing::Values(::tw::store::Dialect::Sqlite, ::tw::store::Dialect::Postgres), \
      ::tw::store::testing::backend_name)
