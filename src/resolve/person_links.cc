#include "resolve/person_links.h"

#include "resolve/phonetic.h"

namespace tw::resolve {

std::string linked_spelling(const std::string& name, const std::set<std::string>& latin_alike,
                            const std::set<std::string>& hangul_alike) {
  if (!has_hangul(name)) return name;
  if (latin_alike.size() == 1) return *latin_alike.begin();
  if (latin_alike.empty())
    for (const auto& other : hangul_alike)  // in order: the first is the smallest
      if (other != name) return other < name ? other : name;
  return name;
}

}  // namespace tw::resolve
