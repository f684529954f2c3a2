import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/nlp/tokenize.js';
import { splitSentences } from '../../src/nlp/sentences.js';

const words = (s: string) => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  it.each([
    ['NATO-UN relations', ['NATO', '-', 'UN', 'relations']],
    ['NATO’s support', ['NATO', '’s', 'support']],
    ["the states' rights", ['the', 'states', "'", 'rights']],
    ['O’Brien said', ['O’Brien', 'said']],
    ['Dr. Richard K. Betts.', ['Dr.', 'Richard', 'K.', 'Betts', '.']],
    ['the U.S. and D.C. offices', ['the', 'U.S.', 'and', 'D.C.', 'offices']],
    ['Visit https://www.nato.int/news. Now', ['Visit', 'https://www.nato.int/news', '.', 'Now']],
    ['press@nato.int', ['press@nato.int']],
    ['2,500 troops, 3.5% of GDP', ['2,500', 'troops', ',', '3.5%', 'of', 'GDP']],
    ['Sub-Committee (PCTR).', ['Sub', '-', 'Committee', '(', 'PCTR', ')', '.']],
  ])('%s', (text, expected) => expect(words(text)).toEqual(expected));

  it('gives offsets into the text for every token, whatever the script', () => {
    const text = 'Zürich — 東京 «Ελλάδα» e\u0301té 🙂 NATO’s';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('sentences', () => {
  const split = (text: string) => splitSentences(text, tokenize(text)).map((s) => text.slice(s.start, s.end));
  it.each([
    ['Dr. Smith met Mr. Jones. They spoke.', ['Dr. Smith met Mr. Jones.', 'They spoke.']],
    ['He said: “We agree.” The talks ended.', ['He said: “We agree.”', 'The talks ended.']],
    ['The U.S. Senate voted. It passed.', ['The U.S. Senate voted.', 'It passed.']],
    ['Title line\n\nBrussels, 1 May 2020 - Body text', ['Title line', 'Brussels, 1 May 2020 - Body text']],
    ['prices rose 3.5 percent. then fell', ['prices rose 3.5 percent. then fell']],
  ])('%j', (text, expected) => expect(split(text)).toEqual(expected));

  it('cuts text without punctuation into bounded pieces', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `word${i}`).join(' ');
    const sentences = splitSentences(text, tokenize(text));
    expect(sentences.length).toBeGreaterThan(7);
    expect(Math.max(...sentences.map((s) => s.last - s.first))).toBeLessThanOrEqual(120);
  });
});
