import { describe, expect, it } from 'vitest';
import { PairSlots } from '../../src/util/pair-slots.js';

describe('PairSlots', () => {
  it('numbers pairs in order of first sight and finds them again, across growth', () => {
    const slots = new PairSlots();
    const seen = new Map<string, number>();
    // Enough pairs to grow the table several times, some large ids, each pair asked twice.
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 200_000; i++) {
        const a = (i * 7919) % 60_000_000 % 2 ** 26;
        const b = (i * 104_729 + 3) % 2 ** 26;
        const slot = slots.slot(a, b);
        const key = `${a},${b}`;
        if (!seen.has(key)) seen.set(key, seen.size);
        expect(slot).toBe(seen.get(key));
      }
    }
    expect(slots.size).toBe(seen.size);
    const back = [...slots.entries()].map(([a, b, slot]) => [`${a},${b}`, slot] as const);
    expect(new Map(back)).toEqual(seen);
  });
});
