// entity_ids — an entity's id created once, organisations' ids kept only with the article
// that named them, and the article's mentions forgotten with it.
#include "store/entity_ids.h"

#include <gtest/gtest.h>

#include "store/schema.h"
#include "store/sqlite_connection.h"
#include "test_support.h"

namespace tw::store {
namespace {

class EntityIdsTest : public ::testing::Test {
 protected:
  void SetUp() override { migrate(db_); }
  std::optional<int64_t> stored(const std::string& name) {
    return integer_of(db_, "SELECT id FROM entities WHERE name = $1", {name});
  }
  twtest::TempDir dir_;
  SqliteConnection db_{(dir_ / "ids.db").string(), false};
  EntityIds ids_{db_};
};

TEST_F(EntityIdsTest, ANameGetsOneIdOfItsKind) {
  const int64_t meta = ids_.id("Meta", model::Slot::to);
  EXPECT_EQ(ids_.id("Meta", model::Slot::from), meta) << "the same organisation in any slot";
  const int64_t jane = ids_.id("Jane Doerr", model::Slot::person);
  EXPECT_NE(jane, meta);
  EXPECT_EQ(stored("Meta"), meta);
  EXPECT_EQ(integer_of(db_, "SELECT count(*) FROM entities WHERE kind = 'person'", {}), 1);
  EXPECT_EQ(integer_of(db_, "SELECT discovered FROM entities WHERE id = $1", {jane}), 1)
      << "a name no list holds is discovered";
}

TEST_F(EntityIdsTest, AnAbandonedArticleLeavesNoCachedIdBehind) {
  db_.script("BEGIN");
  const int64_t first = ids_.id("Quillfeather Labs", model::Slot::to);
  ids_.article_mentions()[first] += 2;
  db_.script("ROLLBACK");
  ids_.abandon_article();
  EXPECT_TRUE(ids_.article_mentions().empty());
  EXPECT_FALSE(stored("Quillfeather Labs"));
  // Asked again, the organisation is written again rather than read from a stale cache.
  const int64_t again = ids_.id("Quillfeather Labs", model::Slot::to);
  EXPECT_EQ(stored("Quillfeather Labs"), again);
  ids_.keep_article();
  static_cast<Connection&>(db_).run("DELETE FROM entities WHERE id = $1", {again});
  EXPECT_EQ(ids_.id("Quillfeather Labs", model::Slot::to), again)
      << "a kept article's organisations are cached for good";
}

}  // namespace
}  // namespace tw::store
