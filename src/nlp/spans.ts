import type { EntityType } from '../schema/document.js';
import { POSSESSIVE_TOKEN, type Token } from './tokenize.js';
import type { TokenSpan } from './model/tags.js';
import { isTitleWord, type WordLists } from './resources/wordlists.js';
import { HONORIFICS } from './roles.js';

const LETTER = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const UPPER_START = /^\p{Lu}/u;
/** Company legal forms, lower case: part of a company's name ("Cline Mining Co."), never a name alone. */
export const LEGAL_SUFFIX = new Set(['ltd', 'ltd.', 'inc', 'inc.', 'corp', 'corp.', 'co', 'co.', 'llc', 'llp', 'plc', 'gmbh', 'ag', 'sa', 'nv', 'n.v.', 'bv', 'spa', 'oy', 'ab']);
/** Words that are never a one-word name, whatever the tagger thinks (pronouns, determiners). */
const NEVER_ALONE = new Set(['i', 'we', 'you', 'he', 'she', 'it', 'they', 'me', 'us', 'him', 'her', 'them', 'our', 'my', 'his', 'its', 'their', 'this', 'that', 'these', 'those', 'a', 'an', 'the', 'mr', 'ms', 'mrs', 'dr']);

export interface CleanSpan extends TokenSpan {
  /** Title tokens cut from the front of a person span: [first, last) or null. */
  title: { first: number; last: number } | null;
}

/**
 * A span. Every stage makes its spans here rather than with object literals or spreads, so that
 * all spans share one hidden class: V8 then optimises each stage once, instead of throwing its
 * machine code away and recompiling whenever a span of a new shape arrives (measured: that
 * recompiling cost each worker thread seconds of CPU per few thousand documents).
 */
export function makeSpan(first: number, last: number, type: EntityType, title: CleanSpan['title'] = null): CleanSpan {
  return { first, last, type, title };
}

/** For every token, the index of the span holding it, or -1. */
export function spanAtTokens(tokenCount: number, spans: TokenSpan[]): Int32Array {
  const at = new Int32Array(tokenCount).fill(-1);
  spans.forEach((s, k) => {
    for (let i = s.first; i < s.last; i++) at[i] = k;
  });
  return at;
}

/** For every token, whether a span holds it (1) or none (0). */
export function takenTokens(tokenCount: number, spans: TokenSpan[]): Uint8Array {
  const taken = new Uint8Array(tokenCount);
  for (const s of spans) for (let i = s.first; i < s.last; i++) taken[i] = 1;
  return taken;
}

/** A gap between two tokens that is a line break and nothing else: hard-wrapped running text. */
const WRAP = /^\r?\n$/;

/**
 * A name does not cross a line break set off by other spaces ("Lumber, Eureka \nJore Corporation",
 * "battlefield \n   Mount Jackson Museum"): that is layout, list items or lines of an address. A
 * bare line break can be hard-wrapped text ("Jens\nStoltenberg") and stays. The span is cut there,
 * each part keeping the type.
 */
export function splitAtLayoutBreaks(text: string, tokens: Token[], spans: TokenSpan[]): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (const span of spans) {
    let first = span.first;
    for (let k = span.first + 1; k < span.last; k++) {
      const gap = text.slice(tokens[k - 1].end, tokens[k].start);
      if (!/[\r\n]/.test(gap) || WRAP.test(gap)) continue;
      out.push({ first, last: k, type: span.type });
      first = k;
    }
    out.push(first === span.first ? span : { first, last: span.last, type: span.type });
  }
  return out;
}

/**
 * Trim a tagged span to the CoNLL convention presslens promises: no leading "the", no title or
 * honorific on a person (kept aside as the role), no trailing punctuation or possessive, at least
 * one capital letter, and never a pronoun alone.
 */
export function cleanSpans(tokens: Token[], spans: TokenSpan[], lists: WordLists): CleanSpan[] {
  const out: CleanSpan[] = [];
  for (const span of joinHyphenated(tokens, spans)) {
    let { first, last } = span;
    let title: CleanSpan['title'] = null;
    const lower = (i: number) => tokens[i].text.toLowerCase();
    const isTitle = (i: number) => isTitleWord(lists, tokens[i].text);
    while (first < last && (!LETTER.test(tokens[first].text) || lower(first) === 'the')) first++;
    // "Mr Hyun-woo Park" tagged as a place: an honorific makes it a person.
    const type = first < last - 1 && HONORIFICS.has(lower(first).replace(/\.$/, '')) ? 'PERSON' : span.type;
    if (type === 'PERSON') {
      const titleStart = first;
      while (first < last - 1 && (isTitle(first) || (tokens[first].text === '-' && first > titleStart))) first++;
      if (first > titleStart) title = { first: titleStart, last: first };
    }
    while (last > first && (!LETTER.test(tokens[last - 1].text) || POSSESSIVE_TOKEN.test(tokens[last - 1].text))) last--;
    // No name ends in an abbreviated title before a name: "Army Spc. Maria Ortiz" is the Army, a
    // rank and a person. (A legal form is no title: "Cline Mining Co.")
    const beforeName = (i: number) => i + 1 < tokens.length && UPPER_START.test(tokens[i + 1].text) && tokens[i + 1].start === tokens[i].end + 1;
    const rankBeforeName = (i: number) => tokens[i].text.endsWith('.') && isTitle(i) && !LEGAL_SUFFIX.has(lower(i)) && beforeName(i);
    while (last > first + 1 && rankBeforeName(last - 1)) last--;
    if (last <= first) continue;
    const words = tokens.slice(first, last);
    if (!words.some((t) => UPPER.test(t.text))) continue;
    if (last - first === 1 && NEVER_ALONE.has(lower(first))) continue;
    // Titles alone are no name: a person's, or anything the tagger took a rank before a name for
    // ("Pfc." in "Pfc. Sam Cole"). An honorific typed a place is a state ("Tupelo, Miss. Officials").
    const honorific = last - first === 1 && HONORIFICS.has(lower(first).replace(/\.$/, ''));
    if (words.every((_, k) => isTitle(first + k)) && (type === 'PERSON' || (beforeName(last - 1) && !honorific))) continue;
    out.push(makeSpan(first, last, type, title));
  }
  return out;
}

const HYPHEN = /^[-‑]$/;
/** The lower-case second part of a hyphenated given name ("Seo-yeon", "Hyun-woo"); longer words are compounds ("Bayh-sponsored"). */
const SYLLABLE = /^\p{Ll}{1,4}$/u;

/**
 * "Jean-Marc Obiang" tagged as "Jean" and "Marc Obiang", "Hyun-woo Park" as "woo Park": a name
 * cut at a hyphen written without spaces is one name. A one-word and a longer person joined so
 * are one person; a name that starts with a short lower-case syllable after such a hyphen takes in
 * the word before.
 */
function joinHyphenated(tokens: Token[], spans: TokenSpan[]): TokenSpan[] {
  const glued = (h: number) => h > 0 && h + 1 < tokens.length && HYPHEN.test(tokens[h].text) && tokens[h - 1].end === tokens[h].start && tokens[h].end === tokens[h + 1].start;
  const out: TokenSpan[] = [];
  for (const span of spans) {
    const prev = out[out.length - 1];
    const h = span.first - 1;
    // "Jean" + "Marc Obiang" (not "Wyden" + "Bennett": two surnames name a bill's sponsors).
    if (prev && prev.last === h && glued(h) && prev.type === 'PERSON' && span.type === 'PERSON' && prev.last - prev.first === 1 && span.last - span.first >= 2) {
      out[out.length - 1] = { ...prev, last: span.last };
      continue;
    }
    if (glued(h) && SYLLABLE.test(tokens[span.first].text) && UPPER.test(tokens[h - 1].text[0])) {
      // The word before is its own span: the name is one span of that span's type.
      if (prev && prev.last === h) out[out.length - 1] = { ...prev, last: span.last };
      else if (!prev || prev.last <= h - 1) out.push({ ...span, first: h - 1 });
      else out.push(span);
      continue;
    }
    out.push(span);
  }
  // "Seo" + untagged "-yeon Kwak": a person's name goes on over a hyphenated lower-case part and
  // the capitalised words right after it.
  return out.map((span, k) => {
    if (span.type !== 'PERSON' || !glued(span.last) || !SYLLABLE.test(tokens[span.last + 1]?.text ?? '') || !/^\p{Lu}\p{Ll}/u.test(tokens[span.last + 2]?.text ?? '')) return span;
    const limit = out[k + 1]?.first ?? tokens.length;
    let last = span.last + 2;
    while (last < limit && last - span.last < 5 && UPPER.test(tokens[last].text[0]) && tokens[last].start - tokens[last - 1].end === 1) last++;
    return last <= limit ? { ...span, last } : span;
  });
}
