// http — the server's own request and answer types, independent of the HTTP library
// that carries them (transport.h), so routes, parameters and tests never see it.
//
// A Request holds its path decoded exactly once ("%2541" is "%41"), its query parameters
// decoded ('+' is a space), its headers by case-insensitive name and its whole body. A
// Response is a status, a body and its type; `close` ends the connection after it.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tw::server {

struct CaseInsensitiveLess {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const;
};

struct Request {
  std::string method;  // "GET", "POST", … ("HEAD" is routed as "GET")
  std::string path;    // decoded once; may hold any byte, NUL included
  std::vector<std::pair<std::string, std::string>> params;  // in the order given, decoded
  std::map<std::string, std::string, CaseInsensitiveLess> headers;
  std::string body;
  std::vector<std::string> matches;  // the route pattern's groups; [0] is the whole path
  // True once the client has gone (closed its connection): work for it can stop.
  std::function<bool()> client_left = [] { return false; };

  // The first value of parameter `name`, or "" when absent.
  std::string param(std::string_view name) const;
  bool has_param(std::string_view name) const;
  std::string header(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string body;
  std::string content_type = "text/plain; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  bool close = false;  // end the connection after this answer

  void set_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
  bool has_header(std::string_view name) const;
};

// Splits a request target ("/a%20b?x=1&y") into its decoded path and parameters.
void parse_target(std::string_view target, Request& into);
// Decodes %XX escapes once; with `plus_is_space`, '+' is a space (query strings).
std::string percent_decode(std::string_view s, bool plus_is_space);
// Encodes everything but unreserved characters (RFC 3986), for a link in an answer.
std::string percent_encode(std::string_view s);

}  // namespace tw::server
