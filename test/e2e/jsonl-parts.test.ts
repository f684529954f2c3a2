import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/run.js';
import { corpusAsJsonl, longestLine } from '../helpers/jsonl.js';

const outputs = (dir: string) => fs.readdirSync(dir).filter((f) => f !== 'manifest.json' && !f.startsWith('.')).sort();
const manifest = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));

describe('a JSONL file read in parts', () => {
  const dir = tempDir('presslens-parts-e2e-');
  const input = path.join(dir, 'in');
  fs.mkdirSync(input);
  const records = corpusAsJsonl(path.join(input, 'releases.jsonl'));
  const longest = longestLine(path.join(input, 'releases.jsonl'));
  const whole = path.join(dir, 'whole');
  const parts = path.join(dir, 'parts');
  const cache = path.join(dir, 'cache');
  // Under the default part size, the file is read whole; with --max-bytes just above its longest
  // line, it is read in parts of a few records each.
  const wholeRun = cli(['extract', input, '--out', whole, '--no-cache', '--workers', '1']);
  const partsRun = cli(['extract', input, '--out', parts, '--cache', cache, '--workers', '2', '--max-bytes', String(longest)]);

  it('gives byte-identical outputs to reading it whole', () => {
    expect(wholeRun.stderr).toBe('');
    expect(partsRun.stderr).toBe('');
    expect(outputs(parts)).toEqual(outputs(whole));
    for (const f of outputs(whole)) expect(fs.readFileSync(path.join(parts, f)).equals(fs.readFileSync(path.join(whole, f))), f).toBe(true);
  });

  it('counts the file once, with all its documents and problems', () => {
    const m = manifest(parts);
    expect(m.counts.files).toBe(1);
    expect(m.counts.documents).toBe(records);
    expect(m.inputs).toEqual(manifest(whole).inputs);
    expect(m.inputs[0].documents).toBe(records);
    expect(m.inputs[0].problems).toBe(records - 20);
  });

  it('is up to date when run again unchanged, and not once a record is edited', () => {
    const copy = path.join(dir, 'in-copy');
    fs.cpSync(input, copy, { recursive: true });
    const out = path.join(dir, 'rerun');
    const args = ['extract', copy, '--out', out, '--max-bytes', String(longest)];
    expect(cli(args).stdout).not.toMatch(/up to date/);
    expect(cli(args).stdout).toMatch(/output already up to date/);
    const file = path.join(copy, 'releases.jsonl');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"r0"', '"x0"'));
    expect(cli(args).stdout).not.toMatch(/up to date/);
    expect(fs.readFileSync(path.join(out, 'documents.csv'), 'utf8')).toContain('releases.jsonl#x0');
  });

  it('takes every part from the cache on a second run, and writes the same', () => {
    const again = path.join(dir, 'again');
    const r = cli(['extract', input, '--out', again, '--cache', cache, '--workers', '2', '--max-bytes', String(longest)]);
    expect(r.stdout).toMatch(/1 files from the cache/);
    // One cache entry a part: the file was split.
    const entries = fs.readdirSync(cache).flatMap((sub) => fs.readdirSync(path.join(cache, sub)));
    expect(entries.length).toBeGreaterThan(5);
    for (const f of outputs(whole)) expect(fs.readFileSync(path.join(again, f)).equals(fs.readFileSync(path.join(whole, f))), f).toBe(true);
  });
});
