import { z } from 'zod';
import { columnsOf, columnType, CSV_TABLES, TABLE_KEYS, type CsvTable } from '../schema/tables.js';
import { VERSION } from '../version.js';

const DESCRIPTIONS: Record<CsvTable, string> = {
  'documents.csv': 'One row per extracted document: metadata and counts.',
  'entities.csv': 'One row per distinct entity (person, organisation, place) in the run.',
  'mentions.csv': 'One row per entity mention, with UTF-16 offsets into the document text in documents.jsonl.',
  'roles.csv': 'Titles and roles given to people, with the organisation where stated.',
  'acronyms.csv': 'Acronyms defined in the documents and the names they stand for.',
  'themes.csv': 'One row per theme assigned to a document, with its score and best evidence sentence.',
  'theme_evidence.csv': 'Every codebook hit counted for an assigned theme.',
  'keywords.csv': 'Top TF-IDF keywords of each document.',
  'themes_by_month.csv': 'Documents coded with each theme per month, and their share.',
  'themes_by_publisher.csv': 'Documents coded with each theme per publisher, and their share.',
  'entity_cooccurrence.csv': 'Pairs of entities named in the same documents and sentences.',
  'entities_by_month.csv': 'Documents and mentions per entity and month.',
  'problems.csv': 'Inputs that could not be extracted, or only with a caveat.',
};

/**
 * datapackage.json: a Frictionless Data Package describing every CSV file as a tabular resource
 * (fields with types and descriptions, primary and foreign keys), generated from the zod schemas.
 */
export function dataPackage(): object {
  return {
    profile: 'tabular-data-package',
    name: 'presslens-output',
    title: 'presslens extraction: people, organisations, places and themes in press releases',
    description: 'Written by presslens (see manifest.json for the run). documents.jsonl holds the full records and texts.',
    version: VERSION,
    licenses: [{ name: 'other-at', title: 'Same terms as the source documents' }],
    resources: (Object.keys(CSV_TABLES) as CsvTable[]).map((table) => {
      const props = (z.toJSONSchema(CSV_TABLES[table]) as { properties: Record<string, { description?: string; enum?: string[] }> }).properties;
      const keys = TABLE_KEYS[table];
      return {
        profile: 'tabular-data-resource',
        name: table.replace(/\.csv$/, '').replace(/_/g, '-'),
        path: table,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        description: DESCRIPTIONS[table],
        dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: {
          fields: columnsOf(table).map((c) => ({
            name: c,
            type: columnType(table, c),
            ...(props[c].description ? { description: props[c].description } : {}),
            ...(props[c].enum ? { constraints: { enum: props[c].enum } } : {}),
          })),
          missingValues: [''],
          ...(keys.primaryKey.length ? { primaryKey: keys.primaryKey } : {}),
          ...(keys.foreignKeys.length
            ? { foreignKeys: keys.foreignKeys.map((f) => ({ fields: f.fields, reference: { resource: f.table.replace(/\.csv$/, '').replace(/_/g, '-'), fields: f.references } })) }
            : {}),
        },
      };
    }),
  };
}
