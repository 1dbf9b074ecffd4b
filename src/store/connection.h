// connection — the one thing the store needs of a SQL database: run a statement with
// positional parameters ($1, $2, …) and read the rows it returns. SQLite and
// PostgreSQL implement it, so the store's logic and most of its SQL are written once.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tw::store {

struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A query ran past the connection's deadline and was interrupted.
struct QueryTimeout : StoreError {
  using StoreError::StoreError;
};

// The database stayed locked by another writer for the whole busy timeout: try again later.
struct BusyError : StoreError {
  using StoreError::StoreError;
};

// A write lost to another writer (PostgreSQL deadlock or serialization failure): the
// whole transaction may be retried.
struct RetryableError : StoreError {
  using StoreError::StoreError;
};

enum class Dialect { Sqlite, Postgres };

// A statement parameter: NULL, an integer, a real or text.
using Param = std::variant<std::nullptr_t, int64_t, double, std::string_view>;

// One result row; columns are read as text or integers (NULL reads as "" or 0).
class Row {
 public:
  virtual ~Row() = default;
  virtual std::string text(int col) const = 0;
  virtual int64_t integer(int col) const = 0;
  virtual double real(int col) const = 0;
  virtual bool null(int col) const = 0;
};

using RowFn = std::function<void(const Row&)>;

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Runs SQL without parameters; several statements may be given.
  virtual void script(std::string_view sql) = 0;
  // Runs one statement; calls `each` for every row it returns and answers how many it
  // returned. Statements are prepared once and cached by their text.
  virtual size_t run(std::string_view sql, const std::vector<Param>& params,
                     const RowFn& each = {}) = 0;
  // How long a write waits for another writer's lock before BusyError (SQLite; PostgreSQL
  // writers lock rows, not the database, and never wait on each other this way).
  virtual void set_write_wait(std::chrono::milliseconds) {}
  // Database work after `deadline`, or once `abandoned` answers true (checked every few
  // tens of milliseconds), is stopped with QueryTimeout (SQLite; time_point::max() for
  // none). A server bounds each request's queries this way, and drops the work of a
  // client that has gone.
  virtual void set_deadline(std::chrono::steady_clock::time_point,
                            std::function<bool()> /*abandoned*/ = {}) {}
  // True when the connection can no longer be used (a PostgreSQL server that closed it):
  // a pool drops it rather than handing it out again.
  virtual bool broken() const { return false; }
  // A consistent copy of the whole database into a new file at `path`, taken while
  // others may read and write (SQLite's online backup); PostgreSQL has pg_dump for that.
  virtual void backup_to(const std::string& path) {
    throw StoreError("backup copies SQLite files; for PostgreSQL use pg_dump (" + path +
                     " not written)");
  }
};

// The first column of the first row, if any.
std::optional<int64_t> integer_of(Connection& c, std::string_view sql,
                                  const std::vector<Param>& params);

// Runs `work` in a transaction of its own: committed when it returns, rolled back when it
// throws (and the error passed on).
void in_transaction(Connection& c, const std::function<void()>& work);

}  // namespace tw::store
