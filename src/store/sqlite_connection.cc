#include "store/sqlite_connection.h"

#include <chrono>
#include <filesystem>
#include <thread>

#include <fmt/format.h>

namespace tw::store {
namespace {

class SqliteRow final : public Row {
 public:
  explicit SqliteRow(sqlite3_stmt* s) : s_(s) {}
  std::string text(int col) const override {
    const auto* p = sqlite3_column_text(s_, col);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<size_t>(sqlite3_column_bytes(s_, col)))
             : "";
  }
  int64_t integer(int col) const override { return sqlite3_column_int64(s_, col); }
  double real(int col) const override { return sqlite3_column_double(s_, col); }
  bool null(int col) const override { return sqlite3_column_type(s_, col) == SQLITE_NULL; }

 private:
  sqlite3_stmt* s_;
};

}  // namespace

SqliteConnection::SqliteConnection(const std::string& path, bool read_only) {
  const int flags = read_only ? SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
                              : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(fmt::format("{}: cannot open database: {}", path, msg));
  }
  if (read_only && !readable()) {
    // A database in WAL mode is read through its -shm file, which SQLite must create
    // when it is missing; on read-only media, or in a folder this user cannot write, it
    // cannot. Such a file cannot be changed by this user either, so it is read as
    // immutable: no locks and no -shm (a writer with more rights would go unseen until
    // the next opening).
    sqlite3_close(db_);
    db_ = nullptr;
    std::string uri = "file:";
    for (char c : path) {
      if (c == '?' || c == '#' || c == '%')
        uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
      else
        uri += c;
    }
    uri += "?immutable=1";
    if (sqlite3_open_v2(uri.c_str(), &db_,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI,
                        nullptr) != SQLITE_OK ||
        !readable()) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      db_ = nullptr;
      throw StoreError(fmt::format("{}: cannot open database: {}", path, msg));
    }
  }
  // Writers take turns: one waiting for the lock polls every millisecond (SQLite's own
  // busy timeout sleeps up to 100 ms between tries, so it misses the short gaps a busy
  // writer leaves between its transactions), for up to set_write_wait (a minute).
  sqlite3_busy_handler(
      db_,
      [](void* self, int tries) {
        if (tries >= *static_cast<const int64_t*>(self)) return 0;  // about that many 1 ms waits
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return 1;
      },
      &write_wait_ms_);
  // A bigger page cache than SQLite's 2 MB default: the aggregates and indexes a writer
  // touches stay in memory instead of being read back from the OS for every statement.
  try {
    script("PRAGMA cache_size=-65536");
    // Readers map the file, so pages are shared with the OS cache rather than copied; a
    // read connection never writes, whatever SQL reaches it.
    if (read_only) script("PRAGMA query_only=ON; PRAGMA mmap_size=1073741824");
  } catch (...) {
    // A constructor that throws runs no destructor: the handle is closed here (a file
    // that is not a database fails on the first PRAGMA).
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

void SqliteConnection::set_deadline(std::chrono::steady_clock::time_point deadline,
                                    std::function<bool()> abandoned) {
  deadline_ = deadline;
  abandoned_ = std::move(abandoned);
  next_abandoned_check_ = {};
  if (deadline == std::chrono::steady_clock::time_point::max() && !abandoned_) {
    sqlite3_progress_handler(db_, 0, nullptr, nullptr);
    return;
  }
  // Checked every hundred virtual-machine steps (a microsecond or so of work): a nonzero
  // return interrupts the statement, which then fails with SQLITE_INTERRUPT. Whether the
  // client has gone costs a system call, so it is asked every 20 ms at most.
  sqlite3_progress_handler(
      db_, 100,
      [](void* p) {
        auto* self = static_cast<SqliteConnection*>(p);
        const auto now = std::chrono::steady_clock::now();
        if (now > self->deadline_) return 1;
        if (self->abandoned_ && now >= self->next_abandoned_check_) {
          self->next_abandoned_check_ = now + std::chrono::milliseconds(20);
          if (self->abandoned_()) return 1;
        }
        return 0;
      },
      this);
}

void SqliteConnection::backup_to(const std::string& path) {
  sqlite3* dest = nullptr;
  auto fail = [&](const std::string& why) {
    sqlite3_close(dest);
    std::error_code ignored;
    std::filesystem::remove(path, ignored);  // no half-written copy left behind
    throw StoreError(fmt::format("{}: backup failed: {}", path, why));
  };
  if (std::filesystem::exists(path))
    throw StoreError(fmt::format("{}: already exists; back up into a new file", path));
  if (sqlite3_open_v2(path.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK)
    fail(dest ? sqlite3_errmsg(dest) : "out of memory");
  sqlite3_backup* b = sqlite3_backup_init(dest, "main", db_, "main");
  if (!b) fail(sqlite3_errmsg(dest));
  // Pages in steps, so writers to the source are held up for a step at a time, not for
  // the whole copy; a write between steps restarts the copy (SQLite's rule), which
  // is bounded by the steps below.
  int rc;
  do {
    rc = sqlite3_backup_step(b, 1024);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) fail(sqlite3_errstr(rc));
  if (sqlite3_close(dest) != SQLITE_OK) fail("cannot close the copy");
}

bool SqliteConnection::readable() {
  // Opening is lazy: the first read is what touches the file and its -shm.
  return sqlite3_exec(db_, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) ==
         SQLITE_OK;
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, p] : cache_) sqlite3_finalize(p.stmt);
  sqlite3_close(db_);
}

void SqliteConnection::script(std::string_view sql) {
  char* err = nullptr;
  const std::string s(sql);
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    if (sqlite3_errcode(db_) == SQLITE_BUSY) throw BusyError(msg);
    throw StoreError(msg);
  }
}

SqliteConnection::Prepared& SqliteConnection::prepare(std::string_view sql) {
  auto it = cache_.find(std::string(sql));
  if (it != cache_.end()) return it->second;
  Prepared p;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &p.stmt, nullptr) != SQLITE_OK)
    throw StoreError(fmt::format("SQL prepare failed: {}", sqlite3_errmsg(db_)));
  // SQLite numbers "$N" parameters by first appearance, not by N: map them back.
  const int n = sqlite3_bind_parameter_count(p.stmt);
  for (int i = 1; i <= n; ++i) {
    const char* name = sqlite3_bind_parameter_name(p.stmt, i);
    p.slot_of.push_back(name && name[0] == '$' ? std::atoi(name + 1) - 1 : i - 1);
  }
  return cache_.emplace(std::string(sql), std::move(p)).first->second;
}

size_t SqliteConnection::run(std::string_view sql, const std::vector<Param>& params,
                             const RowFn& each) {
  Prepared& p = prepare(sql);
  sqlite3_stmt* s = p.stmt;
  struct Reset {
    sqlite3_stmt* s;
    ~Reset() {
      sqlite3_reset(s);
      sqlite3_clear_bindings(s);
    }
  } reset{s};
  for (size_t i = 0; i < p.slot_of.size(); ++i) {
    const auto slot = static_cast<size_t>(p.slot_of[i]);
    if (slot >= params.size())
      throw StoreError(fmt::format("SQL parameter ${} not given", slot + 1));
    const int at = static_cast<int>(i + 1);
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>)
            sqlite3_bind_null(s, at);
          else if constexpr (std::is_same_v<T, int64_t>)
            sqlite3_bind_int64(s, at, v);
          else if constexpr (std::is_same_v<T, double>)
            sqlite3_bind_double(s, at, v);
          else
            sqlite3_bind_text(s, at, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        },
        params[slot]);
  }
  size_t rows = 0;
  SqliteRow row(s);
  for (;;) {
    const int rc = sqlite3_step(s);
    if (rc == SQLITE_DONE) break;
    if (rc == SQLITE_BUSY) throw BusyError(fmt::format("SQL failed: {}", sqlite3_errmsg(db_)));
    if (rc == SQLITE_INTERRUPT) throw QueryTimeout("the query ran out of time and was stopped");
    if (rc != SQLITE_ROW) throw StoreError(fmt::format("SQL failed: {}", sqlite3_errmsg(db_)));
    ++rows;
    if (each) each(row);
  }
  return rows;
}

}  // namespace tw::store
