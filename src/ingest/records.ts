import { z } from 'zod';
import { htmlToText } from './html.js';
import type { Format, RecordMeta } from './types.js';

/** One document's text and metadata inside a file (a file of JSON records holds several). */
export interface ParsedRecord {
  /** Record id (JSON "id" or 0-based index/line) or null for a whole-file document. */
  record: string | null;
  text: string;
  meta: RecordMeta;
  /** Metadata fields present but not text (an object, a list, true): not used, reported as W_BAD_FIELD. */
  ignored?: string[];
  /** The line of a JSONL record (0-based). */
  line?: number;
}

export interface RecordError {
  code: 'E_JSON_PARSE' | 'E_JSONL_LINE' | 'E_NO_TEXT' | 'E_NOT_RECORD' | 'E_EMPTY';
  record: string | null;
  message: string;
}

/** A metadata field: text (numbers too) or absent; anything else cannot be used, and is reported. */
const metaField = z.union([z.string(), z.number(), z.null(), z.undefined()]).transform((v) => (v === null || v === undefined || String(v).trim() === '' ? null : String(v).trim()));
const META_FIELDS = ['id', 'title', 'date', 'url', 'publisher'] as const;

/** A JSON or JSONL record: `text` is required; the rest is optional metadata. */
export const JsonRecord = z.looseObject({ text: z.string({ error: 'expected "text" to be a string' }) });

const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);

function fromJson(value: unknown, index: string): ParsedRecord | RecordError {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { code: 'E_NOT_RECORD', record: index, message: `Record ${index} is ${kindOf(value)}; expected an object with a "text" field.` };
  }
  const meta: Record<(typeof META_FIELDS)[number], string | null> = { id: null, title: null, date: null, url: null, publisher: null };
  const ignored: string[] = [];
  for (const field of META_FIELDS) {
    const v = metaField.safeParse((value as Record<string, unknown>)[field]);
    if (v.success) meta[field] = v.data;
    else ignored.push(field);
  }
  // Named by its own id where it has one, with text or without.
  const record = meta.id ?? index;
  const parsed = JsonRecord.safeParse(value);
  if (!parsed.success) {
    const text = (value as Record<string, unknown>).text;
    return { code: 'E_NO_TEXT', record, message: `Record ${record} has no usable "text" (${text === undefined ? 'there is none' : `it is ${kindOf(text)}`}). Add a "text" string field.` };
  }
  if (!parsed.data.text.trim()) return { code: 'E_EMPTY', record, message: `Record ${record} has an empty "text". Nothing to extract.` };
  const out: ParsedRecord = { record, text: parsed.data.text, meta: { title: meta.title, date: meta.date, url: meta.url, publisher: meta.publisher } };
  if (ignored.length) out.ignored = ignored;
  return out;
}

const NO_META: RecordMeta = { title: null, date: null, url: null, publisher: null };

/**
 * YAML front matter: "---" on the first line, the block right after it (no blank line first, as
 * pandoc requires), "---" (or "...") alone on a line. A file that merely opens with a rule is text.
 */
const FRONT_MATTER = /^---[ \t]*\r?\n(?![ \t]*\r?\n)([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
/** A top-level "key: value" (or "key:" opening a nested block). */
const YAML_KEY = /^[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)/;
/** A line YAML front matter holds: "key: value", a list item, an indented continuation, a comment. */
const YAML_LINE = new RegExp(`${YAML_KEY.source}|^(?:[ \\t]|-[ \\t]|#|$)`);
/** Front matter keys, as static site generators and CMS exports name them, for each metadata field. */
const FRONT_MATTER_KEYS: Record<keyof RecordMeta, string[]> = {
  title: ['title'],
  date: ['date', 'published', 'pubdate', 'publishdate'],
  url: ['url', 'link', 'canonical', 'canonical_url', 'permalink'],
  publisher: ['publisher', 'source', 'organization', 'organisation'],
};

/**
 * A Markdown file's front matter as metadata, and the text after it (what is analysed, and what
 * offsets point into). Only flat "key: value" lines are read; lists and nested keys are skipped.
 */
export function frontMatter(text: string): { meta: RecordMeta; body: string } {
  const m = FRONT_MATTER.exec(text);
  const lines = m ? m[1].split(/\r?\n/) : [];
  // A heading or a list between two rules is Markdown, not metadata: front matter has a key.
  if (!m || !lines.every((line) => YAML_LINE.test(line)) || !lines.some((line) => YAML_KEY.test(line))) return { meta: NO_META, body: text };
  const values = new Map<string, string>();
  for (const line of lines) {
    const kv = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$/.exec(line);
    // A block scalar ("title: >") continues on the lines below: not read.
    if (!kv || !kv[2] || /^[>|][-+0-9]*$/.test(kv[2])) continue;
    const value = kv[2].replace(/^(["'])(.*)\1$/, '$2').trim();
    if (value && !values.has(kv[1].toLowerCase())) values.set(kv[1].toLowerCase(), value);
  }
  const pick = (field: keyof RecordMeta) => FRONT_MATTER_KEYS[field].map((k) => values.get(k)).find((v) => v !== undefined) ?? null;
  return { meta: { title: pick('title'), date: pick('date'), url: pick('url'), publisher: pick('publisher') }, body: text.slice(m[0].length) };
}

/**
 * Stage 4 of ingest: a decoded file to its records. txt and md are one document whose text is the
 * file itself (so offsets point into the file; an md file's front matter is metadata, its text what follows); html is its visible text; json is an object or an
 * array of objects; jsonl an object per line (a bad line is an error of its own, the rest go on).
 * `part` is set for a slice of a JSONL file read in parts (parts.ts): lines are numbered from its
 * first line.
 */
export function parseRecords(format: Format, text: string, part: { firstLine: number } | null = null): Array<ParsedRecord | RecordError> {
  const firstLine = part?.firstLine ?? 0;
  switch (format) {
    case 'txt':
      if (!text.trim()) return [{ code: 'E_EMPTY', record: null, message: 'The file is empty or holds only white space.' }];
      return [{ record: null, text, meta: NO_META }];
    case 'md': {
      const { meta, body } = frontMatter(text);
      if (!body.trim()) return [{ code: 'E_EMPTY', record: null, message: 'The file is empty or holds only white space (and front matter).' }];
      return [{ record: null, text: body, meta }];
    }
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
      const out: Array<ParsedRecord | RecordError> = [];
      text.split('\n').forEach((line, i) => {
        const rec = parseJsonlLine(line, firstLine + i);
        if (rec) out.push(rec);
      });
      // A part of a file read in parts may hold no record; whether the file has none is known where it is split.
      if (!out.length && !part) return [{ code: 'E_EMPTY', record: null, message: 'The file has no records.' }];
      return out;
    }
  }
}

/** One line of a JSONL file, numbered from 0: its record, why it is none, or null for a blank line. */
export function parseJsonlLine(line: string, index: number): ParsedRecord | RecordError | null {
  if (!line.trim()) return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { code: 'E_JSONL_LINE', record: String(index), message: `Line ${index + 1} is not valid JSON: ${(error as Error).message}.` };
  }
  const rec = fromJson(value, String(index));
  if (!isRecordError(rec)) rec.line = index;
  return rec;
}

/**
 * The id of a document of a file, made unique among the ids the file used before it: a repeated
 * one gets "~2", "~3"... Records of one file claim their ids in file order.
 */
export function claimId(used: Set<string>, id: string): string {
  let unique = id;
  for (let n = 2; used.has(unique); n++) unique = `${id}~${n}`;
  used.add(unique);
  return unique;
}

export const isRecordError = (r: ParsedRecord | RecordError): r is RecordError => 'code' in r;
