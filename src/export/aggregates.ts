import type { EntityType, Place } from '../schema/document.js';
import type { DocResult } from '../pipeline/types.js';
import type { Row } from '../schema/tables.js';
import { compareStrings } from '../util/compare.js';
import { Interner } from '../util/interner.js';
import { PairSlots } from '../util/pair-slots.js';
import { ACRONYM } from '../nlp/entity-id.js';
import { addCount, countEntries, type KeyCounts } from '../util/key-counts.js';

interface EntityTotals {
  type: EntityType;
  /** Canonical name -> documents using it as their canonical name (the most used one wins). */
  names: KeyCounts | null;
  /** Alias -> documents using it (null until one is: most entities have none). */
  aliases: KeyCounts | null;
  documents: number;
  mentions: number;
  /** Gazetteer link (as JSON) -> documents giving it: the most given one wins. */
  places: KeyCounts | null;
}

/** The most counted key; ties go to the first in code-unit order. */
const mostCounted = (entries: Array<[string, number]>) => entries.sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))[0]?.[0];

/**
 * entities.csv: one row per entity id over the whole run. Holds only per-entity totals, so it
 * grows with the number of distinct entities, not with the number of documents. Every total is a
 * count, so a document can be taken back out (pass 2 does, when its ids change) and the result
 * does not depend on the order documents came in. Entity ids are numbers from the run's
 * interner, which the other entity tables share, so each id string is held once.
 */
export class EntityTable {
  /** Totals by interned entity id; undefined for ids no document names (any more). */
  private readonly byId: Array<EntityTotals | undefined> = [];
  private count = 0;

  constructor(private readonly ids: Interner = new Interner()) {}

  add(doc: Pick<DocResult, 'entities'>, sign: 1 | -1 = 1): void {
    for (const e of doc.entities) {
      const n = this.ids.id(e.id);
      let t = this.byId[n];
      if (!t) {
        this.byId[n] = t = { type: e.type, names: null, aliases: null, documents: 0, mentions: 0, places: null };
        this.count++;
      }
      t.names = addCount(t.names, e.name, sign);
      for (const a of e.aliases) t.aliases = addCount(t.aliases, a, sign);
      if (e.place) t.places = addCount(t.places, JSON.stringify(e.place), sign);
      t.documents += sign;
      t.mentions += sign * e.mentions;
      if (!t.documents) {
        this.byId[n] = undefined;
        this.count--;
      }
    }
  }

  remove(doc: Pick<DocResult, 'entities'>): void {
    this.add(doc, -1);
  }

  get size(): number {
    return this.count;
  }

  countByType(): Record<EntityType, number> {
    const out: Record<EntityType, number> = { PERSON: 0, ORGANIZATION: 0, LOCATION: 0 };
    for (const t of this.byId) if (t) out[t.type]++;
    return out;
  }

  rows(): Array<Row<'entities.csv'>> {
    const live: Array<[string, EntityTotals]> = [];
    this.byId.forEach((t, n) => t && live.push([this.ids.values[n], t]));
    return live
      .sort((a, b) => compareStrings(a[0], b[0]))
      .map(([id, t]) => {
        // A name spelled out beats an acronym however often the acronym is used alone.
        const names = countEntries(t.names);
        const spelled = names.filter(([n]) => !ACRONYM.test(n));
        const name = mostCounted(spelled.length ? spelled : names)!;
        const aliases = [...countEntries(t.aliases), ...names].map(([a]) => a).filter((a) => a !== name);
        const placeJson = t.places && mostCounted(countEntries(t.places));
        const place = placeJson ? (JSON.parse(placeJson) as Place) : null;
        return {
          entity_id: id,
          type: t.type,
          name,
          aliases: [...new Set(aliases)].sort(compareStrings).join(' | '),
          documents: t.documents,
          mentions: t.mentions,
          country_code: place?.country_code ?? '',
          region_code: place?.region_code ?? '',
          place_kind: place?.kind ?? '',
          lat: place?.lat ?? null,
          lon: place?.lon ?? null,
        };
      });
  }
}

/** acronyms.csv: every (acronym, long form) pair defined in the run, with its first definition. */
export class AcronymTable {
  private readonly byKey = new Map<string, Row<'acronyms.csv'>>();

  add(doc: DocResult): void {
    for (const a of doc.acronyms) {
      const key = `${a.acronym}\u0000${a.long_form}`;
      const row = this.byKey.get(key);
      if (row) row.documents++;
      else this.byKey.set(key, { acronym: a.acronym, long_form: a.long_form, entity_id: a.entity_id, documents: 1, first_doc: doc.id, first_start: a.start, first_end: a.end });
    }
  }

  rows(): Array<Row<'acronyms.csv'>> {
    return [...this.byKey.values()].sort((a, b) => compareStrings(a.acronym, b.acronym) || compareStrings(a.long_form, b.long_form));
  }
}

const share = (n: number, of: number) => (of ? Math.round((n / of) * 10000) / 10000 : 0);

/**
 * themes_by_month.csv and themes_by_publisher.csv: for plotting theme shares over time and across
 * publishers. Every (month or publisher, theme) pair appears, zeros included, in codebook order.
 */
export class ThemeTables {
  private readonly byMonth = new Map<string, { total: number; themes: Map<string, number> }>();
  private readonly byPublisher = new Map<string, { total: number; themes: Map<string, number> }>();

  constructor(private readonly themeIds: string[]) {}

  add(doc: DocResult): void {
    const bump = (map: Map<string, { total: number; themes: Map<string, number> }>, key: string) => {
      let g = map.get(key);
      if (!g) map.set(key, (g = { total: 0, themes: new Map() }));
      g.total++;
      for (const t of doc.themes) g.themes.set(t, (g.themes.get(t) ?? 0) + 1);
    };
    if (doc.date) bump(this.byMonth, doc.date.slice(0, 7));
    bump(this.byPublisher, doc.publisher ?? '(unknown)');
  }

  monthRows(): Array<Row<'themes_by_month.csv'>> {
    return [...this.byMonth.entries()]
      .sort((a, b) => compareStrings(a[0], b[0]))
      .flatMap(([month, g]) => this.themeIds.map((theme) => ({ month, theme, documents: g.themes.get(theme) ?? 0, month_documents: g.total, share: share(g.themes.get(theme) ?? 0, g.total) })));
  }

  publisherRows(): Array<Row<'themes_by_publisher.csv'>> {
    return [...this.byPublisher.entries()]
      .sort((a, b) => compareStrings(a[0], b[0]))
      .flatMap(([publisher, g]) => this.themeIds.map((theme) => ({ publisher, theme, documents: g.themes.get(theme) ?? 0, publisher_documents: g.total, share: share(g.themes.get(theme) ?? 0, g.total) })));
  }
}

/**
 * entity_cooccurrence.csv: pairs of entities named in the same documents and sentences. Entity
 * ids are interned to numbers and a pair is one number, so a million pairs fit in little memory.
 * Kept: pairs that share a sentence somewhere, or meet in two documents or more.
 */
export class CooccurrenceTable {
  constructor(private readonly ids: Interner = new Interner()) {}

  /** Pair of interned ids -> slot in the count arrays. */
  private readonly slots = new PairSlots();
  private documents = new Int32Array(1 << 16);
  private sentences = new Int32Array(1 << 16);

  add(doc: Pick<DocResult, 'pairs'>, sign: 1 | -1 = 1): void {
    for (const [a, b, sentences] of doc.pairs) {
      const slot = this.slots.slot(this.ids.id(a), this.ids.id(b));
      if (slot >= this.documents.length) {
        this.documents = grown(this.documents);
        this.sentences = grown(this.sentences);
      }
      this.documents[slot] += sign;
      this.sentences[slot] += sign * sentences;
    }
  }

  remove(doc: Pick<DocResult, 'pairs'>): void {
    this.add(doc, -1);
  }

  rows(): Array<Row<'entity_cooccurrence.csv'>> {
    const rows: Array<Row<'entity_cooccurrence.csv'>> = [];
    for (const [a, b, slot] of this.slots.entries()) {
      const documents = this.documents[slot];
      const sentences = this.sentences[slot];
      if (documents === 0 || (sentences === 0 && documents < 2)) continue;
      rows.push({ entity_a: this.ids.values[a], entity_b: this.ids.values[b], documents, sentences });
    }
    return rows.sort((x, y) => compareStrings(x.entity_a, y.entity_a) || compareStrings(x.entity_b, y.entity_b));
  }
}

/** entities_by_month.csv: documents and mentions per entity and month, for time series of who is named. */
export class EntityMonthTable {
  private readonly months = new Interner();

  constructor(private readonly ids: Interner = new Interner()) {}

  /** (month, entity) -> slot in the count arrays. */
  private readonly slots = new PairSlots();
  private documents = new Int32Array(1 << 16);
  private mentions = new Int32Array(1 << 16);

  add(doc: Pick<DocResult, 'date' | 'entities'>, sign: 1 | -1 = 1): void {
    if (!doc.date) return;
    const month = this.months.id(doc.date.slice(0, 7));
    for (const e of doc.entities) {
      const slot = this.slots.slot(month, this.ids.id(e.id));
      if (slot >= this.documents.length) {
        this.documents = grown(this.documents);
        this.mentions = grown(this.mentions);
      }
      this.documents[slot] += sign;
      this.mentions[slot] += sign * e.mentions;
    }
  }

  remove(doc: Pick<DocResult, 'date' | 'entities'>): void {
    this.add(doc, -1);
  }

  rows(): Array<Row<'entities_by_month.csv'>> {
    const rows: Array<Row<'entities_by_month.csv'>> = [];
    for (const [m, e, slot] of this.slots.entries()) {
      if (this.documents[slot] === 0) continue;
      rows.push({ month: this.months.values[m], entity_id: this.ids.values[e], documents: this.documents[slot], mentions: this.mentions[slot] });
    }
    return rows.sort((x, y) => compareStrings(x.month, y.month) || compareStrings(x.entity_id, y.entity_id));
  }
}

/** A count array twice as long, counts kept. */
function grown(x: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const y = new Int32Array(x.length * 2);
  y.set(x);
  return y;
}
