import { POSSESSIVE_TOKEN, type Token } from './tokenize.js';
import { makeSpan, takenTokens, type CleanSpan } from './spans.js';

const ACRONYM = /^[\p{Lu}][\p{Lu}\p{N}&]{1,11}$/u;
const CAPITALISED = /^[\p{Lu}\p{N}]/u;
/** Words a long form may hold that its acronym may skip ("Organization for Security and Co-operation in Europe"). */
const FUNCTION_WORDS = new Set(['of', 'for', 'and', 'the', 'on', 'in', 'to', 'at', 'de', 'du', 'des', 'la', 'le', 'el', '&']);
const MAX_LONG_FORM_WORDS = 12;

/**
 * The long form an acronym in brackets stands for, found by its letters: the shortest run of
 * capitalised words (and function words) ending right before "(" whose initials, with or without
 * the function words', spell the acronym. "Islamic State of Iraq and the Levant (ISIL)",
 * "United Nations Interim Force in Lebanon (UNIFIL)". Hyphenated parts count as one word
 * ("Co-operation"). Returns the first token of the long form, or -1.
 */
function longFormStart(tokens: Token[], paren: number, acronym: string): number {
  const words: Array<{ first: number; initial: string; skippable: boolean }> = [];
  let i = paren - 1;
  while (i >= 0 && words.length < MAX_LONG_FORM_WORDS) {
    // A word, with the hyphenated pieces before it ("Co" "-" "operation").
    let first = i;
    // A possessive belongs to its word ("People" "'s" in "Democratic People's Republic of Korea").
    if (POSSESSIVE_TOKEN.test(tokens[first].text) && first > 0 && tokens[first - 1].end === tokens[first].start) first--;
    while (first >= 2 && tokens[first - 1].text === '-' && tokens[first - 1].start === tokens[first - 2].end && tokens[first].start === tokens[first - 1].end) first -= 2;
    const text = tokens[first].text;
    const skippable = FUNCTION_WORDS.has(text.toLowerCase());
    if (!skippable && !CAPITALISED.test(text)) break;
    words.unshift({ first, initial: text[0].toUpperCase(), skippable });
    i = first - 1;
    if (skippable) continue;
    const content = words.filter((w) => !w.skippable).map((w) => w.initial).join('');
    const all = words.map((w) => w.initial).join('');
    if (content === acronym.toUpperCase() || (all === acronym.toUpperCase() && !words[0].skippable)) return first;
  }
  return -1;
}

/** The "(" of a bracket right after a name ending at token `last`, a possessive allowed between ("Agency's (FEMA)"); -1 if none. */
export function bracketAfter(tokens: Token[], last: number): number {
  const open = POSSESSIVE_TOKEN.test(tokens[last]?.text ?? '') ? last + 1 : last;
  return tokens[open]?.text === '(' ? open : -1;
}

/**
 * "Islamic State of Iraq and the Levant (ISIL)": when the letters of a bracketed acronym spell the
 * words before it, those words are one name, even where the tagger or a shape rule cut them in two
 * ("Islamic State of Iraq" and "Levant"). The joined name is an organisation: a part must have
 * been typed one (places alone, or people, are left as they are), and it must not start with a
 * title ("Chairman of the Joint Chiefs of Staff (CJCS)" is a role). A long form that is already
 * one span is left as it is; a possessive before the bracket stays outside ("Agency's (FEMA)").
 */
export function joinLongForms(tokens: Token[], spans: CleanSpan[], isTitle: (word: string) => boolean): CleanSpan[] {
  let out = spans;
  for (let p = 1; p < tokens.length - 2; p++) {
    if (tokens[p].text !== '(' || tokens[p + 2].text !== ')' || !ACRONYM.test(tokens[p + 1].text)) continue;
    let start = longFormStart(tokens, p, tokens[p + 1].text);
    if (start < 0) continue;
    const end = POSSESSIVE_TOKEN.test(tokens[p - 1].text) ? p - 1 : p;
    // A name the long form starts inside is part of it: "Department of [Health and Human Services] (HHS)".
    for (const s of out) if (s.first < start && s.last > start && s.type === 'ORGANIZATION') start = s.first;
    if (start >= end || isTitle(tokens[start].text)) continue;
    const inside = out.filter((s) => s.first < end && s.last > start);
    if (!inside.length || (inside.length === 1 && inside[0].first === start && inside[0].last === end)) continue;
    if (inside.some((s) => s.first < start || s.last > end)) continue;
    // People are no long form; places listed with "and" stay two places ("France and Germany").
    if (inside.some((s) => s.type === 'PERSON') || inside.every((s) => s.type === 'LOCATION')) continue;
    out = [...out.filter((s) => !inside.includes(s)), makeSpan(start, end, 'ORGANIZATION')].sort((x, y) => x.first - y.first);
  }
  return out;
}

const SHORT_NAME = /^\p{Lu}\p{Ll}[\p{L}\p{N}]{1,18}$/u;

/**
 * A one-word short name in brackets after an organisation's long form: "European Border and
 * Coast Guard Agency (Frontex)", "Department of Labor (DoL)". A word of the long form itself
 * names something else ("Haysi Fire Department (Haysi)": the town).
 */
export function isShortName(tokens: Token[], longForm: { first: number; last: number }, word: string): boolean {
  return SHORT_NAME.test(word) && !tokens.slice(longForm.first, longForm.last).some((t) => t.text === word);
}

/**
 * "Sub-Committee on Transatlantic Relations (PCTR)": when a name is followed by a bracketed
 * acronym the tagger left untagged, the acronym becomes a mention of the same type (the merge
 * step then joins it to its long form, and consistency labels its later bare uses). So does a
 * short name after an organisation ("... Coast Guard Agency (Frontex)") when it is a proper
 * name (`isProperName`: no place, no ordinary word, capitalised in running text).
 */
export function addDefinedAcronyms(tokens: Token[], spans: CleanSpan[], isProperName: (word: string) => boolean = () => false): CleanSpan[] {
  const tagged = takenTokens(tokens.length, spans);
  const added: CleanSpan[] = [];
  for (const s of spans) {
    const open = bracketAfter(tokens, s.last);
    const a = open + 1;
    const word = tokens[a]?.text ?? '';
    if (open < 0 || tokens[a + 1]?.text !== ')' || tagged[a]) continue;
    if (s.last - s.first < 2) continue;
    const shortName = s.type === 'ORGANIZATION' && isShortName(tokens, s, word) && isProperName(word);
    if (!ACRONYM.test(word) && !shortName) continue;
    added.push(makeSpan(a, a + 1, s.type));
  }
  return added.length ? [...spans, ...added].sort((x, y) => x.first - y.first) : spans;
}
