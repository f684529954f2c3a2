import { SHAPES_PREFIX, type ContextSink, type PairPrefix, type ShapePrefix } from './features.js';
import type { LinearModel } from './perceptron.js';

/**
 * The model's context features that are built from words, indexed by their parts: a token's
 * row is found from strings it already has (its lower-case form, its neighbours', their shapes),
 * whose hashes V8 keeps, instead of from a name built, hashed and thrown away per token. That
 * string building and hashing was the largest cost of tagging.
 *
 * A name whose parts are ambiguous (a part holding the "|" that separates them) is not indexed:
 * those tokens are looked up by their full name, so the row found is always the one the name
 * has in the model.
 */
interface ContextIndex {
  shaped: Record<ShapePrefix, Map<string, number>>;
  pairs: Record<PairPrefix, Map<string, Map<string, number>>>;
  shapes: Map<string, Map<string, Map<string, number>>>;
}

const indexes = new WeakMap<LinearModel, ContextIndex>();

function contextIndex(model: LinearModel): ContextIndex {
  let index = indexes.get(model);
  if (index) return index;
  index = { shaped: { st: new Map(), hl: new Map() }, pairs: { 'a|w': new Map(), 'w|z': new Map() }, shapes: new Map() };
  const inner = <V>(map: Map<string, Map<string, V>>, key: string) => {
    let m = map.get(key);
    if (!m) map.set(key, (m = new Map()));
    return m;
  };
  for (const [name, row] of model.featureIndex) {
    const colon = name.indexOf(':');
    if (colon < 0) continue;
    const prefix = name.slice(0, colon);
    if (prefix === 'st' || prefix === 'hl') {
      index.shaped[prefix].set(name.slice(colon + 1), row);
      continue;
    }
    const parts = name.slice(colon + 1).split('|');
    if ((prefix === 'a|w' || prefix === 'w|z') && parts.length === 2) inner(index.pairs[prefix], parts[0]).set(parts[1], row);
    else if (prefix === SHAPES_PREFIX && parts.length === 3) inner(inner(index.shapes, parts[0]), parts[1]).set(parts[2], row);
  }
  indexes.set(model, index);
  return index;
}

/**
 * Collects the model rows of a sentence's context features: `rows[ends[k - 1] .. ends[k])` are
 * token k's, in the order the features come (the order training sums them in); features the
 * model does not have are left out, as a lookup that misses adds nothing.
 */
export class RowSink implements ContextSink {
  rows = new Int32Array(1024);
  ends = new Int32Array(64);
  private count = 0;
  private token = 0;
  private readonly index: ContextIndex;

  constructor(private readonly model: LinearModel) {
    this.index = contextIndex(model);
  }

  /** Start a sentence of n tokens. */
  reset(n: number): void {
    if (this.ends.length < n) this.ends = new Int32Array(Math.max(n, this.ends.length * 2));
    this.count = 0;
    this.token = 0;
  }

  /** Where token k's rows start. */
  from(k: number): number {
    return k === 0 ? 0 : this.ends[k - 1];
  }

  name(feature: string): void {
    this.add(this.model.featureIndex.get(feature));
  }

  shaped(prefix: ShapePrefix, shape: string): void {
    this.add(this.index.shaped[prefix].get(shape));
  }

  pair(prefix: PairPrefix, left: string, right: string): void {
    if (left.includes('|') || right.includes('|')) this.name(`${prefix}:${left}|${right}`);
    else this.add(this.index.pairs[prefix].get(left)?.get(right));
  }

  shapes(before: string, shape: string, after: string): void {
    if (before.includes('|') || shape.includes('|') || after.includes('|')) this.name(`${SHAPES_PREFIX}:${before}|${shape}|${after}`);
    else this.add(this.index.shapes.get(before)?.get(shape)?.get(after));
  }

  endToken(): void {
    this.ends[this.token++] = this.count;
  }

  private add(row: number | undefined): void {
    if (row === undefined) return;
    if (this.count === this.rows.length) {
      const grown = new Int32Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    this.rows[this.count++] = row;
  }
}
