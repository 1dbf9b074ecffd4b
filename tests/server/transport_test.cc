// The transport on its own, with handlers written for the test: a client that leaves is
// seen by the worker answering it; slow clients hold no worker; answers from the event
// loop come while every worker is busy; strict framing; body and connection limits.
#include "server/transport.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace {

using tw::server::Lane;
using tw::server::Request;
using tw::server::Response;
using tw::server::Transport;
using tw::server::TransportOptions;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

int connect_to(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Sends `request` on a new connection and reads until the server closes it or `timeout_s`.
std::string exchange(int port, const std::string& request, double timeout_s = 5) {
  const int fd = connect_to(port);
  if (fd < 0) return {};
  ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string out;
  const auto until = Clock::now() + std::chrono::duration<double>(timeout_s);
  while (Clock::now() < until) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 20) <= 0) continue;
    char buf[4096];
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
    if (out.find("\r\n\r\n") != std::string::npos &&
        request.find("Connection: close") == std::string::npos)
      break;
  }
  ::close(fd);
  return out;
}

int status_of(const std::string& response) {
  return response.rfind("HTTP/1.", 0) == 0 && response.size() > 12 ? std::atoi(response.c_str() + 9)
                                                                   : 0;
}

// A transport serving on a free port from its own thread.
class Running {
 public:
  Running(TransportOptions options, Transport::Handler handler, Transport::LaneOf lane)
      : transport_(std::move(options), std::move(handler), std::move(lane)) {
    const auto bound = transport_.bind();
    EXPECT_TRUE(bound.ok()) << bound.failure().reason;
    port_ = bound.ok() ? *bound : -1;
    thread_ = std::thread([this] { transport_.serve(); });
    EXPECT_TRUE(transport_.wait_until_serving(10));
  }
  ~Running() {
    transport_.stop();
    thread_.join();
  }
  int port() const { return port_; }

 private:
  Transport transport_;
  int port_ = -1;
  std::thread thread_;
};

TransportOptions small_options() {
  TransportOptions o;
  o.port = 0;
  o.workers = 2;
  o.read_timeout_s = 2;
  o.max_body_bytes = 1024;
  return o;
}

Response text(std::string body) {
  Response r;
  r.body = std::move(body);
  return r;
}

TEST(Transport, AWorkerSeesItsClientLeave) {
  std::atomic<double> noticed_after{-1};
  Running server(
      small_options(),
      [&](Request& req) {
        const auto start = Clock::now();
        while (seconds_since(start) < 10 && !req.client_left())
          std::this_thread::sleep_for(std::chrono::milliseconds(5));
        noticed_after = req.client_left() ? seconds_since(start) : 99;
        return text("late");
      },
      [](const Request&) { return Lane::Worker; });
  const int fd = connect_to(server.port());
  const std::string request = "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n";
  ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  ::close(fd);  // the client gives up
  const auto t = Clock::now();
  while (noticed_after < 0 && seconds_since(t) < 15)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_GE(noticed_after, 0.1);
  EXPECT_LT(noticed_after, 1.0) << "the worker went on for a client that had left";
}

TEST(Transport, SlowClientsHoldNoWorkerAndTheLoopAnswersWhileWorkersAreBusy) {
  std::atomic<bool> release{false};
  Running server(
      small_options(),
      [&](Request& req) {
        if (req.path == "/busy")
          while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        return text("ok " + req.path);
      },
      [](const Request& req) { return req.path == "/health" ? Lane::Loop : Lane::Worker; });
  // Twenty clients trickling a request a byte at a time.
  std::vector<int> slow;
  for (int i = 0; i < 20; ++i) {
    const int fd = connect_to(server.port());
    ASSERT_GE(fd, 0);
    ::send(fd, "G", 1, MSG_NOSIGNAL);
    slow.push_back(fd);
  }
  // Workers are free: a plain request is answered at once.
  auto t = Clock::now();
  EXPECT_EQ(status_of(exchange(server.port(), "GET /work HTTP/1.1\r\nHost: x\r\n\r\n")), 200);
  EXPECT_LT(seconds_since(t), 0.5) << "slow clients held the workers";
  // Both workers busy: the loop still answers its own routes.
  std::thread a([&] {
    exchange(server.port(), "GET /busy HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 10);
  });
  std::thread b([&] {
    exchange(server.port(), "GET /busy HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 10);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  t = Clock::now();
  EXPECT_EQ(status_of(exchange(server.port(), "GET /health HTTP/1.1\r\nHost: x\r\n\r\n")), 200);
  EXPECT_LT(seconds_since(t), 0.5);
  release = true;
  a.join();
  b.join();
  // The trickling clients are cut off by the read timeout (2 s), not kept for ever.
  std::this_thread::sleep_for(std::chrono::milliseconds(2600));
  for (int fd : slow) {
    ::send(fd, "E", 1, MSG_NOSIGNAL);
    pollfd p{fd, POLLIN, 0};
    char c;
    EXPECT_TRUE(::poll(&p, 1, 1000) > 0 && ::recv(fd, &c, 1, 0) <= 0)
        << "a slow client is still connected";
    ::close(fd);
  }
}

TEST(Transport, AmbiguousFramingIsRefusedAtOnce) {
  std::atomic<int> handled{0};
  Running server(
      small_options(),
      [&](Request&) {
        ++handled;
        return text("ran");
      },
      [](const Request&) { return Lane::Worker; });
  struct Case {
    const char* what;
    std::string request;
    int status;
  };
  const std::vector<Case> cases = {
      {"chunked twice in one header",
       "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n", 501},
      {"two Transfer-Encoding headers",
       "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: "
       "chunked\r\n\r\n0\r\n\r\n",
       501},
      {"an unknown coding", "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 501},
      {"Content-Length and chunked",
       "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: "
       "chunked\r\n\r\n0\r\n\r\n",
       400},
      {"a negative length", "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400},
      {"two lengths",
       "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", 400},
      {"a GET with a body",
       "GET /a HTTP/1.1\r\nHost: x\r\nContent-Length: 28\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n",
       400},
      {"a length past the limit",
       "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\n", 413},
      {"HTTP/1.1 without Host", "GET /a HTTP/1.1\r\n\r\n", 400},
  };
  for (const auto& c : cases) {
    const auto t = Clock::now();
    const std::string answer = exchange(server.port(), c.request, 5);
    EXPECT_EQ(status_of(answer), c.status) << c.what << ": " << answer.substr(0, 200);
    EXPECT_LT(seconds_since(t), 1.0) << c.what << " held the connection";
    EXPECT_NE(answer.find("Connection: close"), std::string::npos) << c.what;
  }
  EXPECT_EQ(handled, 0) << "a refused request reached the handler";
}

TEST(Transport, AChunkedBodyPastTheLimitEndsTheConnection) {
  std::atomic<int> handled{0};
  Running server(
      small_options(),
      [&](Request&) {
        ++handled;
        return text("stored");
      },
      [](const Request&) { return Lane::Worker; });
  const int fd = connect_to(server.port());
  const std::string head = "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  ::send(fd, head.data(), head.size(), MSG_NOSIGNAL);
  // 64 MiB: more than the kernel's buffers on both sides can hold, so the sender must
  // see the connection end long before its last chunk.
  const std::string chunk = "10000\r\n" + std::string(65536, 'x') + "\r\n";
  size_t sent = 0;
  for (int i = 0; i < 1024; ++i) {
    if (::send(fd, chunk.data(), chunk.size(), MSG_NOSIGNAL) <= 0) break;
    sent += 65536;
  }
  char c;
  pollfd p{fd, POLLIN, 0};
  EXPECT_TRUE(::poll(&p, 1, 2000) > 0 && ::recv(fd, &c, 1, 0) <= 0)
      << "the connection is still open";
  ::close(fd);
  EXPECT_LT(sent, 32u << 20) << "the server read on far past its limit";
  EXPECT_EQ(handled, 0);
}

TEST(Transport, APortInUseIsAnError) {
  Running first(
      small_options(), [](Request&) { return text("first"); },
      [](const Request&) { return Lane::Loop; });
  auto o = small_options();
  o.port = first.port();
  Transport second(
      o, [](Request&) { return text("second"); }, [](const Request&) { return Lane::Loop; });
  const auto bound = second.bind();
  ASSERT_FALSE(bound.ok());
  EXPECT_NE(bound.failure().reason.find("the port is in use"), std::string::npos)
      << bound.failure().reason;
}

}  // namespace
