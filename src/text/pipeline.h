// pipeline — the text stage: raw article bytes to a clean, split Document.
//
// Order matters: validate UTF-8 first (a bad byte is the article's error, never a
// crash), then strip markup, normalise NFKC, drop page furniture, detect the
// language and split sentences.
#pragma once
#include <string>
#include <variant>

#include "source/article_source.h"
#include "text/document.h"

namespace tw::text {

struct TextError {
  std::string reason;
};

std::variant<Document, TextError> prepare(const source::RawArticle& raw);

}  // namespace tw::text
