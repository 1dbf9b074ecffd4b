// context — what routes share: pooled read-only connections bounded by the request's
// budget and its client's presence, and a list's filters read from the URL.
#include "server/context.h"

#include <gtest/gtest.h>

#include <array>
#include <string_view>

#include "query/arguments.h"
#include "server/params.h"
#include "test_support.h"

namespace {

using tw::server::Request;
using tw::server::ServerContext;

class Context : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new twtest::TempDir;
    db_ = (dir_->path() / "c.db").string();
    const auto r = twtest::run_cli(
        {"ingest", "--db", db_, (twtest::source_dir() / "data" / "samples" / "articles").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }
  static tw::server::ServerOptions options(double budget_s = 5) {
    tw::server::ServerOptions o;
    o.db = db_;
    o.query_budget_s = budget_s;
    return o;
  }
  static inline twtest::TempDir* dir_ = nullptr;
  static inline std::string db_;
};

TEST_F(Context, ReadersArePooledAndReadOnly) {
  ServerContext context(options());
  const tw::store::Store* first = nullptr;
  {
    ServerContext::Reader db(context);
    EXPECT_EQ(db->article_count(), 14u);
    first = &*db;
  }
  ServerContext::Reader again(context);
  EXPECT_EQ(&*again, first) << "the connection went back to the pool and came out again";
  EXPECT_EQ(context.idle.size(), 0u);
}

TEST_F(Context, ARequestsWorkIsBoundedByItsBudgetAndItsClient) {
  Request req;
  {
    ServerContext tight(options(1e-6));
    ServerContext::Reader db(tight, req);
    // (A query of a few hundred steps at least: the budget is checked every hundred.)
    EXPECT_THROW(db->events({}), tw::store::QueryTimeout) << "a budget of a microsecond runs out";
  }
  ServerContext context(options());
  req.client_left = [] { return true; };
  {
    ServerContext::Reader db(context, req);
    EXPECT_THROW(db->events({}), tw::store::QueryTimeout) << "its client has gone";
  }
  ServerContext::Reader startup(
      context);  // no request: no budget, and the pooled connection is reset
  EXPECT_FALSE(startup->events({}).empty());
}

TEST_F(Context, ListFiltersAreStrict) {
  constexpr std::array<std::string_view, 2> kPay{"offer", "comp_stat"};
  ServerContext context(options());
  ServerContext::Reader db(context);
  Request req;
  tw::server::parse_target("/api/pay?type=offer&lang=ko&since=2025&org=Meta", req);
  const auto f = tw::server::list_filter(req, *db, kPay);
  EXPECT_EQ(f.type, "offer");
  EXPECT_EQ(f.lang, "ko");
  EXPECT_EQ(f.since, "2025");
  EXPECT_EQ(f.org, "Meta");
  tw::server::parse_target("/api/pay?type=move", req);
  EXPECT_THROW(tw::server::list_filter(req, *db, kPay), tw::query::BadArgument);
}

}  // namespace
