import type { Sentence } from '../sentences.js';
import type { Token } from '../tokenize.js';
import { BIG_CITY, matchGazetteer, type Gazetteer } from '../resources/gazetteer.js';
import type { WordLists } from '../resources/wordlists.js';

/** Everything feature extraction reads besides the text. */
export interface FeatureResources {
  lexicon: Map<string, string[]>;
  gazetteer: Gazetteer;
  lists: WordLists;
  /** Word -> cluster path prefixes (e.g. ["c4:0110", "c8:01101100", ...]), learned from unlabeled text. */
  clusters: Map<string, string[]> | null;
  /** Lower-case word -> how often it is capitalised mid-sentence in unlabeled text, bucketed 0-4. */
  caseBuckets: Map<string, number> | null;
  /** Lower-case words that end a short form written as a name ("the House"), learned from unlabeled text; not a feature. */
  shortForms: Set<string>;
}

/** Position of a token in a run or a match: U (alone), B (first), I (inside), L (last). */
type SpanPosition = 'U' | 'B' | 'I' | 'L';
/**
 * Feature names of small vocabularies, made once: a context feature is looked up in the model
 * for every token, and a string met again carries its hash, where a string built anew must be
 * hashed again on every lookup.
 */
const byPosition = (prefix: string): Record<SpanPosition, string> => ({ U: `${prefix}U`, B: `${prefix}B`, I: `${prefix}I`, L: `${prefix}L` });
const RUN = byPosition('run:');
const RUN_HEAD = byPosition('runhead:');
const RUN_TITLE = byPosition('runtitle:');
const RUN_LENGTH = ['runlen:0', 'runlen:1', 'runlen:2', 'runlen:3', 'runlen:4', 'runlen:5'];
const gazetteerNames = new Map<string, { kind: string; at: Record<SpanPosition, string> }>();
function gazetteerFeatures(kind: string): { kind: string; at: Record<SpanPosition, string> } {
  let names = gazetteerNames.get(kind);
  if (!names) gazetteerNames.set(kind, (names = { kind: `g:${kind}`, at: byPosition(`g:${kind}:`) }));
  return names;
}
/** "cb:" + the case bucket (0-4, or unk) + where the word stands: lower case, sentence start, capitalised. */
const CASE_BUCKET = [0, 1, 2, 3, 4, 'unk'].map((b) => ({ lower: `cb:${b}`, start: `cb:${b}:st`, cap: `cb:${b}:cap` }));

const CONNECTORS = new Set(['of', 'for', 'on', 'and', 'the', 'de', 'du', 'des', 'la', 'le', 'von', 'van', 'der', 'al', 'bin', 'da', 'di', '&', '-', 'in', 'at']);
const UPPER = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const HAS_LETTER = /\p{L}/u;

/** "DiCarlo" -> "XxXx", "U.S." -> "X.X.", "2018" -> "d": character classes, runs collapsed. */
export function shapeOf(word: string): string {
  let out = '';
  let prev = '';
  for (const ch of word) {
    const code = ch.charCodeAt(0);
    // ASCII by its code (most words; the same classes the patterns give), the rest by Unicode class.
    const c =
      code < 128
        ? code >= 65 && code <= 90 ? 'X' : code >= 97 && code <= 122 ? 'x' : code >= 48 && code <= 57 ? 'd' : ch
        : /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== prev) out += c;
    prev = c;
    if (out.length > 6) break;
  }
  return out;
}

const WORD_CACHE_LIMIT = 30_000;
const wordCache = new WeakMap<FeatureResources, Map<string, string[]>>();

/**
 * Features that depend on the word alone (its form, shape, affixes, lexicon classes, title and
 * head-word lists, clusters): computed once per distinct word and shared by all its tokens. The
 * tagger also caches their summed weights per word, which is most of its speed.
 */
export function wordFeatures(word: string, res: FeatureResources, useCache = true): string[] {
  let cache = wordCache.get(res);
  if (!cache) wordCache.set(res, (cache = new Map()));
  let f = useCache ? cache.get(word) : undefined;
  if (f) return f;
  const lower = word.toLowerCase();
  const shape = shapeOf(word);
  f = ['b', `w:${lower}`, `s:${shape}`, `p3:${lower.slice(0, 3)}`, `x2:${lower.slice(-2)}`, `x3:${lower.slice(-3)}`, `x4:${lower.slice(-4)}`];
  if (word !== lower) f.push(`W:${word}`);
  if (word.length > 1 && word === word.toUpperCase() && HAS_LETTER.test(word)) f.push(`caps:${Math.min(word.replace(/\W/g, '').length, 6)}`);
  const lt = res.lexicon.get(lower);
  if (lt) for (const t of lt) f.push(`l:${t}`, `l|s:${t}|${shape}`);
  if (res.lists.titleWords.has(lower)) f.push('title');
  if (res.lists.orgHeads.has(lower)) f.push('orghead');
  const c = res.clusters?.get(lower);
  if (c) for (const p of c) f.push(p);
  if (!useCache) return f;
  if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
  cache.set(word, f);
  return f;
}

/** Where a neighbour stands: one or two words before (a, aa) or after (z, zz). */
export type NeighbourPosition = 'a' | 'z' | 'aa' | 'zz';
export const NEIGHBOURS: ReadonlyArray<[NeighbourPosition, number]> = [['a', -1], ['z', 1], ['aa', -2], ['zz', 2]];
const neighbourCache = new WeakMap<FeatureResources, Map<string, string[]>>();

/**
 * Features a token gets from a neighbour, which depend on the neighbour word alone (null: the
 * sentence edge): its form two positions out; form, shape, lexicon classes, title and cluster one
 * position out. Cached per word and position, like wordFeatures.
 */
export function neighbourFeatures(word: string | null, position: NeighbourPosition, res: FeatureResources, useCache = true): string[] {
  let cache = neighbourCache.get(res);
  if (!cache) neighbourCache.set(res, (cache = new Map()));
  const key = `${position}\u0000${word ?? ''}`;
  let f = useCache ? cache.get(key) : undefined;
  if (f) return f;
  if (word === null) f = [`${position}:${position.startsWith('a') ? '<s>' : '</s>'}`];
  else {
    const lower = word.toLowerCase();
    f = [`${position}:${lower}`];
    if (position === 'a' || position === 'z') {
      f.push(`${position}s:${shapeOf(word)}`);
      const lt = res.lexicon.get(lower);
      if (lt) for (const t of lt) f.push(`${position}l:${t}`);
      if (res.lists.titleWords.has(lower)) f.push(`${position}:title`);
      const c = res.clusters?.get(lower);
      if (c) f.push(`${position}${c[c.length - 1]}`);
    }
  }
  if (!useCache) return f;
  if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
  cache.set(key, f);
  return f;
}

/** Every feature of every token: its own, its neighbours' and its context's (what training uses). */
export function allFeatures(tokens: Token[], sentences: Sentence[], res: FeatureResources): string[][] {
  const context = extractFeatures(tokens, sentences, res);
  const out: string[][] = new Array(tokens.length);
  for (const s of sentences) {
    for (let i = s.first; i < s.last; i++) {
      const f = [...wordFeatures(tokens[i].text, res)];
      for (const [pos, d] of NEIGHBOURS) {
        const j = i + d;
        f.push(...neighbourFeatures(j >= s.first && j < s.last ? tokens[j].text : null, pos, res));
      }
      f.push(...context[i]);
      out[i] = f;
    }
  }
  return out;
}

/** Could this token be part of a name? Upper-case initial, or a digit-led name part ("3M"). */
const isCap = (w: string) => UPPER.test(w);

interface TokenInfo {
  word: string;
  lower: string;
  shape: string;
  cap: boolean;
}

/**
 * Receives a sentence's context features token by token, in a fixed order (the order the model
 * sums them in). Names built from words arrive in their parts, so that a receiver needing only
 * the model's rows (the tagger) can find them without building a string per token; training's
 * receiver builds the names.
 */
export interface ContextSink {
  /** A feature with a ready-made name. */
  name(feature: string): void;
  /** `${prefix}:${shape}`. */
  shaped(prefix: ShapePrefix, shape: string): void;
  /** `${prefix}:${left}|${right}`. */
  pair(prefix: PairPrefix, left: string, right: string): void;
  /** `as|s|zs:${before}|${shape}|${after}`: the shapes around a token. */
  shapes(before: string, shape: string, after: string): void;
  /** The token is done: what follows belongs to the next token. */
  endToken(): void;
}
/** Sentence start, headline. */
export type ShapePrefix = 'st' | 'hl';
/** The word before and this one; this one and the word after. */
export type PairPrefix = 'a|w' | 'w|z';
export const SHAPES_PREFIX = 'as|s|zs';

/** Builds the names of the features, one list per token: what training reads. */
class NameSink implements ContextSink {
  private current: string[] = [];
  private k = 0;
  constructor(private readonly out: string[][], private readonly offset: number) {}
  name(feature: string): void {
    this.current.push(feature);
  }
  shaped(prefix: ShapePrefix, shape: string): void {
    this.current.push(`${prefix}:${shape}`);
  }
  pair(prefix: PairPrefix, left: string, right: string): void {
    this.current.push(`${prefix}:${left}|${right}`);
  }
  shapes(before: string, shape: string, after: string): void {
    this.current.push(`${SHAPES_PREFIX}:${before}|${shape}|${after}`);
  }
  endToken(): void {
    this.out[this.offset + this.k++] = this.current;
    this.current = [];
  }
}

/**
 * Context features for every token of a document, sentence by sentence: those that depend on more
 * than one word (bigrams, shapes around it, gazetteer matches, runs of capitalised words, document
 * evidence). A token's full feature set adds its own (wordFeatures) and its neighbours'
 * (neighbourFeatures); see allFeatures. Local features (word, shape,
 * affixes, neighbours), lexicon and gazetteer classes, organisation-name patterns over runs of
 * capitalised words, unlabeled-text clusters and capitalisation statistics, and document-level
 * evidence (is this word written in lower case elsewhere in the document?).
 */
export function extractFeatures(tokens: Token[], sentences: Sentence[], res: FeatureResources): string[][] {
  const doc = documentContext(tokens, sentences);
  const out: string[][] = new Array(tokens.length);
  for (const s of sentences) sentenceFeatures(doc, s, res, new NameSink(out, s.first));
  return out;
}

/** What context features need of the whole document: per-token forms, sentence starts, case evidence. */
export interface DocumentContext {
  info: TokenInfo[];
  sentenceStart: Uint8Array;
  lowerSeen: Set<string>;
  capSeen: Map<string, number>;
}

export function documentContext(tokens: Token[], sentences: Sentence[]): DocumentContext {
  const info: TokenInfo[] = tokens.map((t) => {
    const lower = t.text.toLowerCase();
    return { word: t.text, lower, shape: shapeOf(t.text), cap: isCap(t.text) };
  });
  const sentenceStart = new Uint8Array(tokens.length);
  for (const s of sentences) {
    sentenceStart[s.first] = 1;
    // After an opening quote or bracket, the first word is sentence-initial too.
    if (s.first + 1 < s.last && /^["“‘'(\[]$/.test(tokens[s.first].text)) sentenceStart[s.first + 1] = 1;
  }
  // Document-level case evidence: forms seen in lower case, and capitalised, away from sentence starts.
  const lowerSeen = new Set<string>();
  const capSeen = new Map<string, number>();
  for (let i = 0; i < info.length; i++) {
    if (sentenceStart[i] || !HAS_LETTER.test(info[i].word)) continue;
    if (!info[i].cap) lowerSeen.add(info[i].lower);
    else if (HAS_LOWER.test(info[i].word)) capSeen.set(info[i].lower, (capSeen.get(info[i].lower) ?? 0) + 1);
  }
  return { info, sentenceStart, lowerSeen, capSeen };
}

/** Hands the context features of one sentence's tokens to `sink`, token by token. */
export function sentenceFeatures(doc: DocumentContext, s: Sentence, res: FeatureResources, sink: ContextSink): void {
  const { info, sentenceStart, lowerSeen, capSeen } = doc;
  const n = s.last - s.first;
  const words = info.slice(s.first, s.last);

  // Headline: most words capitalised, so capitals say little here.
  let letters = 0;
  let caps = 0;
  for (const w of words) {
    if (w.word.length > 3 && HAS_LETTER.test(w.word)) {
      letters++;
      if (w.cap) caps++;
    }
  }
  const headline = letters >= 3 && caps / letters > 0.7;

  // Gazetteer matches (longest, left to right); most tokens have none.
  const gaz: Array<string[] | undefined> = new Array(n);
  const gazAt = (k: number) => (gaz[k] ??= []);
  for (const m of matchGazetteer(res.gazetteer, words.map((w) => w.word))) {
    const kinds = new Set<string>();
    for (const e of m.entries) kinds.add(e.kind === 'city' && e.population >= BIG_CITY ? 'bigcity' : e.kind);
    for (const kind of kinds) {
      const names = gazetteerFeatures(kind);
      for (let k = m.first; k < m.last; k++) {
        const pos = m.last - m.first === 1 ? 'U' : k === m.first ? 'B' : k === m.last - 1 ? 'L' : 'I';
        gazAt(k).push(names.at[pos]);
      }
      gazAt(m.first).push(names.kind);
    }
  }

  // Runs of capitalised words, joined by connectors ("Council on Foreign Relations").
  const runId = new Int32Array(n).fill(-1);
  const runs: Array<{ first: number; last: number }> = [];
  for (let k = 0; k < n; ) {
    if (!words[k].cap) {
      k++;
      continue;
    }
    let end = k + 1;
    while (end < n) {
      if (words[end].cap) end++;
      else if (CONNECTORS.has(words[end].lower) && end + 1 < n && words[end + 1].cap) end += 2;
      else break;
    }
    for (let j = k; j < end; j++) runId[j] = runs.length;
    runs.push({ first: k, last: end });
    k = end;
  }

  const { lists, caseBuckets } = res;
  for (let k = 0; k < n; k++) {
    const w = words[k];
    const start = sentenceStart[s.first + k] === 1;
    if (start) sink.shaped('st', w.shape);
    if (headline) sink.shaped('hl', w.shape);

    const prev = k > 0 ? words[k - 1] : null;
    const next = k + 1 < n ? words[k + 1] : null;
    sink.pair('a|w', prev ? prev.lower : '<s>', w.lower);
    sink.pair('w|z', w.lower, next ? next.lower : '</s>');
    sink.shapes(prev ? prev.shape : '<s>', w.shape, next ? next.shape : '</s>');

    const g = gaz[k];
    if (g) for (const name of g) sink.name(name);

    const r = runId[k];
    if (r >= 0) {
      const run = runs[r];
      const len = run.last - run.first;
      const pos = len === 1 ? 'U' : k === run.first ? 'B' : k === run.last - 1 ? 'L' : 'I';
      sink.name(RUN[pos]);
      sink.name(RUN_LENGTH[Math.min(len, 5)]);
      let hasHead = false;
      for (let j = run.first; j < run.last; j++) if (lists.orgHeads.has(words[j].lower)) hasHead = true;
      if (hasHead) sink.name(RUN_HEAD[pos]);
      if (lists.orgHeads.has(words[run.last - 1].lower)) sink.name('runendhead');
      if (lists.titleWords.has(words[run.first].lower)) sink.name(RUN_TITLE[pos]);
    }

    if (w.cap && HAS_LOWER.test(w.word)) {
      if (lowerSeen.has(w.lower)) sink.name(start ? 'doclower:st' : 'doclower');
      if ((capSeen.get(w.lower) ?? 0) > (start ? 0 : 1)) sink.name(start ? 'doccap:st' : 'doccap');
    }
    if (caseBuckets) {
      const names = CASE_BUCKET[caseBuckets.get(w.lower) ?? 5];
      sink.name(w.cap ? (start ? names.start : names.cap) : names.lower);
    }
    sink.endToken();
  }
}
