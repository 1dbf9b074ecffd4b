#include "store/postgres_connection.h"

#include <fmt/format.h>

#include <pqxx/pqxx>

namespace tw::store {

struct PostgresConnection::Session {
  explicit Session(const std::string& url) : conn(with_timeouts(url)) {}
  pqxx::connection conn;
};

namespace {

class PgRow final : public Row {
 public:
  explicit PgRow(const pqxx::row& r) : r_(r) {}
  std::string text(int col) const override { return r_[col].is_null() ? "" : r_[col].c_str(); }
  int64_t integer(int col) const override { return r_[col].is_null() ? 0 : r_[col].as<int64_t>(); }
  double real(int col) const override { return r_[col].is_null() ? 0.0 : r_[col].as<double>(); }
  bool null(int col) const override { return r_[col].is_null(); }

 private:
  const pqxx::row& r_;
};

// Runs `work`, turning libpqxx's errors into the store's: lost races become retryable.
template <typename F>
auto translated(F&& work) {
  try {
    return work();
  } catch (const pqxx::transaction_rollback& e) {
    throw RetryableError(fmt::format("PostgreSQL: {}", e.what()));
  } catch (const pqxx::failure& e) {
    std::string msg = e.what();
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    throw StoreError(fmt::format("PostgreSQL: {}", msg));
  }
}

}  // namespace

std::string with_timeouts(const std::string& url) {
  // libpq waits for ever for a server that accepts the connection and never answers;
  // connect_timeout bounds the whole handshake, and TCP keepalives notice a peer gone
  // quiet later. A URL that sets its own keeps them.
  std::string out = url;
  auto add = [&](const char* key, const char* value) {
    if (out.find(std::string(key) + "=") != std::string::npos) return;
    out += (out.find('?') == std::string::npos ? '?' : '&');
    out += fmt::format("{}={}", key, value);
  };
  add("connect_timeout", "5");
  add("keepalives_idle", "30");
  add("keepalives_interval", "10");
  add("keepalives_count", "3");
  return out;
}

std::string redacted(std::string_view location) {
  // postgresql://user:secret@host/db → postgresql://user:***@host/db
  if (!is_postgres_url(location)) return std::string(location);
  const size_t scheme = location.find("://") + 3;
  const size_t at = location.find('@', scheme);
  if (at == std::string_view::npos) return std::string(location);
  const size_t colon = location.find(':', scheme);
  if (colon == std::string_view::npos || colon > at) return std::string(location);
  return fmt::format("{}***{}", location.substr(0, colon + 1), location.substr(at));
}

bool is_postgres_url(std::string_view location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

bool PostgresConnection::broken() const { return !session_ || !session_->conn.is_open(); }

PostgresConnection::PostgresConnection(const std::string& url) {
  translated([&] {
    session_ = std::make_unique<Session>(url);
    return 0;
  });
  script("SET client_min_messages = warning");  // "relation already exists, skipping" is not news
}

PostgresConnection::~PostgresConnection() = default;

void PostgresConnection::script(std::string_view sql) {
  translated([&] {
    pqxx::nontransaction tx(session_->conn);
    tx.exec(std::string(sql));
    return 0;
  });
}

const std::string& PostgresConnection::statement_name(std::string_view sql) {
  auto it = prepared_.find(std::string(sql));
  if (it != prepared_.end()) return it->second;
  std::string name = fmt::format("tw{}", prepared_.size());
  translated([&] {
    session_->conn.prepare(name, std::string(sql));
    return 0;
  });
  return prepared_.emplace(std::string(sql), std::move(name)).first->second;
}

size_t PostgresConnection::run(std::string_view sql, const std::vector<Param>& params,
                               const RowFn& each) {
  const std::string& name = statement_name(sql);
  // libpq takes parameters as text; NULL is a null pointer.
  std::vector<std::string> storage(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  for (size_t i = 0; i < params.size(); ++i) {
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>)
            return;
          else if constexpr (std::is_same_v<T, std::string_view>)
            storage[i] = std::string(v);
          else if constexpr (std::is_same_v<T, double>)
            storage[i] = fmt::format("{:.17g}", v);
          else
            storage[i] = std::to_string(v);
          values[i] = storage[i].c_str();
        },
        params[i]);
  }
  return translated([&] {
    pqxx::nontransaction tx(session_->conn);
    const pqxx::result r = tx.exec_prepared(name, pqxx::prepare::make_dynamic_params(values));
    if (each)
      for (const auto& row : r) each(PgRow(row));
    return static_cast<size_t>(r.size());
  });
}

}  // namespace tw::store
