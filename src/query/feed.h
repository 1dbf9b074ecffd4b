// feed — facts as an Atom feed, so people can follow an organisation or a person in a
// feed reader without opening the dashboard.
//
// One entry per fact, newest first report first: its summary as the title, the day it
// was first reported as `published` and the latest report as `updated`, the evidence
// sentence and the sources as content, a link to the fact's first article in the
// dashboard and one to the original page. An entry's id follows from the fact itself
// (type and key names), so a reader sees a fact once however often it is reported.
// Facts reported without a date cannot be placed in a feed ordered by time and are left
// out (the subtitle says how many). Written with libxml2's XML writer.
#pragma once
#include <string>
#include <vector>

#include "query/facts.h"

namespace tw::query {

struct FeedOptions {
  std::string title;     // "talentwar: Meta"
  std::string self_url;  // absolute URL of this feed
  std::string base_url;  // absolute URL of the dashboard ("http://host/")
  size_t max_entries = 50;
};

std::string atom_feed(const std::vector<Fact>& facts, const FeedOptions& options);

}  // namespace tw::query
