import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { CLI, cli, ROOT, tempDir } from '../helpers/run.js';

const readCsv = (file: string) => fs.readFileSync(file, 'utf8').trim().split('\r\n');

describe('presslens CLI', () => {
  it('prints help and version', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: presslens <command>/);
    expect(help.stdout).toMatch(/extract/);
    const version = cli(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(fs.readFileSync('package.json', 'utf8')).version);
    expect(cli(['extract', '--help']).stdout).toMatch(/--out DIR/);
  });

  it('reports every usage error at once, with exit code 2', () => {
    const r = cli(['extract', '--bogus', '--keywords', 'many', '--out']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/3 usage errors/);
    expect(r.stderr).toMatch(/unknown option --bogus/);
    expect(r.stderr).toMatch(/--keywords expects an integer/);
    expect(r.stderr).toMatch(/--out expects DIR/);
    expect(cli(['frobnicate']).code).toBe(2);
    expect(cli(['eval']).stderr).toMatch(/--gold FILE is required/);
  });

  it('names bad options, missing inputs and bad config, codebook and aliases files in one message', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ keywords: -1 }));
    fs.writeFileSync(path.join(dir, 'aliases.json'), '[');
    const r = cli(['extract', path.join(dir, 'nope'), '--workers', 'abc', '--config', path.join(dir, 'config.json'), '--codebook', path.join(dir, 'none.json'), '--aliases', path.join(dir, 'aliases.json'), '--out', path.join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/5 usage errors/);
    for (const problem of [/--workers expects an integer/, /Input not found: .*nope/, /Invalid config .*keywords/s, /Cannot read codebook .*none\.json/, /Cannot read aliases file .*aliases\.json/]) expect(r.stderr).toMatch(problem);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('refuses a --stats file it could not write before running, so the output is untouched', () => {
    const dir = tempDir();
    const out = path.join(dir, 'out');
    const r = cli(['extract', 'corpus/000_0885b6eca21b04fd.txt', '--out', out, '--stats', path.join(dir, 'missing', 'stats.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--stats: cannot write into .*missing/);
    expect(fs.existsSync(out)).toBe(false);
    fs.mkdirSync(path.join(dir, 'folder'));
    expect(cli(['extract', 'corpus/000_0885b6eca21b04fd.txt', '--out', out, '--stats', path.join(dir, 'folder')]).stderr).toMatch(/--stats: .* is a folder/);
    // The output folder, a folder holding it, the run's own files and anything in folders the run replaces.
    for (const [stats, problem, extra] of [
      [out, /is the output folder or holds it/],
      [dir, /is the output folder or holds it/],
      [path.join(dir, 'link'), /is the output folder or holds it/],
      [path.join(out, 'manifest.json'), /is a file the run writes/],
      [path.join(out, '.cache'), /is a file the run writes/],
      [path.join(out, '.cache', 'stats.json'), /lies in a folder the run replaces/],
      [path.join(out, 'sub', 'stats.json'), /lies in a folder the run replaces/],
      [path.join(dir, '.out.previous'), /is a file the run writes/],
      [path.join(out, 'stats.json') + '/', /ends in a path separator/],
      // Through a symbolic link to the output folder's parent.
      [path.join(dir, 'link', 'out', 'manifest.json'), /is a file the run writes/],
      [path.join(out, 'cache', 'stats.json'), /lies in a folder the run replaces/, ['--cache', path.join(out, 'cache')]],
    ] as Array<[string, RegExp, string[]?]>) {
      fs.rmSync(path.join(dir, 'link'), { force: true });
      fs.symlinkSync(dir, path.join(dir, 'link'));
      const refused = cli(['extract', 'corpus/000_0885b6eca21b04fd.txt', '--out', out, '--stats', stats, ...(extra ?? [])]);
      expect(refused.code, stats).toBe(2);
      expect(refused.stderr).toMatch(problem);
    }
    expect(fs.existsSync(out)).toBe(false);
    // Into the output folder, which the run creates: allowed.
    expect(cli(['extract', 'corpus/000_0885b6eca21b04fd.txt', '--out', out, '--stats', path.join(out, 'stats.json')]).code).toBe(0);
    expect(fs.existsSync(path.join(out, 'stats.json'))).toBe(true);
    // A name that only starts with two dots is an ordinary name inside the output folder.
    fs.rmSync(out, { recursive: true });
    expect(cli(['extract', 'corpus/000_0885b6eca21b04fd.txt', '--out', out, '--stats', path.join(out, '..stats.json')]).code).toBe(0);
    expect(fs.existsSync(path.join(out, '..stats.json'))).toBe(true);
  });

  it('refuses entity types it does not know, with the others in the same message', () => {
    const r = cli(['eval', '--types', 'FOO,PERSON', '--skip-gold', 'named']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/3 usage errors/);
    expect(r.stderr).toMatch(/--types expects a comma-separated list of PERSON, ORGANIZATION, LOCATION; got "FOO,PERSON"/);
  });

  it('enqueue names a missing input and bad options in one message, before it reaches for Redis', () => {
    const r = cli(['enqueue', 'no/such/folder', '--run', 'bad id!', '--keywords', '-3', '--redis', 'redis://127.0.0.1:1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/3 usage errors/);
    expect(r.stderr).toMatch(/--run expects an id/);
    expect(r.stderr).toMatch(/Input not found: no\/such\/folder/);
    expect(r.stderr).toMatch(/--keywords expects an integer of at least 0/);
  });

  it('names a gold file that does not exist with the other usage errors', () => {
    const r = cli(['eval', '--gold', 'no/such/gold.jsonl', '--skip-gold', 'named']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/2 usage errors/);
    expect(r.stderr).toMatch(/--gold: no\/such\/gold\.jsonl does not exist/);
  });

  it('exits 2 for a missing input and writes nothing', () => {
    const dir = tempDir();
    const r = cli(['extract', path.join(dir, 'nope'), '--out', path.join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Input not found/);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('refuses an invalid config naming every problem and its path, exit 2, nothing written', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ keywords: -1, colour: 'red', codebook: { name: 'x', version: 'one', themes: [] } }));
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Hello from Brussels.');
    const r = cli(['extract', path.join(dir, 'a.txt'), '--config', path.join(dir, 'config.json'), '--out', path.join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/keywords/);
    expect(r.stderr).toMatch(/colour/);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('extracts the good documents, lists each bad one in problems.csv with its code, exit 1', () => {
    const dir = tempDir();
    const input = path.join(dir, 'in');
    fs.mkdirSync(input);
    fs.writeFileSync(path.join(input, 'good.txt'), 'Minister Anna Berg visited Oslo on Monday.');
    fs.writeFileSync(path.join(input, 'empty.txt'), '');
    fs.writeFileSync(path.join(input, 'blank.md'), ' \n\t\n');
    fs.writeFileSync(path.join(input, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    fs.writeFileSync(path.join(input, 'legacy.txt'), Buffer.from('Caf\xe9 in M\xfcnchen \x93quoted\x94', 'latin1'));
    fs.writeFileSync(path.join(input, 'broken.json'), '{"text": "unterminated');
    fs.writeFileSync(path.join(input, 'mixed.jsonl'), '{"id": "a", "text": "Paris is in France."}\nnot json\n{"id": "c"}\n');
    fs.writeFileSync(path.join(input, 'notes.pdf'), '%PDF-1.4');
    const out = path.join(dir, 'out');
    const r = cli(['extract', input, '--out', out]);
    expect(r.code).toBe(1);
    const problems = readCsv(path.join(out, 'problems.csv')).slice(1).map((l) => l.split(',').slice(0, 5).join(','));
    expect(problems).toEqual([
      'E_EMPTY,fatal,ingest,blank.md,',
      'E_JSON_PARSE,fatal,ingest,broken.json,',
      'E_EMPTY,fatal,ingest,empty.txt,',
      'E_BINARY,fatal,ingest,image.txt,',
      'W_LEGACY_ENCODING,warning,ingest,legacy.txt,legacy.txt',
      'E_JSONL_LINE,fatal,ingest,mixed.jsonl,mixed.jsonl#1',
      'E_NO_TEXT,fatal,ingest,mixed.jsonl,mixed.jsonl#c',
      'I_UNSUPPORTED,info,ingest,notes.pdf,',
    ]);
    const ids = readCsv(path.join(out, 'documents.csv')).slice(1).map((l) => l.split(',')[0]);
    expect(ids).toEqual(['good.txt', 'legacy.txt', 'mixed.jsonl#a']);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.inputs.map((i: { path: string }) => i.path)).toEqual(['blank.md', 'broken.json', 'empty.txt', 'good.txt', 'image.txt', 'legacy.txt', 'mixed.jsonl', 'notes.pdf']);
    expect(manifest.counts.problems).toMatchObject({ fatal: 6, warning: 1, info: 1 });
  });

  it('exits 0 when all is well, and replaces the previous output only when done', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), 'The European Commission met in Brussels.');
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    // An earlier run's output (a manifest) with a file this run does not write.
    fs.writeFileSync(path.join(out, 'manifest.json'), '{}');
    fs.writeFileSync(path.join(out, 'stale.csv'), 'old');
    const r = cli(['extract', path.join(dir, 'a.txt'), '--out', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(fs.existsSync(path.join(out, 'stale.csv'))).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('incremental runs', () => {
  it('re-extracts nothing when nothing changed, and only the edited document after an edit', () => {
    const dir = tempDir();
    const input = path.join(dir, 'in');
    fs.mkdirSync(input);
    for (const name of ['a', 'b', 'c']) fs.writeFileSync(path.join(input, `${name}.txt`), `Minister ${name.toUpperCase()}nna Berg visited Oslo.`);
    const out = path.join(dir, 'out');
    const stats = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
    cli(['extract', input, '--out', out, '--stats', path.join(dir, '1.json')]);
    const first = stats(path.join(dir, '1.json'));
    expect(first.cached_files).toBe(0);
    // The phases add up to the run, less the start-up before it; CPU time counts every thread.
    const phases = Object.values(first.phases_seconds) as number[];
    expect(phases.every((p) => p >= 0)).toBe(true);
    expect(phases.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(first.seconds);
    expect(first.cpu_seconds).toBeGreaterThan(0);
    expect(first.cores_used).toBeCloseTo(first.cpu_seconds / first.seconds, 6);
    const again = cli(['extract', input, '--out', out, '--stats', path.join(dir, '2.json')]);
    expect(again.stdout).toMatch(/output already up to date/);
    expect(stats(path.join(dir, '2.json')).phases_seconds).toBeNull();
    fs.appendFileSync(path.join(input, 'b.txt'), ' She met the Mayor of Bergen.');
    cli(['extract', input, '--out', out, '--stats', path.join(dir, '3.json')]);
    expect(stats(path.join(dir, '3.json')).cached_files).toBe(2);
    expect(fs.readFileSync(path.join(out, 'documents.jsonl'), 'utf8')).toContain('Bergen');
  });
});

describe('output into a pipe closed early', () => {
  it('ends quietly when the reader stops ("presslens diff A B --json | head")', () => {
    const out = tempDir('presslens-pipe-');
    fs.writeFileSync(path.join(out, 'a.txt'), 'NATO met in Brussels on Monday.');
    expect(cli(['extract', out, '--out', path.join(out, 'run'), '--quiet']).code).toBe(0);
    // More than a pipe buffer (64 KB) of JSON, read 10 bytes of.
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" diff test/golden/corpus "${path.join(out, 'run')}" --json | head -c 10 >/dev/null; echo "status=\${PIPESTATUS[0]}"`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('status=0');
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });
});

describe('queue commands without Redis', () => {
  it.each([
    ['status', ['status', '--run', 'r1']],
    ['enqueue', ['enqueue', 'corpus', '--run', 'r1']],
    ['collect', ['collect', '--run', 'r1', '--out', '/tmp/presslens-never-written']],
  ])('%s says Redis cannot be reached and exits 2 instead of waiting for ever', (_, args) => {
    // Port 1 on loopback: nothing listens there.
    const r = cli([...args, '--redis', 'redis://127.0.0.1:1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot reach Redis at redis:\/\/127\.0\.0\.1:1: .*Start Redis/);
  });
});

describe('an output folder that is not a presslens output', () => {
  it('is refused (exit 2) and left as it was: a run replaces the whole folder', () => {
    const dir = tempDir('presslens-foreign-');
    fs.writeFileSync(path.join(dir, 'mywork.txt'), 'precious');
    const r = cli(['extract', 'corpus/000_0885b6eca21b04fd.txt', '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/holds files that are not a presslens output \(mywork\.txt\)/);
    expect(fs.readdirSync(dir)).toEqual(['mywork.txt']);
    const file = cli(['extract', 'corpus/000_0885b6eca21b04fd.txt', '--out', path.join(dir, 'mywork.txt')]);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/is a file, not a folder/);
  });

  it('under a file is refused in the same message as other bad options, without a stack trace', () => {
    const dir = tempDir('presslens-under-file-');
    fs.writeFileSync(path.join(dir, 'afile'), 'x');
    const r = cli(['extract', 'corpus/000_0885b6eca21b04fd.txt', '--out', path.join(dir, 'afile', 'sub', 'out'), '--keywords', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/2 usage errors/);
    expect(r.stderr).toMatch(/--keywords expects an integer/);
    expect(r.stderr).toContain(`--out: Cannot make the output folder ${path.join(dir, 'afile', 'sub', 'out')}: ${path.join(dir, 'afile')} is a file, not a folder.`);
    expect(r.stderr).not.toMatch(/ENOTDIR|internal error|\n\s+at /);
  });
});
