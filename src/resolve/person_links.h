// person_links — the one rule by which the spellings of a person's name become one person.
// The store's person linker applies it as names arrive (to the spellings stored so far),
// the query layer's name resolver to the spellings of the reports it reads; both gather
// the spellings that sound alike (phonetic.h) and ask this rule which one a name is.
//
// The rule: a Hangul spelling is the person of the one Latin spelling that sounds the same,
// when exactly one does (셩자오 자오 = Shengjia Zhao); Hangul spellings with no Latin
// spelling that sounds the same are one person, named by the smallest of them. A Latin
// spelling is always its own name: two Latin spellings are two people unless the lexicon
// says otherwise.
#pragma once
#include <set>
#include <string>

namespace tw::resolve {

// The spelling `name` is filed under, given the other known spellings that sound like it,
// apart by script: `latin_alike` and `hangul_alike`. `name` itself when the rule links it
// to none.
std::string linked_spelling(const std::string& name, const std::set<std::string>& latin_alike,
                            const std::set<std::string>& hangul_alike);

}  // namespace tw::resolve
