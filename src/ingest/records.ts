import { z } from 'zod';
import { htmlToText } from './html.js';
import type { Format, RecordMeta } from './types.js';

/** One document's text and metadata inside a file (a file of JSON records holds several). */
export interface ParsedRecord {
  /** Record id (JSON "id" or 0-based index/line) or null for a whole-file document. */
  record: string | null;
  text: string;
  meta: RecordMeta;
}

export interface RecordError {
  code: 'E_JSON_PARSE' | 'E_JSONL_LINE' | 'E_NO_TEXT' | 'E_NOT_RECORD' | 'E_EMPTY';
  record: string | null;
  message: string;
}

const optionalString = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined || String(v).trim() === '' ? null : String(v).trim()));

/** A JSON or JSONL record: `text` is required; the rest is optional metadata. */
export const JsonRecord = z.looseObject({
  text: z.string({ error: 'expected "text" to be a string' }),
  id: optionalString,
  title: optionalString,
  date: optionalString,
  url: optionalString,
  publisher: optionalString,
});

function fromJson(value: unknown, index: string): ParsedRecord | RecordError {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { code: 'E_NOT_RECORD', record: index, message: `Record ${index} is ${Array.isArray(value) ? 'an array' : typeof value}; expected an object with a "text" field.` };
  }
  const parsed = JsonRecord.safeParse(value);
  if (!parsed.success) {
    return { code: 'E_NO_TEXT', record: index, message: `Record ${index} has no usable "text": ${parsed.error.issues.map((i) => i.message).join('; ')}. Add a "text" string field.` };
  }
  const r = parsed.data;
  const record = r.id ?? index;
  if (!r.text.trim()) return { code: 'E_EMPTY', record, message: `Record ${record} has an empty "text". Nothing to extract.` };
  return { record, text: r.text, meta: { title: r.title, date: r.date, url: r.url, publisher: r.publisher } };
}

const NO_META: RecordMeta = { title: null, date: null, url: null, publisher: null };

/**
 * Stage 4 of ingest: a decoded file to its records. txt and md are one document whose text is the
 * file itself (so offsets point into the file); html is its visible text; json is an object or an
 * array of objects; jsonl an object per line (a bad line is an error of its own, the rest go on).
 */
export function parseRecords(format: Format, text: string): Array<ParsedRecord | RecordError> {
  switch (format) {
    case 'txt':
    case 'md':
      if (!text.trim()) return [{ code: 'E_EMPTY', record: null, message: 'The file is empty or holds only white space.' }];
      return [{ record: null, text, meta: NO_META }];
    case 'html': {
      const page = htmlToText(text);
      if (!page.text.trim()) return [{ code: 'E_EMPTY', record: null, message: 'The page has no visible text (only markup, scripts or styles).' }];
      return [{ record: null, text: page.text, meta: { title: page.title, date: page.date, url: page.url, publisher: page.publisher } }];
    }
    case 'json': {
      if (!text.trim()) return [{ code: 'E_EMPTY', record: null, message: 'The file is empty or holds only white space.' }];
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        return [{ code: 'E_JSON_PARSE', record: null, message: `Invalid JSON: ${(error as Error).message}. Fix the file or convert it to JSONL.` }];
      }
      if (Array.isArray(value)) {
        if (!value.length) return [{ code: 'E_EMPTY', record: null, message: 'The JSON array is empty.' }];
        return value.map((v, i) => fromJson(v, String(i)));
      }
      return [fromJson(value, '0')];
    }
    case 'jsonl': {
      const lines = text.split('\n');
      const out: Array<ParsedRecord | RecordError> = [];
      lines.forEach((line, i) => {
        if (!line.trim()) return;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (error) {
          out.push({ code: 'E_JSONL_LINE', record: String(i), message: `Line ${i + 1} is not valid JSON: ${(error as Error).message}.` });
          return;
        }
        out.push(fromJson(value, String(i)));
      });
      if (!out.length) return [{ code: 'E_EMPTY', record: null, message: 'The file has no records.' }];
      return out;
    }
  }
}

export const isRecordError = (r: ParsedRecord | RecordError): r is RecordError => 'code' in r;
