import { tokenize } from '../tokenize.js';
import { readDataFile, readTsv } from './data-files.js';

export type GazetteerKind = 'country' | 'region' | 'city' | 'area' | 'demonym' | 'town';

export interface GazetteerEntry {
  kind: GazetteerKind;
  name: string;
  countryCode: string;
  population: number;
  lat: number | null;
  lon: number | null;
  /** First-level region (a US state's postal code, else the data's own code) of a region, city or town; '' if none. */
  regionCode: string;
}

/** A match of a gazetteer name over tokens [first, last). */
export interface GazetteerMatch {
  first: number;
  last: number;
  entries: GazetteerEntry[];
}

/** Cities of at least this many people get their own feature: big cities are rarely anything else. */
export const BIG_CITY = 500_000;
/** A city large enough to be meant by its name alone: it comes before a region of its name, and names it anywhere. */
export const LARGE_CITY = 100_000;
/** A first-level region's postal code, "WA". */
export const POSTAL_CODE = /^\p{Lu}{2}$/u;

export interface Gazetteer {
  /** Lower-case token sequence (joined by a space) -> entries, best first. */
  byKey: Map<string, GazetteerEntry[]>;
  /** Lower-case first token -> lengths (in tokens) of names starting with it, longest first. */
  lengths: Map<string, number[]>;
  countryNames: Map<string, string>;
  /** "US|WA" -> the region, for regions that have a code. */
  regionsByCode: Map<string, GazetteerEntry>;
  /** A region's abbreviation as newspapers write it, lower case ("wash.", "n.y.") -> "US|WA". */
  regionAbbreviations: Map<string, string>;
}

/** Names of letters and single spaces, most of them, tokenize to their words: split without the tokenizer (loads 3x faster). */
const PLAIN_WORDS = /^[\p{L}\p{M}]+(?: [\p{L}\p{M}]+)*$/u;
/** The lookup key of a name given as words: lower case, joined by spaces ("washington , d.c."). */
const wordsKey = (words: string[]) => words.map((w) => w.toLowerCase()).join(' ');
/** A name's lookup key: the key of its tokens. */
const keyString = (name: string) => (PLAIN_WORDS.test(name) ? name.toLowerCase() : wordsKey(tokenize(name).map((t) => t.text)));

/** Letters that Unicode decomposition leaves whole, as English text writes them. */
const PLAIN_LETTER: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ı: 'i', ß: 'ss', æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', ð: 'd', þ: 'th' };
/** Names in ASCII without apostrophes (most of them) are already plain. */
const PLAIN_ASCII = /^[\x20-\x26\x28-\x7e]*$/;
/** Transliteration marks for ayn, hamza and glottal stops ("Sāmarrā’", "Baʿqubah"); a closing one is dropped too. */
const TRANSLITERATION_MARK = /[ʿʾʻʼ]|[’'](?=\s|$)/gu;

/**
 * A name as English text usually writes it: "Sāmarrā’" -> "Samarra", "São Paulo" -> "Sao Paulo",
 * "Łódź" -> "Lodz". The data packages keep the native spelling (a fifth of the cities have a letter
 * outside ASCII); the folded spelling is indexed too, so press releases find those places.
 */
export function plainSpelling(name: string): string {
  if (PLAIN_ASCII.test(name)) return name;
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁøØđĐıßæÆœŒðþ]/g, (c) => PLAIN_LETTER[c])
    .replace(TRANSLITERATION_MARK, '');
}

/** A name's first word as English text also writes it: "Saint Paul" as "St. Paul" and "St Paul", "Fort Worth" as "Ft. Worth". */
const FIRST_WORD_FORMS: Array<[RegExp, string[]]> = [
  [/^(?:Saint|St\.?) /, ['Saint ', 'St. ', 'St ']],
  [/^(?:Fort|Ft\.) /, ['Fort ', 'Ft. ']],
  [/^(?:Mount|Mt\.) /, ['Mount ', 'Mt. ']],
];

/** Every spelling a name is indexed under: as the data writes it, plain (see plainSpelling), and with its first word's other forms. */
function spellings(name: string): Set<string> {
  const out = new Set([name, plainSpelling(name)]);
  if (!/^[SFM]/.test(name)) return out;
  for (const [first, forms] of FIRST_WORD_FORMS) {
    for (const spelt of [...out]) {
      const match = first.exec(spelt);
      if (match) for (const form of forms) out.add(form + spelt.slice(match[0].length));
    }
  }
  return out;
}

function add(g: Gazetteer, entry: GazetteerEntry): void {
  for (const name of spellings(entry.name)) index(g, entry, name);
}

function index(g: Gazetteer, entry: GazetteerEntry, name: string): void {
  const key = keyString(name);
  if (!key) return;
  const list = g.byKey.get(key);
  if (list) list.push(entry);
  else g.byKey.set(key, [entry]);
  const tokens = key.split(' ');
  const lens = g.lengths.get(tokens[0]) ?? [];
  if (!lens.includes(tokens.length)) {
    lens.push(tokens.length);
    lens.sort((a, b) => b - a);
  }
  g.lengths.set(tokens[0], lens);
}

/**
 * Which reading of a name comes first: a country, then a large city (Berlin the city before Berlin
 * the state, New York City before the state), then a region, then smaller cities.
 */
function rank(e: GazetteerEntry): number {
  if (e.kind === 'country') return 0;
  if (e.kind === 'demonym') return 1;
  if (e.kind === 'city') return e.population >= LARGE_CITY ? 2 : 5;
  if (e.kind === 'area') return 3;
  if (e.kind === 'town') return 6;
  return 4;
}

/**
 * A large city comes before a region of its name (Berlin the city, then the state), but not a
 * smaller city abroad: "Virginia" is the state of 4.5 million people before the South African city.
 * Only regions whose population is known (the sum of their cities') are moved.
 */
function sizedRegionBeforeCitiesAbroad(list: GazetteerEntry[]): void {
  const at = list.findIndex(isSizedRegion);
  if (at <= 0) return;
  const region = list[at];
  const city = list.findIndex((e, k) => k < at && e.kind === 'city' && e.countryCode !== region.countryCode && e.population < region.population);
  if (city < 0 || list.some((e, k) => k < at && e.kind === 'city' && e.countryCode === region.countryCode)) return;
  list.splice(at, 1);
  list.splice(city, 0, region);
}

const byRankThenPopulation = (a: GazetteerEntry, b: GazetteerEntry) => rank(a) - rank(b) || b.population - a.population || (a.countryCode < b.countryCode ? -1 : a.countryCode > b.countryCode ? 1 : 0);

/** A region's key in `regionsByCode`: country and region code, "US|WA". */
export const regionKey = (e: { countryCode: string; regionCode: string }) => `${e.countryCode}|${e.regionCode}`;

/**
 * The US state a member of Congress's designation writes after the party ("WA", "Mont.", "N.Y.",
 * "South Dakota"), or undefined.
 */
export function usState(gazetteer: Gazetteer, words: string[]): GazetteerEntry | undefined {
  const written = words.join(' ');
  const key = gazetteer.regionAbbreviations.get(written.toLowerCase()) ?? (POSTAL_CODE.test(written) ? `US|${written}` : undefined);
  if (key) return key.startsWith('US|') ? gazetteer.regionsByCode.get(key) : undefined;
  return placeEntries(gazetteer, words)?.find((e) => e.kind === 'region' && e.countryCode === 'US');
}

/**
 * A region the gazetteer can size: its cities carry its code, so its population is theirs (US
 * states, Swiss cantons, Belgian regions). Regions elsewhere have population 0.
 */
export const isSizedRegion = (e: GazetteerEntry) => e.kind === 'region' && e.population > 0;

/** Whether words name a country or a first-level region ("the Gambia", "United States", "Maine"). */
export function namesCountryOrRegion(g: Gazetteer, words: string[]): boolean {
  return placeEntries(g, words)?.some((e) => e.kind === 'country' || e.kind === 'region') ?? false;
}

/**
 * The singular's endings after a place's name, each with what to put back to get the name:
 * "New Yorker" (York), "Mainer" (Maine), "Texan" (Texas), "Ohioan", "Tennessean" (Tennessee),
 * "Oregonian", "Carolinian" (Carolina), "Dakotan", "Hampshirite" (Hampshire).
 */
const RESIDENT_ENDINGS: Array<[string, string[]]> = [
  ['ite', ['e']],
  ['ian', ['', 'a']],
  ['an', ['', 'e', 's']],
  ['er', ['', 'e']],
  ['n', ['']],
];

/**
 * Whether words name the people of a US state (or another region the gazetteer can size) or a
 * large city, in the plural ("New Yorkers", "North Carolinians", "Texans"): a nationality word of
 * a region, no name of a place, person or organisation (CoNLL's MISC). Countries' own are in
 * demonyms.tsv.
 */
export function namesResidents(g: Gazetteer, words: string[]): boolean {
  const last = words[words.length - 1];
  if (!last || !/^\p{Lu}\p{Ll}+s$/u.test(last)) return false;
  const singular = last.slice(0, -1);
  for (const [ending, restored] of RESIDENT_ENDINGS) {
    if (!singular.endsWith(ending)) continue;
    for (const end of restored) {
      const name = [...words.slice(0, -1), singular.slice(0, -ending.length) + end];
      // A state the gazetteer can size (its cities carry its code), or a large city: not "Mie"
      // prefecture for Harriet Miers.
      const place = placeEntries(g, name)?.find((e) => isSizedRegion(e) || (e.kind === 'city' && e.population >= LARGE_CITY));
      // The name as written, not only without accents ("Marín" is no Mariner's place).
      if (place && place.name.toLowerCase() === name.join(' ').toLowerCase()) return true;
    }
  }
  return false;
}

let cached: Gazetteer | null = null;
let cachedTowns: TownIndex | null = null;

/**
 * Countries (ISO 3166-1), their regions, cities of 15,000+ people with coordinates, and
 * nationality words, from data/gazetteer (built from maintained data packages; see its README).
 */
export function loadGazetteer(): Gazetteer {
  if (cached) return cached;
  const g: Gazetteer = { byKey: new Map(), lengths: new Map(), countryNames: new Map(), regionsByCode: new Map(), regionAbbreviations: new Map() };
  const place = { population: 0, lat: null, lon: null, regionCode: '' };
  for (const [code, name] of readTsv('gazetteer/countries.tsv')) {
    add(g, { ...place, kind: 'country', name, countryCode: code });
    if (!g.countryNames.has(code)) g.countryNames.set(code, name);
  }
  for (const [code, demonym] of readTsv('gazetteer/demonyms.tsv')) add(g, { ...place, kind: 'demonym', name: demonym, countryCode: code });
  const codedRegions: GazetteerEntry[] = [];
  for (const [code, region, written] of readTsv('gazetteer/regions.tsv')) {
    // Most codes are the part after the country's ("84" of DK-84); some rows write it whole.
    const regionCode = written.startsWith(`${code}-`) ? written.slice(code.length + 1) : written;
    const entry: GazetteerEntry = { ...place, kind: 'region', name: region, countryCode: code, regionCode };
    add(g, entry);
    if (!regionCode) continue;
    codedRegions.push(entry);
    if (!g.regionsByCode.has(regionKey(entry))) g.regionsByCode.set(regionKey(entry), entry);
  }
  for (const [code, regionCode, abbreviation] of readTsv('gazetteer/region-abbreviations.tsv')) g.regionAbbreviations.set(abbreviation.toLowerCase(), `${code}|${regionCode}`);
  for (const [name] of readTsv('gazetteer/areas.tsv')) add(g, { ...place, kind: 'area', name, countryCode: '' });
  const regionPopulation = new Map<string, number>();
  for (const [name, code, regionCode, population, lat, lon] of readTsv('gazetteer/cities.tsv')) {
    const city: GazetteerEntry = { kind: 'city', name, countryCode: code, population: Number(population), lat: Number(lat), lon: Number(lon), regionCode };
    add(g, city);
    if (regionCode) regionPopulation.set(regionKey(city), (regionPopulation.get(regionKey(city)) ?? 0) + city.population);
  }
  // A region's population is that of its cities, where their region codes agree (US states and
  // a few more): "Florida" is first the state, before the Puerto Rican municipality and the
  // Uruguayan department of that name.
  for (const region of codedRegions) region.population = regionPopulation.get(regionKey(region)) ?? 0;
  // Best entry first (see rank), then the most populous.
  for (const list of g.byKey.values()) sizedRegionBeforeCitiesAbroad(list.sort(byRankThenPopulation));
  cached = g;
  return g;
}

/** Towns looked up by name (see loadTowns). */
export interface TownIndex {
  /** The towns of a name given as words, best first, matched case-insensitively. */
  entries(words: string[]): GazetteerEntry[] | undefined;
}

/**
 * Towns of 1,000 to 14,999 people with their region and coordinates (data/gazetteer/towns.tsv),
 * apart from the gazetteer: most small places are named like people or ordinary words ("Cody",
 * "Commerce"), so they are no tagger feature, and rules that ask "is this a place?" do not see
 * them. Place linking looks a LOCATION up here when the gazetteer lacks it. The 88,000 rows stay
 * lines of the file, indexed by name and parsed when looked up: as objects they took 50 MB a worker.
 */
export function loadTowns(): TownIndex {
  if (cachedTowns) return cachedTowns;
  const lines = readDataFile('gazetteer/towns.tsv').split('\n');
  const rowsByKey = new Map<string, number | number[]>();
  for (let row = 1; row < lines.length; row++) {
    const line = lines[row];
    if (!line || line.startsWith('#')) continue;
    for (const name of spellings(line.slice(0, line.indexOf('\t')))) {
      const key = keyString(name);
      const rows = rowsByKey.get(key);
      if (rows === undefined) rowsByKey.set(key, row);
      else if (typeof rows === 'number') rowsByKey.set(key, rows === row ? rows : [rows, row]);
      else if (!rows.includes(row)) rows.push(row);
    }
  }
  const parse = (row: number): GazetteerEntry => {
    const [name, code, regionCode, population, lat, lon] = lines[row].split('\t');
    return { kind: 'town', name, countryCode: code, population: Number(population), lat: Number(lat), lon: Number(lon), regionCode };
  };
  const parsed = new Map<string, GazetteerEntry[]>();
  cachedTowns = {
    entries(words) {
      const key = wordsKey(words);
      let list = parsed.get(key);
      if (!list) {
        const rows = rowsByKey.get(key);
        if (rows === undefined) return undefined;
        list = (typeof rows === 'number' ? [rows] : rows).map(parse).sort(byRankThenPopulation);
        parsed.set(key, list);
      }
      return list;
    },
  };
  return cachedTowns;
}

/** Upper-case initial, or a connecting word inside a name ("Isle of Man", "Bosnia and Herzegovina"). */
const NAME_TOKEN = /^[\p{Lu}\p{N}]/u;
const CONNECTORS = new Set(['of', 'and', 'the', 'de', 'da', 'del', 'la', 'le', 'upon', 'on', "d'", '-', '.', "'", '’', "'s", '’s']);

/** Longest gazetteer matches over tokens (capitalised names only), left to right, not overlapping. */
/** The gazetteer's entries for a name given as words ("South", "Sudan"), matched case-insensitively. */
export function placeEntries(g: Gazetteer, words: string[]): GazetteerEntry[] | undefined {
  return g.byKey.get(wordsKey(words));
}

export function matchGazetteer(g: Gazetteer, words: string[]): GazetteerMatch[] {
  const matches: GazetteerMatch[] = [];
  for (let i = 0; i < words.length; ) {
    const w = words[i];
    const lens = NAME_TOKEN.test(w) ? g.lengths.get(w.toLowerCase()) : undefined;
    let matched = 0;
    if (lens) {
      for (const len of lens) {
        if (i + len > words.length) continue;
        const slice = words.slice(i, i + len);
        if (!slice.every((t, k) => k === 0 || NAME_TOKEN.test(t) || CONNECTORS.has(t.toLowerCase()))) continue;
        if (!NAME_TOKEN.test(slice[len - 1]) && len > 1) continue;
        const entries = placeEntries(g, slice);
        if (entries) {
          matches.push({ first: i, last: i + len, entries });
          matched = len;
          break;
        }
      }
    }
    i += matched || 1;
  }
  return matches;
}
