import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, extractToDirectory } from '../../src/api.js';
import { tempDir } from '../helpers/run.js';

const SEED = 'corpus/000_0885b6eca21b04fd.txt';

describe('library calls with bad arguments', () => {
  it.each([
    ['a worker count that is no number', SEED, { workers: 'x' }, ['workers: Invalid input: expected number, received string']],
    ['every problem at once', SEED, { workers: -1, keywords: -3, maxBytes: 0 }, ['keywords:', 'maxBytes:', 'workers:']],
    ['an unknown option', SEED, { keyword: 5 }, ['options: Unrecognized key: "keyword"']],
    ['no inputs', [], {}, ['inputs: expected a path or a non-empty list of paths']],
  ])('%s: E_OPTIONS naming each problem, before any work', async (_, inputs, options, expected) => {
    const error = await extract(inputs as string[], options as never).catch((e: unknown) => e as { code: string; details: string[] });
    expect(error.code).toBe('E_OPTIONS');
    expect(error.details).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(error.details[i].startsWith(e)).toBe(true));
  });

  it('extractToDirectory refuses an output folder under a file with E_OUTPUT, before any work', async () => {
    const dir = tempDir('presslens-api-');
    fs.writeFileSync(path.join(dir, 'afile'), 'x');
    for (const out of [path.join(dir, 'afile', 'out'), path.join(dir, 'afile', 'sub', 'out')]) {
      const error = await extractToDirectory(SEED, out, { workers: 0 }).catch((e: unknown) => e as { code: string; message: string });
      expect(error).toMatchObject({ code: 'E_OUTPUT', message: `Cannot make the output folder ${out}: ${path.join(dir, 'afile')} is a file, not a folder.` });
    }
    expect(fs.readdirSync(dir)).toEqual(['afile']);
  });

  it('extractToDirectory takes one path as extract does', async () => {
    const r = await extractToDirectory(SEED, tempDir('presslens-api-'), { workers: 0 });
    expect(r.counts.documents).toBe(1);
  });
});
