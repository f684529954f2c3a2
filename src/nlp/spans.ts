import type { Token } from './tokenize.js';
import type { TokenSpan } from './model/tags.js';
import type { WordLists } from './resources/wordlists.js';

const LETTER = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const POSSESSIVE = /^['’](?:s|S)?$/;
/** Words that are never a one-word name, whatever the tagger thinks (pronouns, determiners). */
const NEVER_ALONE = new Set(['i', 'we', 'you', 'he', 'she', 'it', 'they', 'me', 'us', 'him', 'her', 'them', 'our', 'my', 'his', 'its', 'their', 'this', 'that', 'these', 'those', 'a', 'an', 'the', 'mr', 'ms', 'mrs', 'dr']);

export interface CleanSpan extends TokenSpan {
  /** Title tokens cut from the front of a person span: [first, last) or null. */
  title: { first: number; last: number } | null;
}

/**
 * Trim a tagged span to the CoNLL convention presslens promises: no leading "the", no title or
 * honorific on a person (kept aside as the role), no trailing punctuation or possessive, at least
 * one capital letter, and never a pronoun alone.
 */
export function cleanSpans(tokens: Token[], spans: TokenSpan[], lists: WordLists): CleanSpan[] {
  const out: CleanSpan[] = [];
  for (const span of spans) {
    let { first, last } = span;
    let title: CleanSpan['title'] = null;
    const lower = (i: number) => tokens[i].text.toLowerCase();
    while (first < last && (!LETTER.test(tokens[first].text) || lower(first) === 'the')) first++;
    if (span.type === 'PERSON') {
      const titleStart = first;
      while (first < last - 1 && (lists.titleWords.has(lower(first).replace(/\.$/, '')) || lists.titleWords.has(lower(first)) || (tokens[first].text === '-' && first > titleStart))) first++;
      if (first > titleStart) title = { first: titleStart, last: first };
    }
    while (last > first && (!LETTER.test(tokens[last - 1].text) || POSSESSIVE.test(tokens[last - 1].text))) last--;
    if (last <= first) continue;
    const words = tokens.slice(first, last);
    if (!words.some((t) => UPPER.test(t.text))) continue;
    if (last - first === 1 && NEVER_ALONE.has(lower(first))) continue;
    if (span.type === 'PERSON' && words.every((t) => lists.titleWords.has(t.text.toLowerCase()))) continue;
    out.push({ first, last, type: span.type, title });
  }
  return out;
}
