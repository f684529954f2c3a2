import type { Token } from './tokenize.js';
import { makeSpan, takenTokens, type CleanSpan } from './spans.js';

const ACRONYM = /^[\p{Lu}][\p{Lu}\p{N}&]{1,11}$/u;

/**
 * "Sub-Committee on Transatlantic Relations (PCTR)": when a name is followed by a bracketed
 * acronym the tagger left untagged, the acronym becomes a mention of the same type (the merge
 * step then joins it to its long form, and consistency labels its later bare uses).
 */
export function addDefinedAcronyms(tokens: Token[], spans: CleanSpan[]): CleanSpan[] {
  const tagged = takenTokens(tokens.length, spans);
  const added: CleanSpan[] = [];
  for (const s of spans) {
    const a = s.last + 1;
    if (tokens[s.last]?.text !== '(' || tokens[a + 1]?.text !== ')' || tagged[a] || !ACRONYM.test(tokens[a]?.text ?? '')) continue;
    if (s.last - s.first < 2) continue;
    added.push(makeSpan(a, a + 1, s.type));
  }
  return added.length ? [...spans, ...added].sort((x, y) => x.first - y.first) : spans;
}
