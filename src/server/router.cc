#include "server/router.h"

#include <stdexcept>

namespace tw::server {

void Router::add(std::string method, const std::string& pattern, Handler handler, Lane lane) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);  // a path is bytes; '.' matches any
  options.set_dot_nl(true);
  options.set_log_errors(false);
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) throw std::logic_error("bad route pattern " + pattern + ": " + re->error());
  routes_.push_back({std::move(method), std::move(re), std::move(handler), lane});
}

const Router::Route* Router::match(const Request& req, std::vector<std::string>* groups) const {
  for (const auto& r : routes_) {
    if (r.method != req.method) continue;
    const int n = r.pattern->NumberOfCapturingGroups();
    std::vector<re2::StringPiece> found(static_cast<size_t>(n) + 1);
    if (!r.pattern->Match(req.path, 0, req.path.size(), RE2::ANCHOR_BOTH, found.data(), n + 1))
      continue;
    if (groups) {
      groups->clear();
      for (const auto& g : found)
        groups->emplace_back(g.data() ? std::string(g.data(), g.size()) : std::string{});
    }
    return &r;
  }
  return nullptr;
}

const Router::Route* Router::find(Request& req) const { return match(req, &req.matches); }

Lane Router::lane(const Request& req) const {
  const Route* r = match(req, nullptr);
  return r ? r->lane : Lane::Loop;
}

}  // namespace tw::server
