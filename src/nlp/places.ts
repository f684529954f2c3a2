import type { Entity, Mention } from '../schema/document.js';
import type { Token } from './tokenize.js';
import { isSizedRegion, LARGE_CITY, matchGazetteer, placeEntries, plainSpelling, POSTAL_CODE, regionKey, type Gazetteer, type GazetteerEntry, type TownIndex } from './resources/gazetteer.js';
import { memberState } from './release-conventions.js';
import { setApart, tokenize } from './tokenize.js';

/**
 * Link LOCATION entities to the gazetteer: a country gets its ISO 3166-1 alpha-2 code, a region its
 * country, a city its country and coordinates. Which of the places of one name:
 * - one written with its region ("Aberdeen, Wash.", "Hoquiam, WA", "Cody, Wyoming");
 * - else one in a region the document names, unless a city fifty times larger has the name
 *   ("St. Petersburg" in a release that names Florida is the one there, "Paris" in one that names
 *   Texas is still in France);
 * - else one in a country it names, unless a city ten times larger has the name ("Boston" in a
 *   release that names the UK);
 * - else the first by rank (see gazetteer.ts).
 * A place the gazetteer lacks is looked up among the towns (`towns` is called only then), and
 * linked only to a town written with its region, or in a region the document names (in a country
 * with regions, such as the US) or a country it names (elsewhere): a small place's name alone says
 * little about which one it is. A name in a list of counties ("Dakota and Ramsey Counties") is left
 * unlinked: the gazetteer has no counties. Returns the document's "countries mentioned":
 * countries named, and countries referred to by nationality words ("Syrian"), which are not places.
 */
export function linkPlaces(text: string, tokens: Token[], entities: Entity[], gazetteer: Gazetteer, towns: () => TownIndex): string[] {
  const state: LinkState = {
    text,
    tokens,
    entities,
    gazetteer,
    towns,
    at: mentionTokens(tokens),
    locationAt: locationsByStart(entities),
    countries: new Set(),
    referred: new Set(),
    regions: new Set(),
    partyStates: new Set(),
    candidates: new Map(),
    chosen: new Map(),
  };
  for (const [, step] of LINK_STEPS) step(state);
  for (const [e, best] of state.chosen) {
    const region = best.kind !== 'country' && best.regionCode ? `${best.countryCode}-${best.regionCode}` : null;
    e.place = { kind: best.kind === 'country' ? 'country' : best.kind === 'region' ? 'region' : 'city', country_code: best.countryCode, region_code: region, lat: best.lat, lon: best.lon };
  }
  return [...state.referred].sort();
}

/** What place linking knows of one document; the steps fill it in, in order. */
interface LinkState {
  text: string;
  tokens: Token[];
  entities: Entity[];
  gazetteer: Gazetteer;
  towns: () => TownIndex;
  at: MentionTokens;
  locationAt: Map<number, Entity>;
  /** Countries the document names (ISO codes). */
  countries: Set<string>;
  /** Those, and countries referred to by nationality words ("Syrian"). */
  referred: Set<string>;
  /** Regions the document names, by key ("US|ME"). */
  regions: Set<string>;
  /** Places written as a member of Congress's state ("D-WA"). */
  partyStates: Set<Entity>;
  /** Every reading of each LOCATION still to choose among, best first. */
  candidates: Map<Entity, GazetteerEntry[]>;
  /** The reading chosen for each LOCATION. */
  chosen: Map<Entity, GazetteerEntry>;
}

type LinkStep = (s: LinkState) => void;

const wordsOf = (name: string) => tokenize(name).map((t) => t.text);
/** Towns are candidates only of names the gazetteer lacks. */
const isTown = (entries: GazetteerEntry[]) => entries[0].kind === 'town';
const isCodedRegion = (x: GazetteerEntry) => x.kind === 'region' && x.regionCode !== '';
const inNamedRegion = (s: LinkState, x: GazetteerEntry) => x.regionCode !== '' && s.regions.has(regionKey(x));

/** Entries come best first; `named` is in a region (`larger` 50) or a country (10) the document names. */
function byCountry(entries: GazetteerEntry[], named: GazetteerEntry | undefined, larger: number): GazetteerEntry {
  const dwarfed = named !== undefined && entries[0].kind === 'city' && named.population * larger < entries[0].population;
  return entries[0].kind === 'country' || !named || dwarfed ? entries[0] : named;
}

/**
 * A region the document names: chosen, and evidence for the places in it. Not a region that shares
 * its name with a city written "NAME, PART" elsewhere in its country: "Washington" alone is more
 * often the capital (see "a region or the city of its name").
 */
function nameRegion(s: LinkState, e: Entity, region: GazetteerEntry): void {
  s.chosen.set(e, region);
  if (region.regionCode && !cityNamedLikeRegion(s.gazetteer, e, region)) s.regions.add(regionKey(region));
}

/** A city of the region's country, written "NAME, PART", whose first part is the region's name: Washington, D.C. for the state. */
function cityNamedLikeRegion(gazetteer: Gazetteer, e: Entity, region: GazetteerEntry): GazetteerEntry | undefined {
  const city = namesOfCitiesInParts(gazetteer).get(e.name.toLowerCase());
  return city && city.countryCode === region.countryCode && city.regionCode !== region.regionCode ? city : undefined;
}

/** The LOCATIONs listed right before and after a mention: "Idaho" and "Oregon" around "Washington" in "Idaho, Washington and Oregon". */
function listNeighbours(tokens: Token[], at: MentionTokens, locationAt: Map<number, Entity>, locationEndingAt: Map<number, Entity>, m: Mention): Array<Entity | undefined> {
  const first = at.first(m);
  const after = at.after(m);
  if (first === undefined || after === undefined) return [];
  let next = after;
  while (next < tokens.length && next - after < 2 && LIST_SEPARATOR.test(tokens[next].text)) next++;
  let before = first - 1;
  while (before >= 0 && first - before <= 2 && LIST_SEPARATOR.test(tokens[before].text)) before--;
  return [next > after && next < tokens.length ? locationAt.get(tokens[next].start) : undefined, before < first - 1 && before >= 0 ? locationEndingAt.get(tokens[before].end) : undefined];
}

/** "Washington state", "the state of Washington": the mention names the state. */
function saysState(tokens: Token[], at: MentionTokens, m: Mention): boolean {
  const first = at.first(m);
  const after = at.after(m);
  const before = first !== undefined && first >= 2 ? `${tokens[first - 2].text} ${tokens[first - 1].text}`.toLowerCase() : '';
  return before === 'state of' || (after !== undefined && tokens[after]?.text.toLowerCase() === 'state');
}

/**
 * Names of a country and of a region elsewhere ("Georgia"), read after the other regions: the
 * readings that are such a region. Not a territory that is both (the region's code is the
 * country's: "Puerto Rico", US-PR).
 */
const regionsNamedLikeCountry = (entries: GazetteerEntry[]) => (entries[0].kind === 'country' ? entries.filter((x) => isCodedRegion(x) && x.regionCode !== entries[0].countryCode) : []);
const isHomonym = (entries: GazetteerEntry[]) => regionsNamedLikeCountry(entries).length > 0;

/** The steps of place linking, in order (order matters: each reads what the earlier ones found). */
const LINK_STEPS: ReadonlyArray<[string, LinkStep]> = [
  ['written in parts', (s) => {
    for (const [e, entry] of placesWrittenInParts(s.text, s.tokens, s.at, s.locationAt, s.entities, s.gazetteer)) s.chosen.set(e, entry);
    // One name without the comma: "Washington DC", "WASHINGTON D C".
    for (const e of s.entities) {
      const whole = e.type === 'LOCATION' && !s.chosen.has(e) ? placeNamedInParts(s.gazetteer, e.name) : undefined;
      if (whole) s.chosen.set(e, whole);
    }
  }],
  ["members of Congress's states", (s) => {
    for (const [e, state] of partyStates(s.text, s.tokens, s.at, s.entities, s.gazetteer)) {
      s.chosen.set(e, state);
      s.partyStates.add(e);
      s.regions.add(regionKey(state));
    }
  }],
  ['readings', (s) => {
    const counties = countiesListed(s.tokens, s.at, s.entities, s.gazetteer);
    const lookup = (name: string) => {
      const words = wordsOf(name);
      return placeEntries(s.gazetteer, words) ?? writtenOtherwise(s.gazetteer, words);
    };
    for (const e of s.entities) {
      if (e.type !== 'LOCATION' || s.chosen.has(e)) continue;
      const found = lookup(e.name) ?? e.aliases.map(lookup).find(Boolean);
      // A county is none of the places of its name (Ramsey County is not the town of Ramsey).
      if (counties.has(e) && found?.[0].kind !== 'country') continue;
      if (!found) {
        const inTowns = s.towns().entries(wordsOf(e.name));
        if (inTowns) s.candidates.set(e, inTowns);
        continue;
      }
      // World regions ("Middle East") are places without a country: left unlinked, and not taken
      // for a smaller place of their name ("Asia" is no town in the Philippines).
      const entries = found.filter((x) => x.kind !== 'demonym' && x.kind !== 'area');
      if (!entries.length || found.find((x) => x.kind !== 'demonym')?.kind === 'area') continue;
      s.candidates.set(e, entries);
      if (entries[0].kind === 'country') s.countries.add(entries[0].countryCode);
    }
  }],
  ['countries referred to', (s) => {
    for (const c of s.countries) s.referred.add(c);
    for (const m of matchGazetteer(s.gazetteer, s.tokens.map((t) => t.text))) {
      const demonym = m.entries.find((x) => x.kind === 'demonym');
      if (demonym) s.referred.add(demonym.countryCode);
    }
  }],
  // A region the gazetteer cannot size (none of its cities carry its code: regions outside the US,
  // Switzerland and Belgium) is a reading only where the document names or refers to its country:
  // "Long Island" is no district of the Bahamas; "Al Anbar" in a release that names Iraq is the province.
  ['regions abroad need their country', (s) => {
    for (const [e, entries] of s.candidates) {
      const kept = entries.filter((x) => x.kind !== 'region' || x.population > 0 || s.referred.has(x.countryCode));
      if (kept.length === entries.length) continue;
      if (kept.length) s.candidates.set(e, kept);
      else s.candidates.delete(e);
    }
  }],
  ['written with a region or country', (s) => {
    const townsNamed = (e: Entity) => (isTown(s.candidates.get(e)!) ? [] : (s.towns().entries(wordsOf(e.name)) ?? []));
    for (const [e, entry] of placesWrittenWithRegion(s.text, s.tokens, s.at, s.locationAt, s.candidates, s.gazetteer, townsNamed)) {
      if (s.chosen.has(e)) continue;
      s.chosen.set(e, entry);
      if (entry.regionCode) s.regions.add(regionKey(entry));
    }
  }],
  // Names whose reading by the countries named is a region are the regions the document names.
  ['regions', (s) => {
    for (const [e, entries] of s.candidates) {
      if (s.chosen.has(e) || isTown(entries) || isHomonym(entries)) continue;
      const region = byCountry(entries, entries.find((x) => s.countries.has(x.countryCode)), 10);
      if (region.kind === 'region') nameRegion(s, e, region);
    }
  }],
  // The region, when the document names it another way ("Georgia" beside "R-Ga." or "Atlanta,
  // Ga."), or names other regions of its country and no third country ("Alabama, Florida,
  // Georgia"); else the country (below).
  ['a country or a region of one name', (s) => {
    const namesRegionsOf = (code: string) => [...s.regions].some((k) => k.startsWith(`${code}|`));
    for (const [e, entries] of s.candidates) {
      if (s.chosen.has(e) || isTown(entries) || !isHomonym(entries)) continue;
      const third = (region: GazetteerEntry) => [...s.countries].some((c) => c !== region.countryCode && c !== entries[0].countryCode);
      const region = regionsNamedLikeCountry(entries).find((x) => s.regions.has(regionKey(x)) || (namesRegionsOf(x.countryCode) && !third(x)));
      if (region) nameRegion(s, e, region);
    }
  }],
  ['places in the regions and countries named', (s) => {
    for (const [e, entries] of s.candidates) {
      if (s.chosen.has(e)) continue;
      if (isTown(entries)) {
        const named = entries.find((x) => (x.regionCode ? inNamedRegion(s, x) : s.countries.has(x.countryCode)));
        if (named) s.chosen.set(e, named);
        continue;
      }
      const inRegion = entries.find((x) => inNamedRegion(s, x));
      s.chosen.set(e, inRegion ? byCountry(entries, inRegion, 50) : byCountry(entries, entries.find((x) => s.countries.has(x.countryCode)), 10));
    }
  }],
  // "Washington" alone is the capital, as news writes it ("WASHINGTON - Senators ..."), unless the
  // document points to the state: "Washington state", "the state of Washington", a list of states
  // ("Washington, Oregon and Idaho"), another place in the state ("Spokane", "Yakima, Wash."), or
  // the state of the one member of Congress it names ("Sen. Ann Hale (D-WA)"). Among the states of
  // several members, "D-WA" says where one is from, not what "Washington" means.
  ['a region or the city of its name', (s) => {
    const cities = new Map<Entity, GazetteerEntry>();
    for (const [e, x] of s.chosen) {
      const city = x.kind === 'region' ? cityNamedLikeRegion(s.gazetteer, e, x) : undefined;
      if (city) cities.set(e, city);
    }
    if (!cities.size) return;
    const placesIn = new Map<string, Entity[]>();
    const memberStates = new Set([...s.partyStates].map((e) => regionKey(s.chosen.get(e)!)));
    for (const [e, x] of s.chosen) {
      if (x.kind === 'country' || !x.regionCode || (s.partyStates.has(e) && memberStates.size > 1)) continue;
      placesIn.set(regionKey(x), [...(placesIn.get(regionKey(x)) ?? []), e]);
    }
    const locationEndingAt = new Map<number, Entity>();
    for (const e of s.entities) if (e.type === 'LOCATION') for (const m of e.mentions) locationEndingAt.set(m.end, e);
    const isRegionOf = (country: string) => (e: Entity | undefined) => e !== undefined && s.chosen.get(e)?.kind === 'region' && s.chosen.get(e)?.countryCode === country;
    for (const [e, city] of cities) {
      const x = s.chosen.get(e)!;
      const listed = (m: Mention) => listNeighbours(s.tokens, s.at, s.locationAt, locationEndingAt, m).some(isRegionOf(x.countryCode));
      const pointedTo = placesIn.get(regionKey(x))?.some((other) => other !== e) || e.mentions.some((m) => saysState(s.tokens, s.at, m) || listed(m));
      if (!pointedTo) s.chosen.set(e, city);
    }
  }],
  // A city of fewer than 100,000 people that shares its name with other places, or is matched only
  // by dropping its accents, keeps its link only where the document names its region (in a
  // country with region codes, such as the US) or its country (elsewhere), by name, nationality
  // word or a larger place there ("Stretford" beside "Manchester"). Alone, such a name is as often
  // a namesake in the release's own state ("Covington" in a Tennessee release), or no place at all
  // ("the Bush administration" is not Būsh in Egypt). A name only one place has stays linked ("Joplin").
  ['small cities need their region or country', (s) => {
    const large = (x: GazetteerEntry) => x.kind === 'country' || x.kind === 'region' || (x.kind === 'city' && x.population >= LARGE_CITY);
    const regions = new Set(s.regions);
    const countries = new Set(s.referred);
    for (const x of s.chosen.values()) {
      if (!large(x)) continue;
      countries.add(x.countryCode);
      if (x.kind !== 'country' && x.regionCode) regions.add(regionKey(x));
    }
    /** Other places share the name, or the text lacks the accents of the place's name ("Bush", "Būsh"). */
    const uncertain = (e: Entity, x: GazetteerEntry) => (s.candidates.get(e)?.length ?? 1) > 1 || (plainSpelling(x.name) !== x.name && x.name.toLowerCase() !== e.name.toLowerCase());
    for (const [e, x] of s.chosen) {
      if (x.kind === 'city' && !large(x) && uncertain(e, x) && !(x.regionCode ? regions.has(regionKey(x)) : countries.has(x.countryCode))) s.chosen.delete(e);
    }
  }],
];

const STATE_WORD = /^state$/i;
const POSSESSIVE_STRIPPED = /\p{Ll}s$/u;

/**
 * A state written with the word "state" ("New York State", "the State of Maine"), or a country,
 * state or large city with a possessive whose apostrophe a corpus stripped ("Maines", "Iraqs"):
 * the place's entries, or undefined.
 */
function writtenOtherwise(gazetteer: Gazetteer, words: string[]): GazetteerEntry[] | undefined {
  const regions = (name: string[]) => placeEntries(gazetteer, name)?.filter(isSizedRegion);
  let found: GazetteerEntry[] | undefined;
  if (words.length >= 2 && STATE_WORD.test(words[words.length - 1])) found = regions(words.slice(0, -1));
  else if (words.length >= 3 && STATE_WORD.test(words[0]) && words[1].toLowerCase() === 'of') found = regions(words.slice(2));
  else if (POSSESSIVE_STRIPPED.test(words[words.length - 1])) {
    const bare = placeEntries(gazetteer, [...words.slice(0, -1), words[words.length - 1].slice(0, -1)]);
    if (bare && (bare[0].kind === 'country' || bare[0].kind === 'region' || (bare[0].kind === 'city' && bare[0].population >= LARGE_CITY))) found = bare;
  }
  return found?.length ? found : undefined;
}

/** Where mentions sit among the tokens: a mention's first token and the token just after it. */
interface MentionTokens {
  first(m: Mention): number | undefined;
  after(m: Mention): number | undefined;
}

function mentionTokens(tokens: Token[]): MentionTokens {
  const tokenAt = new Map<number, number>();
  tokens.forEach((t, i) => tokenAt.set(t.start, i));
  return {
    first: (m) => tokenAt.get(m.start),
    after(m) {
      let next = tokenAt.get(m.start);
      if (next === undefined) return undefined;
      while (next < tokens.length && tokens[next].end <= m.end) next++;
      return next;
    },
  };
}

/** LOCATION entities by the start of each of their mentions. */
function locationsByStart(entities: Entity[]): Map<number, Entity> {
  const locationAt = new Map<number, Entity>();
  for (const e of entities) if (e.type === 'LOCATION') for (const m of e.mentions) locationAt.set(m.start, e);
  return locationAt;
}

/** Cities the gazetteer knows written in two parts, by their first part: "washington" -> Washington, D.C. */
const citiesInParts = new WeakMap<Gazetteer, Map<string, GazetteerEntry>>();
function namesOfCitiesInParts(gazetteer: Gazetteer): Map<string, GazetteerEntry> {
  let byFirstPart = citiesInParts.get(gazetteer);
  if (!byFirstPart) {
    byFirstPart = new Map();
    for (const [key, entry] of namesInParts(gazetteer)) if (entry.kind === 'city') byFirstPart.set(key.slice(0, key.indexOf('|')), entry);
    citiesInParts.set(gazetteer, byFirstPart);
  }
  return byFirstPart;
}

/**
 * The states of members of Congress written after their names, "(D-WA)", ", R-Ga.,": the state
 * there is the US state ("WA" is not Wa in Ghana), when one mention of the entity is written so
 * (and no other names another state).
 */
function partyStates(text: string, tokens: Token[], at: MentionTokens, entities: Entity[], gazetteer: Gazetteer): Map<Entity, GazetteerEntry> {
  const found = new Map<Entity, GazetteerEntry>();
  const stateOf = (m: Mention) => {
    const first = at.first(m);
    const party = first !== undefined ? memberState(text, tokens, first, gazetteer) : undefined;
    return party && party.end === at.after(m) ? party.state : undefined;
  };
  for (const e of entities) {
    if (e.type !== 'LOCATION') continue;
    const states = e.mentions.map(stateOf).filter((x) => x !== undefined);
    if (states[0] && states.every((x) => x === states[0])) found.set(e, states[0]);
  }
  return found;
}

/**
 * Places written "PLACE, REGION" where the region is one of the place's own ("Aberdeen, Wash.",
 * "Hoquiam, WA", "Rome  NY" with the comma stripped, "Cody, Wyoming", "Paris, Tenn." a town beside the city), or "PLACE, COUNTRY"
 * ("Windsor, Canada"): the place gets its entry there, and a region part that is a LOCATION itself
 * gets the region ("WA" is Washington there, not Wa in Ghana).
 */
function placesWrittenWithRegion(
  text: string,
  tokens: Token[],
  at: MentionTokens,
  locationAt: Map<number, Entity>,
  candidates: Map<Entity, GazetteerEntry[]>,
  gazetteer: Gazetteer,
  townsNamed: (e: Entity) => GazetteerEntry[],
): Map<Entity, GazetteerEntry> {
  const found = new Map<Entity, GazetteerEntry>();
  /** Region keys ("US|WA", or "DE|" for a country) the words from token i on name: an abbreviation ("Wash.", "W.Va."), a name, a postal code. */
  const regionsAt = (i: number): string[] => {
    const t = tokens[i];
    if (!t) return [];
    const next = tokens[i + 1];
    const joined = next && next.start === t.end ? t.text + next.text : null;
    const abbreviation = (joined && gazetteer.regionAbbreviations.get(joined.toLowerCase())) ?? gazetteer.regionAbbreviations.get(t.text.toLowerCase());
    if (abbreviation) return [abbreviation];
    for (let len = 3; len >= 1; len--) {
      const words = tokens.slice(i, i + len).map((x) => x.text);
      if (words.length < len || !/^\p{Lu}/u.test(words[0])) continue;
      // Every reading: "Georgia" is a country and a state ("Tbilisi, Georgia", "Atlanta, Georgia").
      const named = placeEntries(gazetteer, words) ?? [];
      const keys = named.flatMap((x) => (x.kind === 'country' ? [`${x.countryCode}|`] : x.kind === 'region' && x.regionCode ? [regionKey(x)] : []));
      if (keys.length) return keys;
    }
    return POSTAL_CODE.test(t.text) ? [t.text] : [];
  };
  for (const [e, entries] of candidates) {
    // A country is a country in a list of them ("China, Colombia, Cuba").
    if (entries[0].kind === 'country') continue;
    for (const m of e.mentions) {
      const next = at.after(m);
      const part = next === undefined ? undefined : partStart(text, tokens, next);
      // Without the comma, a state before a state is a list ("Mississippi  Louisiana  Missouri").
      if (!part || (part.stripped && isSizedRegion(entries[0]))) continue;
      const { start } = part;
      const keys = regionsAt(start);
      // A country ("Berlin, Germany") is "DE|"; a bare postal code is matched against each entry's own country.
      const isThere = (x: GazetteerEntry) => x.kind !== 'country' && keys.some((k) => k === `${x.countryCode}|` || (x.regionCode !== '' && (k === regionKey(x) || k === x.regionCode)));
      // The region can name a town that shares a larger place's name ("Paris, Tenn.").
      const entry = keys.length ? (entries.find(isThere) ?? townsNamed(e).find(isThere)) : undefined;
      if (!entry) continue;
      found.set(e, entry);
      const partEntity = locationAt.get(tokens[start].start);
      const region = keys.includes(`${entry.countryCode}|`) ? undefined : gazetteer.regionsByCode.get(regionKey(entry));
      if (partEntity && region && !found.has(partEntity)) found.set(partEntity, region);
      break;
    }
  }
  return found;
}

const COUNTY = /^(?:county|parish)$/i;
const COUNTIES = /^(?:counties|parishes)$/i;
/** Tokens a list of names can hold before its last word: names, commas, "and". */
const IN_NAME_LIST = /^(?:\p{Lu}.*|,|and|&)$/u;
const LIST_SEPARATOR = /^(?:,|and|&)$/;

/** What opens a list of counties after the word: "counties of", "counties:", "counties including". */
const OPENS_LIST = /^(?:of|:|include|including)$/;

/**
 * Where the names of lists after "counties" start ("the counties of Accomack (including the town
 * of Chincoteague), Caroline, Essex and Gloucester"), for lists of two or more names: one name is
 * a state's counties ("the counties of Virginia"), and so are names that are all states ("counties
 * of Arizona, Nevada, and Utah").
 */
function namesAfterCounties(tokens: Token[], isRegion: (first: number, last: number) => boolean): Set<number> {
  const starts = new Set<number>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!COUNTIES.test(tokens[i].text)) continue;
    let k = i + 1;
    if (tokens[k].text === ',' && tokens[k + 1]?.text === 'including') k++;
    if (!OPENS_LIST.test(tokens[k].text)) continue;
    /** [first, last) of each name. */
    const names: Array<[number, number]> = [];
    let named = false;
    let last = false;
    for (k++; k < tokens.length && k - i < 120; k++) {
      const t = tokens[k].text;
      // The name after "and" ends the list ("Arizona, Nevada, and Utah, RECA provides ...").
      if (last && named && !/^\p{Lu}/u.test(t)) break;
      if (t === '(') {
        // "(including the town of Chincoteague)": an aside inside the list.
        const close = tokens.findIndex((x, j) => j > k && x.text === ')');
        if (close < 0 || close - k > 15) break;
        k = close;
        named = false;
      } else if (LIST_SEPARATOR.test(t)) {
        named = false;
        last ||= t !== ',';
      } else if (/^\p{Lu}/u.test(t)) {
        if (named) names[names.length - 1][1] = k + 1;
        else names.push([k, k + 1]);
        named = true;
      } else break;
    }
    if (names.length >= 2 && !names.every(([a, b]) => isRegion(a, b))) for (const [a] of names) starts.add(a);
  }
  return starts;
}

/**
 * Entities a mention of which is a county: followed by "County", one of two or more names
 * listed before "Counties" ("Dakota and Ramsey Counties", "Hancock, Knox and Waldo counties") or
 * after "counties of" ("the counties of Caroline, Essex and Gloucester"). A name alone before
 * "counties" is a state's counties ("all 87 Minnesota counties"): it stays a state.
 */
function countiesListed(tokens: Token[], at: MentionTokens, entities: Entity[], gazetteer: Gazetteer): Set<Entity> {
  const counties = new Set<Entity>();
  const isRegion = (first: number, last: number) => placeEntries(gazetteer, tokens.slice(first, last).map((t) => t.text))?.some(isSizedRegion) ?? false;
  const afterCounties = namesAfterCounties(tokens, isRegion);
  const isCounty = (m: Mention) => {
    const first = at.first(m);
    let i = at.after(m);
    if (first === undefined || i === undefined || i >= tokens.length) return false;
    if (COUNTY.test(tokens[i].text) || afterCounties.has(first)) return true;
    // Listed after another name ("Dakota and Ramsey", "Page, and Warren"), or before one.
    let back = first - 1;
    while (back >= 0 && LIST_SEPARATOR.test(tokens[back].text)) back--;
    let listed = back < first - 1 && back >= 0 && /^\p{Lu}/u.test(tokens[back].text);
    for (const last = Math.min(tokens.length, i + 60); i < last; i++) {
      if (COUNTIES.test(tokens[i].text)) return listed;
      // A list that names one county as such mixes places and counties ("Atlanta, Albany and Pike County").
      if (COUNTY.test(tokens[i].text) || !IN_NAME_LIST.test(tokens[i].text)) return false;
      listed = true;
    }
    return false;
  };
  for (const e of entities) if (e.type === 'LOCATION' && e.mentions.some(isCounty)) counties.add(e);
  return counties;
}

/** Gazetteer names written "PLACE, PART" ("Washington, D.C."), by "place|part" with the part's full stops dropped. */
const partNames = new WeakMap<Gazetteer, Map<string, GazetteerEntry>>();
const dotless = (word: string) => word.replace(/\./g, '').toLowerCase();

function namesInParts(gazetteer: Gazetteer): Map<string, GazetteerEntry> {
  let names = partNames.get(gazetteer);
  if (!names) {
    names = new Map();
    for (const [key, entries] of gazetteer.byKey) {
      const [place, part, ...rest] = key.split(' , ');
      if (part && !rest.length && !part.includes(' ')) names.set(`${place}|${dotless(part)}`, entries[0]);
    }
    partNames.set(gazetteer, names);
  }
  return names;
}

/** A part that abbreviates ("D.C.", "DC"): dotted letters or two to four capitals. */
const ABBREVIATION = /^(?:\p{Lu}\.){1,4}$|^\p{Lu}{2,4}$/u;
const LETTER = /^\p{Lu}$/u;

/**
 * An abbreviation starting at token i: "DC", "D.C.", or capital letters one space apart, as text
 * stripped of its punctuation writes it ("D C"). Its letters in lower case, and where it ends.
 */
function abbreviationAt(tokens: Token[], i: number): { letters: string; end: number } | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  if (ABBREVIATION.test(t.text)) return { letters: dotless(t.text), end: i + 1 };
  let end = i;
  while (end < tokens.length && end - i < 4 && LETTER.test(tokens[end].text) && (end === i || tokens[end].start === tokens[end - 1].end + 1)) end++;
  return end - i >= 2 ? { letters: tokens.slice(i, end).map((x) => x.text.toLowerCase()).join(''), end } : undefined;
}

/** Where the part of "PLACE, PART" starts, the place ending before token `after`: past a comma, or past the spaces a corpus left for it ("Rome  NY"). */
function partStart(text: string, tokens: Token[], after: number): { start: number; stripped: boolean } | undefined {
  if (after >= tokens.length || after === 0) return undefined;
  if (tokens[after].text === ',') return { start: after + 1, stripped: false };
  return setApart(text, tokens, after - 1) ? { start: after, stripped: true } : undefined;
}

/** A name the gazetteer writes "PLACE, PART" written as one, without the comma: "Washington DC", "WASHINGTON D C". */
function placeNamedInParts(gazetteer: Gazetteer, name: string): GazetteerEntry | undefined {
  const tokens = tokenize(name);
  for (let split = 1; split < tokens.length; split++) {
    const part = abbreviationAt(tokens, split);
    if (part?.end !== tokens.length) continue;
    const whole = namesInParts(gazetteer).get(`${tokens.slice(0, split).map((t) => t.text.toLowerCase()).join(' ')}|${part.letters}`);
    if (whole) return whole;
  }
  return undefined;
}

/**
 * Places the text writes in two mentions that the gazetteer knows as one name: "Washington, D.C."
 * (or "Washington, DC", "Washington  D C" where the comma was stripped) is the city, though
 * "Washington" alone is not always: the place when every mention of it is written so, the part
 * (an abbreviation with no place of its own in the gazetteer) wherever one is.
 */
function placesWrittenInParts(text: string, tokens: Token[], at: MentionTokens, locationAt: Map<number, Entity>, entities: Entity[], gazetteer: Gazetteer): Map<Entity, GazetteerEntry> {
  const names = namesInParts(gazetteer);
  const found = new Map<Entity, GazetteerEntry>();
  if (!names.size) return found;
  /** The whole name a mention is the first part of, with the part's first token. */
  const wholeOf = (m: Mention) => {
    const next = at.after(m);
    const start = next === undefined ? undefined : partStart(text, tokens, next)?.start;
    const part = start === undefined ? undefined : abbreviationAt(tokens, start);
    if (!part || placeEntries(gazetteer, tokens.slice(start, part.end).map((t) => t.text))) return null;
    const whole = names.get(`${tokenize(m.text).map((t) => t.text.toLowerCase()).join(' ')}|${part.letters}`);
    return whole ? { whole, part: tokens[start!] } : null;
  };
  for (const e of entities) {
    if (e.type !== 'LOCATION') continue;
    const wholes = e.mentions.map(wholeOf);
    const first = wholes[0];
    if (first && wholes.every((w) => w && w.whole === first.whole)) found.set(e, first.whole);
    // The part is the place wherever it is written so ("DC" of "Washington, DC 20510"), even
    // where "Washington" stands alone elsewhere.
    for (const w of wholes) {
      const partEntity = w ? locationAt.get(w.part.start) : undefined;
      if (partEntity && !found.has(partEntity)) found.set(partEntity, w!.whole);
    }
  }
  return found;
}
