import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, stableManifest, tempDir } from '../helpers/run.js';
import { corpusAsJsonl, longestLine } from '../helpers/jsonl.js';

describe('extract --shard I/N and merge', () => {
  const dir = tempDir('presslens-shards-');
  const local = path.join(dir, 'local');
  const shards = [1, 2, 3].map((i) => path.join(dir, `shard${i}`));
  const merged = path.join(dir, 'merged');

  it('three shards merged equal a single run, byte for byte (manifest times aside)', () => {
    expect(cli(['extract', 'corpus', '--out', local, '--quiet']).code).toBe(0);
    shards.forEach((out, i) => expect(cli(['extract', 'corpus', '--shard', `${i + 1}/3`, '--out', out, '--quiet', '--workers', String(i)]).code).toBe(0));
    const counts = shards.map((s) => JSON.parse(fs.readFileSync(path.join(s, 'manifest.json'), 'utf8')).counts.files);
    expect(counts.reduce((a: number, b: number) => a + b, 0)).toBe(61);
    expect(cli(['merge', ...shards.reverse(), '--out', merged, '--quiet']).code).toBe(0);
    for (const file of fs.readdirSync(local).filter((f) => !f.startsWith('.') && f !== 'manifest.json')) {
      expect(fs.readFileSync(path.join(merged, file)).equals(fs.readFileSync(path.join(local, file))), file).toBe(true);
    }
    expect(stableManifest(path.join(merged, 'manifest.json'))).toEqual(stableManifest(path.join(local, 'manifest.json')));
  });

  it('a JSONL file read in parts stays whole in its shard, and the merge equals a single run', () => {
    const input = path.join(dir, 'dump');
    fs.mkdirSync(input);
    corpusAsJsonl(path.join(input, 'a-releases.jsonl'));
    fs.copyFileSync(path.join(ROOT, 'corpus', '000_0885b6eca21b04fd.txt'), path.join(input, 'b-seed.txt'));
    fs.copyFileSync(path.join(ROOT, 'corpus', '000_0885b6eca21b04fd.txt'), path.join(input, 'c-seed.txt'));
    const maxBytes = String(longestLine(path.join(input, 'a-releases.jsonl')));
    const single = path.join(dir, 'dump-local');
    expect(cli(['extract', input, '--out', single, '--quiet', '--no-cache', '--max-bytes', maxBytes]).code).toBe(0);
    const parts = [1, 2].map((i) => path.join(dir, `dump-shard${i}`));
    parts.forEach((out, i) => expect(cli(['extract', input, '--shard', `${i + 1}/2`, '--out', out, '--quiet', '--no-cache', '--max-bytes', maxBytes]).code).toBe(0));
    const together = path.join(dir, 'dump-merged');
    expect(cli(['merge', ...parts, '--out', together, '--quiet']).code).toBe(0);
    for (const file of fs.readdirSync(single).filter((f) => !f.startsWith('.') && f !== 'manifest.json')) {
      expect(fs.readFileSync(path.join(together, file)).equals(fs.readFileSync(path.join(single, file))), file).toBe(true);
    }
    expect(stableManifest(path.join(together, 'manifest.json')).counts).toEqual(stableManifest(path.join(single, 'manifest.json')).counts);
  });

  it('refuses an incomplete or mixed set of shards, naming every problem, exit 2', () => {
    const r = cli(['merge', shards[0], shards[0], path.join(dir, 'nope'), '--out', path.join(dir, 'bad')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no shard\.jsonl/);
    expect(r.stderr).toMatch(/given twice/);
    expect(r.stderr).toMatch(/is missing/);
    expect(cli(['extract', 'corpus', '--shard', '4/3']).stderr).toMatch(/--shard expects I\/N/);
  });
});
