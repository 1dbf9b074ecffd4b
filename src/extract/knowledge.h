// knowledge — the knowledge stage's lexicon (knowledge/lexicon.h) by the names the
// extractor's units use for it.
#pragma once
#include "knowledge/lexicon.h"

namespace tw::extract {

using knowledge::AliasTrie;
using knowledge::Entity;
using knowledge::EntityKind;
using knowledge::Lexicon;
using knowledge::lower_key;
using knowledge::ParticleSet;
using knowledge::StringSet;
using knowledge::ViewHash;

}  // namespace tw::extract
