import { oneSpaceApart, POSSESSIVE_TOKEN, type Token } from './tokenize.js';
import { makeSpan, takenTokens, type CleanSpan } from './spans.js';
import type { Sentence } from './sentences.js';
import type { FeatureResources } from './model/features.js';
import { placeEntries } from './resources/gazetteer.js';
import { isOrdinaryWord, MONTH_OR_DAY, usuallyLowerCase } from './word-classes.js';

/** Organisation heads whose name goes on with "in" and the place they serve ("Mission in Mali"). */
const SERVES_IN = new Set(['mission', 'force', 'operation']);
/** Capitalised at the start of a sentence or heading, never the start of a name ("The Fletcher School" is "Fletcher School"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'our', 'their', 'his', 'her', 'my', 'your', 'every', 'each', 'all', 'both']);

/**
 * Where an organisation's name starts and ends, by the shape of the words around it (the
 * tagger sees two words either side; these rules see the whole name):
 *  - "European Union and New Zealand" tagged as one organisation is an organisation and a place;
 *  - "City Council's Committee on Energy": an organisation's possessive before a name that starts
 *    with a head word ends the first name;
 *  - "United Nations Mission in South Sudan": a mission or force takes in the country it serves;
 *  - "Defence and Security Committee", "Digital Democracy Alliance": an organisation ending in a
 *    head word takes in the untagged capitalised words before it.
 */
export function shapeOrganisations(text: string, tokens: Token[], sentences: Sentence[], spans: CleanSpan[], res: FeatureResources): CleanSpan[] {
  const { lists, caseBuckets, gazetteer } = res;
  const lower = (i: number) => tokens[i].text.toLowerCase();
  const capitalised = (i: number) => i >= 0 && i < tokens.length && /^\p{Lu}/u.test(tokens[i].text);
  const isHead = (i: number) => capitalised(i) && lists.orgHeads.has(lower(i));
  const oneSpace = (a: number, b: number) => oneSpaceApart(text, tokens, a, b);
  const kinds = (a: number, b: number) => placeEntries(gazetteer, tokens.slice(a, b).map((t) => t.text)) ?? [];
  const isCountryOrRegion = (a: number, b: number) => kinds(a, b).some((e) => e.kind === 'country' || e.kind === 'region' || e.kind === 'area');
  const sentenceStart = new Set(sentences.map((s) => s.first));
  /**
   * A plural common noun before a possessive owns a name with it ("Veterans' Administration",
   * "Children's Hospital"): a plural with a bare apostrophe, or one made without "s".
   */
  const pluralOwner = (i: number) =>
    (isOrdinaryWord(res.lexicon, tokens[i].text) || usuallyLowerCase(caseBuckets, tokens[i].text)) && (/^['’]$/.test(tokens[i + 1]?.text ?? '') || PLURALS_WITHOUT_S.has(lower(i)));

  // Split first: coordinated places and possessives.
  const split: CleanSpan[] = [];
  for (const s of spans) {
    if (s.type !== 'ORGANIZATION') {
      split.push(s);
      continue;
    }
    let cut = -1;
    for (let k = s.first + 1; k < s.last - 1 && cut < 0; k++) {
      if (lower(k) === 'and' && isCountryOrRegion(k + 1, s.last)) cut = k;
      const before = k - 1;
      // "Harvard's Kennedy School", "the City Council's Committee": two names; "Children's
      // Hospital", "Women's Health Foundation": one, named after a plural common noun.
      if (POSSESSIVE_TOKEN.test(tokens[k].text) && isHead(k + 1) && (isHead(before) || (before === s.first && !pluralOwner(before)))) cut = k;
    }
    if (cut < 0) {
      split.push(s);
      continue;
    }
    const place = lower(cut) === 'and';
    split.push(makeSpan(s.first, cut, s.type, s.title));
    split.push(makeSpan(cut + 1, s.last, place ? 'LOCATION' : 'ORGANIZATION'));
  }

  const taken = takenTokens(tokens.length, split);
  const out: CleanSpan[] = [];
  for (let n = 0; n < split.length; n++) {
    let s = split[n];
    if (s.type === 'ORGANIZATION') {
      // "... Mission in (the) South Sudan".
      const next = split[n + 1];
      let at = s.last;
      if (SERVES_IN.has(lower(s.last - 1)) && tokens[at]?.text === 'in') {
        at++;
        if (lower(at) === 'the') at++;
        // A country or region: a mission serves one; a task force "in Wolf Point" is located there.
        if (next && next.first === at && next.type === 'LOCATION' && oneSpace(s.last - 1, s.last) && isCountryOrRegion(next.first, next.last)) {
          s = makeSpan(s.first, next.last, s.type, s.title);
          n++;
        }
      }
      // "Digital" + "Democracy Alliance": words written in title case that are not usually lower
      // case (headline verbs, "If", "As"), onto a name of two words or more (a lone "Senate"
      // after "House and" is a second name).
      if (isHead(s.last - 1) && s.last - s.first >= 2) {
        const bucket = (i: number) => caseBuckets?.get(lower(i)) ?? 4;
        // Not a headline's verb ("Joins", "Urges"): a word ending in "s" must be nearly always capitalised.
        const modifier = (i: number) => /^\p{Lu}\p{Ll}/u.test(tokens[i].text) && !taken[i] && !lists.titleWords.has(lower(i)) && !DETERMINERS.has(lower(i)) && bucket(i) >= 2 && (bucket(i) >= 4 || !/s$/.test(lower(i)));
        const ownsName = (i: number) => /^\p{Lu}\p{Ll}/u.test(tokens[i].text) && !taken[i] && !lists.titleWords.has(lower(i)) && pluralOwner(i);
        let first = s.first;
        for (;;) {
          const p = first - 1;
          if (p >= 0 && modifier(p) && oneSpace(p, first)) first--;
          else if (p > 0 && lower(p) === 'and' && modifier(p - 1) && !isHead(p - 1) && oneSpace(p - 1, p) && oneSpace(p, first)) first -= 2;
          // "Children's" + "Defense Fund": a possessive owned by a plural common noun, as in the split above.
          else if (p > 0 && POSSESSIVE_TOKEN.test(tokens[p].text) && tokens[p - 1].end === tokens[p].start && ownsName(p - 1) && oneSpace(p, first)) first -= 2;
          else break;
        }
        // A sentence's first word is capitalised anyway: kept only when usually capitalised.
        while (first < s.first && sentenceStart.has(first) && bucket(first) <= 2) first++;
        if (POSSESSIVE_TOKEN.test(tokens[first].text)) first++;
        if (first < s.first) s = makeSpan(first, s.last, s.type);
      }
      // "10th" + "Mountain Division", "1-135th" + "Aviation Battalion": a unit's number is part of
      // its name (not a count or a date: "21st Century ... Center", "110th Congress").
      if (isHead(s.last - 1) && namesUnit(tokens, s.first, s.last)) {
        const number = ordinalBefore(tokens, s.first, taken);
        if (number >= 0 && oneSpace(s.first - 1, s.first)) s = makeSpan(number, s.last, s.type);
      }
    }
    out.push(s);
  }
  return joinEchelons(tokens, out, taken);
}

/** English plurals not made with "s", which may own a name in the possessive ("Children's Hospital"). */
const PLURALS_WITHOUT_S = new Set(['children', 'women', 'men', 'people']);

/** Military echelons, smallest first: a unit is written before the larger unit it belongs to. */
const ECHELONS = new Map([['company', 1], ['battery', 1], ['troop', 1], ['battalion', 2], ['squadron', 2], ['regiment', 3], ['brigade', 3], ['group', 3], ['division', 4], ['wing', 4], ['corps', 5], ['army', 5], ['fleet', 5]]);
/** Words of military units' names, which go with a number ("96th Regional Readiness Command"). */
const UNIT_WORDS = new Set([...ECHELONS.keys(), 'command', 'airborne', 'infantry', 'cavalry', 'artillery', 'armor', 'marines']);

function namesUnit(tokens: Token[], first: number, last: number): boolean {
  for (let i = first; i < last; i++) if (UNIT_WORDS.has(tokens[i].text.toLowerCase())) return true;
  return false;
}

/**
 * "3rd Battalion, 321st Field Artillery Regiment", "1st Brigade, 10th Mountain Division": a numbered
 * unit, a comma and the numbered larger unit it belongs to are one name. A list of units of one
 * size ("82nd Airborne Division, 101st Airborne Division") stays a list.
 */
function joinEchelons(tokens: Token[], spans: CleanSpan[], taken: Uint8Array): CleanSpan[] {
  const echelon = (s: CleanSpan) => (s.type === 'ORGANIZATION' && ordinalEnd(tokens, s.first) > 0 ? (ECHELONS.get(tokens[s.last - 1].text.toLowerCase()) ?? 0) : 0);
  const out: CleanSpan[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    const small = prev ? echelon(prev) : 0;
    if (small > 0 && s.first === prev.last + 1 && tokens[prev.last].text === ',' && !taken[prev.last] && echelon(s) > small) {
      out[out.length - 1] = makeSpan(prev.first, s.last, 'ORGANIZATION', prev.title);
      continue;
    }
    out.push(s);
  }
  return out;
}

const ORDINAL_SUFFIX = /^(st|nd|rd|th)$/i;
const DIGITS = /^\d+$/;

/** Where the ordinal number starting at token `at` ends ("10" "th", "1" "-" "135" "th"), or -1: digits with an ordinal suffix written onto them. */
function ordinalEnd(tokens: Token[], at: number): number {
  const attached = (a: number) => a + 1 < tokens.length && tokens[a].end === tokens[a + 1].start;
  let k = at;
  if (k + 2 < tokens.length && DIGITS.test(tokens[k].text) && tokens[k + 1].text === '-' && attached(k) && attached(k + 1)) k += 2;
  return k + 1 < tokens.length && DIGITS.test(tokens[k].text) && attached(k) && ORDINAL_SUFFIX.test(tokens[k + 1].text) ? k + 2 : -1;
}

/** Where an ordinal number ending right before token `at` starts, or -1; none of it may be inside another name. */
function ordinalBefore(tokens: Token[], at: number, taken: Uint8Array): number {
  for (const first of [at - 4, at - 2]) {
    if (first < 0 || ordinalEnd(tokens, first) !== at) continue;
    for (let i = first; i < at; i++) if (taken[i]) return -1;
    return first;
  }
  return -1;
}

/** Lower-case words that may stand inside an organisation's name ("Committee on the Civil Dimension of Security"). */
const NAME_CONNECTORS = new Set(['of', 'on', 'for', 'the', 'and', 'to', 'in']);
/** Head words that as often end the name of a programme, fund, event or generic body ("Energy Bill", "Advisory Board"). */
const WEAK_HEADS = new Set(['program', 'programme', 'fund', 'conference', 'partnership', 'team', 'board', 'union']);
const THE = /^the$/i;

/**
 * Organisations the tagger missed, in running text: "the" and title-case words that either end
 * in an organisation head word ("the Royal Canadian Mounted Police") or start with one and go on
 * with "of", "on", "for" ("the Committee on the Civil Dimension of Security"), followed by a
 * lower-case word or punctuation. The lower-case neighbours keep title-case headlines out
 * ("Senate Passes Farm Bill"); a title ("Secretary of Energy") is not a head.
 */
export function addTitleCaseOrganisations(text: string, tokens: Token[], spans: CleanSpan[], res: FeatureResources): CleanSpan[] {
  const { lists } = res;
  const taken = takenTokens(tokens.length, spans);
  const lower = (i: number) => tokens[i].text.toLowerCase();
  const titleCase = (i: number) => i < tokens.length && !taken[i] && /^\p{Lu}[\p{Ll}\p{Lu}'’-]*$/u.test(tokens[i].text) && /\p{Ll}/u.test(tokens[i].text) && !MONTH_OR_DAY.test(tokens[i].text);
  const isHead = (i: number) => lists.orgHeads.has(lower(i)) && !WEAK_HEADS.has(lower(i));
  const oneSpace = (a: number, b: number) => oneSpaceApart(text, tokens, a, b);
  const added: CleanSpan[] = [];
  for (let i = 1; i < tokens.length; i++) {
    // Tested without lower-casing: this loop sees every token of the document.
    if (!THE.test(tokens[i - 1].text) || !oneSpace(i - 1, i)) continue;
    // "the 2nd Battalion": a unit's number opens its name (and may follow a capitalised "The").
    const numberEnd = taken[i] ? -1 : ordinalEnd(tokens, i);
    // (A text may end with the number: "... on the 31st".)
    const nameStart = numberEnd > 0 && numberEnd < tokens.length && oneSpace(numberEnd - 1, numberEnd) ? numberEnd : i;
    if ((nameStart === i && tokens[i - 1].text !== 'the') || !titleCase(nameStart)) continue;
    let end = nameStart + 1;
    let connected = false;
    for (;;) {
      if (end < tokens.length && titleCase(end) && oneSpace(end - 1, end)) end++;
      else if (end < tokens.length && NAME_CONNECTORS.has(tokens[end].text) && oneSpace(end - 1, end)) {
        let k = end;
        while (k < tokens.length && NAME_CONNECTORS.has(tokens[k].text) && k - end < 2) k++;
        // The name goes on with "of", "on", "for", "to" ("Guard and Reserve" is two names).
        const opens = connected || /^(of|on|for|to)$/.test(tokens[end].text);
        if (opens && k < tokens.length && titleCase(k) && oneSpace(k - 1, k)) {
          end = k + 1;
          connected = true;
        } else break;
      } else break;
    }
    const after = tokens[end];
    const closed = !after || !/^\p{Lu}/u.test(after.text);
    const headFirst = isHead(nameStart) && connected;
    const headLast = isHead(end - 1) && !connected && !lists.titleWords.has(lower(nameStart)) && (nameStart === i || namesUnit(tokens, nameStart, end));
    if (end - i >= 2 && closed && (headFirst || headLast)) added.push(makeSpan(i, end, 'ORGANIZATION'));
    i = end;
  }
  return added.length ? [...spans, ...added].sort((a, b) => a.first - b.first) : spans;
}
