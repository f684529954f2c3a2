import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/pipeline/fingerprint.js';

describe('the cache fingerprint covers the code and the data extraction reads', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'presslens-fingerprint-'));
  const code = path.join(base, 'dist');
  const data = path.join(base, 'data');
  const put = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  put(path.join(code, 'nlp', 'stage.js'), 'export const a = 1;');
  put(path.join(data, 'gazetteer', 'cities.tsv'), 'name\tcode\nSpringfield\tUS\n');
  put(path.join(data, 'lexicon', 'titles.txt'), 'senator\n');
  put(path.join(data, 'unlabeled', 'clusters.tsv'), 'word\tcluster\n');
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('changes when a gazetteer, word list, cluster file or module changes, and only then', () => {
    const before = fingerprint(code, data);
    expect(fingerprint(code, data)).toBe(before);
    put(path.join(data, 'gazetteer', 'README.md'), 'notes');
    expect(fingerprint(code, data)).toBe(before);
    const seen = new Set([before]);
    for (const [file, text] of [
      [path.join(data, 'gazetteer', 'cities.tsv'), 'name\tcode\nShelbyville\tUS\n'],
      [path.join(data, 'lexicon', 'titles.txt'), 'senator\nmayor\n'],
      [path.join(data, 'unlabeled', 'clusters.tsv'), 'word\tcluster\nthe\t0\n'],
      [path.join(code, 'nlp', 'stage.js'), 'export const a = 2;'],
    ]) {
      put(file, text);
      const now = fingerprint(code, data);
      expect(seen.has(now)).toBe(false);
      seen.add(now);
    }
  });
});
