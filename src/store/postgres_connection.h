// postgres_connection — Connection to a PostgreSQL server (libpqxx), for many ingest
// workers on many machines writing to one database. Statements are prepared once per
// connection; the store opens and ends transactions itself with plain SQL.
#pragma once
#include <memory>
#include <string>
#include <unordered_map>

#include "store/connection.h"

namespace tw::store {

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(const std::string& url);
  ~PostgresConnection() override;

  Dialect dialect() const override { return Dialect::Postgres; }
  void script(std::string_view sql) override;
  size_t run(std::string_view sql, const std::vector<Param>& params, const RowFn& each) override;
  bool broken() const override;

 private:
  const std::string& statement_name(std::string_view sql);

  struct Session;  // the libpqxx connection, kept out of this header
  std::unique_ptr<Session> session_;
  std::unordered_map<std::string, std::string> prepared_;  // SQL → statement name
};

// Is this location a PostgreSQL connection URL?
bool is_postgres_url(std::string_view location);

// The URL with a connect timeout and TCP keepalives added (unless it sets them).
std::string with_timeouts(const std::string& url);

// A location fit to print: a PostgreSQL URL's password replaced by ***.
std::string redacted(std::string_view location);

}  // namespace tw::store
