#include "server/http.h"

#include <microhttpd.h>

#include <algorithm>
#include <cctype>

namespace tw::server {

bool CaseInsensitiveLess::operator()(std::string_view a, std::string_view b) const {
  return std::lexicographical_compare(
      a.begin(), a.end(), b.begin(), b.end(),
      [](unsigned char x, unsigned char y) { return std::tolower(x) < std::tolower(y); });
}

std::string Request::param(std::string_view name) const {
  for (const auto& [k, v] : params)
    if (k == name) return v;
  return {};
}

bool Request::has_param(std::string_view name) const {
  return std::any_of(params.begin(), params.end(), [&](const auto& p) { return p.first == name; });
}

std::string Request::header(std::string_view name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string{} : it->second;
}

bool Response::has_header(std::string_view name) const {
  CaseInsensitiveLess less;
  return std::any_of(headers.begin(), headers.end(),
                     [&](const auto& h) { return !less(h.first, name) && !less(name, h.first); });
}

std::string percent_decode(std::string_view s, bool plus_is_space) {
  std::string out(s);
  if (plus_is_space) std::replace(out.begin(), out.end(), '+', ' ');
  // libmicrohttpd's decoder works in place and answers the decoded length, which counts
  // any NUL a "%00" made (strlen would stop there).
  out.resize(MHD_http_unescape(out.data()));
  return out;
}

std::string percent_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

void parse_target(std::string_view target, Request& into) {
  const size_t q = target.find('?');
  into.path = percent_decode(target.substr(0, q), false);
  into.params.clear();
  if (q == std::string_view::npos) return;
  std::string_view query = target.substr(q + 1);
  if (const size_t hash = query.find('#'); hash != std::string_view::npos)
    query = query.substr(0, hash);
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    into.params.emplace_back(
        percent_decode(pair.substr(0, eq), true),
        eq == std::string_view::npos ? std::string{} : percent_decode(pair.substr(eq + 1), true));
  }
}

}  // namespace tw::server
