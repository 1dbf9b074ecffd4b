#include "text/pattern_set.h"

#include <hs/hs.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tw::text {
namespace {

std::atomic<uint64_t> next_serial{1};

// One scratch space per thread, grown to fit every database the thread has scanned with
// (hs_alloc_scratch enlarges an existing scratch so that it serves the old databases too).
struct ThreadScratch {
  hs_scratch_t* scratch = nullptr;
  std::vector<uint64_t> sized_for;
  ~ThreadScratch() {
    if (scratch) hs_free_scratch(scratch);
  }
  hs_scratch_t* for_database(const hs_database_t* db, uint64_t serial) {
    if (std::find(sized_for.begin(), sized_for.end(), serial) == sized_for.end()) {
      if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS)
        throw std::runtime_error("vectorscan: cannot allocate scratch space");
      sized_for.push_back(serial);
    }
    return scratch;
  }
};

hs_scratch_t* scratch_for(const hs_database_t* db, uint64_t serial) {
  thread_local ThreadScratch local;
  return local.for_database(db, serial);
}

std::shared_ptr<hs_database> own(hs_database_t* db) {
  return {db, [](hs_database_t* d) { hs_free_database(d); }};
}

std::string take_error(hs_compile_error_t* err) {
  std::string message = err && err->message ? err->message : "unknown error";
  hs_free_compile_error(err);
  return message;
}

// Compiled databases are kept on disk, keyed by what was compiled: a regex set takes vectorscan
// a tenth of a second or more to compile, and every process (a CLI call, a test) would pay it.
// $TALENTWAR_CACHE_DIR, else $XDG_CACHE_HOME/talentwar, else ~/.cache/talentwar; none when
// unset or unwritable, and a file that does not load (another vectorscan, another CPU) is
// compiled again and replaced.
std::filesystem::path cache_dir() {
  if (const char* d = std::getenv("TALENTWAR_CACHE_DIR"); d && *d) return d;
  if (const char* d = std::getenv("XDG_CACHE_HOME"); d && *d)
    return std::filesystem::path(d) / "talentwar";
  if (const char* h = std::getenv("HOME"); h && *h)
    return std::filesystem::path(h) / ".cache" / "talentwar";
  return {};
}

std::string cache_key(std::string_view kind, const std::vector<std::string>& patterns,
                      unsigned flags) {
  std::string all = std::string(kind) + '\0' + hs_version() + '\0' + std::to_string(flags);
  for (const auto& p : patterns) {
    all += '\0';
    all += p;
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned length = 0;
  EVP_Digest(all.data(), all.size(), digest, &length, EVP_sha256(), nullptr);
  static const char* hex = "0123456789abcdef";
  std::string key;
  for (unsigned i = 0; i < length; ++i) {
    key += hex[digest[i] >> 4];
    key += hex[digest[i] & 15];
  }
  return key;
}

// A cached database and the patterns it left out (prefilters only), or null.
hs_database_t* load_cached(const std::string& key, std::vector<bool>& left_out) {
  const auto dir = cache_dir();
  if (dir.empty()) return nullptr;
  std::ifstream in(dir / (key + ".hsdb"), std::ios::binary);
  std::string marks;
  if (!in || !std::getline(in, marks)) return nullptr;
  std::stringstream rest;
  rest << in.rdbuf();
  const std::string bytes = rest.str();
  hs_database_t* db = nullptr;
  if (hs_deserialize_database(bytes.data(), bytes.size(), &db) != HS_SUCCESS) return nullptr;
  left_out.clear();
  for (char c : marks) left_out.push_back(c == '1');
  return db;
}

void store_cached(const std::string& key, const hs_database_t* db,
                  const std::vector<bool>& left_out) {
  const auto dir = cache_dir();
  if (dir.empty()) return;
  char* bytes = nullptr;
  size_t length = 0;
  if (hs_serialize_database(db, &bytes, &length) != HS_SUCCESS) return;
  std::string marks;
  for (bool b : left_out) marks += b ? '1' : '0';
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  // Written aside and renamed into place: a process reading it meanwhile sees all of it or none.
  const auto final_path = dir / (key + ".hsdb");
  static std::atomic<uint64_t> writes{0};  // threads of one process may store the same database
  const auto temp_path =
      dir / (key + ".hsdb." + std::to_string(::getpid()) + "." + std::to_string(writes++) + ".tmp");
  {
    std::ofstream out(temp_path, std::ios::binary);
    out << marks << '\n';
    out.write(bytes, static_cast<std::streamsize>(length));
    if (!out) ec = std::make_error_code(std::errc::io_error);
  }
  std::free(bytes);
  if (!ec) std::filesystem::rename(temp_path, final_path, ec);
  if (ec) std::filesystem::remove(temp_path, ec);
}

}  // namespace

PatternSet PatternSet::words(const std::vector<std::string>& words, Case c) {
  PatternSet set;
  set.count_ = words.size();
  set.serial_ = next_serial++;
  std::vector<const char*> expressions;
  std::vector<size_t> lengths;
  std::vector<unsigned> flags, ids;
  for (size_t i = 0; i < words.size(); ++i) {
    set.lengths_.push_back(static_cast<uint32_t>(words[i].size()));
    if (words[i].empty()) continue;
    expressions.push_back(words[i].data());
    lengths.push_back(words[i].size());
    flags.push_back(c == Case::AsciiInsensitive ? HS_FLAG_CASELESS : 0);
    ids.push_back(static_cast<unsigned>(i));
  }
  if (expressions.empty()) return set;
  const std::string key =
      cache_key(c == Case::AsciiInsensitive ? "words/caseless" : "words", words, 0);
  std::vector<bool> unused;
  if (hs_database_t* cached = load_cached(key, unused)) {
    set.db_ = own(cached);
    return set;
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* err = nullptr;
  if (hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(), lengths.data(),
                           static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK, nullptr, &db,
                           &err) != HS_SUCCESS)
    throw std::runtime_error("vectorscan: cannot compile a word list: " + take_error(err));
  store_cached(key, db, {});
  set.db_ = own(db);
  return set;
}

PatternSet PatternSet::prefilters(const std::vector<std::string>& regexes) {
  PatternSet set;
  set.count_ = regexes.size();
  set.serial_ = next_serial++;
  set.always_.assign(regexes.size(), false);
  if (regexes.empty()) return set;
  const unsigned mode_flags =
      HS_FLAG_PREFILTER | HS_FLAG_SINGLEMATCH | HS_FLAG_UTF8 | HS_FLAG_ALLOWEMPTY;
  const std::string key = cache_key("prefilters", regexes, mode_flags);
  std::vector<bool> left_out;
  if (hs_database_t* cached = load_cached(key, left_out);
      cached && left_out.size() == regexes.size()) {
    set.db_ = own(cached);
    set.always_ = left_out;
    return set;
  } else if (cached) {
    hs_free_database(cached);
  }
  auto compile = [&](hs_database_t** db) {
    std::vector<const char*> expressions;
    std::vector<unsigned> flags, ids;
    for (size_t i = 0; i < regexes.size(); ++i)
      if (!set.always_[i]) {
        expressions.push_back(regexes[i].c_str());
        flags.push_back(mode_flags);
        ids.push_back(static_cast<unsigned>(i));
      }
    hs_compile_error_t* err = nullptr;
    if (expressions.empty()) return true;
    if (hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                         static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK, nullptr, db,
                         &err) == HS_SUCCESS)
      return true;
    hs_free_compile_error(err);
    return false;
  };
  hs_database_t* db = nullptr;
  if (!compile(&db)) {
    // One pattern vectorscan cannot take must not cost the others their filter: find it alone.
    for (size_t i = 0; i < regexes.size(); ++i) {
      hs_database_t* alone = nullptr;
      hs_compile_error_t* err = nullptr;
      if (hs_compile(regexes[i].c_str(), mode_flags, HS_MODE_BLOCK, nullptr, &alone, &err) ==
          HS_SUCCESS) {
        hs_free_database(alone);
      } else {
        hs_free_compile_error(err);
        set.always_[i] = true;
      }
    }
    if (!compile(&db)) throw std::runtime_error("vectorscan: cannot compile the prefilters");
  }
  if (!db) return set;  // vectorscan took none of them
  store_cached(key, db, set.always_);
  set.db_ = own(db);
  return set;
}

std::vector<PatternSet::Hit> PatternSet::find_all(std::string_view text) const {
  std::vector<Hit> hits;
  if (!db_ || text.empty()) return hits;
  struct Context {
    const PatternSet* set;
    std::vector<Hit>* hits;
  } ctx{this, &hits};
  auto on_match = [](unsigned id, unsigned long long, unsigned long long to, unsigned,
                     void* p) -> int {
    auto* c = static_cast<Context*>(p);
    const size_t end = static_cast<size_t>(to);
    c->hits->push_back({id, end - c->set->lengths_[id], end});
    return 0;
  };
  if (hs_scan(db_.get(), text.data(), static_cast<unsigned>(text.size()), 0,
              scratch_for(db_.get(), serial_), on_match, &ctx) != HS_SUCCESS)
    throw std::runtime_error("vectorscan: scan failed");
  return hits;
}

std::vector<bool> PatternSet::possible(std::string_view text) const {
  std::vector<bool> out = always_;
  out.resize(count_, false);
  if (!db_) return out;
  const char* data = text.empty() ? "" : text.data();  // vectorscan takes no null buffer
  auto on_match = [](unsigned id, unsigned long long, unsigned long long, unsigned,
                     void* p) -> int {
    (*static_cast<std::vector<bool>*>(p))[id] = true;
    return 0;
  };
  if (hs_scan(db_.get(), data, static_cast<unsigned>(text.size()), 0,
              scratch_for(db_.get(), serial_), on_match, &out) != HS_SUCCESS)
    throw std::runtime_error("vectorscan: scan failed");
  return out;
}

}  // namespace tw::text
