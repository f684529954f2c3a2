import type { EntityType } from '../schema/document.js';
import type { Sentence } from './sentences.js';
import { setApart, type Token } from './tokenize.js';
import { makeSpan, takenTokens, type CleanSpan } from './spans.js';
import { isSizedRegion, type Gazetteer } from './resources/gazetteer.js';
import { memberState } from './release-conventions.js';
import { INITIAL, WRITTEN_IN_CAPITALS, isFirstNameWord, isOrdinaryWord, isPersonNameWord, usuallyLowerCase } from './word-classes.js';

const UPPER_START = /^\p{Lu}/u;
const TWO_CAPITALS = /\p{Lu}.*\p{Lu}/u;
/** Prepositions of place that people never take ("near Adré", "outside Mosul"): stricter than LOCATIVE. */
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'inside', 'around', 'across', 'within', 'towards', 'toward']);
const LOCATIVE = new Set(['in', 'near', 'at', 'from', 'to', 'into', 'across', 'around', 'outside', 'inside', 'towards', 'toward', 'through', 'within']);
/** Verbs that put the speaker after them in an attribution: "said Allard", "added Ruiz". */
const ATTRIBUTION_VERBS = new Set(['said', 'says', 'added', 'adds', 'noted', 'stated', 'explained', 'continued', 'asked', 'wrote', 'concluded', 'remarked']);
/**
 * Words of a head of government's time in office, which a surname stands before: "the Bush
 * administration", "the Obama presidency", also with a possessive glued on where a corpus lost
 * the apostrophe ("the Bush Administrations plan").
 */
const TERM_OF_OFFICE = /^(?:administration|presidency)(?:s|\W*s)?$/i;
const surface = (tokens: Token[], first: number, last: number) => tokens.slice(first, last).map((t) => t.text).join(' ');

/**
 * A person's name run on into another name where a corpus stripped the comma between them, which
 * left its space: "Governor John Hoeven  Bismarck Mayor ..." for "Governor John Hoeven, Bismarck
 * Mayor ...". When the document names the word at the end (or the start) of a three-word or longer
 * "person", after such a gap, on its own and only as something else ("the cities of Bismarck and
 * Mandan"), the span is the person and that name.
 */
export function splitRunOnPeople(text: string, tokens: Token[], spans: CleanSpan[]): CleanSpan[] {
  const alone = new Map<string, Set<EntityType>>();
  for (const s of spans) {
    if (s.last - s.first !== 1) continue;
    const types = alone.get(tokens[s.first].text) ?? new Set<EntityType>();
    types.add(s.type);
    alone.set(tokens[s.first].text, types);
  }
  /** The one type the document gives the word alone, if it is no person. */
  const otherType = (i: number): EntityType | undefined => {
    const types = alone.get(tokens[i].text);
    const [type] = types?.size === 1 ? types : [];
    return type === 'PERSON' ? undefined : type;
  };
  let changed = false;
  const out: CleanSpan[] = [];
  for (const s of spans) {
    if (s.type === 'PERSON' && s.last - s.first >= 3) {
      const last = s.last - 1;
      // Not after an initial, whose stripped full stop left the same gap ("Gerald R  Ford").
      const atEnd = setApart(text, tokens, last - 1) && !INITIAL.test(tokens[last - 1].text) ? otherType(last) : undefined;
      const atStart = setApart(text, tokens, s.first) && !INITIAL.test(tokens[s.first].text) ? otherType(s.first) : undefined;
      if (atEnd) {
        out.push(makeSpan(s.first, last, 'PERSON', s.title), makeSpan(last, s.last, atEnd));
        changed = true;
        continue;
      }
      if (atStart) {
        out.push(makeSpan(s.first, s.first + 1, atStart), makeSpan(s.first + 1, s.last, 'PERSON', s.title));
        changed = true;
        continue;
      }
    }
    out.push(s);
  }
  return changed ? out : spans;
}

/**
 * Document-level consistency, the way a reader resolves names:
 * 1. one name keeps one type within a document (the type it gets most often; ties go to the
 *    first occurrence);
 * 2. a name tagged somewhere labels its other, untagged, capitalised occurrences, and a person's
 *    surname alone is labelled as that person's when no other name claims it.
 * Spans are returned sorted and never overlap.
 */
export function makeConsistent(text: string, tokens: Token[], sentences: Sentence[], loud: Uint8Array, tagged: CleanSpan[], gazetteer: Gazetteer, lexicon: Map<string, string[]>, titleWords: Set<string>, caseBuckets: Map<string, number> | null): CleanSpan[] {
  const spans = splitRunOnPeople(text, tokens, tagged);
  const entriesOf = (key: string) => gazetteer.byKey.get(key.toLowerCase());
  const isPlace = (key: string) => entriesOf(key)?.some((e) => e.kind !== 'demonym') ?? false;
  // A country or a state ("Washington" stays the dateline's place where the release also names George Washington).
  const isCountryOrState = (key: string) => entriesOf(key)?.[0]?.kind === 'country' || (entriesOf(key)?.some(isSizedRegion) ?? false);
  const votes = new Map<string, Map<EntityType, number>>();
  for (const s of spans) {
    const key = surface(tokens, s.first, s.last);
    const v = votes.get(key) ?? new Map<EntityType, number>();
    v.set(s.type, (v.get(s.type) ?? 0) + 1);
    votes.set(key, v);
  }
  const typeOf = new Map<string, EntityType>();
  for (const s of spans) {
    const key = surface(tokens, s.first, s.last);
    if (typeOf.has(key)) continue;
    let best = s.type;
    let max = 0;
    for (const [t, n] of votes.get(key)!) if (n > max || (n === max && t === s.type)) [best, max] = [t, n];
    typeOf.set(key, best);
  }
  // A short form of a longer name takes that name's type: the first words of an organisation taken
  // for a person ("Halberd" of "Halberd Defence Systems"; a place stays a place: "Chicago" of
  // "Chicago Police Department"), the surname of a person ("Holloway" of "Jane Holloway").
  const orgPrefixes = new Set<string>();
  const personSurnames = new Set<string>();
  for (const s of spans) {
    const t = typeOf.get(surface(tokens, s.first, s.last));
    if (t === 'ORGANIZATION') for (let k = s.first + 1; k < s.last; k++) orgPrefixes.add(surface(tokens, s.first, k));
    if (t === 'PERSON' && s.last - s.first >= 2) personSurnames.add(tokens[s.last - 1].text);
  }
  for (const [key, t] of typeOf) {
    if (t === 'PERSON' && orgPrefixes.has(key) && !isPlace(key)) typeOf.set(key, 'ORGANIZATION');
    else if (t !== 'PERSON' && personSurnames.has(key) && !isCountryOrState(key)) typeOf.set(key, 'PERSON');
  }
  // A lone word taken for a person that the document never gives as part of a full name or after
  // a title, and that is not a known first or last name, is a name of something else: press
  // releases introduce people by full name. A place if the gazetteer knows it, else an organisation.
  const nameParts = new Set<string>();
  for (const s of spans) if (typeOf.get(surface(tokens, s.first, s.last)) === 'PERSON' && s.last - s.first >= 2) for (let k = s.first; k < s.last; k++) nameParts.add(tokens[k].text.toUpperCase());
  // "... said Allard": a name right after a verb of attribution is the speaker, and releases that
  // name their senator by surname alone do so throughout.
  const attributed = new Set<string>();
  for (const s of spans) if (s.first > 0 && ATTRIBUTION_VERBS.has(tokens[s.first - 1].text)) attributed.add(surface(tokens, s.first, s.last));
  // A name after a title, before a term of office ("the Bush administration") or before a member
  // of Congress's party and state ("Levin (D-MI)"), is a person's.
  const titled = new Set<string>();
  for (const s of spans) {
    const titleBefore = s.first > 0 && titleWords.has(tokens[s.first - 1].text.toLowerCase().replace(/\.$/, ''));
    const officeAfter = s.last < tokens.length && TERM_OF_OFFICE.test(tokens[s.last].text);
    const memberAfter = memberState(text, tokens, s.last + 3, gazetteer) !== undefined || memberState(text, tokens, s.last + 1, gazetteer) !== undefined;
    if (s.title || titleBefore || officeAfter || memberAfter) titled.add(surface(tokens, s.first, s.last));
  }
  // A place when the gazetteer knows it or the text puts it after "in", "near" and the like
  // (located); a longer name must only ever stand after a preposition of place that people
  // never take ("near", "outside": not "to" or "from", as in "married to", "a letter from").
  const located = new Set<string>();
  const placed = new Set<string>();
  const elsewhere = new Set<string>();
  for (const s of spans) {
    const key = surface(tokens, s.first, s.last);
    const after = s.first > 0 ? tokens[s.first - 1].text.toLowerCase() : '';
    if (LOCATIVE.has(after)) located.add(key);
    (PLACE_PREPOSITIONS.has(after) ? placed : elsewhere).add(key);
  }
  const onlyPlaced = (key: string) => placed.has(key) && !elsewhere.has(key);
  for (const [key, t] of typeOf) {
    // "Near Ayn Isa, ...": a longer "person" the text only ever puts after "in", "near" and the
    // like, never with a title, whose first word is no known first name, is a place.
    if (t === 'PERSON' && key.includes(' ') && onlyPlaced(key) && !titled.has(key)) {
      if (!isFirstNameWord(lexicon, key.split(' ')[0])) typeOf.set(key, 'LOCATION');
      continue;
    }
    if (t !== 'PERSON' || key.includes(' ') || nameParts.has(key.toUpperCase()) || titled.has(key) || (attributed.has(key) && !isPlace(key))) continue;
    if (isPersonNameWord(lexicon, key)) continue;
    typeOf.set(key, isPlace(key) || located.has(key) ? 'LOCATION' : 'ORGANIZATION');
  }
  const out = spans.map((s) => makeSpan(s.first, s.last, typeOf.get(surface(tokens, s.first, s.last))!, s.title));

  // Surnames of people named in full, unless that word is also tagged as something else.
  const surnames = new Map<string, EntityType>();
  for (const s of out) {
    if (s.type === 'PERSON' && s.last - s.first >= 2 && UPPER_START.test(tokens[s.last - 1].text)) surnames.set(tokens[s.last - 1].text, 'PERSON');
  }
  for (const s of out) if (s.last - s.first === 1 && s.type !== 'PERSON') surnames.delete(tokens[s.first].text);

  const taken = takenTokens(tokens.length, out);
  const sentenceStart = new Uint8Array(tokens.length);
  for (const s of sentences) sentenceStart[s.first] = 1;

  // Known names by first token, longest first, so "New York Police Department" wins over "New York".
  const known = new Map<string, Array<{ words: string[]; type: EntityType }>>();
  for (const [key, type] of typeOf) {
    const words = key.split(' ');
    const list = known.get(words[0]) ?? [];
    list.push({ words, type });
    known.set(words[0], list);
  }
  for (const [name, type] of surnames) if (!typeOf.has(name)) known.set(name, [...(known.get(name) ?? []), { words: [name], type }]);
  for (const list of known.values()) list.sort((a, b) => b.words.length - a.words.length);

  // The same names in capitals, for lines written in capitals ("RAMIREZ, THORNBURY INTRODUCE BILL").
  const knownLoud = new Map<string, Array<{ words: string[]; type: EntityType }>>();
  for (const [first, list] of known) knownLoud.set(first.toUpperCase(), [...(knownLoud.get(first.toUpperCase()) ?? []), ...list]);
  for (const list of knownLoud.values()) list.sort((a, b) => b.words.length - a.words.length);
  const inCapitals = (word: string) => TWO_CAPITALS.test(word) && WRITTEN_IN_CAPITALS.test(word) && !isOrdinaryWord(lexicon, word);

  const added: CleanSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || !UPPER_START.test(tokens[i].text)) continue;
    const shouted = loud[i] === 1;
    const candidates = shouted ? knownLoud.get(tokens[i].text) : known.get(tokens[i].text);
    if (!candidates) continue;
    const same = (a: string, b: string) => (shouted ? a === b.toUpperCase() : a === b);
    for (const c of candidates) {
      const last = i + c.words.length;
      if (last > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < c.words.length && ok; k++) if (!same(tokens[i + k].text, c.words[k]) || taken[i + k]) ok = false;
      if (!ok) continue;
      if (shouted) {
        // In capitals every word looks like a name: only a name that is no ordinary word (an
        // acronym, "USDA", is the same string either way).
        const word = c.words[0];
        if (c.words.length === 1 && !WRITTEN_IN_CAPITALS.test(word) && (word.length < 3 || isOrdinaryWord(lexicon, word) || usuallyLowerCase(caseBuckets, word))) continue;
      } else {
        // A one-word name at a sentence start could be an ordinary word; leave it to the tagger
        // there, unless it is written in capitals ("UNHCR and its partners") and is no ordinary word:
        // the same string anywhere.
        if (c.words.length === 1 && sentenceStart[i] && !inCapitals(c.words[0])) continue;
        // Do not cut a longer capitalised name: "Washington" inside "Washington Post".
        if ((i > 0 && !taken[i - 1] && UPPER_START.test(tokens[i - 1].text) && tokens[i - 1].end === tokens[i].start - 1 && !sentenceStart[i]) || (last < tokens.length && UPPER_START.test(tokens[last].text) && tokens[last].start === tokens[last - 1].end + 1)) continue;
      }
      added.push(makeSpan(i, last, c.type));
      for (let k = i; k < last; k++) taken[k] = 1;
      break;
    }
  }
  return [...out, ...added].sort((a, b) => a.first - b.first);
}
