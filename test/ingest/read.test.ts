import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readInput } from '../../src/ingest/read.js';
import { discover } from '../../src/ingest/discover.js';
import { ingestFile } from '../../src/ingest/index.js';
import { tempDir } from '../helpers/run.js';

describe('reading input files', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reports a file it may not read as E_READ (as a non-root user gets for chmod 000)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'locked.txt'), 'secret');
    const [file] = discover([dir]);
    vi.spyOn(fs, 'readFileSync').mockImplementation(() => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    });
    expect(readInput(file)).toMatchObject({ ok: false, code: 'E_READ' });
  });

  it('reports a file deleted between discovery and reading as E_GONE; the batch goes on', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Paris.');
    fs.writeFileSync(path.join(dir, 'b.txt'), 'Berlin.');
    const files = discover([dir]);
    fs.rmSync(path.join(dir, 'a.txt'));
    const [a, b] = files.map((f) => ingestFile(f));
    expect(a.items).toEqual([expect.objectContaining({ kind: 'problem', problem: expect.objectContaining({ code: 'E_GONE', file: 'a.txt' }) })]);
    expect(b.items[0].kind).toBe('document');
  });

  it('refuses a file over --max-bytes without reading it', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'big.txt'), 'x'.repeat(2000));
    const [file] = discover([dir]);
    const read = vi.spyOn(fs, 'readFileSync');
    expect(readInput(file, 1000)).toMatchObject({ ok: false, code: 'E_TOO_LARGE' });
    expect(read).not.toHaveBeenCalled();
  });

  it('advises JSONL, which is read in parts, for a JSON file over --max-bytes', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'dump.json'), JSON.stringify(Array.from({ length: 40 }, (_, i) => ({ id: i, text: 'A release.' }))));
    fs.writeFileSync(path.join(dir, 'dump.txt'), 'x'.repeat(2000));
    const [json, txt] = discover([dir]);
    expect(readInput(json, 1000)).toMatchObject({ ok: false, code: 'E_TOO_LARGE', message: expect.stringMatching(/as JSONL .* read in parts/) });
    expect(readInput(txt, 1000)).toMatchObject({ ok: false, code: 'E_TOO_LARGE', message: expect.not.stringMatching(/JSONL/) });
  });
});

describe('discovering inputs', () => {
  it('reports a file at the same path in a second input folder as E_DUPLICATE_PATH (ids come from paths)', () => {
    const [x1, x2] = [tempDir(), tempDir()];
    fs.writeFileSync(path.join(x1, 'a.txt'), 'Paris.');
    fs.writeFileSync(path.join(x2, 'a.txt'), 'Berlin.');
    fs.writeFileSync(path.join(x2, 'b.txt'), 'Rome.');
    const files = discover([x1, x2]);
    expect(files.map((f) => [f.relPath, f.skip?.code ?? null])).toEqual([['a.txt', null], ['a.txt', 'E_DUPLICATE_PATH'], ['b.txt', null]]);
    expect(ingestFile(files[1]).items).toEqual([expect.objectContaining({ kind: 'problem', problem: expect.objectContaining({ code: 'E_DUPLICATE_PATH', file: 'a.txt' }) })]);
  });

  it('reports a folder at the depth limit as E_TOO_DEEP only when it holds files the search would take', () => {
    const dir = tempDir();
    const deep = (top: string) => path.join(dir, top, ...Array.from({ length: 39 }, () => 'd'));
    for (const [top, name] of [['kept', 'release.txt'], ['@(glob) [syntax]', 'release.txt'], ['ignored', 'draft.tmp'], ['hidden', '.notes.txt']]) {
      fs.mkdirSync(deep(top), { recursive: true });
      fs.writeFileSync(path.join(deep(top), name), 'Text.');
    }
    const found = discover([dir], ['**/*.tmp']).filter((f) => f.skip?.code === 'E_TOO_DEEP');
    expect(found.map((f) => f.relPath.split('/')[0])).toEqual(['@(glob) [syntax]', 'kept']);
  });

  it('reports a link to a folder whose name is not UTF-8 as unreadable when followed, not as broken', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'in'));
    fs.mkdirSync(Buffer.from(`${dir}/folder-\xe9`, 'latin1'));
    fs.writeFileSync(Buffer.from(`${dir}/folder-\xe9/release.txt`, 'latin1'), 'Text.');
    fs.symlinkSync(Buffer.from(`${dir}/folder-\xe9`, 'latin1'), path.join(dir, 'in', 'link'));
    const code = (follow: boolean) => discover([path.join(dir, 'in')], [], follow).map((f) => f.skip?.code);
    expect(code(true)).toEqual(['E_READ']);
    expect(code(false)).toEqual(['W_SYMLINK_OUTSIDE']);
    // Inside an input folder whose own path is not ASCII: inside, so unreadable, not "outside".
    const root = path.join(dir, 'josé');
    const target = Buffer.concat([Buffer.from(`${root}/folder-`), Buffer.from([0xe9])]);
    fs.mkdirSync(target, { recursive: true });
    fs.symlinkSync(target, path.join(root, 'link'));
    expect(discover([root]).map((f) => [f.relPath, f.skip?.code])).toEqual([['folder-\ufffd', 'E_READ'], ['link', 'E_READ']]);
  });

  it('does not read a presslens output folder inside an input folder', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Paris.');
    fs.mkdirSync(path.join(dir, 'output'));
    for (const f of ['manifest.json', 'datapackage.json', 'documents.jsonl']) fs.writeFileSync(path.join(dir, 'output', f), '{}');
    fs.mkdirSync(path.join(dir, 'notes'));
    fs.writeFileSync(path.join(dir, 'notes', 'manifest.json'), '{}');
    expect(discover([dir]).map((f) => f.relPath)).toEqual(['a.txt', 'notes/manifest.json']);
  });
});

describe('ignore globs, read as .gitignore reads them', () => {
  const tree = ['a.json', 'sub/b.json', 'sub/c.txt', 'drafts/d.txt', 'sub/drafts/e.txt', 'notes/drafts.txt', 'x/y/z.txt'];
  const make = () => {
    const dir = tempDir();
    for (const f of tree) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), 'Text.');
    }
    return dir;
  };
  const kept = (dir: string, ignore: string[] = []) => discover([dir], ignore).map((f) => f.relPath).filter((p) => p !== '.presslensignore');

  it.each([
    ['*.json', ['drafts/d.txt', 'notes/drafts.txt', 'sub/c.txt', 'sub/drafts/e.txt', 'x/y/z.txt']],
    ['drafts/', ['a.json', 'notes/drafts.txt', 'sub/b.json', 'sub/c.txt', 'x/y/z.txt']],
    ['/drafts/', ['a.json', 'notes/drafts.txt', 'sub/b.json', 'sub/c.txt', 'sub/drafts/e.txt', 'x/y/z.txt']],
    ['sub/*.json', ['a.json', 'drafts/d.txt', 'notes/drafts.txt', 'sub/c.txt', 'sub/drafts/e.txt', 'x/y/z.txt']],
    ['z.txt', ['a.json', 'drafts/d.txt', 'notes/drafts.txt', 'sub/b.json', 'sub/c.txt', 'sub/drafts/e.txt']],
    ['x', ['a.json', 'drafts/d.txt', 'notes/drafts.txt', 'sub/b.json', 'sub/c.txt', 'sub/drafts/e.txt']],
  ])('--ignore %s', (glob, expected) => {
    expect(kept(make(), [glob])).toEqual(expected);
  });

  it('the same in a .presslensignore, with comments and blank lines', () => {
    const dir = make();
    fs.writeFileSync(path.join(dir, '.presslensignore'), '# not releases\n\n*.json\ndrafts/\n');
    expect(kept(dir)).toEqual(['notes/drafts.txt', 'sub/c.txt', 'x/y/z.txt']);
  });
});
