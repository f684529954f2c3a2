import { tokenize } from '../tokenize.js';
import { readTsv } from './data-files.js';

export type GazetteerKind = 'country' | 'region' | 'city' | 'area' | 'demonym';

export interface GazetteerEntry {
  kind: GazetteerKind;
  name: string;
  countryCode: string;
  population: number;
  lat: number | null;
  lon: number | null;
}

/** A match of a gazetteer name over tokens [first, last). */
export interface GazetteerMatch {
  first: number;
  last: number;
  entries: GazetteerEntry[];
}

/** Cities of at least this many people get their own feature: big cities are rarely anything else. */
export const BIG_CITY = 500_000;

export interface Gazetteer {
  /** Lower-case token sequence (joined by a space) -> entries, best first. */
  byKey: Map<string, GazetteerEntry[]>;
  /** Lower-case first token -> lengths (in tokens) of names starting with it, longest first. */
  lengths: Map<string, number[]>;
  countryNames: Map<string, string>;
}

const keyOf = (name: string) => tokenize(name).map((t) => t.text.toLowerCase());

/** Letters that Unicode decomposition leaves whole, as English text writes them. */
const PLAIN_LETTER: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ı: 'i', ß: 'ss', æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', ð: 'd', þ: 'th' };
/** Transliteration marks for ayn, hamza and glottal stops ("Sāmarrā’", "Baʿqubah"); a closing one is dropped too. */
const TRANSLITERATION_MARK = /[ʿʾʻʼ]|[’'](?=\s|$)/gu;

/**
 * A name as English text usually writes it: "Sāmarrā’" -> "Samarra", "São Paulo" -> "Sao Paulo",
 * "Łódź" -> "Lodz". The data packages keep the native spelling (a fifth of the cities have a letter
 * outside ASCII); the folded spelling is indexed too, so press releases find those places.
 */
export function plainSpelling(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁøØđĐıßæÆœŒðþ]/g, (c) => PLAIN_LETTER[c])
    .replace(TRANSLITERATION_MARK, '');
}

function add(g: Gazetteer, entry: GazetteerEntry): void {
  index(g, entry, entry.name);
  const plain = plainSpelling(entry.name);
  if (plain !== entry.name) index(g, entry, plain);
}

function index(g: Gazetteer, entry: GazetteerEntry, name: string): void {
  const tokens = keyOf(name);
  if (!tokens.length) return;
  const key = tokens.join(' ');
  const list = g.byKey.get(key);
  if (list) list.push(entry);
  else g.byKey.set(key, [entry]);
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
  if (e.kind === 'city') return e.population >= 100_000 ? 2 : 5;
  if (e.kind === 'area') return 3;
  return 4;
}

let cached: Gazetteer | null = null;

/**
 * Countries (ISO 3166-1), their regions, cities of 15,000+ people with coordinates, and
 * nationality words, from data/gazetteer (built from maintained data packages; see its README).
 */
export function loadGazetteer(): Gazetteer {
  if (cached) return cached;
  const g: Gazetteer = { byKey: new Map(), lengths: new Map(), countryNames: new Map() };
  for (const [code, name] of readTsv('gazetteer/countries.tsv')) {
    add(g, { kind: 'country', name, countryCode: code, population: 0, lat: null, lon: null });
    if (!g.countryNames.has(code)) g.countryNames.set(code, name);
  }
  for (const [code, demonym] of readTsv('gazetteer/demonyms.tsv')) add(g, { kind: 'demonym', name: demonym, countryCode: code, population: 0, lat: null, lon: null });
  for (const [code, region] of readTsv('gazetteer/regions.tsv')) add(g, { kind: 'region', name: region, countryCode: code, population: 0, lat: null, lon: null });
  for (const [name] of readTsv('gazetteer/areas.tsv')) add(g, { kind: 'area', name, countryCode: '', population: 0, lat: null, lon: null });
  for (const [name, code, population, lat, lon] of readTsv('gazetteer/cities.tsv')) {
    add(g, { kind: 'city', name, countryCode: code, population: Number(population), lat: Number(lat), lon: Number(lon) });
  }
  // Best entry first (see rank), then the most populous.
  for (const list of g.byKey.values()) list.sort((a, b) => rank(a) - rank(b) || b.population - a.population || (a.countryCode < b.countryCode ? -1 : 1));
  cached = g;
  return g;
}

/** Upper-case initial, or a connecting word inside a name ("Isle of Man", "Bosnia and Herzegovina"). */
const NAME_TOKEN = /^[\p{Lu}\p{N}]/u;
const CONNECTORS = new Set(['of', 'and', 'the', 'de', 'da', 'del', 'la', 'le', 'upon', 'on', "d'", '-', '.', "'", '’', "'s", '’s']);

/** Longest gazetteer matches over tokens (capitalised names only), left to right, not overlapping. */
/** The gazetteer's entries for a name given as words ("South", "Sudan"), matched case-insensitively. */
export function placeEntries(g: Gazetteer, words: string[]): GazetteerEntry[] | undefined {
  return g.byKey.get(words.map((w) => w.toLowerCase()).join(' '));
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
