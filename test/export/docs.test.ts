import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers/run.js';
import { codebookMarkdown } from '../../src/nlp/codebook-markdown.js';
import { loadCodebook } from '../../src/nlp/codebook.js';

describe('generated documentation', () => {
  it('CODEBOOK.md is the built-in codebook (npm run build:docs)', () => {
    expect(fs.readFileSync(`${ROOT}CODEBOOK.md`, 'utf8')).toBe(codebookMarkdown(loadCodebook()));
  });

  it('the README documents every column of every output file (npm run build:docs)', async () => {
    // @ts-expect-error plain ESM script without types
    const { contractMarkdown } = await import('../../scripts/build-docs.mjs');
    const readme = fs.readFileSync(`${ROOT}README.md`, 'utf8');
    expect(readme).toContain(contractMarkdown());
  });
});

describe('the README tells what npm start prints', () => {
  it('the same counts, themes and problems as a run over corpus/ (time aside)', () => {
    const out = tempDir('presslens-start-');
    const run = cli(['extract', 'corpus', '--out', out, '--no-cache']);
    const readme = fs.readFileSync(`${ROOT}/README.md`, 'utf8');
    const block = readme.slice(readme.indexOf('<!-- start:start -->'), readme.indexOf('<!-- start:end -->'));
    const lines = (text: string) => text.split('\n').filter((l) => /^(presslens:|  (entities|themes|problems):)/.test(l)).map((l) => l.replace(/ in [\d.]+ s \([\d,]+ words\/s\)/, '').replace(/\(see .*problems.csv\)/, '(see problems.csv)'));
    expect(lines(block)).toHaveLength(4);
    expect(lines(run.stderr + run.stdout)).toEqual(lines(block));
  });
});
