import { describe, expect, it } from 'vitest';
import { offsetMover } from '../../src/diff/index.js';

describe('offsets of an old text moved into its edited text', () => {
  it.each<[string, string, string, Array<[number, number]>]>([
    // old text, new text, what the edit is, [old offset, new offset]
    ['Mike Gapes met NATO.', 'Jane Holloway met NATO.', 'a longer name in front', [[0, 0], [10, 13], [15, 18], [20, 23]]],
    ['NATO met Mike Gapes.', 'NATO met Jane Holloway.', 'a longer name at the end', [[0, 0], [4, 4], [9, 9], [20, 23]]],
    ['NATO and the EU met in Oslo.', 'NATO met in Oslo.', 'words deleted in the middle', [[0, 0], [4, 4], [20, 9], [22, 11], [28, 17]]],
    ['Same text.', 'Same text.', 'no edit', [[0, 0], [5, 5], [10, 10]]],
    ['Oslo.', 'Oslo. Bergen.', 'text added at the end', [[0, 0], [4, 4], [5, 5]]],
  ])('%s -> %s (%s)', (before, after, _, pairs) => {
    const move = offsetMover(before, after);
    for (const [from, to] of pairs) expect(move(from), `offset ${from}`).toBe(to);
  });

  it('leaves an offset inside the edited stretch as it was', () => {
    const move = offsetMover('NATO met Mike Gapes in Oslo.', 'NATO met Jane Holloway in Oslo.');
    expect(move(12)).toBe(12);
    expect(move(23)).toBe(26);
  });
});
