#include "server/params.h"

#include <fmt/format.h>

#include <charconv>
#include <vector>

#include "query/arguments.h"
#include "text/utf8.h"

namespace tw::server {

using nlohmann::json;

void send_json(Response& res, int status, const json& body) {
  res.status = status;
  // Text that is not UTF-8 (a file name stored by an older ingest) becomes U+FFFD rather
  // than an exception that loses the whole answer.
  res.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  res.content_type = "application/json; charset=utf-8";
}

void send_error(Response& res, int status, const std::string& message) {
  send_json(res, status, {{"error", message}});
}

std::string param(const Request& req, const char* name) { return req.param(name); }

size_t number_param(const Request& req, const char* name, size_t fallback, size_t max) {
  const std::string v = param(req, name);
  if (v.empty()) return fallback;
  size_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || n > max)
    throw BadRequest{fmt::format("{} must be a whole number from 0 to {}", name, max)};
  return n;
}

std::string date_param(const Request& req, const char* name) {
  return query::window_bound(param(req, name), name);
}

std::string choice_param(const Request& req, const char* name,
                         std::initializer_list<const char*> allowed) {
  const std::vector<std::string_view> choices(allowed.begin(), allowed.end());
  return choice_param(req, name, choices);
}

std::string choice_param(const Request& req, const char* name,
                         std::span<const std::string_view> allowed) {
  return query::one_of(param(req, name), name, allowed);  // the CLI's rule, 400 here
}

json page(const json& items, const Request& req) {
  const size_t limit = number_param(req, "limit", 50, 500);
  const size_t offset = number_param(req, "offset", 0, 1u << 30);
  json out = json::array();
  for (size_t i = offset; i < items.size() && i < offset + limit; ++i) out.push_back(items[i]);
  return {{"total", items.size()}, {"offset", offset}, {"limit", limit}, {"items", out}};
}

bool query_text(std::string_view s) {
  return s.find('\0') == std::string_view::npos && !text::find_invalid_utf8(s).has_value();
}

}  // namespace tw::server
