import type { Analysis } from '../nlp/index.js';
import type { DocumentRecord } from '../schema/document.js';
import { sha256 } from '../util/hash.js';

/** An analysed document as its documents.jsonl record (keywords are added by the corpus stage). */
export function toRecord(a: Analysis): DocumentRecord {
  const { doc } = a;
  const entities = a.entities ?? [];
  const spanEntity = a.spanEntity ?? [];
  const spans = a.spans ?? [];
  const tokens = a.tokens ?? [];
  const entityOfSpan = (i: number | null) => (i === null ? null : spanEntity[i] ?? null);
  return {
    id: doc.id,
    source: doc.source,
    title: doc.title,
    date: doc.date,
    date_source: doc.dateSource,
    dateline: doc.dateline,
    publisher: doc.publisher,
    url: doc.url,
    text: doc.text,
    word_count: a.wordCount ?? 0,
    sha256: sha256(doc.text),
    entities,
    roles: (a.roles ?? []).map((r) => ({ entity_id: spanEntity[r.person], role: r.text, organization_id: entityOfSpan(r.organization), start: r.start, end: r.end })),
    acronyms: (a.acronyms ?? []).flatMap((x) => {
      const entity = spanEntity[spans.findIndex((s) => tokens[s.first].start === x.start)];
      return entity ? [{ acronym: x.acronym, long_form: x.longForm, entity_id: entity, start: x.start, end: x.end }] : [];
    }),
    countries: a.countries ?? [],
    themes: a.themes ?? [],
    keywords: [],
  };
}
