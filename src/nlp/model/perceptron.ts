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

/** Add the weights of the model rows `rows[from .. to)` to token i's scores, in that order. */
export function addRows(scores: Float64Array, i: number, weights: Float32Array | Float64Array, rows: Int32Array, from: number, to: number): void {
  const base = i * T;
  for (let r = from; r < to; r++) {
    const w = rows[r] * T;
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

/** For each tag, the tags allowed before it (in increasing order, so ties break as a full scan would). */
const ALLOWED_BEFORE: Int32Array[] = Array.from({ length: T }, (_, to) => Int32Array.from(Array.from({ length: T }, (_, from) => from).filter((from) => allowed(from, to))));

/** Best tag sequence under emission scores and transitions, honouring the BILOU constraints. */
export function viterbi(scores: Float64Array, n: number, transitions: ArrayLike<number>): Int32Array {
  const best = new Float64Array(n * T);
  const back = new Int32Array(n * T);
  for (let t = 0; t < T; t++) best[t] = scores[t] + transitions[t] + MASK[t];
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * T;
    for (let to = 0; to < T; to++) {
      // Only allowed moves: a forbidden one scores -Infinity and can never be the best.
      const before = ALLOWED_BEFORE[to];
      let max = -Infinity;
      let arg = 0;
      for (let k = 0; k < before.length; k++) {
        const from = before[k];
        const v = best[prev + from] + transitions[(from + 1) * T + to];
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
