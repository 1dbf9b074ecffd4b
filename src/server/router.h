// router — which route answers a request: a method and a whole-path pattern (RE2, bytes
// not characters, so any path can be tested), its groups handed to the route as
// Request::matches, and the lane (event loop or worker) the route runs on.
#pragma once
#include <re2/re2.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "server/http.h"
#include "server/transport.h"

namespace tw::server {

class Router {
 public:
  using Handler = std::function<void(const Request&, Response&)>;
  struct Route {
    std::string method;
    std::unique_ptr<RE2> pattern;
    Handler handler;
    Lane lane;
  };

  // Routes are tried in the order added; the first whose method and pattern match answers.
  void add(std::string method, const std::string& pattern, Handler handler,
           Lane lane = Lane::Worker);
  void get(const std::string& pattern, Handler handler, Lane lane = Lane::Worker) {
    add("GET", pattern, std::move(handler), lane);
  }
  void post(const std::string& pattern, Handler handler) {
    add("POST", pattern, std::move(handler));
  }

  // The route for `req`, with req.matches filled; nullptr when none matches.
  const Route* find(Request& req) const;
  // The lane of the route for `req` (the loop when none: the answer is a file or a 404).
  Lane lane(const Request& req) const;

 private:
  const Route* match(const Request& req, std::vector<std::string>* groups) const;
  std::vector<Route> routes_;
};

}  // namespace tw::server
