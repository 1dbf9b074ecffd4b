#include "store/connection.h"

namespace tw::store {

std::optional<int64_t> integer_of(Connection& c, std::string_view sql,
                                  const std::vector<Param>& params) {
  std::optional<int64_t> out;
  c.run(sql, params, [&](const Row& r) {
    if (!out) out = r.integer(0);
  });
  return out;
}

void in_transaction(Connection& c, const std::function<void()>& work) {
  c.script("BEGIN");
  try {
    work();
    c.script("COMMIT");
  } catch (...) {
    c.script("ROLLBACK");
    throw;
  }
}

}  // namespace tw::store
