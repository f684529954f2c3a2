#!/usr/bin/env node
// Appends a batch of Senate press releases to data/train/grimmer/selection.tsv for annotation.
// Deterministic: files in order of the sha256 of their path, 150-700 words, not chosen before,
// at most one per senator in a batch, a quarter of them punctuation-stripped (the corpus has many
// releases whose punctuation was replaced by spaces, and the tagger must read both kinds).
//   node scripts/select-grimmer.mjs BATCH SIZE
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const [batch, size] = process.argv.slice(2).map(Number);
if (!(batch > 0 && size > 0)) {
  console.error('usage: node scripts/select-grimmer.mjs BATCH SIZE');
  process.exit(2);
}
const root = new URL('../', import.meta.url).pathname;
const corpus = path.join(root, '../shared/corpora/grimmer-senate-press-releases');
const selectionFile = path.join(root, 'data/train/grimmer/selection.tsv');
const lines = fs.readFileSync(selectionFile, 'utf8').trimEnd().split('\n');
const chosen = new Set(lines.slice(1).map((l) => l.split('\t')[1]));
if (lines.slice(1).some((l) => l.split('\t')[0] === String(batch))) {
  console.error(`batch ${batch} exists already`);
  process.exit(2);
}
const hash = (s) => crypto.createHash('sha256').update(s).digest('hex');
const files = fs
  .readdirSync(corpus, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .flatMap((senator) => fs.readdirSync(path.join(corpus, senator)).map((f) => `${senator}/${f}`))
  .filter((rel) => rel.endsWith('.txt') && !chosen.has(rel))
  .sort((a, b) => (hash(a) < hash(b) ? -1 : 1));
const wanted = { stripped: Math.round(size / 4), plain: size - Math.round(size / 4) };
const senators = new Set();
const rows = [];
for (const rel of files) {
  if (rows.length === size) break;
  const senator = rel.split('/')[0];
  if (senators.has(senator)) continue;
  const text = fs.readFileSync(path.join(corpus, rel), 'utf8');
  const words = text.split(/\s+/).filter(Boolean).length;
  if (words < 150 || words > 700) continue;
  // Fewer than one full stop or comma in 100 words: the punctuation was stripped.
  const stripped = (text.match(/[.,]/g)?.length ?? 0) < words / 100;
  const kind = stripped ? 'stripped' : 'plain';
  if (!wanted[kind]) continue;
  wanted[kind]--;
  senators.add(senator);
  rows.push([batch, rel, words, stripped]);
}
fs.writeFileSync(selectionFile, [...lines, ...rows.map((r) => r.join('\t'))].join('\n') + '\n');
console.log(`batch ${batch}: ${rows.length} documents (${rows.filter((r) => r[3]).length} punctuation-stripped)`);
