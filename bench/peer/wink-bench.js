// wink-bench — winkNLP's throughput on the same English text talentwar reads, for bench/peer-bench.
//
// Usage: node bench/peer/wink-bench.js SECONDS FILE...
// Reads every file into memory, then runs winkNLP's full pipeline (tokens, sentences, named
// entities: what its English lite model finds) over all of them in a loop for about SECONDS,
// and prints one line: "<MB/s> <files> <bytes> <sentences> <entities>" (MB = 2^20 bytes, as
// Google Benchmark's bytes_per_second).
'use strict';
const fs = require('fs');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');

const [seconds, ...files] = process.argv.slice(2);
if (!seconds || files.length === 0) {
  console.error('usage: node bench/peer/wink-bench.js SECONDS FILE...');
  process.exit(2);
}
const nlp = winkNLP(model);
const its = nlp.its;
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);

let sentences = 0, entities = 0;
const pass = () => {
  sentences = 0;
  entities = 0;
  for (const t of texts) {
    const doc = nlp.readDoc(t);
    sentences += doc.sentences().length();
    entities += doc.entities().out(its.value).length;
  }
};
pass();  // warm-up: the model loads and the JIT compiles
let rounds = 0;
const start = process.hrtime.bigint();
let elapsed = 0;
while (elapsed < Number(seconds)) {
  pass();
  ++rounds;
  elapsed = Number(process.hrtime.bigint() - start) / 1e9;
}
console.log(`${(rounds * bytes / (1 << 20) / elapsed).toFixed(2)} ${texts.length} ${bytes} ${sentences} ${entities}`);
