import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers/run.js';

const codebook = (extra: Record<string, unknown> = {}) => ({
  name: 'tiny',
  version: '1.0.0',
  themes: [{ id: 'bridges', label: 'Bridges', description: 'Bridges and their repair.', terms: ['bridge'], phrases: ['road works'], threshold: 1, minSentences: 1, ...extra }],
});

describe('themes from the command line', () => {
  const dir = tempDir();
  const input = path.join(dir, 'in');
  fs.mkdirSync(input);
  fs.writeFileSync(path.join(input, 'a.txt'), 'Bridge repair begins\n\nThe city will repair the old bridge in May. Road works follow.');
  const book = path.join(dir, 'book.json');

  it('follows a codebook edit in the next run and records it in the manifest', () => {
    fs.writeFileSync(book, JSON.stringify(codebook()));
    const out1 = path.join(dir, 'out1');
    expect(cli(['extract', input, '--codebook', book, '--out', out1, '--quiet']).code).toBe(0);
    expect(fs.readFileSync(path.join(out1, 'themes.csv'), 'utf8')).toMatch(/a\.txt,bridges,Bridges/);
    const m1 = JSON.parse(fs.readFileSync(path.join(out1, 'manifest.json'), 'utf8'));

    fs.writeFileSync(book, JSON.stringify(codebook({ exclusions: ['old bridge', 'bridge repair'], phrases: [] })));
    const out2 = path.join(dir, 'out2');
    expect(cli(['extract', input, '--codebook', book, '--out', out2, '--quiet']).code).toBe(0);
    expect(fs.readFileSync(path.join(out2, 'themes.csv'), 'utf8').trim().split('\r\n')).toHaveLength(1);
    const m2 = JSON.parse(fs.readFileSync(path.join(out2, 'manifest.json'), 'utf8'));
    expect(m2.codebook.hash).not.toBe(m1.codebook.hash);
    expect(m2.config_hash).not.toBe(m1.config_hash);
    expect(m1.codebook).toMatchObject({ name: 'tiny', version: '1.0.0' });
  });

  it('refuses an invalid codebook with every problem and its path, exit 2, nothing written', () => {
    fs.writeFileSync(book, JSON.stringify({ name: 'bad', version: 'x', themes: [{ id: 'Has Space', label: '', description: 'd', terms: [{ text: 'a', weight: 9 }] }] }));
    const out = path.join(dir, 'out3');
    const r = cli(['extract', input, '--codebook', book, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/version/);
    expect(r.stderr).toMatch(/themes\[0\]\.id/);
    expect(r.stderr).toMatch(/themes\[0\]\.label/);
    expect(r.stderr).toMatch(/themes\[0\]\.terms\[0\]/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('explains one document: theme scores, thresholds, evidence sentences, entities', () => {
    const r = cli(['explain', '000_0885b6eca21b04fd.txt', 'corpus'], ROOT);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ASSIGNED {2}populism: score [\d.]+ \(threshold [\d.]+\)/);
    expect(r.stdout).toMatch(/\[sentence \d+\] The risks of a resurgence of populism/);
    expect(r.stdout).toMatch(/PERSON {7}Rosemary A\. DiCarlo/);
    expect(cli(['explain', 'nope.txt', 'corpus'], ROOT).code).toBe(2);
  });

  it('scores themes against gold labels', () => {
    const r = cli(['eval', '--themes', '--gold', 'corpus/gold/gold.jsonl', '--json'], ROOT);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.docs).toBe(67);
    expect(result.micro.p).toBeGreaterThanOrEqual(0.9);
    expect(result.micro.r).toBeGreaterThanOrEqual(0.85);
  });

  it('prints the codebook as Markdown', () => {
    const r = cli(['codebook'], ROOT);
    expect(r.stdout).toMatch(/^# Codebook: presslens-default/);
    expect(r.stdout).toMatch(/## Cyber/);
  });
});
