// api_fixture — the HTTP API on a real SQLite file (the sample articles), served on a
// free loopback port twice: with a write token and without one. Shared by the route
// tests (routes/*_test.cc) and http_server_test.cc.
#pragma once
#include <gtest/gtest.h>
#include <httplib.h>

#include <string>
#include <thread>

#include "server/http_server.h"
#include "test_support.h"

namespace twtest {

class Api : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new twtest::TempDir;
    db_ = (dir_->path() / "api.db").string();
    auto r = twtest::run_cli(
        {"ingest", "--db", db_, (twtest::source_dir() / "data" / "samples" / "articles").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    start(/*token=*/"test-token", server_, port_, thread_);
    start(/*token=*/"", readonly_server_, readonly_port_, readonly_thread_);
  }
  static void TearDownTestSuite() {
    for (auto* s : {server_, readonly_server_}) s->stop();
    thread_.join();
    readonly_thread_.join();
    delete server_;
    delete readonly_server_;
    delete dir_;
  }
  static void start(const std::string& token, tw::server::Server*& server, int& port,
                    std::thread& thread) {
    server = new tw::server::Server({"127.0.0.1", 0, db_, token, ""});
    const auto bound = server->bind();
    ASSERT_TRUE(bound.ok()) << bound.failure().reason;
    port = *bound;
    thread = std::thread([server] { server->serve(); });
    ASSERT_TRUE(server->wait_until_serving()) << "the server never started";
  }

  static httplib::Result get(const std::string& path, int port = 0) {
    httplib::Client c("127.0.0.1", port ? port : port_);
    c.set_read_timeout(30, 0);
    return c.Get(path.c_str());
  }
  static json get_json(const std::string& path, int expected_status = 200) {
    auto r = get(path);
    EXPECT_TRUE(r) << path;
    if (!r) return nullptr;
    EXPECT_EQ(r->status, expected_status) << path << ": " << r->body;
    EXPECT_NE(r->get_header_value("Content-Type").find("application/json"), std::string::npos)
        << path;
    return json::parse(r->body);
  }
  static httplib::Result post(const std::string& body, const std::string& token, int port = 0) {
    httplib::Client c("127.0.0.1", port ? port : port_);
    httplib::Headers h;
    if (!token.empty()) h.emplace("Authorization", "Bearer " + token);
    return c.Post("/api/articles", h, body, "application/json");
  }

  static inline twtest::TempDir* dir_ = nullptr;
  static inline std::string db_;
  static inline tw::server::Server* server_ = nullptr;
  static inline tw::server::Server* readonly_server_ = nullptr;
  static inline int port_ = 0, readonly_port_ = 0;
  static inline std::thread thread_, readonly_thread_;
};

}  // namespace twtest
