// /api/entities (a list by name), /api/entities/{name} (a profile) and /api/feed.atom
// (an Atom feed of the newest facts about an organisation or a person).
#include <fmt/format.h>

#include "knowledge/lexicon.h"
#include "query/arguments.h"
#include "query/feed.h"
#include "query/questions.h"
#include "server/params.h"
#include "server/routes/routes.h"

namespace tw::server::routes {

void add_entities(Router& router, ServerContext& context) {
  router.get("/api/entities", [&context](const Request& req, Response& res) {
    const std::string kind = choice_param(req, "kind", {"org", "person"});
    const size_t limit = number_param(req, "limit", 50, 500),
                 offset = number_param(req, "offset", 0, 100000);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& e :
         ServerContext::Reader(context, req)->entities(param(req, "q"), kind, offset + limit + 1))
      items.push_back({{"name", e.name}, {"kind", e.kind}, {"events", e.events}});
    send_json(res, 200, page(items, req));
  });
  router.get(R"(/api/entities/(.+))", [&context](const Request& req, Response& res) {
    const std::string name =
        req.matches[1];  // the path is decoded once already: "%2541" names "%41"
    ServerContext::Reader db(context, req);
    const auto answer = query::entity_answer(*db, name);
    if (!answer)
      return send_json(
          res, 404,
          {{"error", fmt::format("no person or organisation named {}", name)},
           {"suggestions", query::near_names(*db, knowledge::Lexicon::standard(), name)}});
    send_json(res, 200, answer->to_json());
  });
  router.get("/api/feed.atom", [&context](const Request& req, Response& res) {
    ServerContext::Reader db(context, req);
    const std::string org = org_param(req, *db), person = param(req, "person");
    if (org.empty() == person.empty()) throw BadRequest{"give one of org or person"};
    const std::string who = org.empty() ? db->canonical_entity(person).value_or(person) : org;
    if (!org.empty() || db->entity_kind(who) == "person") {
      const auto facts =
          org.empty() ? query::facts_about(*db, "", who) : query::facts_about(*db, org);
      const std::string host = req.header("Host").empty() ? "localhost" : req.header("Host");
      const std::string base = fmt::format("http://{}/", host);
      const std::string self = fmt::format("{}api/feed.atom?{}={}", base,
                                           org.empty() ? "person" : "org", percent_encode(who));
      res.status = 200;
      res.body = query::atom_feed(facts.facts, {fmt::format("talentwar: {}", who), self, base});
      res.content_type = "application/atom+xml; charset=utf-8";
      return;
    }
    send_json(res, 404,
              {{"error", fmt::format("no person named {}", who)},
               {"suggestions", query::near_names(*db, knowledge::Lexicon::standard(), person)}});
  });
}

}  // namespace tw::server::routes
