import { oneSpaceApart, type Token } from './tokenize.js';
import { LEGAL_SUFFIX, makeSpan, spanAtTokens, takenTokens, type CleanSpan } from './spans.js';
import type { FeatureResources } from './model/features.js';
import type { Sentence } from './sentences.js';
import { LARGE_CITY, matchGazetteer, namesCountryOrRegion, namesResidents, placeEntries, type Gazetteer } from './resources/gazetteer.js';
import { memberState } from './release-conventions.js';
import { HAS_LETTER, isFirstNameWord, isOrdinaryWord, MONTH_OR_DAY, usuallyLowerCase } from './word-classes.js';

const ACRONYM_LIKE = /^\p{Lu}{2,}s?$/u;
const PLURAL_ACRONYM = /^\p{Lu}{2,}s$/u;
const ALL_CAPS = /^\p{Lu}[\p{Lu}\p{N}.&]*$/u;
/** Prepositions of place: a place after one stands alone ("In Chicago Acme Corporation opened ..."). */
const LOCATIVE = new Set(['in', 'at', 'near', 'from', 'across', 'throughout', 'outside', 'inside']);

/** Legal instruments: a name ending in one is a treaty or law (CoNLL MISC), not an organisation. */
const INSTRUMENTS = new Set(['treaty', 'convention', 'agreement', 'accord', 'accords', 'protocol', 'act', 'charter', 'pact']);
/**
 * Head words of names of things that are neither organisations nor places (CoNLL MISC, or common
 * nouns written in capitals): conditions ("Post Traumatic Stress Disorder"), documents ("National
 * Intelligence Estimate"), observances ("National Veterans Awareness Week") and awards ("Air Force
 * Commendation Medal"). Unlike a law's name, such a name is an organisation's when an organisation's
 * head word begins it before "of"/"for"/"on" ("International Center for Spinal Cord Injury").
 */
const NOT_NAME_HEADS = new Set(['disorder', 'disorders', 'syndrome', 'injury', 'injuries', 'disease', 'diseases', 'estimate', 'review', 'report', 'study', 'assessment', 'strategy', 'doctrine', 'day', 'week', 'month', 'medal', 'award', 'prize', 'trophy']);
/** What legislators' names go before, run together: "the Carper Alexander bill" names two senators. */
const SPONSORED = new Set(['bill', 'bills', 'amendment', 'amendments', 'legislation', 'resolution', 'act', 'provision', 'proposal', 'plan', 'letter', 'substitute', 'measure', 'compromise', 'report']);
/** Ship prefixes: "HMS Spey" is a vessel (CoNLL MISC), not an organisation or place. */
const SHIP_PREFIXES = new Set(['HMS', 'USS', 'HMCS', 'HMAS', 'HMNZS', 'HNLMS', 'USNS', 'RFA', 'USCGC']);

const shoutingCache = new WeakMap<Token[], boolean>();

/** Is most of the document's lettering upper case (a shouted headline style or stripped text)? */
function shouting(tokens: Token[]): boolean {
  let known = shoutingCache.get(tokens);
  if (known === undefined) shoutingCache.set(tokens, (known = countShouting(tokens)));
  return known;
}

function countShouting(tokens: Token[]): boolean {
  let upper = 0;
  let lower = 0;
  for (const t of tokens) {
    for (let i = 0; i < t.text.length; i++) {
      const c = t.text[i];
      if (c !== c.toLowerCase()) upper++;
      else if (c !== c.toUpperCase()) lower++;
    }
  }
  return upper > lower;
}

/** An organisation head word in capitals ("Agency", "Center"). */
const isHeadAt = (tokens: Token[], i: number, orgHeads: ReadonlySet<string>) => orgHeads.has(tokens[i].text.toLowerCase()) && /^\p{Lu}/u.test(tokens[i].text);

/** Tokens [first, last) name a condition, a document, an observance or an award (NOT_NAME_HEADS). */
function namesNoOrganisation(tokens: Token[], first: number, last: number, orgHeads: ReadonlySet<string>): boolean {
  if (!NOT_NAME_HEADS.has(tokens[last - 1].text.toLowerCase()) || !/^\p{Lu}/u.test(tokens[last - 1].text)) return false;
  // "Center for Spinal Cord Injury": a head word that begins the name's "… of/for/on …".
  for (let i = first; i + 1 < last; i++) if (isHeadAt(tokens, i, orgHeads) && /^(of|for|on)$/i.test(tokens[i + 1].text)) return false;
  return true;
}

/** What a law's or treaty's title holds between its names and its last word: "of", "&", "21st", "(SECA)". */
const TITLE_INNER = /^(?:of|and|for|to|in|on|&|,|-|\(|\)|\d+(?:st|nd|rd|th)?)$/;

/**
 * The name opens the title of a law or treaty that goes on after it, after "the": "the [Southeast
 * Crescent Authority] (SECA) Act", "the [FEMA] Rebuilding Assistance Act", "the [UN] Convention on
 * the Law of the Sea". The title is CoNLL MISC, and a name inside it is no mention. Only after
 * "the": in a title-case headline "Senate Passes Clean Air Act" the Senate acts. The title runs on
 * one line, its words at most three spaces apart (text stripped of its commas leaves two), with
 * "the" only after a preposition ("In the Senate, the Healthy Americans Act" names no law).
 */
function opensInstrument(text: string, tokens: Token[], s: CleanSpan, orgHeads: ReadonlySet<string>): boolean {
  if (s.first === 0 || tokens[s.first - 1].text.toLowerCase() !== 'the') return false;
  for (let k = s.last; k < tokens.length && k - s.last < 16; k++) {
    if (!/^ {0,3}$/.test(text.slice(tokens[k - 1].end, tokens[k].start))) return false;
    const word = tokens[k].text;
    // A convention is a treaty when it is on something ("Convention on the Law of the Sea"), else
    // it may be a meeting ("the Rifle Association Convention", "... Convention on Saturday").
    // A treaty's body is an organisation ("the Comprehensive Nuclear-Test-Ban Treaty Organization").
    if (INSTRUMENTS.has(word.toLowerCase())) {
      if (!/^\p{Lu}/u.test(word) || (k + 1 < tokens.length && isHeadAt(tokens, k + 1, orgHeads))) return false;
      return !/^conventions?$/i.test(word) || (/^(on|for|against)$/.test(tokens[k + 1]?.text ?? '') && /^(the|\p{Lu}.*)$/u.test(tokens[k + 2]?.text ?? '') && !MONTH_OR_DAY.test(tokens[k + 2].text));
    }
    if (/^the$/i.test(word) ? !/^(of|on|for|to|in)$/.test(tokens[k - 1].text) : !/^\p{Lu}/u.test(word) && !TITLE_INNER.test(word)) return false;
  }
  return false;
}

/**
 * Acronyms a document defines for something that is no name, so that none of its uses is one:
 * a lower-case phrase ("content delivery network (CDN)"), a treaty or law ("Arms Trade Treaty
 * (ATT)"), a condition or a document ("Traumatic Brain Injury (TBI)"). The run drops the same
 * acronym in releases that use it without defining it (pipeline/acronym-resolution.ts).
 */
export function commonNounAcronyms(tokens: Token[], orgHeads: ReadonlySet<string>): Set<string> {
  const lower = (i: number) => tokens[i].text.toLowerCase();
  const found = new Set<string>();
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (tokens[i - 1].text !== '(' || tokens[i + 1].text !== ')' || !ACRONYM_LIKE.test(tokens[i].text)) continue;
    const letters = tokens[i].text.replace(/s$/, '').toLowerCase();
    const words: string[] = [];
    for (let j = i - 2; j >= 0 && words.length < letters.length; j--) if (HAS_LETTER.test(tokens[j].text)) words.unshift(tokens[j].text);
    if (words.length === letters.length && words.every((w, k) => w[0] === letters[k])) found.add(tokens[i].text);
    // "Arms Trade Treaty (ATT)", "Treaty on the Non-Proliferation of Nuclear Weapons (NPT)": a treaty's
    // acronym, when the treaty word ends or starts the name ("Test-Ban Treaty Organization" is a body).
    let start = i - 1;
    while (start > 0 && i - start <= 12 && /^\p{Lu}|^(of|on|the|and|for|in|to|-)$/u.test(tokens[start - 1].text)) start--;
    while (start < i - 1 && !/^\p{Lu}/u.test(tokens[start].text)) start++;
    if (start < i - 1 && (INSTRUMENTS.has(lower(i - 2)) || INSTRUMENTS.has(lower(start)) || namesNoOrganisation(tokens, start, i - 1, orgHeads))) found.add(tokens[i].text);
    // "the Southeast Crescent Authority (SECA) Act": the acronym names the law.
    if (i + 2 < tokens.length && INSTRUMENTS.has(lower(i + 2)) && /^\p{Lu}/u.test(tokens[i + 2].text)) found.add(tokens[i].text);
  }
  return found;
}

/**
 * Rules on the shape of names that a token-level tagger gets wrong, each general:
 *  - a name ending in an organisation head word is an organisation ("Fletcher School",
 *    "Endeavor Robotics"), so is a word compromise's lexicon lists as an organisation ("EU"),
 *    and a name directly followed by an organisation that starts with a head
 *    word is one organisation with it ("Kennedy" + "School of Government");
 *  - a person's name does not end in a role noun that is usually written in lower case
 *    ("Military Adviser"), nor is it an upper-case acronym ("PKOs") in normally cased text;
 *  - an acronym the document defines for no name (`commonAcronyms`: "content delivery network
 *    (CDN)") is a common noun, so none of its uses is a name; so is a plural acronym ("PKOs");
 *  - names joined by a hyphen are two names ("NATO-UN");
 *  - "the" + words usually written in lower case is a short form, not a name ("the Alliance"),
 *    and so is a lone capitalised word usually written in lower case ("Allies agreed");
 *  - a field in a title is not an organisation ("Fellow for National Security Studies");
 *  - treaties and laws ("Arms Trade Treaty (ATT)"), ships ("HMS Spey"), conditions, documents,
 *    observances and awards ("Traumatic Brain Injury") are not organisations, nor is a name that
 *    opens a law's title ("the FEMA Rebuilding Assistance Act").
 */
export function applyNamePatterns(text: string, tokens: Token[], sentences: Sentence[], spans: CleanSpan[], commonAcronyms: ReadonlySet<string>, res: FeatureResources): CleanSpan[] {
  const { lists, caseBuckets, gazetteer, lexicon, shortForms } = res;
  const sentenceStart = new Set(sentences.map((s) => s.first));
  const lower = (i: number) => tokens[i].text.toLowerCase();
  const isHead = (i: number) => isHeadAt(tokens, i, lists.orgHeads);
  /** Separated by exactly one space: "Kennedy School", not "Kennedy,\nSchool". */
  const adjacent = (a: number, b: number) => oneSpaceApart(text, tokens, a, b);
  const oneSpaceThrough = (first: number, last: number) => {
    for (let i = first; i < last - 1; i++) if (!adjacent(i, i + 1)) return false;
    return true;
  };
  const loud = shouting(tokens);

  /** Usually written in lower case in press releases (unlabeled-text statistics), so a common noun. */
  const bucket = (i: number) => (ALL_CAPS.test(tokens[i].text) ? 4 : (caseBuckets?.get(lower(i)) ?? 4));
  const usuallyLower = (i: number) => !HAS_LETTER.test(tokens[i].text) || bucket(i) <= 1;
  const isPlace = (words: string[]) => placeEntries(gazetteer, words) !== undefined;
  const isNamePart = (a: number, b: number) => (b - a === 1 && ALL_CAPS.test(tokens[a].text)) || isPlace(tokens.slice(a, b).map((t) => t.text));

  // Words of people named in ordinary case that are no ordinary words: "RAMIREZ" may be Ramirez,
  // "BURNS" in "WILDFIRE BURNS 10,000 ACRES" is not Senator Burns.
  const personWords = new Set<string>();
  // Surnames of people the document names in full: "Nelson" in "the Nelson Collins amendment" is one.
  const surnames = new Set<string>();
  for (const s of spans) {
    if (s.type !== 'PERSON' || s.last - s.first < 2) continue;
    surnames.add(lower(s.last - 1));
    for (let i = s.first; i < s.last; i++) {
      const word = tokens[i].text;
      if (!ACRONYM_LIKE.test(word) && !isOrdinaryWord(lexicon, word) && !usuallyLowerCase(caseBuckets, word)) personWords.add(word.toUpperCase());
    }
  }

  const out: CleanSpan[] = [];
  for (const span of extendCoordinated(tokens, splitJoined(tokens, spans, isNamePart, isPlace), isHead, isPlace)) {
    let s = span;
    // "UN PKOs": a plural acronym is a common noun ("peacekeeping operations"), not part of a name.
    if (PLURAL_ACRONYM.test(tokens[s.last - 1].text)) {
      if (s.last - s.first === 1) continue;
      s = makeSpan(s.first, s.last - 1, s.type, s.title);
    }
    // "New Yorkers", "North Carolinians": the people of a state or city, no name.
    if (namesResidents(gazetteer, tokens.slice(s.first, s.last).map((t) => t.text))) continue;
    // "Allies agreed": one capitalised word that is usually written in lower case is a common noun.
    if (s.last - s.first === 1 && !sentenceStart.has(s.first) && usuallyLower(s.first) && !isPlace([tokens[s.first].text])) continue;
    // "the Alliance", "the Sub-Committee": a short form whose words are usually lower case (one
    // word: often lower case; "the Senate" is a name, "the Commission" a short form, and so is
    // "the House" though "house" is often lower case: press releases capitalise it after "the").
    // "the Gambia", "the Netherlands": "the" before a country or region is part of normal usage.
    if (s.first > 0 && lower(s.first - 1) === 'the' && !namesCountryOrRegion(gazetteer, tokens.slice(s.first, s.last).map((t) => t.text))) {
      const words: number[] = [];
      for (let i = s.first; i < s.last; i++) if (HAS_LETTER.test(tokens[i].text)) words.push(i);
      // Several words with a head word are a name written in title case ("the World Health Organization").
      if (words.length === 1 ? bucket(words[0]) <= 3 && !shortForms.has(lower(words[0])) : words.every(usuallyLower) && !words.some(isHead)) continue;
    }
    // "Fellow for National Security Studies": a field in a title, not an organisation.
    // A word nearly always capitalised, or unknown to the unlabeled text, names something ("Officer of Zelvora").
    if (s.first > 1 && /^(for|of)$/.test(lower(s.first - 1)) && lists.titleWords.has(lower(s.first - 2)) && !tokens.slice(s.first, s.last).some((t, k) => isHead(s.first + k) || ALL_CAPS.test(t.text) || (HAS_LETTER.test(t.text) && bucket(s.first + k) >= 4)) && !isPlace(tokens.slice(s.first, s.last).map((t) => t.text))) continue;
    const name = tokens.slice(s.first, s.last).map((t) => t.text).join(' ');
    if (commonAcronyms.has(name)) continue;
    if (SHIP_PREFIXES.has(tokens[s.first].text) || (s.first > 0 && SHIP_PREFIXES.has(tokens[s.first - 1].text))) continue;
    if (s.type === 'ORGANIZATION' && s.last - s.first > 1 && INSTRUMENTS.has(lower(s.last - 1))) continue;
    if (s.type !== 'PERSON' && opensInstrument(text, tokens, s, lists.orgHeads)) continue;
    if (s.type !== 'PERSON' && s.last - s.first > 1 && namesNoOrganisation(tokens, s.first, s.last, lists.orgHeads)) continue;
    // A legal form alone ("Co", "NV") is no name, but a state in "(D-CO)", "(D-NV)" is a place.
    const partyState = memberState(text, tokens, s.first, gazetteer)?.end === s.last;
    if (s.last - s.first === 1 && LEGAL_SUFFIX.has(lower(s.first)) && !partyState) continue;
    // A one-word "person" in capitals is an acronym, unless the document names a person with it
    // in ordinary case ("RAMIREZ" in a headline, "Senator Ana Ramirez" below).
    if (s.type === 'PERSON' && !loud && s.last - s.first === 1 && ACRONYM_LIKE.test(tokens[s.first].text) && !personWords.has(tokens[s.first].text)) continue;
    if (s.type === 'PERSON' && lists.titleWords.has(lower(s.last - 1)) && (caseBuckets?.get(lower(s.last - 1)) ?? 4) <= 1) continue;
    const prev = out[out.length - 1];
    // "Kennedy" + "School of Government", "NATO" + "Parliamentary Assembly": one organisation.
    // A place right before such a name is part of it ("Newport News" + "Redevelopment and Housing
    // Authority"): not after "in" and the like, and only when every word is one space from the
    // next (text stripped of its punctuation runs list items together with wider gaps).
    const placeStartsName = (place: CleanSpan) => !(place.first > 0 && LOCATIVE.has(lower(place.first - 1))) && oneSpaceThrough(place.first, s.last);
    const joinsPrev = prev && s.type === 'ORGANIZATION' && prev.last === s.first && adjacent(prev.last - 1, s.first) && (isHead(s.first) || (prev.type === 'ORGANIZATION' && isHead(s.last - 1)) || (prev.type === 'LOCATION' && isHead(s.last - 1) && placeStartsName(prev)));
    if (joinsPrev) {
      out[out.length - 1] = makeSpan(prev.first, s.last, 'ORGANIZATION');
      continue;
    }
    // "BEN" + "NELSON", "Rosa" + "Parks": a name that starts with a first name, then one more name
    // word one space on, is one person the tagger split (often in capitals). Two surnames in a row
    // are two people: a surname of someone the document names in full, or names before "bill".
    const joinsPerson =
      prev && s.type === 'PERSON' && prev.type === 'PERSON' && prev.last === s.first && s.last - s.first === 1 && adjacent(prev.last - 1, s.first) &&
      isFirstNameWord(lexicon, tokens[prev.first].text) && !surnames.has(lower(prev.first)) && !(s.last < tokens.length && SPONSORED.has(lower(s.last)));
    if (joinsPerson) {
      out[out.length - 1] = makeSpan(prev.first, s.last, 'PERSON', prev.title);
      continue;
    }
    // Single words that are organisations whatever the tagger says: compromise's lexicon lists them
    // as organisations, or they are acronyms that no gazetteer lists as a place ("UNIFIL").
    const single = s.last - s.first === 1 && !isPlace([tokens[s.first].text]) && !partyState;
    const knownOrg = single && (lexicon.get(lower(s.first))?.includes('org') || (s.type === 'LOCATION' && !loud && /^\p{Lu}{3,}$/u.test(tokens[s.first].text)));
    // A head word makes an organisation, unless the whole name is a known place ("Newport News").
    const headed = s.last - s.first > 1 && isHead(s.last - 1) && !(s.type === 'LOCATION' && isPlace(tokens.slice(s.first, s.last).map((t) => t.text)));
    out.push(s.type !== 'ORGANIZATION' && (headed || knownOrg) ? makeSpan(s.first, s.last, 'ORGANIZATION') : s);
  }
  return out;
}

const HYPHENS = new Set(['-', '–', '‑']);

/**
 * "NATO-UN", "U.S.-China": two names joined by a hyphen are two mentions (a hyphenated single name,
 * "Sub-Committee", "Ki-moon", stays whole): split where both sides are acronyms or gazetteer places.
 * "Washington, D.C.", "Springfield, Illinois": a place and its region are two mentions too.
 */
function splitJoined(tokens: Token[], spans: CleanSpan[], isNamePart: (a: number, b: number) => boolean, isPlace: (words: string[]) => boolean): CleanSpan[] {
  // "Asia–Europe" tagged as one organisation: each part on its own is a place.
  const placeType = (a: number, b: number, type: CleanSpan['type']) => (isPlace(tokens.slice(a, b).map((t) => t.text)) ? 'LOCATION' : type);
  const out: CleanSpan[] = [];
  for (const s of spans) {
    // "Jean-Luc", "Ki-Zerbo": a person's name is not two places.
    if (s.type === 'PERSON') {
      out.push(s);
      continue;
    }
    let start = s.first;
    for (let i = s.first + 1; i < s.last - 1; i++) {
      const joined = HYPHENS.has(tokens[i].text) && tokens[i - 1].end === tokens[i].start && tokens[i].end === tokens[i + 1].start;
      const listed = s.type === 'LOCATION' && tokens[i].text === ',';
      if (!joined && !listed) continue;
      let end = i + 1;
      while (end < s.last && !(HYPHENS.has(tokens[end].text) && tokens[end - 1].end === tokens[end].start) && tokens[end].text !== ',') end++;
      if (listed || (isNamePart(start, i) && isNamePart(i + 1, end))) {
        out.push(makeSpan(start, i, placeType(start, i, s.type), start === s.first ? s.title : null));
        start = i + 1;
      }
    }
    out.push(start === s.first ? s : makeSpan(start, s.last, placeType(start, s.last, s.type)));
  }
  return out;
}

/**
 * "Ministry of Interior and National Administration", "Ministry of Petroleum and Energy": a name
 * that opens with a head word and "of"/"for"/"on" goes on over "and" + capitalised words (which
 * the tagger often cuts off), unless those words are an acronym, a place or a name of their own
 * that starts with a head word.
 */
function extendCoordinated(tokens: Token[], spans: CleanSpan[], isHead: (i: number) => boolean, isPlace: (words: string[]) => boolean): CleanSpan[] {
  const out: CleanSpan[] = [];
  for (let n = 0; n < spans.length; n++) {
    const s = spans[n];
    const opens = s.type === 'ORGANIZATION' && s.last - s.first >= 3 && isHead(s.first) && /^(of|for|on)$/i.test(tokens[s.first + 1].text);
    const and = s.last;
    if (!opens || tokens[and]?.text.toLowerCase() !== 'and') {
      out.push(s);
      continue;
    }
    let end = and + 1;
    while (end < tokens.length && /^\p{Lu}\p{Ll}/u.test(tokens[end].text) && end - and <= 4) end++;
    const next = spans[n + 1];
    const ownName = next && next.first === and + 1 && (isHead(next.first) || next.type !== 'ORGANIZATION' || next.last > end);
    const words = tokens.slice(and + 1, end).map((t) => t.text);
    if (end === and + 1 || ownName || isPlace(words) || (next && next.first > and + 1 && next.first < end)) {
      out.push(s);
      continue;
    }
    out.push(makeSpan(s.first, end, s.type, s.title));
    if (next && next.first === and + 1) n++;
  }
  return out;
}

/**
 * Multi-word place names the tagger left untagged ("Western Balkans", "Horn of Africa", "South
 * China Sea"): a capitalised sequence that the gazetteer knows as a country, region, world region or
 * large city is a place. One-word names are left to the tagger: "Jordan", "Chad" and "Georgia" are
 * also people and states.
 */
export function addGazetteerPlaces(tokens: Token[], spans: CleanSpan[], gazetteer: Gazetteer): CleanSpan[] {
  const at = spanAtTokens(tokens.length, spans);
  const replaced = new Set<number>();
  const added: CleanSpan[] = [];
  for (const m of matchGazetteer(gazetteer, tokens.map((t) => t.text))) {
    if (m.last - m.first < 2) continue;
    // Free tokens, or places wholly inside the name: "Republic of Korea" tagged in "Democratic
    // People's Republic of Korea", "Sudan" in "South Sudan".
    const inside = new Set<number>();
    let free = true;
    for (let i = m.first; i < m.last && free; i++) {
      const k = at[i];
      if (k < 0) continue;
      if (spans[k].type === 'LOCATION' && spans[k].first >= m.first && spans[k].last <= m.last) inside.add(k);
      else free = false;
    }
    // Not part of a longer capitalised name ("Western Balkans Fund").
    const next = tokens[m.last];
    if (!free || (next && /^\p{Lu}/u.test(next.text) && next.start === tokens[m.last - 1].end + 1)) continue;
    if (m.entries.some((e) => e.kind === 'country' || e.kind === 'area' || e.kind === 'region' || (e.kind === 'city' && e.population >= LARGE_CITY))) {
      added.push(makeSpan(m.first, m.last, 'LOCATION'));
      for (const k of inside) replaced.add(k);
    }
  }
  if (!added.length) return spans;
  return [...spans.filter((_, k) => !replaced.has(k)), ...added].sort((a, b) => a.first - b.first);
}

/**
 * "NATO Parliamentary Assembly", "EU Foreign Affairs Council": an organisation tagged without the
 * capitalised words after it that end in a head word ("Assembly", "Council") takes them in.
 */
export function extendOrganisations(text: string, tokens: Token[], spans: CleanSpan[], orgHeads: Set<string>): CleanSpan[] {
  const taken = takenTokens(tokens.length, spans);
  const cap = (i: number) => i < tokens.length && !taken[i] && /^\p{Lu}/u.test(tokens[i].text);
  return spans.map((s) => {
    if (s.type !== 'ORGANIZATION' || !cap(s.last) || !oneSpaceApart(text, tokens, s.last - 1, s.last)) return s;
    let end = s.last;
    while (cap(end) && oneSpaceApart(text, tokens, end - 1, end) && end - s.last < 5) end++;
    // Up to the last head word of the run: what follows it is not part of the name.
    let last = end;
    while (last > s.last && !orgHeads.has(tokens[last - 1].text.toLowerCase())) last--;
    return last > s.last ? makeSpan(s.first, last, s.type, s.title) : s;
  });
}
