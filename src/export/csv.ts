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

/**
 * The records of CSV text this module wrote (RFC 4180: fields quoted where needed, quotes doubled,
 * CRLF between records), as arrays of fields. A reader for our own output only, which the
 * database thread runs on every row of the run: about five times as fast as csv-parse. A line
 * feed or carriage return alone also ends a record, as csv-parse reads it.
 */
export function readCsvRecords(text: string, skipFirst = false): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (text.charCodeAt(i) === 34 /* " */) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) throw new Error(`CSV: a quoted field is not closed (at character ${i})`);
        if (text.charCodeAt(quote + 1) === 34) {
          value += text.slice(from, quote + 1);
          from = quote + 2;
          continue;
        }
        value += text.slice(from, quote);
        i = quote + 1;
        break;
      }
      fields.push(value);
    } else {
      let end = i;
      for (let c = text.charCodeAt(end); end < n && c !== 44 && c !== 13 && c !== 10; c = text.charCodeAt(++end));
      fields.push(text.slice(i, end));
      i = end;
    }
    const c = text.charCodeAt(i);
    if (c === 44 /* , */) {
      i++;
      if (i === n) fields.push('');
      continue;
    }
    if (i < n && c !== 13 && c !== 10) throw new Error(`CSV: a quoted field is followed by "${text[i]}" (at character ${i})`);
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    records.push(fields);
    fields = [];
  }
  if (fields.length) records.push(fields);
  return skipFirst ? records.slice(1) : records;
}
