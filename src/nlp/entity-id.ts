import type { Entity, EntityType } from '../schema/document.js';
import { NO_ALIASES, type AliasTable } from './aliases.js';
import { loadGazetteer, placeEntries, type Gazetteer } from './resources/gazetteer.js';
import { tokenize } from './tokenize.js';

/** A name written as an acronym: "NATO", "U.S.", "AT&T". */
export const ACRONYM = /^[\p{Lu}][\p{Lu}\p{N}&.]{1,11}$/u;
const TYPE_SLUG: Record<EntityType, string> = { PERSON: 'person', ORGANIZATION: 'organization', LOCATION: 'location' };

/** The type an id names by its prefix ("person/..." -> PERSON), or undefined. */
export function typeOfId(id: string): EntityType | undefined {
  const prefix = id.slice(0, id.indexOf('/'));
  return (Object.keys(TYPE_SLUG) as EntityType[]).find((t) => TYPE_SLUG[t] === prefix);
}

/** "Rosemary A. DiCarlo" -> "rosemary-a-dicarlo": lower case, no accents, words joined by "-". */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return s || 'x';
}

/** Generational suffixes, not part of a surname: "Jr.", "III". */
export const SUFFIX = /^(jr|sr|ii|iii|iv)\.?$/i;

/** A word of a country's name written as two letters: "U.S.", "US", "U S", "UK" (not "USA", which leads brands: "USA Today"). */
const ABBREVIATED = /^(?:\p{Lu}\.?){1,2}$/u;
const CACHE_LIMIT = 20_000;
const spelledOutCache = new Map<string, string>();
const countryNamesSpelledOut = new WeakMap<Gazetteer, Map<string, string>>();

/** Each country's name spelled out in at most two words, the fullest such: "United States", "United Kingdom". */
function spelledOutCountries(gazetteer: Gazetteer): Map<string, string> {
  let names = countryNamesSpelledOut.get(gazetteer);
  if (names) return names;
  names = new Map();
  const words = (name: string) => name.split(' ').length;
  for (const entries of gazetteer.byKey.values()) {
    for (const e of entries) {
      if (e.kind !== 'country' || words(e.name) > 2 || !/\p{Ll}/u.test(e.name)) continue;
      const best = names.get(e.countryCode);
      if (!best || words(e.name) > words(best) || (words(e.name) === words(best) && (e.name.length > best.length || (e.name.length === best.length && e.name < best)))) names.set(e.countryCode, e.name);
    }
  }
  countryNamesSpelledOut.set(gazetteer, names);
  return names;
}

/**
 * An organisation's name led by a country's two-letter abbreviation, with the country's name
 * spelled out: "U.S. Senate", "US Senate" and "U S Senate" are "United States Senate", so their
 * ids join across documents. Not an abbreviation that is also a region's ("CA Technologies"), nor
 * a country alone.
 */
function countrySpelledOut(name: string): string {
  let out = spelledOutCache.get(name);
  if (out !== undefined) return out;
  out = name;
  const words = tokenize(name).map((t) => t.text);
  const gazetteer = loadGazetteer();
  for (let n = Math.min(2, words.length - 1); n >= 1; n--) {
    const letters = words.slice(0, n).join('').replace(/\./g, '');
    if (letters.length !== 2 || !words.slice(0, n).every((w) => ABBREVIATED.test(w))) continue;
    const entries = placeEntries(gazetteer, [letters]);
    const spelled = entries?.[0].kind === 'country' && !entries.some((e) => e.kind === 'region') ? spelledOutCountries(gazetteer).get(entries[0].countryCode) : undefined;
    if (!spelled) continue;
    out = [spelled, ...words.slice(n)].join(' ');
    break;
  }
  if (spelledOutCache.size >= CACHE_LIMIT) spelledOutCache.clear();
  spelledOutCache.set(name, out);
  return out;
}

/**
 * The id that joins one entity across documents and runs: type and a normalised name. A person
 * is known by first and last name (middle names and initials vary from release to release:
 * "Rosemary A. DiCarlo" and "Rosemary DiCarlo" are one person); an organisation or place by its
 * name without a leading "the", and an organisation led by a country's abbreviated name by the
 * name spelled out ("U.S. Senate" is organization/united-states-senate). An aliases file can
 * merge ids, or keep people apart.
 */
export function entityId(type: EntityType, name: string, aliases: AliasTable = NO_ALIASES): string {
  const bare = name.replace(/^the\s+/i, '');
  const full = `${TYPE_SLUG[type]}/${slug(type === 'ORGANIZATION' ? countrySpelledOut(bare) : bare)}`;
  let id = full;
  if (type === 'PERSON' && !aliases.separate.has(full)) {
    const words = name.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w) && !SUFFIX.test(w));
    if (words.length >= 2) id = `${TYPE_SLUG[type]}/${slug(`${words[0]} ${words[words.length - 1]}`)}`;
  }
  return aliases.into.get(id) ?? aliases.into.get(full) ?? id;
}

/**
 * "location/portland.us-me", "location/paris.fr": a linked place other than a country carries
 * the ISO 3166-2 region, else the country, it was linked to in its id, so that Portland, Maine
 * and Portland, Oregon, or Georgia the state and Georgia the country, are apart across the run.
 * An id an aliases file set is kept; the new id can be merged by one too. Returns the
 * span-to-id table with the new ids.
 */
export function placeIds(entities: Entity[], spanEntity: string[], aliases: AliasTable = NO_ALIASES): string[] {
  const taken = new Set(entities.map((e) => e.id));
  const renamed = new Map<string, string>();
  for (const e of entities) {
    if (!e.place || e.place.kind === 'country' || e.id !== entityId('LOCATION', e.name)) continue;
    const own = `${e.id}.${(e.place.region_code ?? e.place.country_code).toLowerCase()}`;
    const id = aliases.into.get(own) ?? own;
    if (taken.has(id)) continue;
    renamed.set(e.id, id);
    e.id = id;
  }
  return renamed.size ? spanEntity.map((id) => renamed.get(id) ?? id) : spanEntity;
}
