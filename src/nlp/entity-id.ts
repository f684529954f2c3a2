import type { Entity, EntityType } from '../schema/document.js';
import { NO_ALIASES, type AliasTable } from './aliases.js';

/** A name written as an acronym: "NATO", "U.S.", "AT&T". */
export const ACRONYM = /^[\p{Lu}][\p{Lu}\p{N}&.]{1,11}$/u;
const TYPE_SLUG: Record<EntityType, string> = { PERSON: 'person', ORGANIZATION: 'organization', LOCATION: 'location' };

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

/**
 * The id that joins one entity across documents and runs: type and a normalised name. A person
 * is known by first and last name (middle names and initials vary from release to release:
 * "Rosemary A. DiCarlo" and "Rosemary DiCarlo" are one person); an organisation or place by its
 * name without a leading "the". An aliases file can merge ids, or keep people apart.
 */
export function entityId(type: EntityType, name: string, aliases: AliasTable = NO_ALIASES): string {
  const full = `${TYPE_SLUG[type]}/${slug(name.replace(/^the\s+/i, ''))}`;
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
