/**
 * Slots for pairs of small numbers (a, b < 2^26), numbered in order of first sight: an
 * open-addressing hash table in typed arrays. A Map keyed by a * 2^26 + b would box every key
 * above 2^31 as a heap number: about 50 bytes a pair against about 20 here, for tables of a
 * million pairs and more.
 */
export class PairSlots {
  private keys = new Float64Array(1 << 16).fill(-1);
  private slots = new Int32Array(1 << 16);
  size = 0;

  /** The pair's slot, made on first sight. */
  slot(a: number, b: number): number {
    if ((this.size + 1) * 4 > this.keys.length * 3) this.grow();
    const key = a * 2 ** 26 + b;
    const mask = this.keys.length - 1;
    for (let i = hash(a, b) & mask; ; i = (i + 1) & mask) {
      const k = this.keys[i];
      if (k === key) return this.slots[i];
      if (k === -1) {
        this.keys[i] = key;
        this.slots[i] = this.size;
        return this.size++;
      }
    }
  }

  /** Every pair with its slot, in no particular order. */
  *entries(): Generator<[number, number, number]> {
    for (let i = 0; i < this.keys.length; i++) {
      const key = this.keys[i];
      if (key !== -1) yield [Math.floor(key / 2 ** 26), key % 2 ** 26, this.slots[i]];
    }
  }

  private grow(): void {
    const { keys, slots } = this;
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.slots = new Int32Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let j = 0; j < keys.length; j++) {
      const key = keys[j];
      if (key === -1) continue;
      let i = hash(Math.floor(key / 2 ** 26), key % 2 ** 26) & mask;
      while (this.keys[i] !== -1) i = (i + 1) & mask;
      this.keys[i] = key;
      this.slots[i] = slots[j];
    }
  }
}

function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  return Math.imul(h, 0xc2b2ae35) ^ (h >>> 13);
}
