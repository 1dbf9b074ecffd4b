// http_fuzz — the HTTP request handlers of src/server/http_server.h.
//
// At start-up (LLVMFuzzerInitialize) a small SQLite database is made in a private
// temporary directory from two inline articles (one Korean, one English) run
// through the text stage and the extractor, and a Server is started on it on a free
// loopback port, with the write token "fuzz-token" so that POST /api/articles is
// reached too. Each input is sent as raw bytes over a fresh TCP connection to
// 127.0.0.1 (request line, headers and body are all the fuzzer's) and the response
// is read until it is whole. Checked: whatever the server answers is an
// HTTP/1.1 response. With TALENTWAR_FUZZ_HTTP_5XX=1 set, an answer of 500 or more
// aborts too (a handler threw: bad input must be a 4xx).
//
// Before the first byte of an answer and between its bytes the target waits up to
// TALENTWAR_FUZZ_HTTP_WAIT_MS (25 ms; 200 with TALENTWAR_FUZZ_HTTP_5XX set, so that slow
// answers are seen): an input that is not a whole request costs that much.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <variant>

#include "extract/extractor.h"
#include "knowledge/lexicon.h"
#include "pipeline/process.h"
#include "server/http_server.h"
#include "store/store.h"

namespace {

constexpr const char* kArticles[][2] = {
    {"ko_fuzz.txt",
     "메타, AI 인재 영입 경쟁\n"
     "입력 2025.07.04 09:12\n"
     "메타는 데이터 스타트업 스케일AI에 143억 달러를 투자했다. 스케일AI 창업자인 알렉산드르 왕이 "
     "메타에 합류했다.\n"
     "오픈AI 연구원 4명이 메타로 자리를 옮겼다. 메타는 이들에게 최대 1억 달러의 보상을 제시한 "
     "것으로 알려졌다.\n"},
    {"en_fuzz.txt",
     "Microsoft hires DeepMind staff\n"
     "July 23, 2025\n"
     "Microsoft has hired about 24 employees from Google DeepMind, including Amar Subramanya, who "
     "led engineering for Gemini.\n"
     "Anthropic raised $13 billion in a Series F round led by ICONIQ. Meta laid off 600 employees "
     "in its AI unit.\n"},
};

std::string g_dir;
int g_port = 0;
bool g_abort_on_5xx = false;
int g_wait_ms = 25;  // TALENTWAR_FUZZ_HTTP_WAIT_MS

void remove_dir() {
  if (!g_dir.empty()) std::filesystem::remove_all(g_dir);
}

void make_database(const std::string& db_path) {
  tw::store::Store db(db_path, &tw::knowledge::Lexicon::standard());
  db.begin_batch();
  for (const auto& [name, text] : kArticles) {
    tw::text::RawArticle raw;
    raw.doc = raw.origin = name;
    raw.bytes = text;
    auto result = tw::pipeline::process(raw);
    if (!result) {
      std::fprintf(stderr, "http_fuzz: %s: %s\n", name, result.failure().reason.c_str());
      std::abort();
    }
    const auto& article = *result;
    db.add_article(article.doc, raw.origin, article.events);
  }
  db.commit_batch();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::signal(SIGPIPE, SIG_IGN);
  const char* strict = std::getenv("TALENTWAR_FUZZ_HTTP_5XX");
  g_abort_on_5xx = strict && *strict && std::string(strict) != "0";
  g_wait_ms = g_abort_on_5xx ? 200 : 25;
  if (const char* wait = std::getenv("TALENTWAR_FUZZ_HTTP_WAIT_MS"); wait && *wait)
    g_wait_ms = std::atoi(wait);
  std::string dir =
      (std::filesystem::temp_directory_path() / "talentwar-http-fuzz-XXXXXX").string();
  if (!mkdtemp(dir.data())) {
    std::perror("mkdtemp");
    std::abort();
  }
  g_dir = dir;
  std::atexit(remove_dir);
  const std::string db_path = g_dir + "/fuzz.db";
  make_database(db_path);

  // Never destroyed: the server thread serves until the process exits.
  auto* server = new tw::server::Server({"127.0.0.1", 0, db_path, "fuzz-token", ""});
  const auto bound = server->bind();
  if (!bound) {
    std::fprintf(stderr, "http_fuzz: %s\n", bound.failure().reason.c_str());
    std::abort();
  }
  g_port = *bound;
  std::thread([server] { server->serve(); }).detach();
  if (!server->wait_until_serving()) {
    std::fprintf(stderr, "http_fuzz: the server never started\n");
    std::abort();
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) {
    std::perror("socket");
    std::abort();
  }
  timeval tv{8, 0};  // under libFuzzer's -timeout=10: a hung handler shows as a timeout
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  const int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(g_port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  // libFuzzer's timers send signals: a call cut short by one (EINTR) goes on.
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
    int err = errno;
    if (err == EINTR) {  // the connection is still being made: wait for it
      pollfd out{fd, POLLOUT, 0};
      while (::poll(&out, 1, -1) < 0 && errno == EINTR) {
      }
      socklen_t len = sizeof err;
      ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
    }
    if (err != 0) {
      std::fprintf(stderr, "http_fuzz: connect: %s\n", std::strerror(err));
      std::abort();
    }
  }
  // The server may answer (and close) before it has read everything: a failed send is fine.
  for (size_t sent = 0; sent < size;) {
    const ssize_t n = ::send(fd, data + sent, size - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  // The answer is read until it is whole (its Content-Length), or until no byte has come
  // for g_wait_ms (an input that is not a whole request gets no answer: the server waits
  // for the rest). The write side is never shut: the server takes a client that closes
  // its side for one that has gone, and answers it nothing.
  std::string response;
  char buf[16384];
  size_t need = std::string::npos;
  for (;;) {
    if (need != std::string::npos && response.size() >= need) break;
    pollfd pfd{fd, POLLIN, 0};
    const int ready = ::poll(&pfd, 1, g_wait_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) break;
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    response.append(buf, static_cast<size_t>(n));
    if (const size_t end = response.find("\r\n\r\n");
        end != std::string::npos && need == std::string::npos) {
      std::string head = response.substr(0, end);
      for (auto& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const size_t cl = head.find("\r\ncontent-length:");
      need = end + 4 +
             (cl == std::string::npos ? 0 : std::strtoul(head.c_str() + cl + 17, nullptr, 10));
    }
  }
  ::close(fd);

  if (!response.empty()) {
    if (response.rfind("HTTP/1.1 ", 0) != 0) {
      std::fprintf(stderr, "http_fuzz: not an HTTP response: %.80s\n", response.c_str());
      std::abort();
    }
    // Every response on the connection: "HTTP/1.1 NNN".
    for (size_t at = 0; (at = response.find("HTTP/1.1 ", at)) != std::string::npos; at += 9) {
      if (at + 12 > response.size()) break;
      if (g_abort_on_5xx && response[at + 9] == '5' && (at == 0 || response[at - 1] == '\n')) {
        std::fprintf(stderr, "http_fuzz: server error: %.300s\n", response.c_str() + at);
        std::abort();
      }
    }
  }
  return 0;
}
