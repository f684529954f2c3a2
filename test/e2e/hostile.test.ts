import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { DocumentRecord } from '../../src/schema/document.js';
import { CLI, cli, tempDir } from '../helpers/run.js';
import { HOSTILE_MAX_BYTES, writeHostileCorpus } from '../helpers/hostile.js';

const csv = (file: string) => parse(fs.readFileSync(file, 'utf8'), { columns: true }) as Array<Record<string, string>>;

describe('hostile input: nothing crashes the batch, nothing is lost', () => {
  const dir = tempDir('presslens-hostile-');
  const input = path.join(dir, 'in');
  fs.mkdirSync(input);
  const cases = writeHostileCorpus(input);
  const out = path.join(dir, 'out');
  const run = cli(['extract', input, '--out', out, '--max-bytes', String(HOSTILE_MAX_BYTES), '--workers', '2']);

  it('exits 1 (some documents failed) and writes every output file', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(fs.existsSync(path.join(out, 'manifest.json'))).toBe(true);
  });

  it('lists every bad input in problems.csv with its specific code, and nothing else', () => {
    const got = csv(path.join(out, 'problems.csv')).map((r) => `${r.file} ${r.code}`);
    const expected = cases.flatMap((c) => c.problems.map((p) => `${c.file} ${p}`));
    expect(got.sort()).toEqual(expected.sort());
    for (const r of csv(path.join(out, 'problems.csv'))) expect(r.message.length).toBeGreaterThan(20);
    expect(csv(path.join(out, 'problems.csv')).find((r) => r.file === 'folder-\ufffd')?.message).toMatch(/name is not valid UTF-8/);
    expect(csv(path.join(out, 'problems.csv')).find((r) => r.file === 'link-inside.txt')?.message).toMatch(/^The same file as good\.txt /);
  });

  it('extracts every good document', () => {
    const ids = fs.readFileSync(path.join(out, 'documents.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).id);
    expect(ids.sort()).toEqual(cases.flatMap((c) => c.documents).sort());
  });

  it('accounts for every input file exactly once', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    const paths = manifest.inputs.map((i: { path: string }) => i.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.sort()).toEqual(cases.map((c) => c.file).sort());
  });

  it('keeps offsets exact and records schema-valid whatever the input', () => {
    for (const line of fs.readFileSync(path.join(out, 'documents.jsonl'), 'utf8').trim().split('\n')) {
      const doc = DocumentRecord.parse(JSON.parse(line));
      for (const e of doc.entities) for (const m of e.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('neutralises spreadsheet formulas in CSV but keeps the exact text in JSON', () => {
    const row = csv(path.join(out, 'documents.csv')).find((r) => r.id === "'=formula.txt");
    expect(row?.title.startsWith("'=HYPERLINK")).toBe(true);
    const doc = fs.readFileSync(path.join(out, 'documents.jsonl'), 'utf8').split('\n').find((l) => l.includes('"=formula.txt"'));
    expect(JSON.parse(doc!).text.startsWith('=HYPERLINK')).toBe(true);
  });

  it('does not read a file outside the input folder through a link, unless asked to', () => {
    expect(fs.readFileSync(path.join(out, 'documents.jsonl'), 'utf8')).not.toContain('A secret outside');
    const followed = path.join(dir, 'out-follow');
    const run = cli(['extract', input, '--out', followed, '--max-bytes', String(HOSTILE_MAX_BYTES), '--follow-symlinks']);
    // Loops of links are reported once each and not walked (two loops ran the walk out of memory).
    expect(run.code).toBe(1);
    expect(csv(path.join(followed, 'problems.csv')).filter((p) => p.code === 'W_SYMLINK_BROKEN').map((p) => p.file)).toEqual(['link-broken.txt', 'loop/back', 'self']);
    expect(fs.readFileSync(path.join(followed, 'documents.jsonl'), 'utf8')).toContain('A secret outside');
  });
});

describe('a named pipe given as an input', () => {
  it('is reported, not dropped, and the other inputs are read', () => {
    const dir = tempDir('presslens-fifo-');
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Minister Anna Berg visited Oslo.');
    spawnSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    const out = path.join(dir, 'out');
    const r = cli(['extract', path.join(dir, 'a.txt'), path.join(dir, 'pipe.txt'), '--out', out, '--no-cache']);
    expect(r.code).toBe(0);
    expect(csv(path.join(out, 'problems.csv')).map((p) => `${p.file} ${p.code}`)).toEqual(['pipe.txt W_NOT_A_FILE']);
    expect(csv(path.join(out, 'documents.csv')).map((d) => d.id)).toEqual(['a.txt']);
  });
});

// Permissions stop only other users: run presslens as "nobody" (needs root and setpriv).
const AS_NOBODY = ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, CLI];
const canDropRoot = process.getuid?.() === 0 && fs.existsSync('/usr/bin/setpriv') && spawnSync('/usr/bin/setpriv', [...AS_NOBODY, '--version']).status === 0;
if (!canDropRoot) console.warn('skipping the unreadable-folder test: it needs root, /usr/bin/setpriv, and a checkout the user "nobody" can read');
describe.skipIf(!canDropRoot)('folders presslens may not read', () => {
  it('are reported as E_READ, whether given as an input or found inside one', () => {
    const dir = tempDir('presslens-perm-');
    fs.mkdirSync(path.join(dir, 'in', 'locked'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'in', 'open'));
    fs.mkdirSync(path.join(dir, 'in2'));
    fs.writeFileSync(path.join(dir, 'in', 'open', 'a.txt'), 'Minister Anna Berg visited Oslo.');
    fs.writeFileSync(path.join(dir, 'in', 'locked', 'b.txt'), 'Minister Anna Berg visited Oslo.');
    for (const [p, mode] of [['', 0o777], ['in', 0o755], ['in/open', 0o755], ['in/open/a.txt', 0o644], ['in/locked', 0o700], ['in2', 0o700]] as const) fs.chmodSync(path.join(dir, p), mode);
    const out = path.join(dir, 'out');
    const r = spawnSync('/usr/bin/setpriv', [...AS_NOBODY, 'extract', path.join(dir, 'in'), path.join(dir, 'in2'), '--out', out, '--no-cache', '--quiet'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(csv(path.join(out, 'problems.csv')).map((p) => `${p.file} ${p.code}`)).toEqual(['locked E_READ', 'in2 E_READ']);
    expect(csv(path.join(out, 'documents.csv')).map((d) => d.id)).toEqual(['open/a.txt']);
  });
});

describe('a document that kills its worker', () => {
  it('becomes an E_CRASH problem; the worker is replaced and the other files are extracted', () => {
    const dir = tempDir('presslens-crash-');
    const input = path.join(dir, 'in');
    fs.mkdirSync(input);
    fs.writeFileSync(path.join(input, 'a.txt'), 'Minister Anna Berg visited Oslo.');
    // About 5 million words: more than a worker's heap (WORKER_HEAP_MB) can tokenize and tag.
    fs.writeFileSync(path.join(input, 'b-huge.txt'), 'Senator Jane Doe of Iowa met officials in Paris. '.repeat(550_000));
    fs.writeFileSync(path.join(input, 'c.txt'), 'The European Commission met in Brussels.');
    const out = path.join(dir, 'out');
    const r = cli(['extract', input, '--out', out, '--workers', '1', '--max-bytes', '100000000', '--no-cache']);
    expect(r.code).toBe(1);
    const problems = csv(path.join(out, 'problems.csv'));
    expect(problems.map((p) => `${p.file} ${p.code}`)).toEqual(['b-huge.txt E_CRASH']);
    const ids = csv(path.join(out, 'documents.csv')).map((d) => d.id);
    expect(ids).toEqual(['a.txt', 'c.txt']);
  }, 180_000);
});
