// roles — the grammatical role of each name in a sentence, per language.
//
// Korean marks roles with particles (메타는 = subject, 오픈AI로부터 = source,
// 앤스로픽에 = recipient, 메타로 = destination, 애플의 = possessor); English with word
// order and prepositions ("from OpenAI", "to Meta", "in Anthropic", "by Meta",
// "OpenAI's", "OpenAI researcher"). The event frames work on these roles only, so
// they are shared by both languages.
#pragma once
#include <string_view>
#include <vector>

#include "extract/mentions.h"
#include "extract/triggers.h"

namespace tw::extract {

enum class Role {
  Subject,      // 메타는 / Meta hired
  Object,       // 퍼플렉시티를 / acquired Perplexity
  Possessor,    // 애플의 연구원 / Apple's researchers / an OpenAI researcher
  Recipient,    // 앤스로픽에 / in Anthropic
  Source,       // 구글에서, 오픈AI 출신 / from Google, left Google
  Destination,  // 메타로, 메타 합류 / to Meta, joined Meta
  Agent,        // by Meta (passive)
  Other
};

struct Arg {
  const Entity* entity = nullptr;
  size_t begin = 0, end = 0;  // the name in the sentence
  size_t word_end = 0;
  Role role = Role::Other;
  bool headline_topic = false;  // "애플, …" / "Meta: …" at the start of a headline
  bool anaphor = false;  // "이 회사", "the company": stands for an organisation named before
};

// Roles for Korean sentences, from particles and the word after the name.
std::vector<Arg> korean_roles(std::string_view sentence, const std::vector<Mention>& mentions,
                              const LanguageData& lang);
// Roles for English sentences, from prepositions and word order around each trigger.
std::vector<Arg> english_roles(std::string_view sentence, const std::vector<Mention>& mentions,
                               const std::vector<TriggerHit>& triggers, const LanguageData& lang);

// Clause boundaries (byte offsets) of a sentence: a clause never spans one.
std::vector<size_t> clause_breaks(std::string_view sentence, const LanguageData& lang);

}  // namespace tw::extract
