/**
 * Counts per string key, for run-wide tables with one small count set per entity. Most entities
 * have one or two names and no alias, and a Map each would cost several times the data, so up to
 * SMALL keys are held in a flat [key, count, key, count, …] array; more keys move to a Map.
 */
export type KeyCounts = Array<string | number> | Map<string, number>;

const SMALL = 8;

/** `counts` with `key` counted `by` more (a count of 0 drops the key); a new set when `counts` is null. */
export function addCount(counts: KeyCounts | null, key: string, by: number): KeyCounts {
  if (counts instanceof Map) {
    const n = (counts.get(key) ?? 0) + by;
    if (n) counts.set(key, n);
    else counts.delete(key);
    return counts;
  }
  const flat = counts ?? [];
  for (let i = 0; i < flat.length; i += 2) {
    if (flat[i] !== key) continue;
    const n = (flat[i + 1] as number) + by;
    if (n) flat[i + 1] = n;
    else flat.splice(i, 2);
    return flat;
  }
  if (!by) return flat;
  // A new array of exactly the new length: push and spread reserve room for about 16 more elements.
  if (flat.length < 2 * SMALL) return flat.concat([key, by]);
  const map = new Map(countEntries(flat));
  map.set(key, by);
  return map;
}

/** The [key, count] pairs, in the order keys were first counted. */
export function countEntries(counts: KeyCounts | null): Array<[string, number]> {
  if (!counts) return [];
  if (counts instanceof Map) return [...counts];
  const out: Array<[string, number]> = [];
  for (let i = 0; i < counts.length; i += 2) out.push([counts[i] as string, counts[i + 1] as number]);
  return out;
}
