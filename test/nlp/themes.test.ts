import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, createContext, type NlpContext } from '../../src/nlp/index.js';
import { goldDocument } from '../../src/eval/run-gold.js';
import { parseCodebook, compileCodebook } from '../../src/nlp/codebook.js';
import { TEST_CODEBOOK } from '../helpers/codebook.js';

let ctx: NlpContext;
beforeAll(() => {
  ctx = createContext({ codebook: TEST_CODEBOOK });
});
const themes = (text: string) => analyze(goldDocument({ id: 't', text, entities: [] }), ctx).themes ?? [];
const filler = (n: number) => Array.from({ length: n }, (_, i) => `Paragraph ${i} covers routine budget matters and staff.`).join(' ');

describe('themes', () => {
  it('assigns a theme with stem-matched terms and phrases, and keeps its evidence', () => {
    const text = `Ministers agree on cyber security\n\nThe ministers discussed cyber-attacks on hospitals. Ransomware hit two networks last year, and cybersecurity budgets will grow. ${filler(10)}`;
    const [t] = themes(text);
    expect(t.id).toBe('cyber');
    expect(t.evidence.map((e) => e.text)).toEqual(['cyber security', 'cyber-attacks', 'Ransomware', 'cybersecurity']);
    for (const e of t.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(t.evidence[0].weight).toBe(2);
    expect(t.evidence_sentence).toMatch(/Ransomware|cyber/);
    expect(text.slice(t.evidence_start, t.evidence_end).replace(/\s+/g, ' ')).toBe(t.evidence_sentence);
  });

  it('needs the threshold and enough sentences: one passing mention is not a theme', () => {
    expect(themes(`A report on roads\n\nThe minister, who once studied cyber security, opened a bridge. ${filler(12)}`)).toEqual([]);
  });

  it('drops hits in exclusions, in organisation names and where a requirement is unmet', () => {
    const text = `Retail update\n\nSales on Cyber Monday rose. The attack on prices continued. The Committee on Migration met in Geneva. ${filler(5)}`;
    expect(themes(text)).toEqual([]);
  });

  it('counts a weak term when its requirement is in the same sentence', () => {
    const [t] = themes(`Network attack\n\nA network attack hit the ministry. Another cyber attack followed on the network. ${filler(4)}`);
    expect(t.evidence.some((e) => e.term === 'attack')).toBe(true);
  });

  it('discounts boilerplate after "Notes to editors"', () => {
    const text = `Bridge opens\n\nThe new bridge opened today. ${filler(8)}\n\nNotes to editors\n\nThe agency also works on asylum, migrant and refugee policy. Asylum data are online.`;
    expect(themes(text)).toEqual([]);
  });
});

describe('codebook validation', () => {
  it('reports every problem with its path', () => {
    const bad = { name: '', version: '1', themes: [{ id: 'Bad Id', label: 'x', description: 'x', terms: [''], threshold: -1 }, { id: 'ok', label: 'x', description: 'x' }] };
    try {
      parseCodebook(bad, 'bad.json');
      expect.unreachable();
    } catch (error) {
      const details = (error as { details: string[] }).details;
      expect(details).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^name:/),
          expect.stringMatching(/^version:/),
          expect.stringMatching(/^themes\[0\]\.id:/),
          expect.stringMatching(/^themes\[0\]\.terms\[0\]/),
          expect.stringMatching(/^themes\[0\]\.threshold:/),
          expect.stringMatching(/^themes\[1\]/),
        ]),
      );
    }
  });

  it('hashes the codebook: an edit changes the hash', () => {
    const a = compileCodebook(TEST_CODEBOOK.codebook);
    const b = compileCodebook({ ...TEST_CODEBOOK.codebook, themes: [{ ...TEST_CODEBOOK.codebook.themes[0], exclusions: ['x'] }] });
    expect(a.hash).toBe(TEST_CODEBOOK.hash);
    expect(b.hash).not.toBe(a.hash);
  });
});
