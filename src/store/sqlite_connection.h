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
  void set_write_wait(std::chrono::milliseconds wait) override { write_wait_ms_ = wait.count(); }
  void set_deadline(std::chrono::steady_clock::time_point deadline,
                    std::function<bool()> abandoned = {}) override;
  void backup_to(const std::string& path) override;

 private:
  struct Prepared {
    sqlite3_stmt* stmt = nullptr;
    std::vector<int> slot_of;  // parameter i+1 of the statement binds params[slot_of[i]]
  };
  Prepared& prepare(std::string_view sql);
  bool readable();  // can the schema be read (the file opened, its -shm mapped)?

  sqlite3* db_ = nullptr;
  int64_t write_wait_ms_ = 60000;  // a minute by default: an ingest waits its turn
  std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
  std::function<bool()> abandoned_;
  std::chrono::steady_clock::time_point next_abandoned_check_{};
  std::unordered_map<std::string, Prepared> cache_;
};

}  // namespace tw::store
