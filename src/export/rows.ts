import type { DocumentRecord, Keyword } from '../schema/document.js';
import type { Row } from '../schema/tables.js';
import { csvRows } from './csv.js';

const join = (xs: string[]) => xs.join('; ');

/** The per-document CSV rows of a record (entities.csv and acronyms.csv are run-wide, see tables.ts). */
export function documentRow(r: DocumentRecord): Row<'documents.csv'> {
  const count = (type: string) => r.entities.filter((e) => e.type === type).length;
  return {
    id: r.id,
    path: r.source.path,
    format: r.source.format,
    encoding: r.source.encoding,
    record: r.source.record ?? '',
    title: r.title ?? '',
    date: r.date ?? '',
    date_source: r.date_source ?? '',
    dateline: r.dateline?.text ?? '',
    dateline_place: r.dateline?.place ?? '',
    publisher: r.publisher ?? '',
    url: r.url ?? '',
    word_count: r.word_count,
    sha256: r.sha256,
    persons: count('PERSON'),
    organizations: count('ORGANIZATION'),
    locations: count('LOCATION'),
    mentions: r.entities.reduce((n, e) => n + e.mentions.length, 0),
    themes: join(r.themes.map((t) => t.id)),
    countries: join(r.countries),
  };
}

export function mentionRows(r: DocumentRecord): Array<Row<'mentions.csv'>> {
  return r.entities
    .flatMap((e) => e.mentions.map((m) => ({ doc_id: r.id, entity_id: e.id, type: e.type, start: m.start, end: m.end, text: m.text, sentence_index: m.sentence })))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

export function roleRows(r: DocumentRecord): Array<Row<'roles.csv'>> {
  return r.roles.map((x) => ({ doc_id: r.id, entity_id: x.entity_id, role: x.role, organization_id: x.organization_id ?? '', start: x.start, end: x.end }));
}

export function themeRows(r: DocumentRecord): Array<Row<'themes.csv'>> {
  return r.themes.map((t) => ({
    doc_id: r.id,
    theme: t.id,
    label: t.label,
    score: t.score,
    threshold: t.threshold,
    sentences: t.sentences,
    hits: t.evidence.length,
    evidence: join([...new Set(t.evidence.map((e) => e.term))]),
    evidence_sentence: t.evidence_sentence,
    evidence_start: t.evidence_start,
    evidence_end: t.evidence_end,
  }));
}

export function themeEvidenceRows(r: DocumentRecord): Array<Row<'theme_evidence.csv'>> {
  return r.themes.flatMap((t) =>
    t.evidence.map((e) => ({ doc_id: r.id, theme: t.id, term: e.term, rule: e.rule, start: e.start, end: e.end, text: e.text, sentence_index: e.sentence, weight: e.weight })),
  );
}

export function keywordRows(docId: string, keywords: Keyword[]): Array<Row<'keywords.csv'>> {
  return keywords.map((k, i) => ({ doc_id: docId, rank: i + 1, term: k.term, score: k.score, count: k.count }));
}

/** Per-document tables whose rows name entity ids: written in pass 2, once run-wide acronym resolution may have changed them. */
export const DEFERRED_TABLES = ['documents.csv', 'mentions.csv', 'roles.csv'] as const;
export type DeferredCsv = Record<(typeof DEFERRED_TABLES)[number], string>;

/** The rendered rows of a record's deferred tables. */
export function deferredCsv(record: DocumentRecord): DeferredCsv {
  return {
    'documents.csv': csvRows('documents.csv', [documentRow(record)]),
    'mentions.csv': csvRows('mentions.csv', mentionRows(record)),
    'roles.csv': csvRows('roles.csv', roleRows(record)),
  };
}
