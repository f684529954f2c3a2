import { oneSpaceApart, type Token } from './tokenize.js';
import { makeSpan, spanAtTokens, type CleanSpan } from './spans.js';
import type { FeatureResources } from './model/features.js';
import { placeEntries } from './resources/gazetteer.js';
import { isFirstNameWord, isOrdinaryWord, usuallyLowerCase } from './word-classes.js';

/** Common nouns that name a kind of place: "the village of X", "the districts of X and Y". */
const PLACE_NOUNS = new Set([
  'town', 'towns', 'city', 'cities', 'village', 'villages', 'district', 'districts', 'province', 'provinces', 'island', 'islands',
  'region', 'regions', 'municipality', 'municipalities', 'governorate', 'governorates', 'county', 'counties', 'state', 'states',
  'port', 'capital', 'suburb', 'suburbs', 'neighbourhood', 'neighborhood', 'commune', 'prefecture', 'territory', 'oblast', 'valley',
]);
/** Words that place something relative to a place: "north of X", "20 km south-west of X", "the outskirts of X". */
const PLACE_RELATIONS = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'outskirts']);
const SEPARATORS = new Set([',', 'and', 'or']);
/** Plural place nouns that a list of places follows or comes before: "counties are: A, B and C", "A, B and C counties". */
const PLACE_LIST_NOUNS = new Set(['counties', 'parishes', 'towns', 'townships', 'boroughs', 'cities', 'villages', 'municipalities', 'districts', 'provinces']);
/** Words between such a noun and the list that follows it: "counties are:", "towns including". */
const LIST_OPENERS = new Set(['are', 'include', 'includes', 'including', ':', 'namely']);

/**
 * Places known by their context, whatever the tagger typed them (CoNLL types a place as a place,
 * also where it stands for its government):
 *  - a name listed as a country by the gazetteer is a place, not an organisation ("departures
 *    from Libya and Tunisia");
 *  - a capitalised name after a place noun and "of" is a place ("the border town of Adré",
 *    "the districts of Metuge and Ancuabe"), and so is one after a direction and "of" ("west of
 *    Kirkuk", "the outskirts of Lviv"), tagged or not, and the noun is not part of it;
 *  - two or more names listed after a plural place noun and "are", "include" or a colon, or before
 *    it, are places ("Bordering counties are: Big Horn, Carbon and Granite", "Garfield, Sweet
 *    Grass and Yellowstone counties"), also words of the common vocabulary and names the tagger
 *    took for people whose first word is no first name ("Deer Lodge");
 *  - the one-word names of a list ("Hudaydah, Ta'iz, Hajjah and Marib") share the type most of
 *    them have, when that is place: a list of places is rarely broken by one organisation.
 */
export function placesByContext(text: string, tokens: Token[], spans: CleanSpan[], res: FeatureResources): CleanSpan[] {
  const { gazetteer, lists: words } = res;
  const isCountry = (s: CleanSpan) => placeEntries(gazetteer, tokens.slice(s.first, s.last).map((t) => t.text))?.some((e) => e.kind === 'country') ?? false;
  const capitalised = (i: number) => i < tokens.length && /^\p{Lu}\p{Ll}/u.test(tokens[i].text);
  const oneSpace = (a: number, b: number) => oneSpaceApart(text, tokens, a, b);

  // "province of Limburg" tagged whole: the place noun and "of" are not part of the name.
  const trimmed = spans.map((s) => (s.last - s.first > 2 && PLACE_NOUNS.has(tokens[s.first].text) && tokens[s.first + 1].text === 'of' ? makeSpan(s.first + 2, s.last, 'LOCATION', s.title) : s));
  let out = trimmed.map((s) => (s.type === 'ORGANIZATION' && isCountry(s) ? makeSpan(s.first, s.last, 'LOCATION', s.title) : s));

  const spanAt = spanAtTokens(tokens.length, out);
  const added: CleanSpan[] = [];
  /** A list item the rules make a place: a span of `out` (index k) retyped, or untagged words added. */
  type Item = { k: number; first: number; end: number };
  const makePlaces = (items: Item[]) => {
    for (const { k, first, end } of items) {
      if (k >= 0) out[k] = makeSpan(out[k].first, out[k].last, 'LOCATION', out[k].title);
      else added.push(makeSpan(first, end, 'LOCATION'));
    }
  };
  /**
   * Whether a tagged name may be a list's item: at most three words, and no person's full name;
   * with `people`, a "person" whose first word is no first name may be ("Deer Lodge").
   */
  const listable = (s: CleanSpan, people: boolean) =>
    s.last - s.first <= 3 && !(s.type === 'PERSON' && s.last - s.first > 1 && !(people && !isFirstNameWord(res.lexicon, tokens[s.first].text)));
  /**
   * The item starting at token `at`: a listable span starting there, or up to three untagged
   * capitalised words one space apart; null if none.
   */
  const itemAt = (at: number, people: boolean): Item | null => {
    if (at >= tokens.length || !capitalised(at)) return null;
    const k = spanAt[at];
    if (k >= 0) {
      const s = out[k];
      return s.first !== at || !listable(s, people) ? null : { k, first: s.first, end: s.last };
    }
    // A title is no place: "the city of Indianapolis, Mayor Peterson said".
    if (words.titleWords.has(tokens[at].text.toLowerCase())) return null;
    let end = at + 1;
    while (end < tokens.length && capitalised(end) && spanAt[end] < 0 && oneSpace(end - 1, end) && end - at < 3) end++;
    return { k: -1, first: at, end };
  };
  /** Untagged words in a list name a place only if one of them is no word of the common vocabulary ("Democratic", "Sweet Grass"). */
  const named = (item: Item) => item.k >= 0 || tokens.slice(item.first, item.end).some((t) => !isOrdinaryWord(res.lexicon, t.text) && !usuallyLowerCase(res.caseBuckets, t.text));
  /** The items of a list starting at token `at`: "A", "A, B", "A and B", "A, B, and C". */
  const listFrom = (at: number, people: boolean): Item[] => {
    const items: Item[] = [];
    for (let item = itemAt(at, people); item; ) {
      items.push(item);
      // ", Y" / "and Y" / ", and Y" go on with the list.
      let next = item.end;
      while (next < tokens.length && SEPARATORS.has(tokens[next].text) && next - item.end < 2) next++;
      item = next === item.end ? null : itemAt(next, people);
    }
    return items;
  };
  /** The items of a list ending right before token `end`, read backwards: "A, B and C" of "A, B and C counties". */
  const listBefore = (end: number): Item[] => {
    const items: Item[] = [];
    let last = end;
    for (;;) {
      let first = last - 1;
      if (first < 0 || !capitalised(first)) break;
      const k = spanAt[first];
      if (k >= 0) {
        const s = out[k];
        if (s.last !== last || !listable(s, true)) break;
        first = s.first;
      } else {
        while (first > 0 && last - first < 3 && capitalised(first - 1) && tokens[first - 1].text !== 'The' && spanAt[first - 1] < 0 && oneSpace(first - 1, first)) first--;
      }
      items.unshift({ k, first, end: last });
      let prev = first;
      while (prev > 0 && SEPARATORS.has(tokens[prev - 1].text) && first - prev < 2) prev--;
      if (prev === first || tokens[prev].text === 'or') break;
      last = prev;
    }
    return items;
  };

  for (let i = 1; i + 1 < tokens.length; i++) {
    const word = tokens[i].text;
    // After "<place noun> of": the names of the list that follows.
    const relation = PLACE_RELATIONS.has(tokens[i - 1].text);
    if (word === 'of' && (PLACE_NOUNS.has(tokens[i - 1].text) || relation) && oneSpace(i - 1, i)) makePlaces(listFrom(i + 1, relation));
    if (!PLACE_LIST_NOUNS.has(word)) continue;
    // "counties are: A, B and C"; "A, B and C counties".
    let at = i + 1;
    while (at < tokens.length && LIST_OPENERS.has(tokens[at].text) && at - i <= 2) at++;
    const after = at > i + 1 ? listFrom(at, true) : [];
    if (after.length >= 2) makePlaces(after.filter(named));
    const before = listBefore(i);
    if (before.length >= 2) makePlaces(before.filter(named));
  }
  if (added.length) out = [...out, ...added].sort((a, b) => a.first - b.first);

  // Lists of one-word names: "A, B, C and D".
  const lists: number[][] = [];
  let current: number[] = [];
  for (let k = 0; k < out.length; k++) {
    const s = out[k];
    const prev = current.length ? out[current[current.length - 1]] : null;
    const between = prev ? tokens.slice(prev.last, s.first).map((t) => t.text) : [];
    const joins = prev && between.length >= 1 && between.length <= 2 && between.every((t) => SEPARATORS.has(t)) && between[0] !== 'or';
    if (s.last - s.first === 1 && (joins || !prev)) current.push(k);
    else {
      if (current.length >= 3) lists.push(current);
      current = s.last - s.first === 1 ? [k] : [];
    }
  }
  if (current.length >= 3) lists.push(current);
  for (const list of lists) {
    const places = list.filter((k) => out[k].type === 'LOCATION').length;
    if (places * 2 <= list.length) continue;
    for (const k of list) {
      const s = out[k];
      // An acronym in a list of places is more likely an organisation named among them ("Kenya,
      // Somalia and AMISOM"); a nationality word or a title ("Mayor") is no place.
      const word = tokens[s.first].text;
      const demonym = placeEntries(gazetteer, [word])?.some((e) => e.kind === 'demonym') ?? false;
      if (s.type !== 'LOCATION' && /\p{Ll}/u.test(word) && !demonym && !words.titleWords.has(word.toLowerCase())) out[k] = makeSpan(s.first, s.last, 'LOCATION', s.title);
    }
  }
  return out;
}
