// params — reading a request's parameters and writing JSON answers, for every route:
// strict values (a bad number, date or choice is 400 with the reason), pages of lists,
// and the text rule (UTF-8 without NUL) for anything that reaches a query.
#pragma once
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>

#include "server/http.h"

namespace tw::server {

// Thrown by a route for a request it cannot answer as asked: 400 with `message`.
struct BadRequest {
  std::string message;
};

void send_json(Response& res, int status, const nlohmann::json& body);
void send_error(Response& res, int status, const std::string& message);

// The value of `name`, "" when absent.
std::string param(const Request& req, const char* name);
// A whole number in [0, max]; `fallback` when absent.
size_t number_param(const Request& req, const char* name, size_t fallback, size_t max);
// A window bound: YYYY, YYYY-MM or YYYY-MM-DD, a real date ("" when absent).
std::string date_param(const Request& req, const char* name);
// One of `allowed`, or "" when absent; otherwise query::BadArgument (400), by query::one_of.
std::string choice_param(const Request& req, const char* name,
                         std::initializer_list<const char*> allowed);
std::string choice_param(const Request& req, const char* name,
                         std::span<const std::string_view> allowed);
// A page of a JSON array, from the request's offset and limit: {"total", "offset", "limit",
// "items"}.
nlohmann::json page(const nlohmann::json& items, const Request& req);

// Text a query may take: UTF-8 without NUL bytes (a NUL ends a string in C, so in FTS5's
// query parser too, and PostgreSQL refuses it in text).
bool query_text(std::string_view s);

}  // namespace tw::server
