import { emissionScoresById, viterbi, TRANSITION_ROWS, type LinearModel } from '../nlp/model/perceptron.js';
import { TAGS } from '../nlp/model/tags.js';

const T = TAGS.length;

export interface EncodedSentence {
  ids: Int32Array[];
  gold: Int32Array;
}

/** Small, fast, seedable PRNG (mulberry32): the same seed gives the same shuffles and weights. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

/**
 * Averaged structured perceptron (Collins 2002) with Viterbi decoding. Averaging uses the
 * w - u/c trick (Daumé): u accumulates each update times the step it happened at.
 */
export class PerceptronTrainer {
  readonly w: Float64Array;
  readonly u: Float64Array;
  readonly trans = new Float64Array(TRANSITION_ROWS * T);
  readonly transU = new Float64Array(TRANSITION_ROWS * T);
  private step = 1;

  constructor(readonly featureCount: number) {
    this.w = new Float64Array(featureCount * T);
    this.u = new Float64Array(featureCount * T);
  }

  /** Decode with the current weights and learn from the mistakes. Returns tokens wrong. */
  learn(s: EncodedSentence): number {
    const n = s.gold.length;
    const pred = viterbi(emissionScoresById(this.w, s.ids), n, this.trans);
    let wrong = 0;
    const c = this.step;
    for (let i = 0; i < n; i++) {
      const g = s.gold[i];
      const p = pred[i];
      if (g !== p) {
        wrong++;
        for (const f of s.ids[i]) {
          this.w[f * T + g] += 1;
          this.u[f * T + g] += c;
          this.w[f * T + p] -= 1;
          this.u[f * T + p] -= c;
        }
      }
      const gFrom = i === 0 ? 0 : s.gold[i - 1] + 1;
      const pFrom = i === 0 ? 0 : pred[i - 1] + 1;
      if (gFrom !== pFrom || g !== p) {
        this.trans[gFrom * T + g] += 1;
        this.transU[gFrom * T + g] += c;
        this.trans[pFrom * T + p] -= 1;
        this.transU[pFrom * T + p] -= c;
      }
    }
    this.step++;
    return wrong;
  }

  /** The averaged weights as a model over the given feature names. */
  averaged(featureIndex: Map<string, number>): LinearModel {
    const c = this.step;
    const weights = new Float64Array(this.w.length);
    for (let i = 0; i < weights.length; i++) weights[i] = this.w[i] - this.u[i] / c;
    const transitions = new Float64Array(this.trans.length);
    for (let i = 0; i < transitions.length; i++) transitions[i] = this.trans[i] - this.transU[i] / c;
    return { featureIndex, weights, transitions };
  }
}

/** Drop features whose every weight is negligible: smaller model, same decisions. */
export function prune(model: LinearModel, epsilon: number): LinearModel {
  const keep: Array<[string, number]> = [];
  for (const [name, row] of model.featureIndex) {
    let max = 0;
    for (let t = 0; t < T; t++) max = Math.max(max, Math.abs(model.weights[row * T + t]));
    if (max >= epsilon) keep.push([name, row]);
  }
  keep.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const featureIndex = new Map<string, number>();
  const weights = new Float64Array(keep.length * T);
  keep.forEach(([name, row], i) => {
    featureIndex.set(name, i);
    for (let t = 0; t < T; t++) weights[i * T + t] = model.weights[row * T + t];
  });
  return { featureIndex, weights, transitions: model.transitions };
}

/** The mean of models over the same feature index (weights and transitions averaged). */
export function averageModels(models: LinearModel[]): LinearModel {
  const [first] = models;
  const weights = new Float64Array(first.weights.length);
  const transitions = new Float64Array(first.transitions.length);
  for (const m of models) {
    for (let i = 0; i < weights.length; i++) weights[i] += m.weights[i] / models.length;
    for (let i = 0; i < transitions.length; i++) transitions[i] += m.transitions[i] / models.length;
  }
  return { featureIndex: first.featureIndex, weights, transitions };
}
