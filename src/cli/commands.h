// commands — the talentwar subcommands, each returning a process exit code.
//
// Exit codes: 0 success; 1 some inputs failed (the rest was processed); 2 bad usage;
// 3 a fatal error (database or data files unusable).
#pragma once
#include <string>
#include <vector>

#include "query/questions.h"

namespace tw::cli {

enum ExitCode { kOk = 0, kSomeFailed = 1, kUsage = 2, kFatal = 3 };

// jobs: threads extracting articles (1 = none); output keeps the input order.
int run_extract(const std::vector<std::string>& inputs, unsigned jobs);
int run_ingest(const std::string& db, const std::vector<std::string>& inputs, unsigned jobs);
int run_export(const std::string& db, const std::string& format);
int run_eval(const std::string& gold, const std::vector<std::string>& inputs, bool show_misses,
             bool json, bool names = false);
int run_events(const std::string& db, const std::string& type, const std::string& org,
               const std::string& person, bool json);

// Analytics over facts merged across articles (see query/analytics.h).
int run_flows(const std::string& db, const std::string& since, const std::string& until,
              const std::string& org, size_t top, bool json);
// Pay, deals, the timeline and an entity are the query layer's answers (query/questions.h),
// the API's own: the same filters, the same bound, stated in the table's last line and in
// the JSON (reports_read, reports_matching, reports_matching_exact).
int run_pay(const std::string& db, const query::Filter& asked, bool json);
int run_deals(const std::string& db, const query::Filter& asked, bool json);
int run_timeline(const std::string& db, const query::Filter& asked, bool json);
int run_entity(const std::string& db, const std::string& name, bool json);
int run_graph(const std::string& db, const std::string& format);
// Copies the SQLite database into a new file, consistently, while it may be in use.
int run_backup(const std::string& db, const std::string& dest);

// The HTTP API and dashboard (server/http_server.h); runs until interrupted.
int run_serve(const std::string& db, const std::string& host, int port, const std::string& token,
              const std::string& web_root, const std::string& cors_origin = "");

}  // namespace tw::cli
