// Shared by roles_ko_test.cc and roles_en_test.cc: the role each name of a sentence gets.
#pragma once
#include <map>
#include <memory>
#include <string>

#include "common/data_dir.h"
#include "extract/roles.h"
#include "test_support.h"

namespace tw::extract::testing {

inline const char* role_name(Role r) {
  switch (r) {
    case Role::Subject: return "subject";
    case Role::Object: return "object";
    case Role::Possessor: return "possessor";
    case Role::Recipient: return "recipient";
    case Role::Source: return "source";
    case Role::Destination: return "destination";
    case Role::Agent: return "agent";
    case Role::Other: return "other";
  }
  return "?";
}

// Name → role, for the first sentence of `text` in its language.
inline std::map<std::string, std::string> roles_of(std::string_view text) {
  static const ParticleSet particles{read_word_list(data_dir() / "lang" / "ko" / "particles.txt")};
  const text::Document doc = twtest::prepare_text(text);
  DocumentEntities entities(Lexicon::standard(), particles, DiscoveryData::standard());
  entities.discover(doc);
  const std::string_view s = doc.sentence(0);
  const auto mentions = entities.mentions(s);
  const bool korean = doc.lang == "ko";
  const LanguageData& lang = korean ? LanguageData::korean() : LanguageData::english();
  const auto args = korean ? korean_roles(s, mentions, lang)
                           : english_roles(s, mentions, lang.find_triggers(s), lang);
  std::map<std::string, std::string> out;
  for (const auto& a : args) out[a.entity->name] = role_name(a.role);
  return out;
}

}  // namespace tw::extract::testing
