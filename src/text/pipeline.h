// pipeline — the text stage: raw article bytes to a clean, split Document.
//
// Order matters: validate UTF-8 first (a bad byte is the article's error, never a
// crash), then strip markup, normalise NFKC, drop page furniture, detect the
// language and split sentences.
#pragma once
#include <string>

#include "common/result.h"
#include "text/document.h"

namespace tw::text {

// The Document, or why the bytes hold no article (invalid UTF-8, no story text left).
Result<Document> prepare(const RawArticle& raw);

// Loads what every prepare() shares (ICU's normalisation data) on the calling thread.
// Call it before starting threads that prepare articles: ICU initialises lazily behind
// its own locks, which ThreadSanitizer cannot see, so first use from two threads at once
// looks like a race.
void load_shared_data();

}  // namespace tw::text
