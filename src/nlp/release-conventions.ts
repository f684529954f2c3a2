import { oneSpaceApart, POSSESSIVE_TOKEN, setApart, type Token } from './tokenize.js';
import { makeSpan, spanAtTokens, type CleanSpan } from './spans.js';
import type { FeatureResources } from './model/features.js';
import { INITIAL } from './word-classes.js';
import { namesCountryOrRegion, placeEntries, usState, type Gazetteer, type GazetteerEntry } from './resources/gazetteer.js';

/**
 * Legal forms that end a company's name ("Sentrix Labs, Inc."). Too ambiguous to be here:
 * two-letter ones ("AG" is also an attorney general) and "Co." (also a county: "Wise Co.").
 */
const LEGAL_FORMS = new Set(['Inc', 'Inc.', 'Ltd', 'Ltd.', 'LLC', 'L.L.C.', 'LLP', 'PLC', 'plc', 'GmbH', 'N.V.', 'B.V.', 'S.A.', 'S.p.A.', 'Corp.', 'Pty']);
/** Capitalised closed-class words that start a sentence or heading, never a name. */
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'about', 'for', 'from', 'by', 'with', 'at', 'in', 'on', 'of', 'and', 'to', 'as', 'this', 'our', 'its', 'their', 'contact', 'media', 'source']);
/** Words inside an organisation's name between capitalised words ("Bank of America", "Procter & Gamble"). */
const INNER = new Set(['of', 'for', 'and', '&', 'de', 'du', 'la']);
/** Titles whose "of" names a place, not an organisation ("Mayor of Bexley"). */
const PLACE_TITLES = new Set(['mayor', 'governor', 'premier', 'ambassador', 'consul', 'bishop', 'archbishop', 'king', 'queen', 'prince', 'princess', 'duke', 'sheriff', 'lieutenant']);
/** Titles held in a company or agency: a name after "<title> of" the tagger took for a place is one ("Officer of Zelvora"). */
const ORG_TITLES = new Set(['officer', 'director', 'chairman', 'chairwoman', 'chair', 'ceo', 'cfo', 'coo', 'founder', 'co-founder', 'manager', 'executive', 'partner', 'spokesperson', 'spokesman', 'spokeswoman', 'employees', 'vice-president']);
const DASHES = new Set(['-', '--', '–', '—']);
const TICKER = /^[\p{Lu}\p{N}.]{1,6}$/u;
const CAPITALISED = /^\p{Lu}/u;
/** A US party's letter before a member of Congress's state: "(D-WA)", "(R-Mont.)", "(I-Vt.)". */
const PARTY = /^[DRI]$/;

/** What ends ", R-Ga.," after a name: punctuation, or the end of the text. */
const AFTER_STATE = new Set([',', '.', ';', ':', ')']);

/**
 * The state of a member of Congress whose name starts at token `first`, written after the party:
 * "(D-WA)", "(R - Mont.)", "(R-South Dakota)", "(D-WA-03)", after a comma ", R-Ga.," and ", D-Del. said", or with the
 * punctuation stripped, as some corpora keep releases ("Maria Lund  D WA  said": two spaces
 * where the brackets were). Returns the US state and where its tokens end, or undefined.
 */
export function memberState(text: string, tokens: Token[], first: number, gazetteer: Gazetteer): { state: GazetteerEntry; end: number } | undefined {
  const joined = (a: number) => tokens[a].end === tokens[a + 1].start;
  // A representative's district after the state: "(D-WA-03)".
  const district = (at: number) => tokens[at]?.text === '-' && /^\d{1,2}$/.test(tokens[at + 1]?.text ?? '') && tokens[at + 2]?.text === ')' && joined(at) && joined(at + 1);
  if (first < 2 || first >= tokens.length) return undefined;
  let opener: string | undefined;
  if (tokens[first - 1].text === '-' && first >= 3) {
    const open = first - 3;
    opener = tokens[open].text;
    // "(R-Mont.)", or spaced: "(R - Mont.)".
    const dashed = (joined(open + 1) && joined(open + 2)) || (oneWordApart(tokens, open + 1) && oneWordApart(tokens, open + 2));
    if ((opener !== '(' && opener !== ',') || !PARTY.test(tokens[open + 1].text) || !dashed) return undefined;
    if (opener === '(' ? !joined(open) : !oneWordApart(tokens, open)) return undefined;
  } else {
    // Stripped: a name, the party a gap after it, the state a space after the party.
    if (!PARTY.test(tokens[first - 1].text) || !oneWordApart(tokens, first - 1) || !setApart(text, tokens, first - 2) || !CAPITALISED.test(tokens[first - 2].text)) return undefined;
  }
  // "South Dakota" before "Dakota".
  for (const end of [first + 2, first + 1]) {
    if (end > tokens.length || (end === first + 2 && !oneWordApart(tokens, first))) continue;
    const after = tokens[end]?.text;
    const closed =
      opener === '(' ? after === ')' || district(end)
      : opener === ',' ? after === undefined || AFTER_STATE.has(after) || tokens[end - 1].text.endsWith('.')
      : setApart(text, tokens, end - 1);
    if (!closed) continue;
    const state = usState(gazetteer, tokens.slice(first, end).map((t) => t.text));
    if (state) return { state, end };
  }
  return undefined;
}

/** A US ZIP code ("04736"; "20510-0001" is tokenised "20510", "-", "0001"). */
const ZIP_CODE = /^\d{5}$/;
/** A two-letter postal abbreviation of a US state, in capitals. */
const POSTAL_STATE = /^[A-Z]{2}$/;
/** Words that end a street's name. */
const STREET_WORDS = new Set(['street', 'st', 'avenue', 'ave', 'road', 'rd', 'boulevard', 'blvd', 'drive', 'dr', 'lane', 'ln', 'parkway', 'pkwy', 'highway', 'hwy', 'pike', 'terrace', 'circle']);
/** The words of an address that are not its town: "25 Main Street, Suite A", "P O Box 655". */
const ADDRESS_WORDS = new Set([...STREET_WORDS, 'suite', 'ste', 'box', 'building', 'bldg', 'floor', 'room', 'office', 'plaza', 'court', 'ct', 'nw', 'ne', 'sw', 'se']);

/** A house number: "25" of "25 Sweden Street". */
const HOUSE_NUMBER = /^\d{1,5}$/;
/** Street words a number may follow as part of the name ("Highway 169"). */
const HIGHWAYS = new Set(['highway', 'hwy']);
/** Words after a number that make it an amount, not a house number ("15 Million For Highway Safety"). */
const AMOUNT_WORDS = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion', 'percent']);

/** A part of a state named by its direction: "Western" of "Western PA". */
const COMPASS = /^(?:(?:north|south)?(?:east|west)(?:ern)?|north(?:ern)?|south(?:ern)?|central|upstate|downstate)$/i;
/** A US state's abbreviation: "DC", "D.C.", "Md.". */
const STATE_ABBREVIATION = /^(?:[A-Z]{2}|(?:[A-Z]\.){2}|[A-Z][a-z]{1,4}\.)$/;

/**
 * Where a US state's abbreviation ends tokens [first, last): "DC", "D.C.", or "D C" of a text
 * stripped of its full stops; -1 if none does.
 */
function stateAbbreviationStart(tokens: Token[], first: number, last: number, gazetteer: Gazetteer): number {
  const end = tokens[last - 1].text;
  if (STATE_ABBREVIATION.test(end) && usState(gazetteer, [end])) return last - 1;
  if (last - 2 > first && /^[A-Z]$/.test(end) && /^[A-Z]$/.test(tokens[last - 2].text) && usState(gazetteer, [tokens[last - 2].text + end])) return last - 2;
  return -1;
}

const oneWordApart = (tokens: Token[], a: number) => tokens[a + 1] !== undefined && tokens[a].end + 1 === tokens[a + 1].start;

/**
 * Names marked by the conventions of press releases, whatever the tagger made of them:
 *  - "About Halberd Defence Systems" heading the boilerplate: the rest of the line is the issuer;
 *  - "Oct. 5, 2021 /PRNewswire/ --": the wire service credited in a dateline;
 *  - "(NYSE: HDS)": the exchange is an organisation and the ticker symbol is no name;
 *  - "Chief Executive Officer of Sentrix": the name after a title and "of" or "at" is an
 *    organisation, when it is no place and not words of the common vocabulary ("Secretary of
 *    Health" is a title, "Director of Europol" names an agency);
 *  - "Sentrix Labs, Inc.": a legal form ends a company's name, which takes in the capitalised
 *    words before it;
 *  - "(D-WA)", "(R-Mont.)", ", R-Ga.,", "Lund  D WA": the state of a member of Congress, after the party, is a place;
 *  - "Bangor, ME 04402", "Caribou ME 04736": in an address, a US state's postal code before a ZIP
 *    code is the state, and the capitalised words just before it (not a street or a suite) its town.
 *  - "Washington DC", "WASHINGTON  D C", "Rome NY": a place and a US state's abbreviation after it
 *    are two names side by side;
 *  - "25 Sweden Street", "1600 Pennsylvania Ave": after a house number, capitalised words up to a
 *    street word are a street (a place), without the house number or a quadrant ("NW") after it.
 * A name found this way replaces the spans the tagger put inside it.
 */
export function applyReleaseConventions(text: string, tokens: Token[], spans: CleanSpan[], res: FeatureResources): CleanSpan[] {
  const { lists, caseBuckets, gazetteer } = res;
  const spanAt = spanAtTokens(tokens.length, spans);
  const gap = (a: number, b: number) => text.slice(tokens[a].end, tokens[b].start);
  const sameLine = (a: number, b: number) => !gap(a, b).includes('\n');
  const oneSpace = (a: number, b: number) => oneSpaceApart(text, tokens, a, b);
  const joined = (a: number, b: number) => gap(a, b) === '';
  const lower = (i: number) => tokens[i].text.toLowerCase();
  const capitalised = (i: number) => i >= 0 && i < tokens.length && CAPITALISED.test(tokens[i].text);
  const isPlace = (a: number, b: number) => placeEntries(gazetteer, tokens.slice(a, b).map((t) => t.text)) !== undefined;
  /** Not a word of the common vocabulary: unknown to the unlabeled-text statistics, or nearly always capitalised there. */
  const properWord = (i: number) => /\p{L}/u.test(tokens[i].text) && (caseBuckets?.get(lower(i)) ?? 4) >= 4;

  /** Capitalised words from `i` on, one space apart, with inner connectors ("of", "&") and glued hyphens. */
  const runFrom = (i: number, max = 8): number => {
    let end = i;
    while (end < tokens.length && end - i < max && (end === i || oneSpace(end - 1, end))) {
      if (capitalised(end)) end++;
      else if (end > i && DASHES.has(tokens[end].text) && joined(end - 1, end) && capitalised(end + 1) && joined(end, end + 1)) end += 2;
      else if (end > i && INNER.has(lower(end)) && capitalised(end + 1) && oneSpace(end, end + 1)) end += 2;
      else break;
    }
    return end;
  };

  const found: CleanSpan[] = [];
  const dropped: Array<[number, number]> = [];
  const add = (first: number, last: number, type: CleanSpan['type'] = 'ORGANIZATION') => {
    if (last > first) found.push(makeSpan(first, last, type));
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].text;
    // "About Halberd Defence Systems" as a line of its own.
    if (t === 'About' && /^[\s#*>_-]*$/.test(text.slice(text.lastIndexOf('\n', tokens[i].start - 1) + 1, tokens[i].start))) {
      let first = i + 1;
      if (first < tokens.length && lower(first) === 'the') first++;
      let end = runFrom(first);
      if (end < tokens.length - 1 && tokens[end].text === ',' && LEGAL_FORMS.has(tokens[end + 1].text)) end += 2;
      const lineEnds = end >= tokens.length || !sameLine(end - 1, end) || /^[.:*]+$/.test(tokens[end].text);
      const person = tokens.slice(first, end).some((_, k) => spans[spanAt[first + k]]?.type === 'PERSON');
      if (end > first && lineEnds && !person && !isPlace(first, end)) add(first, end);
    }
    // "/PRNewswire/ --".
    if (t === '/' && i + 3 < tokens.length && tokens[i + 2].text === '/' && DASHES.has(tokens[i + 3].text) && capitalised(i + 1) && gap(i, i + 1) === '' && gap(i + 1, i + 2) === '') {
      add(i + 1, i + 2);
    }
    // "(D-WA)", ", R-Ga.,", "Lund  D WA": a state.
    if (PARTY.test(t)) {
      const first = tokens[i + 1]?.text === '-' ? i + 2 : i + 1;
      const member = memberState(text, tokens, first, gazetteer);
      if (member) {
        add(first, member.end, 'LOCATION');
        // The name before is the member's ("Levin (D-MI)" is no place), and, stripped, the party
        // letter is no part of it ("Dunmore  D ME": Dunmore).
        const end = first === i + 2 ? i - 1 : i;
        const named = spans[spanAt[end - 1]] ?? spans[spanAt[i]];
        // Not a country or state: "United States   D OH" is what is left where a corpus dropped
        // the senator's name from "United States Senator Ann Hale (D-OH)".
        if (named && named.first < end && named.last >= end && (named.type !== 'PERSON' || named.last > end) && !namesCountryOrRegion(gazetteer, tokens.slice(named.first, end).map((t) => t.text))) add(named.first, end, 'PERSON');
      }
    }
    // "Caribou ME 04736", "Washington, DC 20510": a state, and the town before it.
    if (POSTAL_STATE.test(t) && ZIP_CODE.test(tokens[i + 1]?.text ?? '') && oneSpace(i, i + 1) && usState(gazetteer, [t])) {
      add(i, i + 1, 'LOCATION');
      // The town ends before the state, a comma between or not ("Bangor, ME", "Caribou ME").
      const end = i >= 2 && tokens[i - 1].text === ',' && joined(i - 2, i - 1) ? i - 1 : i;
      const apart = end < i ? oneSpace(i - 1, i) : i > 0 && (oneSpace(i - 1, i) || setApart(text, tokens, i - 1));
      let start = end;
      while (apart && start > 0 && end - start < 3 && capitalised(start - 1) && (start === end || oneSpace(start - 1, start))) start--;
      // Untagged, or a name of its own (the state with it or not), and no street or suite.
      const owners = [...new Set(tokens.slice(start, end).map((_, k) => spanAt[start + k]))];
      const owner = owners.length === 1 ? owners[0] : null;
      const alone = owner === -1 || (owner !== null && spans[owner].first === start && (spans[owner].last === end || spans[owner].last === i + 1));
      if (start < end && alone && !ADDRESS_WORDS.has(lower(start)) && !ADDRESS_WORDS.has(lower(end - 1))) add(start, end, 'LOCATION');
    }
    // "25 Sweden Street": the words after a house number, up to the first street word.
    if (HOUSE_NUMBER.test(t) && tokens[i - 1]?.text !== '$' && capitalised(i + 1) && oneSpace(i, i + 1) && !AMOUNT_WORDS.has(lower(i + 1))) {
      // Capitalised words one space apart, at most four after the number.
      const goesOn = (k: number) => k < tokens.length && k - i <= 4 && capitalised(k) && oneSpace(k - 1, k);
      let end = i + 2;
      while (goesOn(end) && !STREET_WORDS.has(lower(end))) end++;
      if (goesOn(end) && STREET_WORDS.has(lower(end))) {
        // Not inside an organisation's name that goes on ("5 Wall Street Journal"); a highway's number is its name's.
        const organisation = spans[spanAt[end]]?.type === 'ORGANIZATION' && spans[spanAt[end]].last > end + 1;
        const numbered = HIGHWAYS.has(lower(end)) && end + 1 < tokens.length && HOUSE_NUMBER.test(tokens[end + 1].text) && oneSpace(end, end + 1);
        if (!organisation) add(i + 1, end + (numbered ? 2 : 1), 'LOCATION');
      }
    }
    // "(NYSE: HDS)", "(Euronext Amsterdam: VIREO)".
    if (t === '(') {
      const end = runFrom(i + 1, 3);
      if (end > i + 1 && tokens[end]?.text === ':' && TICKER.test(tokens[end + 1]?.text ?? '') && tokens[end + 2]?.text === ')') {
        add(i + 1, end);
        dropped.push([end + 1, end + 2]);
      }
    }
    // "Chief Executive Officer of Sentrix".
    if ((t === 'of' || t === 'at') && i > 0 && lists.titleWords.has(lower(i - 1)) && !PLACE_TITLES.has(lower(i - 1))) {
      let first = i + 1;
      if (first < tokens.length && lower(first) === 'the') first++;
      if (first >= tokens.length || lists.titleWords.has(lower(first))) continue;
      const taken = spans[spanAt[first]];
      if (taken) {
        if (taken.type === 'LOCATION' && taken.first === first && ORG_TITLES.has(lower(i - 1)) && !isPlace(taken.first, taken.last)) add(taken.first, taken.last);
        continue;
      }
      let end = runFrom(first, 6);
      for (let k = first; k < end; k++) if (spanAt[k] !== -1) end = k;
      const words = tokens.slice(first, end).map((_, k) => first + k);
      // "of the Yemeni Women's Relief Foundation": a possessive may go on with the name; leave it.
      const possessive = end < tokens.length && POSSESSIVE_TOKEN.test(tokens[end].text);
      if (end > first && !possessive && !isPlace(first, end) && words.some(properWord)) add(first, end);
    }
    // "Sentrix Labs, Inc.", "Kestrel Shield Ltd".
    if (LEGAL_FORMS.has(t) && i > 0) {
      let last = i;
      if (tokens[last - 1].text === ',' && last >= 2 && joined(last - 2, last - 1) && oneSpace(last - 1, last)) last--;
      else if (!oneSpace(last - 1, last)) continue;
      let first = last;
      // The word before a comma touches it ("Labs,"); other words are one space apart.
      const next = (p: number, q: number) => (q === last && last < i ? joined(p, q) : oneSpace(p, q));
      for (;;) {
        if (first === 0 || last - first >= 8) break;
        const p = first - 1;
        if (capitalised(p) && next(p, first)) first--;
        else if (DASHES.has(tokens[p].text) && joined(p, first) && p > 0 && joined(p - 1, p) && capitalised(p - 1)) first -= 2;
        // "Habitat for Humanity of ...": not over "and" (two names), nor into a person's name.
        else if (INNER.has(lower(p)) && lower(p) !== 'and' && oneSpace(p, first) && p > 0 && capitalised(p - 1) && oneSpace(p - 1, p) && spans[spanAt[p - 1]]?.type !== 'PERSON') first -= 2;
        else break;
      }
      // Not the title of whoever leads it ("President and CEO of FedEx Corp.").
      while (first < last && (FUNCTION_WORDS.has(lower(first)) || INNER.has(lower(first)) || lists.titleWords.has(lower(first)))) first++;
      // A longer organisation the tagger found stays whole.
      const tagged = spans[spanAt[last - 1]];
      if (tagged?.type === 'ORGANIZATION' && tagged.first < first) first = tagged.first;
      if (first < last) add(first, i + 1);
    }
  }
  // "Washington DC", "WASHINGTON  D C", "Rome NY": a town and its state are two names side by side;
  // not "W.Va." (one abbreviation) nor "Western PA" (a part of the state).
  for (const s of spans) {
    if (s.type !== 'LOCATION' || s.last - s.first < 2) continue;
    const state = stateAbbreviationStart(tokens, s.first, s.last, gazetteer);
    if (state <= s.first) continue;
    const town = tokens.slice(s.first, state).map((t) => t.text).join(' ');
    if (INITIAL.test(town) || COMPASS.test(town)) continue;
    add(s.first, state, 'LOCATION');
    add(state, s.last, 'LOCATION');
  }
  if (!found.length && !dropped.length) return spans;

  // Longer finds win over the shorter ones inside them; a find never cuts a name it only partly covers
  // of a kind it does not claim (a person in "Sabine Bay LNG, LLC" becomes part of the company).
  found.sort((a, b) => a.first - b.first || b.last - a.last);
  const kept: CleanSpan[] = [];
  for (const f of found) if (!kept.some((k) => f.first < k.last && k.first < f.last)) kept.push(f);
  const covered = (s: CleanSpan) => kept.some((k) => s.first < k.last && k.first < s.last) || dropped.some(([a, b]) => s.first < b && a < s.last);
  return [...spans.filter((s) => !covered(s)), ...kept].sort((a, b) => a.first - b.first);
}
