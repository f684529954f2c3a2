#!/usr/bin/env node
/**
 * npm run build:unlabeled [-- --corpus DIR --seed S]
 *
 * Learns two tagger resources from unlabeled press releases (by default the 18,193 US Senate
 * releases in ../shared/corpora, public-domain text) and writes them to data/unlabeled/:
 *   case.tsv      how often each word is capitalised away from a sentence start, in 5 buckets;
 *   clusters.tsv  a binary hierarchy of word clusters (a bit-string path per word, as Brown
 *                 clusters are used): distributional vectors (PPMI of the words to the left and
 *                 right, randomly projected to 96 dimensions) split by recursive 2-means;
 *   short-forms.tsv  words that end a short form after "the" ("the House passed") and are then
 *                 nearly always capitalised: names, where "the Alliance" or "the Commission" are
 *                 common nouns that some releases capitalise.
 * Deterministic: the same corpus and seed give the same files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import { tokenize, type Token } from '../nlp/tokenize.js';
import { splitSentences } from '../nlp/sentences.js';
import { prng } from './perceptron.js';
import { compareStrings } from '../util/compare.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { values: opts } = parseArgs({
  options: {
    corpus: { type: 'string', default: path.join(ROOT, '../shared/corpora/grimmer-senate-press-releases') },
    out: { type: 'string', default: path.join(ROOT, 'data/unlabeled') },
    seed: { type: 'string', default: '1' },
    'min-count': { type: 'string', default: '5' },
    contexts: { type: 'string', default: '3000' },
    depth: { type: 'string', default: '18' },
  },
});
const MIN_COUNT = Number(opts['min-count']);
const CONTEXTS = Number(opts.contexts);
const DEPTH = Number(opts.depth);
const DIM = 96;
const log = (m: string) => process.stderr.write(`${m}\n`);
const WORD = /[\p{L}]/u;
/** A short form is listed when seen this often, and capitalised at least this share of the time. */
const SHORT_FORM_MIN_COUNT = 20;
const SHORT_FORM_MIN_SHARE = 0.95;

/**
 * Token i is one word after a lower-case or capitalised "the" (not a line in capitals) and ends
 * the phrase: no capitalised word or "of", "for", "on", "and" follows ("the House passed",
 * not "the House of Representatives" or "the House Armed Services Committee").
 */
function endsShortForm(tokens: Token[], i: number): boolean {
  const word = tokens[i].text;
  if (i === 0 || !/^(the|The)$/.test(tokens[i - 1].text) || !/^\p{L}+$/u.test(word) || word === word.toUpperCase()) return false;
  const next = tokens[i + 1]?.text ?? '';
  return !/^\p{Lu}/u.test(next) && !/^(of|for|on|and)$/.test(next);
}

const files = fg.sync('**/*.txt', { cwd: opts.corpus }).sort(compareStrings);
log(`${files.length} files`);
const freq = new Map<string, number>();
const capCount = new Map<string, number>();
const midCount = new Map<string, number>();
const shortForms = new Map<string, number>();
const shortFormsCapitalised = new Map<string, number>();
const docs: string[][] = [];
for (const f of files) {
  const text = fs.readFileSync(path.join(opts.corpus!, f), 'utf8');
  const tokens = tokenize(text);
  const starts = new Set(splitSentences(text, tokens).map((s) => s.first));
  const words: string[] = [];
  tokens.forEach((t, i) => {
    const lower = t.text.toLowerCase();
    words.push(lower);
    freq.set(lower, (freq.get(lower) ?? 0) + 1);
    if (!starts.has(i) && WORD.test(t.text) && t.text !== t.text.toUpperCase()) {
      midCount.set(lower, (midCount.get(lower) ?? 0) + 1);
      if (/^\p{Lu}/u.test(t.text)) capCount.set(lower, (capCount.get(lower) ?? 0) + 1);
    }
    if (endsShortForm(tokens, i)) {
      shortForms.set(lower, (shortForms.get(lower) ?? 0) + 1);
      if (/^\p{Lu}/u.test(t.text)) shortFormsCapitalised.set(lower, (shortFormsCapitalised.get(lower) ?? 0) + 1);
    }
  });
  docs.push(words);
}

// case.tsv
fs.mkdirSync(opts.out!, { recursive: true });
const caseRows: string[] = [];
for (const [w, n] of [...midCount].sort((a, b) => compareStrings(a[0], b[0]))) {
  if (n < 3) continue;
  const p = (capCount.get(w) ?? 0) / n;
  caseRows.push(`${w}\t${p < 0.05 ? 0 : p < 0.3 ? 1 : p < 0.7 ? 2 : p < 0.95 ? 3 : 4}`);
}
fs.writeFileSync(path.join(opts.out!, 'case.tsv'), `word\tbucket\n${caseRows.join('\n')}\n`);
log(`case.tsv: ${caseRows.length} words`);

// short-forms.tsv
const shortFormRows: string[] = [];
for (const [w, n] of [...shortForms].sort((a, b) => compareStrings(a[0], b[0]))) {
  const share = (shortFormsCapitalised.get(w) ?? 0) / n;
  if (n >= SHORT_FORM_MIN_COUNT && share >= SHORT_FORM_MIN_SHARE) shortFormRows.push(`${w}\t${n}\t${share.toFixed(3)}`);
}
fs.writeFileSync(path.join(opts.out!, 'short-forms.tsv'), `word\tcount\tcapitalised\n${shortFormRows.join('\n')}\n`);
log(`short-forms.tsv: ${shortFormRows.length} words`);

// Vocabulary and context words.
const vocab = [...freq].filter(([w, n]) => n >= MIN_COUNT && /[\p{L}\p{N}]/u.test(w)).sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0])).map(([w]) => w);
const vocabIndex = new Map(vocab.map((w, i) => [w, i]));
const contextWords = [...freq].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0])).slice(0, CONTEXTS).map(([w]) => w);
const ctxIndex = new Map(contextWords.map((w, i) => [w, i]));
log(`vocabulary ${vocab.length}, contexts ${contextWords.length}`);

// Co-occurrence counts: (word, context at -1) and (word, context at +1), as sparse maps.
const C2 = CONTEXTS * 2;
const cooc: Array<Map<number, number>> = vocab.map(() => new Map());
const ctxTotals = new Float64Array(C2);
let total = 0;
for (const words of docs) {
  for (let i = 0; i < words.length; i++) {
    const wi = vocabIndex.get(words[i]);
    if (wi === undefined) continue;
    for (const [d, off] of [[-1, 0], [1, CONTEXTS]] as const) {
      const c = ctxIndex.get(words[i + d] ?? '');
      if (c === undefined) continue;
      const k = c + off;
      cooc[wi].set(k, (cooc[wi].get(k) ?? 0) + 1);
      ctxTotals[k]++;
      total++;
    }
  }
}

// PPMI, randomly projected to DIM dimensions, then normalised.
const random = prng(Number(opts.seed));
const projection = new Float32Array(C2 * DIM);
for (let i = 0; i < projection.length; i++) projection[i] = random() < 0.5 ? -1 : 1;
const vectors = new Float32Array(vocab.length * DIM);
cooc.forEach((m, wi) => {
  let wTotal = 0;
  for (const n of m.values()) wTotal += n;
  for (const [k, n] of m) {
    const pmi = Math.log((n * total) / (wTotal * ctxTotals[k]));
    if (pmi <= 0) continue;
    for (let d = 0; d < DIM; d++) vectors[wi * DIM + d] += pmi * projection[k * DIM + d];
  }
  let norm = 0;
  for (let d = 0; d < DIM; d++) norm += vectors[wi * DIM + d] ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < DIM; d++) vectors[wi * DIM + d] /= norm;
});

// Recursive 2-means: each word's path of left (0) / right (1) choices is its cluster. Each split
// starts from the members' principal direction (power iteration on centred vectors, cut at the
// median, so the tree stays balanced) and is refined by a few 2-means steps.
const paths = new Array<string>(vocab.length).fill('');
function split(members: number[], depth: number): void {
  if (depth >= DEPTH || members.length < 4) return;
  const mean = new Float64Array(DIM);
  for (const m of members) for (let d = 0; d < DIM; d++) mean[d] += vectors[m * DIM + d] / members.length;
  let dir = new Float64Array(DIM);
  for (let d = 0; d < DIM; d++) dir[d] = Math.sin(d + 1 + depth);
  for (let iter = 0; iter < 12; iter++) {
    const next = new Float64Array(DIM);
    for (const m of members) {
      let dot = 0;
      for (let d = 0; d < DIM; d++) dot += (vectors[m * DIM + d] - mean[d]) * dir[d];
      for (let d = 0; d < DIM; d++) next[d] += dot * (vectors[m * DIM + d] - mean[d]);
    }
    const norm = Math.sqrt(next.reduce((a, x) => a + x * x, 0)) || 1;
    dir = next.map((x) => x / norm);
  }
  const proj = members.map((m) => {
    let dot = 0;
    for (let d = 0; d < DIM; d++) dot += (vectors[m * DIM + d] - mean[d]) * dir[d];
    return dot;
  });
  const median = [...proj].sort((a, b) => a - b)[members.length >> 1];
  let side = Uint8Array.from(proj, (p) => (p >= median ? 1 : 0));
  for (let iter = 0; iter < 4; iter++) {
    const a = new Float64Array(DIM);
    const b = new Float64Array(DIM);
    members.forEach((m, i) => {
      const target = side[i] ? b : a;
      for (let d = 0; d < DIM; d++) target[d] += vectors[m * DIM + d];
    });
    const next = Uint8Array.from(members, (m) => {
      let da = 0;
      let db = 0;
      for (let d = 0; d < DIM; d++) {
        da += vectors[m * DIM + d] * a[d];
        db += vectors[m * DIM + d] * b[d];
      }
      return db > da ? 1 : 0;
    });
    const ones = next.reduce((x, y) => x + y, 0);
    // Keep splits from collapsing: neither side below a fifth of the members.
    if (ones < members.length / 5 || ones > (members.length * 4) / 5) break;
    side = next;
  }
  const left = members.filter((_, i) => !side[i]);
  const right = members.filter((_, i) => side[i]);
  if (!left.length || !right.length) return;
  for (const m of left) paths[m] += '0';
  for (const m of right) paths[m] += '1';
  split(left, depth + 1);
  split(right, depth + 1);
}
split(vocab.map((_, i) => i), 0);
const clusterRows = vocab.map((w, i) => `${w}\t${paths[i]}`).filter((r) => !r.endsWith('\t')).sort(compareStrings);
fs.writeFileSync(path.join(opts.out!, 'clusters.tsv'), `word\tpath\n${clusterRows.join('\n')}\n`);
log(`clusters.tsv: ${clusterRows.length} words`);
