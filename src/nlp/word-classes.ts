/**
 * Is a capitalised word a name or an ordinary word written in capitals? Two sources answer:
 * compromise's lexicon (classes of ~24,600 words) and how unlabeled press releases write the word
 * (data/unlabeled/case.tsv). They are used where capitals say nothing: headlines in capitals,
 * words in brackets.
 */

import type { Sentence } from './sentences.js';
import type { Token } from './tokenize.js';

const ORDINARY_CLASSES = new Set(['verb', 'adj', 'adv', 'noun', 'prep', 'det', 'conj', 'pron', 'value', 'date', 'unit', 'abbr']);

const classesOf = (lexicon: Map<string, string[]>, word: string) => lexicon.get(word.toLowerCase()) ?? [];

/** compromise's lexicon knows the word as part of people's names: a first or last name. */
export function isPersonNameWord(lexicon: Map<string, string[]>, word: string): boolean {
  return classesOf(lexicon, word).some((c) => c === 'first' || c === 'last' || c === 'person');
}

/** compromise's lexicon knows the word as one person's name or initials ("JFK"), not only as a first or last name. */
export function isKnownPerson(lexicon: Map<string, string[]>, word: string): boolean {
  return classesOf(lexicon, word).includes('person');
}

/** compromise's lexicon knows the word as what starts a person's name: a first name or an honorific. */
export function isFirstNameWord(lexicon: Map<string, string[]>, word: string): boolean {
  return classesOf(lexicon, word).some((c) => c === 'first' || c === 'person' || c === 'honorific');
}

/** compromise's lexicon knows the word as an ordinary word ("grant", "young", "Tuesday") and not as a name. */
export function isOrdinaryWord(lexicon: Map<string, string[]>, word: string): boolean {
  return classesOf(lexicon, word).some((c) => ORDINARY_CLASSES.has(c)) && !isPersonNameWord(lexicon, word);
}

/**
 * Unlabeled press releases write the word in lower case at least 30% of the time away from a
 * sentence start (case buckets 0-2: "sessions", "mills", "rural"). A word they never saw counts
 * as a name.
 */
export function usuallyLowerCase(caseBuckets: Map<string, number> | null, word: string): boolean {
  return (caseBuckets?.get(word.toLowerCase()) ?? 4) <= 2;
}

/**
 * Unlabeled press releases capitalise the word at least 30% of the time away from a sentence
 * start (case buckets 2-4: "foreign", "defense"; not "today", "also"). A word they never saw counts.
 */
export function oftenCapitalised(caseBuckets: Map<string, number> | null, word: string): boolean {
  return (caseBuckets?.get(word.toLowerCase()) ?? 4) >= 2;
}

const NOT_OFFICE_CLASSES = new Set(['verb', 'adv', 'prep', 'det', 'conj', 'pron', 'value', 'date']);
/** compromise's lexicon knows the word as one that never qualifies an office: a verb, preposition, date or number ("As", "Thursday", "First"). */
export function notOffice(lexicon: Map<string, string[]>, word: string): boolean {
  return classesOf(lexicon, word).some((c) => NOT_OFFICE_CLASSES.has(c));
}

/** A word written all in capitals: "RAMIREZ", "USDA", "U.S.". */
export const WRITTEN_IN_CAPITALS = /^\p{Lu}[\p{Lu}\p{N}'’.&-]*$/u;
/** A token with at least one letter (a word, not punctuation or a number). */
export const HAS_LETTER = /\p{L}/u;
/** A month or a day of the week, any case: "on Saturday" says when, not what about. */
export const MONTH_OR_DAY = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
/** A single capital, an initial with its full stop or stripped of it: "R", "R.". */
export const INITIAL = /^\p{Lu}\.?$/u;

/** 1 for each token of a sentence written in capitals (three or more words, nearly all in capitals): a headline such as "RAMIREZ, THORNBURY INTRODUCE BILL". */
export function inCapitalLines(tokens: Token[], sentences: Sentence[]): Uint8Array {
  const loud = new Uint8Array(tokens.length);
  for (const s of sentences) {
    let words = 0;
    let caps = 0;
    for (let i = s.first; i < s.last; i++) {
      if (!HAS_LETTER.test(tokens[i].text)) continue;
      words++;
      if (WRITTEN_IN_CAPITALS.test(tokens[i].text)) caps++;
    }
    if (words >= 3 && caps >= 0.8 * words) loud.fill(1, s.first, s.last);
  }
  return loud;
}
