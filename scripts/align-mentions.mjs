#!/usr/bin/env node
// Turns an ordered list of annotated mentions into character offsets.
//
// Annotators list every mention in the order it appears in the text, as [TYPE, surface] or
// [TYPE, surface, context] (context: a longer snippet containing the surface, used when the same
// surface also occurs earlier as a non-entity). This tool finds each mention after the previous one,
// on word boundaries, and reports (a) mentions it cannot find and (b) occurrences of an annotated
// surface that no annotation claims, so the annotator can confirm each was left out on purpose.
//
//   node scripts/align-mentions.mjs --text FILE --mentions FILE.json [--json]
//
// FILE.json: {"mentions": [["PERSON", "Jane Doe"], ["LOCATION", "Washington", "in Washington on"]]}
// Exit code 1 when a mention cannot be placed.
import fs from 'node:fs';
import crypto from 'node:crypto';

export const TYPES = new Set(['PERSON', 'ORGANIZATION', 'LOCATION']);
const WORD = /[\p{L}\p{N}]/u;

function boundaryOk(text, start, end) {
  const before = start > 0 ? text[start - 1] : '';
  const after = end < text.length ? text[end] : '';
  return !(before && WORD.test(before)) && !(after && WORD.test(after));
}

function findFrom(text, needle, from) {
  for (let i = text.indexOf(needle, from); i >= 0; i = text.indexOf(needle, i + 1)) {
    if (boundaryOk(text, i, i + needle.length)) return i;
  }
  return -1;
}

/** Resolve mentions to offsets. Returns {entities, errors, unclaimed}. */
export function alignMentions(text, mentions) {
  const entities = [];
  const errors = [];
  let cursor = 0;
  mentions.forEach((m, index) => {
    const [type, surface, context] = m;
    if (!TYPES.has(type)) {
      errors.push(`mention ${index}: unknown type ${JSON.stringify(type)}`);
      return;
    }
    let start;
    if (context) {
      const at = text.indexOf(context, cursor);
      const inner = at >= 0 ? context.indexOf(surface) : -1;
      start = inner >= 0 ? at + inner : -1;
    } else {
      start = findFrom(text, surface, cursor);
    }
    if (start < 0) {
      errors.push(`mention ${index}: ${type} ${JSON.stringify(surface)}${context ? ` (context ${JSON.stringify(context)})` : ''} not found after offset ${cursor}`);
      return;
    }
    const end = start + surface.length;
    entities.push({ start, end, type, text: surface });
    cursor = end;
  });
  const claimed = new Set(entities.map((e) => e.start));
  const unclaimed = [];
  const surfaces = new Set(entities.map((e) => e.text));
  for (const surface of surfaces) {
    for (let i = findFrom(text, surface, 0); i >= 0; i = findFrom(text, surface, i + 1)) {
      const inside = entities.some((e) => e.start <= i && i + surface.length <= e.end);
      if (!claimed.has(i) && !inside) unclaimed.push({ start: i, surface, context: text.slice(Math.max(0, i - 30), i + surface.length + 30).replace(/\s+/g, ' ') });
    }
  }
  return { entities, errors, unclaimed };
}

function main(argv) {
  const arg = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const textFile = arg('--text');
  const mentionsFile = arg('--mentions');
  if (!textFile || !mentionsFile) {
    console.error('usage: node scripts/align-mentions.mjs --text FILE --mentions FILE.json [--json]');
    process.exit(2);
  }
  const bytes = fs.readFileSync(textFile);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const { mentions } = JSON.parse(fs.readFileSync(mentionsFile, 'utf8'));
  const { entities, errors, unclaimed } = alignMentions(text, mentions);
  if (argv.includes('--json')) {
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    console.log(JSON.stringify({ sha256, entities: entities.map(({ start, end, type }) => ({ start, end, type })) }));
  } else {
    for (const e of entities) console.log(`${e.type}\t${e.start}\t${e.end}\t${e.text}`);
  }
  for (const u of unclaimed) console.error(`unclaimed occurrence of ${JSON.stringify(u.surface)} at ${u.start}: ...${u.context}...`);
  for (const e of errors) console.error(`ERROR ${e}`);
  process.exit(errors.length ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
