// result — a value or a Failure saying why, the shape of every expected failure.
#include "common/result.h"

#include <gtest/gtest.h>

#include <string>

namespace tw {
namespace {

Result<int> port(bool free) {
  if (!free) return Failure{"cannot listen on 127.0.0.1:8080: the port is in use"};
  return 8080;
}

TEST(Result, AValueReadsThroughTheResult) {
  auto r = port(true);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(static_cast<bool>(r));
  EXPECT_EQ(*r, 8080);
  EXPECT_EQ(r.value(), 8080);
}

TEST(Result, AFailureSaysWhyAndWhere) {
  const auto r = port(false);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.failure().reason, "cannot listen on 127.0.0.1:8080: the port is in use");
  EXPECT_EQ(r.failure().where, "") << "the caller names the input";
  const Result<std::string> line = Failure{"not a JSON object", "dump.jsonl:3"};
  EXPECT_EQ(line.failure().where, "dump.jsonl:3");
  EXPECT_THROW((void)line.value(), std::bad_variant_access) << "no value to read";
}

TEST(Result, AResultsValueCanBeMovedOut) {
  Result<std::string> r = std::string(100, 'x');
  const std::string taken = std::move(*r);
  EXPECT_EQ(taken, std::string(100, 'x')) << "no copy needed to take a value out";
}

}  // namespace
}  // namespace tw
