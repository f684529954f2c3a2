import { stringify } from 'csv-stringify/sync';
import { columnsOf, type CsvTable, type Row } from '../schema/tables.js';

/**
 * Cells a spreadsheet would run as a formula start with = + - @ or a tab or carriage return.
 * In CSV they get a leading apostrophe (OWASP's advice): Excel and LibreOffice show the text,
 * R and pandas read it with the apostrophe. documents.jsonl always keeps the exact text.
 */
const FORMULA = /^[=+\-@\t\r]/;

export function neutralise(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'number' ? String(value) : String(value);
  return typeof value === 'string' && FORMULA.test(s) ? `'${s}` : s;
}

/**
 * csv-stringify quotes a field holding its record delimiter (CRLF), but not a lone line feed or
 * carriage return, which every CSV reader takes for the end of a record: quote those too.
 */
const LINE_BREAK = /[\r\n]/;

/** RFC 4180 lines (CRLF, quotes where needed) for a table's header or rows, columns in schema order. */
export function csvHeader(table: CsvTable): string {
  return stringify([columnsOf(table)], { record_delimiter: 'windows' });
}

export function csvRows<T extends CsvTable>(table: T, rows: Array<Row<T>>): string {
  if (!rows.length) return '';
  const columns = columnsOf(table);
  return stringify(
    rows.map((r) => columns.map((c) => neutralise((r as Record<string, unknown>)[c]))),
    { record_delimiter: 'windows', quoted_match: LINE_BREAK },
  );
}
