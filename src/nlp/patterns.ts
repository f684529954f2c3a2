import type { Token } from './tokenize.js';
import type { CleanSpan } from './spans.js';
import type { WordLists } from './resources/wordlists.js';

const UPPER = /\p{Lu}/gu;
const LOWER = /\p{Ll}/gu;
const ACRONYM_LIKE = /^\p{Lu}{2,}s?$/u;
/** Legal-form suffixes: part of a company's name, never a name alone ("Ltd edition"). */
const LEGAL_SUFFIX = new Set(['ltd', 'ltd.', 'inc', 'inc.', 'corp', 'corp.', 'co', 'co.', 'llc', 'llp', 'plc', 'gmbh', 'ag', 'sa', 'nv', 'n.v.', 'bv', 'spa', 'oy', 'ab']);

/** Is most of the document's lettering upper case (a shouted headline style or stripped text)? */
function shouting(tokens: Token[]): boolean {
  let upper = 0;
  let lower = 0;
  for (const t of tokens) {
    upper += t.text.match(UPPER)?.length ?? 0;
    lower += t.text.match(LOWER)?.length ?? 0;
  }
  return upper > lower;
}

/**
 * Rules on the shape of names that a token-level tagger gets wrong, each general:
 *  - a name ending in an organisation head word is an organisation ("Fletcher School",
 *    "Endeavor Robotics"), and a name directly followed by an organisation that starts with a head
 *    word is one organisation with it ("Kennedy" + "School of Government");
 *  - a person's name does not end in a role noun that is usually written in lower case
 *    ("Military Adviser"), nor is it an upper-case acronym ("PKOs") in normally cased text;
 *  - an acronym defined for a lower-case phrase ("content delivery network (CDN)") is a common
 *    noun, so none of its uses is a name.
 */
export function applyNamePatterns(text: string, tokens: Token[], spans: CleanSpan[], lists: WordLists, caseBuckets: Map<string, number> | null): CleanSpan[] {
  const lower = (i: number) => tokens[i].text.toLowerCase();
  const isHead = (i: number) => lists.orgHeads.has(lower(i)) && /^\p{Lu}/u.test(tokens[i].text);
  /** Separated by exactly one space: "Kennedy School", not "Kennedy,\nSchool". */
  const adjacent = (a: number, b: number) => text.slice(tokens[a].end, tokens[b].start) === ' ';
  const loud = shouting(tokens);

  // Common-noun acronyms: "... content delivery network (CDN)".
  const commonAcronyms = new Set<string>();
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (tokens[i - 1].text !== '(' || tokens[i + 1].text !== ')' || !ACRONYM_LIKE.test(tokens[i].text)) continue;
    const letters = tokens[i].text.replace(/s$/, '').toLowerCase();
    const words: string[] = [];
    for (let j = i - 2; j >= 0 && words.length < letters.length; j--) if (/\p{L}/u.test(tokens[j].text)) words.unshift(tokens[j].text);
    if (words.length === letters.length && words.every((w, k) => w[0] === letters[k])) commonAcronyms.add(tokens[i].text);
  }

  const out: CleanSpan[] = [];
  for (const s of spans) {
    const text = tokens.slice(s.first, s.last).map((t) => t.text).join(' ');
    if (commonAcronyms.has(text)) continue;
    if (s.last - s.first === 1 && LEGAL_SUFFIX.has(lower(s.first))) continue;
    if (s.type === 'PERSON' && !loud && s.last - s.first === 1 && ACRONYM_LIKE.test(tokens[s.first].text)) continue;
    if (s.type === 'PERSON' && lists.titleWords.has(lower(s.last - 1)) && (caseBuckets?.get(lower(s.last - 1)) ?? 4) <= 1) continue;
    const prev = out[out.length - 1];
    if (prev && s.type === 'ORGANIZATION' && isHead(s.first) && prev.last === s.first && adjacent(prev.last - 1, s.first)) {
      out[out.length - 1] = { first: prev.first, last: s.last, type: 'ORGANIZATION', title: null };
      continue;
    }
    out.push(s.type !== 'ORGANIZATION' && s.last - s.first > 1 && isHead(s.last - 1) ? { ...s, type: 'ORGANIZATION', title: null } : s);
  }
  return out;
}
