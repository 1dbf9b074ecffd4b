// phonetic — links names across scripts and spellings by how they sound.
//
// Hangul is romanised (ICU's Hangul-Latin), then both sides are reduced to a
// consonant skeleton that forgives what transliteration changes: vowels and
// glides (셩/성 = sheng/seong), h, doubled letters, and the classes Chinese and
// Korean spellings swap (zh/j/z/ch/q, sh/s/x, l/r, b/p/f, d/t, g/k). Given and
// family names may come in either order, or run together (자오셩자 = Shengjia Zhao).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace tw::resolve {

// Latin transcription of Hangul (Revised Romanisation); other text is returned unchanged.
std::string romanize(std::string_view text);

// The consonant skeleton of one word or name ("Shengjia" → "SNJ").
std::string phonetic_key(std::string_view word);

// Skeletons of a whole name in every word order, words run together
// ("Shengjia Zhao" → {"SNJJ", "JSNJ"}). Empty for names too short to be told apart.
std::vector<std::string> name_keys(std::string_view name);

// Do these two names (any script) sound like the same person?
bool same_name(std::string_view a, std::string_view b);

bool has_hangul(std::string_view s);

}  // namespace tw::resolve
