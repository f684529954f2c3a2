import type { EntityType, Place } from '../schema/document.js';
import type { DocResult } from '../pipeline/types.js';
import type { Row } from '../schema/tables.js';
import { compareStrings } from '../util/compare.js';

interface EntityTotals {
  type: EntityType;
  /** Canonical name -> documents using it as their canonical name (the most used one wins). */
  names: Map<string, number>;
  aliases: Set<string>;
  documents: number;
  mentions: number;
  place: Place | null;
}

/**
 * entities.csv: one row per entity id over the whole run. Holds only per-entity totals, so it
 * grows with the number of distinct entities, not with the number of documents.
 */
export class EntityTable {
  private readonly byId = new Map<string, EntityTotals>();

  add(doc: DocResult): void {
    for (const e of doc.entities) {
      let t = this.byId.get(e.id);
      if (!t) this.byId.set(e.id, (t = { type: e.type, names: new Map(), aliases: new Set(), documents: 0, mentions: 0, place: e.place }));
      t.names.set(e.name, (t.names.get(e.name) ?? 0) + 1);
      for (const a of e.aliases) t.aliases.add(a);
      t.documents++;
      t.mentions += e.mentions;
      t.place ??= e.place;
    }
  }

  get size(): number {
    return this.byId.size;
  }

  countByType(): Record<EntityType, number> {
    const out: Record<EntityType, number> = { PERSON: 0, ORGANIZATION: 0, LOCATION: 0 };
    for (const t of this.byId.values()) out[t.type]++;
    return out;
  }

  rows(): Array<Row<'entities.csv'>> {
    return [...this.byId.entries()]
      .sort((a, b) => compareStrings(a[0], b[0]))
      .map(([id, t]) => {
        const name = [...t.names.entries()].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))[0][0];
        const aliases = [...t.aliases, ...t.names.keys()].filter((a) => a !== name);
        return {
          entity_id: id,
          type: t.type,
          name,
          aliases: [...new Set(aliases)].sort(compareStrings).join(' | '),
          documents: t.documents,
          mentions: t.mentions,
          country_code: t.place?.country_code ?? '',
          place_kind: t.place?.kind ?? '',
          lat: t.place?.lat ?? null,
          lon: t.place?.lon ?? null,
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
