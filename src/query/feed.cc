#include "query/feed.h"

#include <fmt/format.h>
#include <libxml/xmlwriter.h>
#include <openssl/evp.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "extract/event.h"
#include "model/reports.h"

namespace tw::query {
namespace {

const xmlChar* x(const std::string& s) { return reinterpret_cast<const xmlChar*>(s.c_str()); }
const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

std::string rfc3339(const std::string& day) { return day.size() == 10 ? day + "T00:00:00Z" : day; }

// A stable id for a fact: its type and key names, hashed.
std::string fact_id(const nlohmann::json& fact) {
  std::string key = fact.value("type", "");
  for (const std::string_view key_slot : model::key_field_names(key))
    if (const std::string slot(key_slot); fact.contains(slot))
      key += "|" + slot + "=" + fact[slot].dump();
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_Digest(key.data(), key.size(), digest, &n, EVP_sha256(), nullptr);
  std::string hex;
  for (unsigned int i = 0; i < 12 && i < n; ++i) hex += fmt::format("{:02x}", digest[i]);
  return "urn:talentwar:fact:" + hex;
}

class Writer {
 public:
  Writer() : buffer_(xmlBufferCreate(), xmlBufferFree), writer_(nullptr, xmlFreeTextWriter) {
    if (!buffer_) throw std::runtime_error("out of memory writing a feed");
    writer_.reset(xmlNewTextWriterMemory(buffer_.get(), 0));
    if (!writer_) throw std::runtime_error("out of memory writing a feed");
    xmlTextWriterSetIndent(writer_.get(), 1);
  }
  void start_document() {
    check(xmlTextWriterStartDocument(writer_.get(), nullptr, "UTF-8", nullptr));
  }
  void start(const char* name) { check(xmlTextWriterStartElement(writer_.get(), x(name))); }
  void attribute(const char* name, const std::string& value) {
    check(xmlTextWriterWriteAttribute(writer_.get(), x(name), x(value)));
  }
  void end() { check(xmlTextWriterEndElement(writer_.get())); }
  void text(const std::string& s) { check(xmlTextWriterWriteString(writer_.get(), x(s))); }
  void element(const char* name, const std::string& text) {
    check(xmlTextWriterWriteElement(writer_.get(), x(name), x(text)));
  }
  std::string finish() {
    check(xmlTextWriterEndDocument(writer_.get()));
    writer_.reset();  // flushes into the buffer
    return reinterpret_cast<const char*>(xmlBufferContent(buffer_.get()));
  }

 private:
  static void check(int rc) {
    if (rc < 0) throw std::runtime_error("could not write the feed");
  }
  std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buffer_;
  std::unique_ptr<xmlTextWriter, decltype(&xmlFreeTextWriter)> writer_;
};

}  // namespace

std::string atom_feed(const std::vector<Fact>& facts, const FeedOptions& options) {
  std::vector<nlohmann::json> dated;
  size_t undated = 0;
  for (const auto& f : facts) {
    if (f.first_date.empty())
      ++undated;
    else
      dated.push_back(f.to_json());
  }
  std::stable_sort(dated.begin(), dated.end(),
                   [](const nlohmann::json& a, const nlohmann::json& b) {
                     return a.value("first_reported", "") > b.value("first_reported", "");
                   });
  if (dated.size() > options.max_entries) dated.resize(options.max_entries);

  Writer w;
  w.start_document();
  w.start("feed");
  w.attribute("xmlns", "http://www.w3.org/2005/Atom");
  w.element("title", options.title);
  if (undated > 0)
    w.element("subtitle", fmt::format("{} facts reported without a date are not listed", undated));
  w.element("id", options.self_url);
  w.start("link");
  w.attribute("rel", "self");
  w.attribute("href", options.self_url);
  w.end();
  w.start("link");
  w.attribute("href", options.base_url);
  w.end();
  w.element("updated", rfc3339(dated.empty() ? "1970-01-01"
                                             : dated.front().value(
                                                   "last_reported",
                                                   dated.front().value("first_reported", ""))));
  w.start("author");
  w.element("name", "talentwar");
  w.end();
  for (const auto& f : dated) {
    w.start("entry");
    w.element("id", fact_id(f));
    w.element("title", fmt::format("{}: {}", f.value("type", ""), fact_summary(f)));
    w.element("published", rfc3339(f.value("first_reported", "")));
    w.element("updated", rfc3339(f.value("last_reported", f.value("first_reported", ""))));
    std::string content;
    const auto& sources = f.contains("sources") ? f["sources"] : nlohmann::json::array();
    if (!sources.empty()) content = sources[0].value("evidence", "");
    for (const auto& s : sources) {
      std::string label = s.value("outlet", "");
      label += (label.empty() ? "" : ": ") + s.value("title", s.value("doc", ""));
      content += fmt::format("\n— {}{}", label,
                             s.contains("date") ? " (" + s.value("date", "") + ")" : "");
    }
    w.start("content");
    w.attribute("type", "text");
    w.text(content);
    w.end();
    if (!sources.empty() && sources[0].contains("article_id")) {
      w.start("link");
      w.attribute("href", fmt::format("{}#/article/{}", options.base_url,
                                      sources[0]["article_id"].get<int64_t>()));
      w.end();
      const std::string original = sources[0].value("url", "");
      if (original.starts_with("http://") || original.starts_with("https://")) {
        w.start("link");
        w.attribute("rel", "related");
        w.attribute("href", original);
        w.end();
      }
    }
    w.end();
  }
  w.end();
  return w.finish();
}

}  // namespace tw::query
