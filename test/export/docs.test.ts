import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.js';
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
