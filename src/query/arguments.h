// arguments — the checks a question's arguments pass before it is asked, one set for
// the command line and the API, so both refuse the same values for the same reason
// (exit 2 there, HTTP 400 here).
#pragma once
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "knowledge/lexicon.h"
#include "store/store.h"

namespace tw::query {

// The asker's mistake; what() says which argument and what it must be.
struct BadArgument : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

// `value` when it is "" or one of `allowed`; throws BadArgument naming `name` and the
// values it may take otherwise.
std::string one_of(const std::string& value, std::string_view name,
                   std::span<const std::string_view> allowed);

// `value` as a window bound: "" (open), or YYYY, YYYY-MM or YYYY-MM-DD naming a real
// month or day. Throws BadArgument naming `name` otherwise.
std::string window_bound(std::string_view value, std::string_view name);

// The canonical name of the organisation `name` spells ("" stays ""): one the lexicon
// knows in any script, or one stored events name. Throws BadArgument when there is none.
std::string known_organisation(const store::Store& db, const knowledge::Lexicon& lexicon,
                               const std::string& name);

// "Did you mean": up to `limit` people and organisations whose name or a spelling
// contains `name` (any case), or has a word that sounds like a word of it in either
// script ("pang" → Ruoming Pang, "루오밍" → Ruoming Pang), most mentioned first.
std::vector<std::string> near_names(const store::Store& db, const knowledge::Lexicon& lexicon,
                                    const std::string& name, size_t limit = 5);

}  // namespace tw::query
