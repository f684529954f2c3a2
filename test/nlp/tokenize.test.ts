import { describe, expect, it } from 'vitest';
import { splitGluedPossessives, tokenize } from '../../src/nlp/tokenize.js';
import { splitSentences } from '../../src/nlp/sentences.js';

const words = (s: string) => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  it.each([
    ['NATO-UN relations', ['NATO', '-', 'UN', 'relations']],
    ['NATO’s support', ['NATO', '’s', 'support']],
    ["the states' rights", ['the', 'states', "'", 'rights']],
    ['O’Brien said', ['O’Brien', 'said']],
    ['Californiaâs coast', ['California', 'âs', 'coast']],
    ['Râmnicu Vâlcea', ['Râmnicu', 'Vâlcea']],
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

describe('possessives glued on where a corpus stripped every apostrophe', () => {
  const words = { isWordOfItsOwn: (word: string) => /^(Senators|Services|Americas)$/.test(word), isPlacePossessive: (word: string) => word === 'Hawaiis', isPluralPlace: (word: string) => word === 'Americas' };
  const glued = (s: string) => splitGluedPossessives(s, tokenize(s), words).map((t) => t.text);
  it.each([
    ['split when the document writes the word without the "s"', 'We dont know. Dover is near. Dovers men are ready.', ['Dover', 's', 'men']],
    ['an acronym too', 'It isnt right. The VA waited. VAs lists were long.', ['VA', 's', 'lists']],
    ['a place with a glued "s" shows the text lost its apostrophes', 'Hawaii is far. Senator Akaka spoke. Hawaiis beaches and Akakas office are open.', ['Akaka', 's', 'office']],
    ['after a title, when the document writes them together', 'We dont agree. Senator Clinton spoke. Senator Clintons bill passed.', ['Senator', 'Clinton', 's', 'bill']],
    ['a plural place without "the", before a lower-case word', 'The bill funds Americas highways and Dovers port. Dover is near.', ['America', 's', 'highways', 'and', 'Dover', 's', 'port']],
  ])('%s', (_, text, expected) => {
    const got = glued(text);
    expect(got.join(' ')).toContain(expected.join(' '));
  });
  it.each([
    ['a text that keeps its apostrophes', "It's near. Robert Lee met Pat Roberts.", 'Roberts'],
    ['a name after a first name the document never writes with the stem', 'We dont know. Steven Smith met Ted Stevens today.', 'Stevens'],
    ['a word before "of" goes on with a name', 'We cant wait. The National Institute of Justice and the National Institutes of Health agreed.', 'Institutes'],
    ['a plural the caller knows', 'We dont know. Senator Reed and Senators Akaka and Inouye spoke.', 'Senators'],
    ['a word whose stem the document never writes', 'We dont know. Roberts said so.', 'Roberts'],
    ['a text with neither a contraction nor a place shown so', 'Robert Hall met Senator Akaka. Roberts said so.', 'Roberts'],
    ['a plural place after "the"', 'We dont know. America and the Americas trade.', 'Americas'],
    ['a plural place before a capitalised word', 'We dont know. America funds Americas Society programs.', 'Americas'],
    ['a plural place before "and"', 'Leaders of Americas and Europe met.', 'Americas'],
  ])('keeps the word whole: %s', (_, text, word) => {
    expect(glued(text)).toContain(word);
  });
  it('keeps offsets: the "s" is the last character of the word', () => {
    const text = 'We dont know. Dover is near. Dovers men.';
    const tokens = splitGluedPossessives(text, tokenize(text), { isWordOfItsOwn: () => false, isPlacePossessive: () => false, isPluralPlace: () => false });
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
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
