import { beforeAll, describe, expect, it } from 'vitest';
import { createContext, type NlpContext } from '../../src/nlp/index.js';
import { NEIGHBOURS, neighbourFeatures, wordFeatures } from '../../src/nlp/model/features.js';
import { addFeatures, TAG_COUNT as T } from '../../src/nlp/model/perceptron.js';
import { EDGE_OFFSET, locateParts, newWordPartTable, PARTS } from '../../src/nlp/model/word-parts.js';

let ctx: NlpContext;
beforeAll(() => {
  ctx = createContext();
});

/** A word's parts as training sums them: its own features, then each neighbour position's. */
function expected(word: string | null): number[] {
  const rows = new Float64Array(PARTS * T);
  if (word !== null) addFeatures(rows, 0, ctx.model, wordFeatures(word, ctx.resources, false));
  NEIGHBOURS.forEach(([pos], k) => addFeatures(rows, k + 1, ctx.model, neighbourFeatures(word, pos, ctx.resources, false)));
  return [...rows];
}

describe('word part table', () => {
  const words = ['Senator', 'Smith', 'visited', 'Ohio', 'Smith', 'on', 'Monday', '.'];

  it('holds the parts training would sum, for words in the table and words past its limit alike', () => {
    const table = newWordPartTable(ctx.model, ctx.resources, 3);
    const { arrays, offsets } = locateParts(words, table, ctx.model, ctx.resources);
    expect(table.offsets.size).toBe(3);
    words.forEach((w, k) => expect([...arrays[k].subarray(offsets[k], offsets[k] + PARTS * T)], w).toEqual(expected(w)));
    expect([...table.data.subarray(EDGE_OFFSET, EDGE_OFFSET + PARTS * T)]).toEqual(expected(null));
  });

  it('finds a word already in the table at the same place, without adding it again', () => {
    const table = newWordPartTable(ctx.model, ctx.resources, 100);
    const first = locateParts(words, table, ctx.model, ctx.resources);
    const again = locateParts(['Smith'], table, ctx.model, ctx.resources);
    expect(table.offsets.size).toBe(new Set(words).size);
    expect(again.offsets[0]).toBe(first.offsets[1]);
    expect(first.offsets[4]).toBe(first.offsets[1]);
  });
});
