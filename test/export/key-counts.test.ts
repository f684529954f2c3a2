import { describe, expect, it } from 'vitest';
import { addCount, countEntries, type KeyCounts } from '../../src/util/key-counts.js';
import { EntityTable } from '../../src/export/aggregates.js';

const count = (steps: Array<[string, number]>) => steps.reduce<KeyCounts | null>((c, [k, by]) => addCount(c, k, by), null);

describe('KeyCounts', () => {
  it.each([
    ['one key', [['a', 1], ['a', 2]], [['a', 3]]],
    ['keys in order of first count', [['b', 1], ['a', 1], ['b', 1]], [['b', 2], ['a', 1]]],
    ['a count back to 0 drops the key', [['a', 1], ['b', 1], ['a', -1]], [['b', 1]]],
    ['a zero count of a new key adds nothing', [['a', 0]], []],
  ] as Array<[string, Array<[string, number]>, Array<[string, number]>]>)('%s', (_, steps, expected) => {
    expect(countEntries(count(steps))).toEqual(expected);
  });

  it('moves to a Map past eight keys and counts the same', () => {
    const steps: Array<[string, number]> = Array.from({ length: 40 }, (_, i) => [`k${i % 20}`, 1]);
    const counts = count(steps);
    expect(counts).toBeInstanceOf(Map);
    expect(countEntries(addCount(counts, 'k3', -2))).toEqual(Array.from({ length: 20 }, (_, i) => [`k${i}`, 2]).filter(([k]) => k !== 'k3'));
  });
});

describe('EntityTable', () => {
  const doc = (name: string, aliases: string[] = []) => ({ entities: [{ id: 'org:nato', type: 'ORGANIZATION' as const, name, aliases, mentions: 2, place: null }] });

  it('gives the same rows in any order of documents, and forgets a document taken back out', () => {
    const docs = [doc('NATO'), doc('North Atlantic Treaty Organization', ['the Alliance']), doc('North Atlantic Treaty Organization')];
    const forward = new EntityTable();
    const backward = new EntityTable();
    docs.forEach((d) => forward.add(d));
    [...docs].reverse().forEach((d) => backward.add(d));
    expect(forward.rows()).toEqual(backward.rows());
    expect(forward.rows()[0]).toMatchObject({ name: 'North Atlantic Treaty Organization', aliases: 'NATO | the Alliance', documents: 3, mentions: 6 });
    forward.remove(docs[1]);
    expect(forward.rows()[0]).toMatchObject({ aliases: 'NATO', documents: 2 });
    forward.remove(docs[0]);
    forward.remove(docs[2]);
    expect([forward.size, forward.rows().length]).toEqual([0, 0]);
  });
});
