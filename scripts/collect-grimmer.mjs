#!/usr/bin/env node
// Collects the press-release annotations (made with scripts/align-mentions.mjs, checked twice; see
// docs/ANNOTATION.md) into data/train/grimmer/annotations.jsonl: offsets only, with each source
// file's sha256 so training can refuse a file that changed. The texts stay in ../shared.
//   node scripts/collect-grimmer.mjs OFFSETS_DIR
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/collect-grimmer.mjs OFFSETS_DIR');
  process.exit(2);
}
const root = new URL('../', import.meta.url).pathname;
const corpus = path.join(root, '../shared/corpora/grimmer-senate-press-releases');
const selection = fs.readFileSync(path.join(root, 'data/train/grimmer/selection.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
const rows = [];
for (const [batch, rel] of selection) {
  const file = path.join(dir, rel.replace('/', '__').replace(/\.txt$/, '.json'));
  if (!fs.existsSync(file)) {
    console.error(`missing: batch ${batch} ${rel}`);
    continue;
  }
  const { sha256, entities } = JSON.parse(fs.readFileSync(file, 'utf8'));
  const bytes = fs.readFileSync(path.join(corpus, rel));
  const actual = crypto.createHash('sha256').update(bytes).digest('hex');
  if (actual !== sha256) throw new Error(`${rel}: sha256 differs from the annotated file`);
  const text = bytes.toString('utf8');
  for (const e of entities) if (!(e.start >= 0 && e.end <= text.length && e.start < e.end)) throw new Error(`${rel}: bad offsets ${JSON.stringify(e)}`);
  rows.push({ path: rel, sha256, batch: Number(batch), entities: entities.map(({ start, end, type }) => ({ start, end, type })) });
}
rows.sort((a, b) => (a.path < b.path ? -1 : 1));
fs.writeFileSync(path.join(root, 'data/train/grimmer/annotations.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
const count = (t) => rows.reduce((n, r) => n + r.entities.filter((e) => e.type === t).length, 0);
console.log(`${rows.length} documents: ${count('PERSON')} PERSON, ${count('ORGANIZATION')} ORGANIZATION, ${count('LOCATION')} LOCATION`);
