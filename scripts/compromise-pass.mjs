#!/usr/bin/env node
// The baseline of the benchmark: compromise's own people / organisations / places pass (what
// presslens started from), on the given files, one core. Prints JSON stats on stdout.
//   node scripts/compromise-pass.mjs FILE_LIST
import fs from 'node:fs';
import nlp from 'compromise';

const files = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
const started = performance.now();
let words = 0;
let entities = 0;
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  words += (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;
  const doc = nlp(text);
  entities += doc.people().json().length + doc.organizations().json().length + doc.places().json().length;
}
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ documents: files.length, words, entities, seconds, words_per_second: words / seconds, documents_per_second: files.length / seconds, max_rss_mb: process.resourceUsage().maxRSS / 1024 }));
