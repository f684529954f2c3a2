#!/usr/bin/env node
// Builds corpus/gold/gold.jsonl (the ../shared/eval format, plus each document's themes in
// meta.themes) from the hand-made mention lists in corpus/gold/mentions/*.json. Each list is aligned
// against the document text exactly as presslens ingests it (HTML visible text, JSON "text", decoded
// legacy encodings), so gold offsets and extraction offsets point into the same string.
//   npm run build:gold
import fs from 'node:fs';
import path from 'node:path';
import { alignMentions } from './align-mentions.mjs';
import { discover, ingestFile } from '../dist/ingest/index.js';

const root = new URL('../', import.meta.url).pathname;
const corpus = path.join(root, 'corpus');
const mentionsDir = path.join(corpus, 'gold/mentions');
const docs = new Map();
for (const file of discover([corpus])) {
  for (const item of ingestFile(file).items) if (item.kind === 'document') docs.set(item.document.id, item.document);
}
const out = [];
const errors = [];
const annotated = new Set();
for (const name of fs.readdirSync(mentionsDir).filter((f) => f.endsWith('.json')).sort()) {
  const gold = JSON.parse(fs.readFileSync(path.join(mentionsDir, name), 'utf8'));
  const doc = docs.get(gold.id);
  if (!doc) {
    errors.push(`${name}: no corpus document with id ${gold.id}`);
    continue;
  }
  annotated.add(gold.id);
  const { entities, errors: e } = alignMentions(doc.text, gold.mentions);
  for (const x of e) errors.push(`${name}: ${x}`);
  out.push({ id: gold.id, text: doc.text, entities, meta: { themes: [...gold.themes].sort(), source: 'presslens corpus' } });
}
for (const id of docs.keys()) if (!annotated.has(id)) errors.push(`${id}: no gold annotation`);
out.sort((a, b) => (a.id < b.id ? -1 : 1));
fs.writeFileSync(path.join(corpus, 'gold/gold.jsonl'), out.map((d) => JSON.stringify(d)).join('\n') + '\n');
const n = (t) => out.reduce((s, d) => s + d.entities.filter((e) => e.type === t).length, 0);
console.log(`${out.length} documents: ${n('PERSON')} PERSON, ${n('ORGANIZATION')} ORGANIZATION, ${n('LOCATION')} LOCATION`);
for (const e of errors) console.error(`ERROR ${e}`);
process.exit(errors.length ? 1 : 0);
