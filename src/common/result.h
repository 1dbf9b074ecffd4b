// result — what a stage returns where an input may be unusable: the value, or a Failure
// saying why in one line. The one shape at every module border for expected failures (a
// file that is not text, an article with no story left, a port in use). Exceptions stay
// for what no caller can go on from (a database that fails) and for an asker's mistake
// that ends the request (query::BadArgument: exit 2 on the command line, 400 over HTTP).
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace tw {

struct Failure {
  std::string reason;   // one line
  std::string where{};  // the input it is about ("path:line"); "" when the caller names it
};

template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}            // NOLINT: a value is a result
  Result(Failure failure) : v_(std::move(failure)) {}  // NOLINT: so is a failure
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  const Failure& failure() const { return std::get<1>(v_); }

 private:
  std::variant<T, Failure> v_;
};

}  // namespace tw
