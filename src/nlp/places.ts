import type { Entity } from '../schema/document.js';
import type { Token } from './tokenize.js';
import { matchGazetteer, placeEntries, type Gazetteer, type GazetteerEntry } from './resources/gazetteer.js';
import { tokenize } from './tokenize.js';

/**
 * Link LOCATION entities to the gazetteer: a country gets its ISO 3166-1 alpha-2 code, a region its
 * country, a city its country and coordinates. Among places of the same name, one in a country the
 * document names wins (unless a city ten times larger has the name), else the first by rank (see gazetteer.ts). Returns the document's "countries mentioned":
 * countries named, and countries referred to by nationality words ("Syrian"), which are not places.
 */
export function linkPlaces(tokens: Token[], entities: Entity[], gazetteer: Gazetteer): string[] {
  const lookup = (name: string) => placeEntries(gazetteer, tokenize(name).map((t) => t.text));
  const countries = new Set<string>();
  const candidates = new Map<Entity, GazetteerEntry[]>();
  const written = placesWrittenInParts(tokens, entities, gazetteer);
  for (const e of entities) {
    if (e.type !== 'LOCATION') continue;
    const whole = written.get(e);
    if (whole) {
      candidates.set(e, [whole]);
      continue;
    }
    // World regions ("Middle East") are places without a country: left unlinked.
    const entries = (lookup(e.name) ?? e.aliases.map(lookup).find(Boolean) ?? []).filter((x) => x.kind !== 'demonym' && x.kind !== 'area');
    if (!entries.length) continue;
    candidates.set(e, entries);
    if (entries[0].kind === 'country') countries.add(entries[0].countryCode);
  }
  for (const [e, entries] of candidates) {
    // Entries come best first; a place in a country the document names beats one elsewhere,
    // unless the first is a city ten times its size ("Boston" in a release that names the UK).
    const named = entries.find((x) => countries.has(x.countryCode));
    const dwarfed = named !== undefined && entries[0].kind === 'city' && named.population * 10 < entries[0].population;
    const best = entries[0].kind === 'country' || !named || dwarfed ? entries[0] : named;
    e.place = { kind: best.kind === 'country' ? 'country' : best.kind === 'region' ? 'region' : 'city', country_code: best.countryCode, lat: best.lat, lon: best.lon };
  }
  const referred = new Set(countries);
  for (const m of matchGazetteer(gazetteer, tokens.map((t) => t.text))) {
    const demonym = m.entries.find((x) => x.kind === 'demonym');
    if (demonym) referred.add(demonym.countryCode);
  }
  return [...referred].sort();
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

/**
 * Places the text writes in two mentions that the gazetteer knows as one name: "Washington, D.C."
 * (or "Washington, DC") is the city, though "Washington" alone is first the state. Only when every
 * mention of the place is written so, and the part is an abbreviation with no place of its own in
 * the gazetteer; the part then gets the same link.
 */
function placesWrittenInParts(tokens: Token[], entities: Entity[], gazetteer: Gazetteer): Map<Entity, GazetteerEntry> {
  const names = namesInParts(gazetteer);
  const found = new Map<Entity, GazetteerEntry>();
  if (!names.size) return found;
  const tokenAt = new Map<number, number>();
  tokens.forEach((t, i) => tokenAt.set(t.start, i));
  const locationAt = new Map<number, Entity>();
  for (const e of entities) if (e.type === 'LOCATION') for (const m of e.mentions) locationAt.set(m.start, e);
  /** The whole name a mention is the first part of, with the part's token. */
  const wholeOf = (m: Entity['mentions'][number]) => {
    let next = tokenAt.get(m.start);
    if (next === undefined) return null;
    while (next < tokens.length && tokens[next].end <= m.end) next++;
    if (tokens[next]?.text !== ',') return null;
    const part = tokens[next + 1];
    if (!part || !ABBREVIATION.test(part.text) || placeEntries(gazetteer, [part.text])) return null;
    const whole = names.get(`${tokenize(m.text).map((t) => t.text.toLowerCase()).join(' ')}|${dotless(part.text)}`);
    return whole ? { whole, part } : null;
  };
  for (const e of entities) {
    if (e.type !== 'LOCATION') continue;
    const wholes = e.mentions.map(wholeOf);
    const first = wholes[0];
    if (!first || !wholes.every((w) => w && w.whole === first.whole)) continue;
    found.set(e, first.whole);
    for (const w of wholes) {
      const partEntity = locationAt.get(w!.part.start);
      if (partEntity) found.set(partEntity, first.whole);
    }
  }
  return found;
}
