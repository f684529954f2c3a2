import { allowed, canEnd, TAGS } from './tags.js';

const T = TAGS.length;
/** Transition table: row `from + 1` (row 0 = sentence start), column `to`. Invalid moves are -Infinity. */
export const TRANSITION_ROWS = T + 1;

/** Weights of a linear sequence model: one row of T weights per feature, plus transitions. */
export interface LinearModel {
  featureIndex: Map<string, number>;
  weights: Float32Array | Float64Array;
  transitions: Float32Array | Float64Array;
}

const MASK = (() => {
  const m = new Float64Array(TRANSITION_ROWS * T);
  for (let from = -1; from < T; from++) for (let to = 0; to < T; to++) m[(from + 1) * T + to] = allowed(from, to) ? 0 : -Infinity;
  return m;
})();

/**
 * Summed weights of one kind of part (a word's own features, what a neighbour word gives), by
 * word: offsets into one flat array, so a cached word costs a map entry and T numbers, not an
 * object and a buffer of its own (less memory, less for the garbage collector to trace).
 */
export interface PartCache {
  offsets: Map<string, number>;
  data: Float64Array;
}

const scoreCaches = new WeakMap<LinearModel, Map<string, PartCache>>();
const SCORE_CACHE_LIMIT = 40_000;

/** The cache of summed feature weights for one kind of part (a word's own, a neighbour's). */
export function scoreCache(model: LinearModel, kind: string): PartCache {
  let byKind = scoreCaches.get(model);
  if (!byKind) scoreCaches.set(model, (byKind = new Map()));
  let cache = byKind.get(kind);
  if (!cache) byKind.set(kind, (cache = { offsets: new Map(), data: new Float64Array(SCORE_CACHE_LIMIT * T) }));
  return cache;
}

/** The summed weights of a feature set. */
export function featureScore(model: LinearModel, features: string[]): Float64Array {
  const ws = new Float64Array(T);
  addFeatures(ws, 0, model, features);
  return ws;
}

/** Add a cached part's weights (computed on a miss) to the scores of token i. */
export function addPart(scores: Float64Array, i: number, cache: PartCache, key: string, compute: () => Float64Array): void {
  const base = i * T;
  const at = cache.offsets.get(key);
  if (at !== undefined) {
    const { data } = cache;
    for (let t = 0; t < T; t++) scores[base + t] += data[at + t];
    return;
  }
  const ws = compute();
  // When full, the cache keeps what it has: the words met first are the frequent ones, and
  // clearing it would throw them away with the rest.
  if (cache.offsets.size < SCORE_CACHE_LIMIT) {
    const offset = cache.offsets.size * T;
    cache.data.set(ws, offset);
    cache.offsets.set(key, offset);
  }
  for (let t = 0; t < T; t++) scores[base + t] += ws[t];
}

/** Add the weights of token i's context features (strings looked up one by one). */
export function addFeatures(scores: Float64Array, i: number, model: LinearModel, features: string[]): void {
  const base = i * T;
  const { featureIndex, weights } = model;
  for (const f of features) {
    const row = featureIndex.get(f);
    if (row === undefined) continue;
    const w = row * T;
    for (let t = 0; t < T; t++) scores[base + t] += weights[w + t];
  }
}

export const TAG_COUNT = T;

/** Same, from feature ids already looked up (training). */
export function emissionScoresById(weights: Float64Array, ids: Int32Array[]): Float64Array {
  const scores = new Float64Array(ids.length * T);
  for (let i = 0; i < ids.length; i++) {
    const base = i * T;
    const row = ids[i];
    for (let j = 0; j < row.length; j++) {
      const w = row[j] * T;
      for (let t = 0; t < T; t++) scores[base + t] += weights[w + t];
    }
  }
  return scores;
}

/** Best tag sequence under emission scores and transitions, honouring the BILOU constraints. */
export function viterbi(scores: Float64Array, n: number, transitions: ArrayLike<number>): Int32Array {
  const best = new Float64Array(n * T);
  const back = new Int32Array(n * T);
  for (let t = 0; t < T; t++) best[t] = scores[t] + transitions[t] + MASK[t];
  for (let i = 1; i < n; i++) {
    for (let to = 0; to < T; to++) {
      let max = -Infinity;
      let arg = 0;
      for (let from = 0; from < T; from++) {
        const v = best[(i - 1) * T + from] + transitions[(from + 1) * T + to] + MASK[(from + 1) * T + to];
        if (v > max) {
          max = v;
          arg = from;
        }
      }
      best[i * T + to] = max + scores[i * T + to];
      back[i * T + to] = arg;
    }
  }
  const path = new Int32Array(n);
  let max = -Infinity;
  for (let t = 0; t < T; t++) {
    const v = best[(n - 1) * T + t];
    if (canEnd(t) && v > max) {
      max = v;
      path[n - 1] = t;
    }
  }
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * T + path[i]];
  return path;
}
