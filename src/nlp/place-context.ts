import { oneSpaceApart, type Token } from './tokenize.js';
import { makeSpan, spanAtTokens, type CleanSpan } from './spans.js';
import type { FeatureResources } from './model/features.js';
import { placeEntries } from './resources/gazetteer.js';
import { isFirstNameWord } from './word-classes.js';

/** Common nouns that name a kind of place: "the village of X", "the districts of X and Y". */
const PLACE_NOUNS = new Set([
  'town', 'towns', 'city', 'cities', 'village', 'villages', 'district', 'districts', 'province', 'provinces', 'island', 'islands',
  'region', 'regions', 'municipality', 'municipalities', 'governorate', 'governorates', 'county', 'counties', 'state', 'states',
  'port', 'capital', 'suburb', 'suburbs', 'neighbourhood', 'neighborhood', 'commune', 'prefecture', 'territory', 'oblast', 'valley',
]);
/** Words that place something relative to a place: "north of X", "20 km south-west of X", "the outskirts of X". */
const PLACE_RELATIONS = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'outskirts']);
const SEPARATORS = new Set([',', 'and', 'or']);

/**
 * Places known by their context, whatever the tagger typed them (CoNLL types a place as a place,
 * also where it stands for its government):
 *  - a name listed as a country by the gazetteer is a place, not an organisation ("departures
 *    from Libya and Tunisia");
 *  - a capitalised name after a place noun and "of" is a place ("the border town of Adré",
 *    "the districts of Metuge and Ancuabe"), and so is one after a direction and "of" ("west of
 *    Kirkuk", "the outskirts of Lviv"), tagged or not, and the noun is not part of it;
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

  // After "<place noun> of": the names of the list that follows.
  const spanAt = spanAtTokens(tokens.length, out);
  const added: CleanSpan[] = [];
  for (let i = 1; i + 1 < tokens.length; i++) {
    const relation = PLACE_RELATIONS.has(tokens[i - 1].text);
    if (tokens[i].text !== 'of' || !(PLACE_NOUNS.has(tokens[i - 1].text) || relation) || !oneSpace(i - 1, i)) continue;
    let at = i + 1;
    for (;;) {
      if (at >= tokens.length || !capitalised(at)) break;
      const k = spanAt[at];
      let end: number;
      if (k >= 0) {
        const s = out[k];
        if (s.first !== at) break;
        // A person's full name or a long name stays ("the city of Ada Lovelace's birth"); after a
        // direction, a "person" whose first word is no first name is a place ("west of Qaryat Zahra").
        const person = s.type === 'PERSON' && s.last - s.first > 1 && !(relation && !isFirstNameWord(res.lexicon, tokens[s.first].text));
        if (person || s.last - s.first > 3) break;
        out[k] = makeSpan(s.first, s.last, 'LOCATION', s.title);
        end = s.last;
      } else {
        end = at + 1;
        while (end < tokens.length && capitalised(end) && spanAt[end] < 0 && oneSpace(end - 1, end) && end - at < 3) end++;
        added.push(makeSpan(at, end, 'LOCATION'));
      }
      // ", Y" / "and Y" / ", and Y" go on with the list.
      let next = end;
      while (next < tokens.length && SEPARATORS.has(tokens[next].text) && next - end < 2) next++;
      if (next === end) break;
      at = next;
    }
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
