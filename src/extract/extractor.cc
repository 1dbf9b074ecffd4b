#include "extract/extractor.h"

#include "common/data_dir.h"
#include "extract/document_state.h"

namespace tw::extract {

Extractor::Extractor(const Lexicon& lexicon, const ParticleSet& particles,
                     const DiscoveryData& discovery, const LanguageData& korean,
                     const LanguageData& english)
    : lexicon_(lexicon),
      particles_(particles),
      discovery_(discovery),
      korean_(korean),
      english_(english) {}

const Extractor& Extractor::standard() {
  static const ParticleSet particles(read_word_list(data_dir() / "lang" / "ko" / "particles.txt"));
  static const Extractor x(Lexicon::standard(), particles, DiscoveryData::standard(),
                           LanguageData::korean(), LanguageData::english());
  return x;
}

std::vector<Entity> Extractor::discovered_names(const text::Document& doc) const {
  DocumentEntities ents(lexicon_, particles_, discovery_);
  ents.discover(doc);
  return {ents.local().begin(), ents.local().end()};
}

std::vector<Event> Extractor::extract(const text::Document& doc) const {
  DocumentEntities ents(lexicon_, particles_, discovery_);
  ents.discover(doc);
  detail::DocumentState state(*this, doc.lang == "ko" ? korean_ : english_, ents, doc);
  return state.run();
}

}  // namespace tw::extract
