import { NEIGHBOURS, neighbourFeatures, wordFeatures, type FeatureResources } from './features.js';
import { addFeatures, TAG_COUNT as T, type LinearModel } from './perceptron.js';

/** Parts of a token's score that depend on one word alone: its own, then one per neighbour position. */
export const PARTS = 1 + NEIGHBOURS.length;
const ROW = PARTS * T;
/** Words whose parts are kept; the words met first are the frequent ones, so a full table stays as it is. */
const WORD_LIMIT = 40_000;

/**
 * The summed weights of every word part, word by word in one flat array (the sentence edge
 * first, at offset 0): a token costs one map lookup for all five parts it gives, and the rows a
 * sliding window of tokens reads stay close together in memory.
 */
export interface WordPartTable {
  offsets: Map<string, number>;
  data: Float64Array;
  limit: number;
}

/** Offset of the sentence edge's parts (a neighbour position beyond the sentence). */
export const EDGE_OFFSET = 0;

const tables = new WeakMap<LinearModel, WordPartTable>();

/** A word's parts (null: the sentence edge, which has neighbour parts only), in PARTS rows of T. */
function partsOf(word: string | null, model: LinearModel, res: FeatureResources): Float64Array {
  const rows = new Float64Array(ROW);
  if (word !== null) addFeatures(rows, 0, model, wordFeatures(word, res, false));
  NEIGHBOURS.forEach(([pos], k) => addFeatures(rows, k + 1, model, neighbourFeatures(word, pos, res, false)));
  return rows;
}

/** An empty table with room for `limit` words. */
export function newWordPartTable(model: LinearModel, res: FeatureResources, limit = WORD_LIMIT): WordPartTable {
  const table = { offsets: new Map(), data: new Float64Array((limit + 1) * ROW), limit };
  table.data.set(partsOf(null, model, res), EDGE_OFFSET);
  return table;
}

/** The model's table (one per model, filled as words are met). */
export function wordPartTable(model: LinearModel, res: FeatureResources): WordPartTable {
  let table = tables.get(model);
  if (!table) tables.set(model, (table = newWordPartTable(model, res)));
  return table;
}

/**
 * Where each word's parts are: `arrays[k]` at `offsets[k]`, for the words of one sentence.
 * Words not in the table are added while there is room; past that their parts are computed
 * into arrays of their own.
 */
export function locateParts(words: string[], table: WordPartTable, model: LinearModel, res: FeatureResources): { arrays: Float64Array[]; offsets: Int32Array } {
  const arrays: Float64Array[] = new Array(words.length);
  const offsets = new Int32Array(words.length);
  for (let k = 0; k < words.length; k++) {
    const at = table.offsets.get(words[k]);
    if (at !== undefined) {
      arrays[k] = table.data;
      offsets[k] = at;
      continue;
    }
    const rows = partsOf(words[k], model, res);
    if (table.offsets.size < table.limit) {
      const offset = (table.offsets.size + 1) * ROW;
      table.data.set(rows, offset);
      table.offsets.set(words[k], offset);
      arrays[k] = table.data;
      offsets[k] = offset;
    } else {
      arrays[k] = rows;
      offsets[k] = 0;
    }
  }
  return { arrays, offsets };
}
