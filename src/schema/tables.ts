import { z } from 'zod';
import { EntityType } from './document.js';
import { Problem } from './problem.js';

/**
 * One zod schema per CSV file: the column order of each file is the key order here, and the README
 * tables and JSON Schemas are generated from the same schemas, so they cannot drift apart.
 */
const id = z.string().describe('Document id');
const offset = z.number().int().nonnegative();
const list = (what: string) => z.string().describe(`${what}, joined by "; " (empty when none)`);

export const DocumentRow = z.object({
  id,
  path: z.string().describe('Source path relative to its input root'),
  format: z.string().describe('txt, md, html, json or jsonl'),
  encoding: z.string().describe('utf-8, utf-16le, utf-16be or windows-1252'),
  record: z.string().describe('Record id or index in a JSON/JSONL file, else empty'),
  title: z.string(),
  date: z.string().describe('Publication date YYYY-MM-DD, else empty'),
  date_source: z.string().describe('metadata, dateline, text or path'),
  dateline: z.string().describe('The dateline as written'),
  dateline_place: z.string(),
  publisher: z.string(),
  url: z.string(),
  word_count: z.number().int(),
  sha256: z.string().describe('sha256 of the document text'),
  persons: z.number().int().describe('Distinct PERSON entities'),
  organizations: z.number().int().describe('Distinct ORGANIZATION entities'),
  locations: z.number().int().describe('Distinct LOCATION entities'),
  mentions: z.number().int().describe('Entity mentions'),
  themes: list('Theme ids'),
  countries: list('ISO 3166-1 alpha-2 codes of countries mentioned'),
});

export const EntityRow = z.object({
  entity_id: z.string().describe('Stable id: type and normalised canonical name, and for a linked place other than a country its ISO 3166-2 region or its country (location/portland.us-me, location/paris.fr) (a bare acronym the run defines one way only takes its long form\'s id; a surname alone, the id of the one person the run names in full with it)'),
  type: EntityType,
  name: z.string().describe('The canonical name most documents use, a spelled-out name before an acronym or an all-capitals form'),
  aliases: z.string().describe('Other forms used in any document, joined by " | "'),
  documents: z.number().int().describe('Documents mentioning the entity'),
  mentions: z.number().int().describe('Mentions over all documents'),
  country_code: z.string().describe('ISO 3166-1 alpha-2 code of a LOCATION (the gazetteer link most of its documents give), else empty'),
  region_code: z.string().describe('ISO 3166-2 code of the first-level region of a linked LOCATION ("US-ME"; see documents.jsonl place.region_code), else empty'),
  place_kind: z.string().describe('country, region or city (a city or town) for a linked LOCATION, else empty'),
  lat: z.number().nullable().describe('Latitude of a city or town, else empty'),
  lon: z.number().nullable().describe('Longitude of a city or town, else empty'),
});

export const MentionRow = z.object({
  doc_id: id,
  entity_id: z.string(),
  type: EntityType,
  start: offset.describe('UTF-16 offset into the document text (documents.jsonl "text")'),
  end: offset,
  text: z.string(),
  sentence_index: z.number().int().nonnegative(),
});

export const ThemeRow = z.object({
  doc_id: id,
  theme: z.string(),
  label: z.string(),
  score: z.number().describe('Weighted hits per 1,000 words'),
  threshold: z.number(),
  sentences: z.number().int().describe('Sentences with evidence'),
  hits: z.number().int().describe('Counted hits (theme_evidence.csv has each one)'),
  evidence: z.string().describe('Distinct matched terms, joined by "; "'),
  evidence_sentence: z.string().describe('The sentence with the most evidence'),
  evidence_start: offset.describe('Offset of that sentence in the document text'),
  evidence_end: offset,
});

export const ThemeEvidenceRow = z.object({
  doc_id: id,
  theme: z.string(),
  term: z.string().describe('Codebook term or phrase'),
  rule: z.string().describe('term or phrase'),
  start: offset,
  end: offset,
  text: z.string().describe('Matched text as written'),
  sentence_index: z.number().int().nonnegative(),
  weight: z.number().describe('After title, lead and boilerplate weighting'),
});

export const KeywordRow = z.object({
  doc_id: id,
  rank: z.number().int().positive(),
  term: z.string(),
  score: z.number().describe('TF-IDF over the run'),
  count: z.number().int().positive(),
});

export const RoleRow = z.object({
  doc_id: id,
  entity_id: z.string().describe('The person'),
  role: z.string(),
  organization_id: z.string().describe('Where the role is held, when the text says; else empty'),
  start: offset,
  end: offset,
});

export const AcronymRow = z.object({
  acronym: z.string(),
  long_form: z.string(),
  entity_id: z.string(),
  documents: z.number().int().describe('Documents defining the acronym this way'),
  first_doc: id.describe('First document (in run order) with the definition'),
  first_start: offset,
  first_end: offset,
});

export const ThemeByMonthRow = z.object({
  month: z.string().describe('YYYY-MM of the documents\' publication date (undated documents are left out)'),
  theme: z.string(),
  documents: z.number().int().describe('Documents of the month coded with the theme'),
  month_documents: z.number().int().describe('All dated documents of the month'),
  share: z.number().describe('documents / month_documents, rounded to 4 decimals'),
});

export const ThemeByPublisherRow = z.object({
  publisher: z.string().describe('The document\'s publisher, or "(unknown)"'),
  theme: z.string(),
  documents: z.number().int().describe('Documents of the publisher coded with the theme'),
  publisher_documents: z.number().int().describe('All documents of the publisher'),
  share: z.number().describe('documents / publisher_documents, rounded to 4 decimals'),
});

export const CooccurrenceRow = z.object({
  entity_a: z.string().describe('Entity id (entity_a < entity_b)'),
  entity_b: z.string().describe('Entity id'),
  documents: z.number().int().describe('Documents naming both, counted where both are among the document\'s ten most mentioned entities (ties broken by id) or share a sentence in it. A pair is listed only when it shares a sentence somewhere or meets in two documents or more'),
  sentences: z.number().int().describe('Sentences naming both'),
});

export const EntityByMonthRow = z.object({
  month: z.string().describe('YYYY-MM of the documents\' publication date (undated documents are left out)'),
  entity_id: z.string(),
  documents: z.number().int().describe('Documents of the month naming the entity'),
  mentions: z.number().int().describe('Its mentions in them'),
});

export const ProblemRow = Problem;

/** Every CSV file of the data contract, in the order they are documented. */
export const CSV_TABLES = {
  'documents.csv': DocumentRow,
  'entities.csv': EntityRow,
  'mentions.csv': MentionRow,
  'roles.csv': RoleRow,
  'acronyms.csv': AcronymRow,
  'themes.csv': ThemeRow,
  'theme_evidence.csv': ThemeEvidenceRow,
  'keywords.csv': KeywordRow,
  'themes_by_month.csv': ThemeByMonthRow,
  'themes_by_publisher.csv': ThemeByPublisherRow,
  'entity_cooccurrence.csv': CooccurrenceRow,
  'entities_by_month.csv': EntityByMonthRow,
  'problems.csv': ProblemRow,
} as const;
export type CsvTable = keyof typeof CSV_TABLES;
export type Row<T extends CsvTable> = z.infer<(typeof CSV_TABLES)[T]>;

export function columnsOf(table: CsvTable): string[] {
  return Object.keys(CSV_TABLES[table].shape);
}

/** Keys and indexes of each table: the SQLite database and datapackage.json are made from these. */
export interface TableKeys {
  primaryKey: string[];
  foreignKeys: Array<{ fields: string[]; table: CsvTable; references: string[] }>;
  indexes: string[][];
}

const fk = (fields: string[], table: CsvTable, references: string[]) => ({ fields, table, references });
const doc = fk(['doc_id'], 'documents.csv', ['id']);

export const TABLE_KEYS: Record<CsvTable, TableKeys> = {
  'documents.csv': { primaryKey: ['id'], foreignKeys: [], indexes: [['date'], ['publisher']] },
  'entities.csv': { primaryKey: ['entity_id'], foreignKeys: [], indexes: [['type'], ['name']] },
  'mentions.csv': { primaryKey: ['doc_id', 'start', 'end'], foreignKeys: [doc, fk(['entity_id'], 'entities.csv', ['entity_id'])], indexes: [['entity_id']] },
  'roles.csv': { primaryKey: ['doc_id', 'start', 'end', 'entity_id'], foreignKeys: [doc, fk(['entity_id'], 'entities.csv', ['entity_id']), fk(['organization_id'], 'entities.csv', ['entity_id'])], indexes: [['entity_id']] },
  'acronyms.csv': { primaryKey: ['acronym', 'long_form'], foreignKeys: [fk(['entity_id'], 'entities.csv', ['entity_id']), fk(['first_doc'], 'documents.csv', ['id'])], indexes: [] },
  'themes.csv': { primaryKey: ['doc_id', 'theme'], foreignKeys: [doc], indexes: [['theme']] },
  'theme_evidence.csv': { primaryKey: ['doc_id', 'theme', 'start', 'end'], foreignKeys: [fk(['doc_id', 'theme'], 'themes.csv', ['doc_id', 'theme'])], indexes: [] },
  'keywords.csv': { primaryKey: ['doc_id', 'rank'], foreignKeys: [doc], indexes: [['term']] },
  'themes_by_month.csv': { primaryKey: ['month', 'theme'], foreignKeys: [], indexes: [] },
  'themes_by_publisher.csv': { primaryKey: ['publisher', 'theme'], foreignKeys: [], indexes: [] },
  'entity_cooccurrence.csv': { primaryKey: ['entity_a', 'entity_b'], foreignKeys: [fk(['entity_a'], 'entities.csv', ['entity_id']), fk(['entity_b'], 'entities.csv', ['entity_id'])], indexes: [['entity_b']] },
  'entities_by_month.csv': { primaryKey: ['month', 'entity_id'], foreignKeys: [fk(['entity_id'], 'entities.csv', ['entity_id'])], indexes: [['entity_id']] },
  'problems.csv': { primaryKey: [], foreignKeys: [], indexes: [['file'], ['code']] },
};

/** A column's type for SQLite and Frictionless data packages, from its zod schema. */
export function columnType(table: CsvTable, column: string): 'integer' | 'number' | 'string' {
  const json = z.toJSONSchema(CSV_TABLES[table]) as { properties: Record<string, { type?: string | string[]; anyOf?: Array<{ type?: string }> }> };
  const p = json.properties[column];
  const types = [p.type, ...(p.anyOf ?? []).map((x) => x.type)].flat().filter(Boolean);
  return types.includes('integer') ? 'integer' : types.includes('number') ? 'number' : 'string';
}

/** Columns whose empty CSV cell means "none" (a foreign key or number left blank). */
export function nullableColumns(table: CsvTable): Set<string> {
  const fkColumns = TABLE_KEYS[table].foreignKeys.flatMap((f) => f.fields);
  return new Set([...fkColumns.filter((c) => !TABLE_KEYS[table].primaryKey.includes(c)), ...columnsOf(table).filter((c) => columnType(table, c) !== 'string')]);
}
