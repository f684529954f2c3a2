#!/usr/bin/env node
// Collects the press-release annotations (made with scripts/align-mentions.mjs, checked twice; see
// docs/ANNOTATION.md) into data/train/grimmer/annotations.jsonl: offsets only, with each source
// file's sha256 so training can refuse a file that changed. The texts stay in ../shared.
// Only documents with a second reader's review line (REVIEWS_DIR/*.tsv) are collected; documents
// collected before and absent from OFFSETS_DIR keep their rows, so a new batch is added on its own.
//   node scripts/collect-grimmer.mjs OFFSETS_DIR REVIEWS_DIR
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const [dir, reviewsDir] = process.argv.slice(2);
if (!dir || !reviewsDir) {
  console.error('usage: node scripts/collect-grimmer.mjs OFFSETS_DIR REVIEWS_DIR');
  process.exit(2);
}
const reviewed = new Set(
  fs
    .readdirSync(reviewsDir)
    .filter((f) => f.endsWith('.tsv'))
    .flatMap((f) => fs.readFileSync(path.join(reviewsDir, f), 'utf8').split('\n').map((l) => l.split('\t')[0].trim()))
    .filter(Boolean),
);
const root = new URL('../', import.meta.url).pathname;
const corpus = path.join(root, '../shared/corpora/grimmer-senate-press-releases');
const selection = fs.readFileSync(path.join(root, 'data/train/grimmer/selection.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
const annotationsFile = path.join(root, 'data/train/grimmer/annotations.jsonl');
const earlier = new Map(
  fs.existsSync(annotationsFile)
    ? fs.readFileSync(annotationsFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((r) => [r.path, r])
    : [],
);
const rows = [];

/** "Washington, D.C." was annotated as one place in the first batches; the convention is two. */
function splitPlaceList(text, { start, end, type }) {
  if (type !== 'LOCATION' || !text.slice(start, end).includes(',')) return [{ start, end, type }];
  const parts = [];
  let at = start;
  for (const piece of text.slice(start, end).split(',')) {
    const lead = piece.length - piece.trimStart().length;
    const s = at + lead;
    const e = at + piece.trimEnd().length;
    if (e > s) parts.push({ start: s, end: e, type });
    at += piece.length + 1;
  }
  return parts;
}
for (const [batch, rel] of selection) {
  const file = path.join(dir, rel.replace('/', '__').replace(/\.txt$/, '.json'));
  // Not re-annotated, or re-annotated but not reviewed yet: the earlier row stands.
  if (earlier.has(rel) && (!fs.existsSync(file) || !reviewed.has(rel))) {
    rows.push(earlier.get(rel));
    continue;
  }
  if (!reviewed.has(rel)) {
    console.error(`not reviewed yet: batch ${batch} ${rel}`);
    continue;
  }
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
  rows.push({ path: rel, sha256, batch: Number(batch), entities: entities.flatMap((e) => splitPlaceList(text, e)) });
}
rows.sort((a, b) => (a.path < b.path ? -1 : 1));
fs.writeFileSync(annotationsFile, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
const count = (t) => rows.reduce((n, r) => n + r.entities.filter((e) => e.type === t).length, 0);
console.log(`${rows.length} documents: ${count('PERSON')} PERSON, ${count('ORGANIZATION')} ORGANIZATION, ${count('LOCATION')} LOCATION`);
