// sqlite_connection — Connection over one SQLite file (WAL mode for writers, query_only
// for readers), with a cache of prepared statements.
#pragma once
#include <sqlite3.h>

#include <string>
#include <unordered_map>

#include "store/connection.h"

namespace tw::store {

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(const std::string& path, bool read_only);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::Sqlite; }
  void script(std::string_view sql) override;
  size_t run(std::string_view sql, const std::vector<Param>& params, const RowFn& each) override;

 private:
  struct Prepared {
    sqlite3_stmt* stmt = nullptr;
    std::vector<int> slot_of;  // parameter i+1 of the statement binds params[slot_of[i]]
  };
  Prepared& prepare(std::string_view sql);

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, Prepared> cache_;
};

}  // namespace tw::store
