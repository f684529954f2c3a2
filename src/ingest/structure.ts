import type { Dateline } from '../schema/document.js';
import { findDate, normaliseDate, dateFromPath } from './dates.js';
import type { RecordMeta } from './types.js';

/** How far into a document a dateline or a publication date may stand. */
const HEAD_CHARS = 1500;
const MAX_TITLE_CHARS = 300;

/** A month name starting a date ("Sept. 12"): never a dateline's region. */
const MONTH_START = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?[ \\t]+\\d';
const CAP_WORD = "[\\p{Lu}][\\p{L}\\p{M}'’.-]*";
const PLACE = `${CAP_WORD}(?:[ \\t]+(?:${CAP_WORD}|de|del|la|le|am|upon|on|of))*`;
/**
 * A dateline at the start of a line: PLACE[, REGION][ (NOTE)][, DATE][ /WIRE/] SEPARATOR.
 * The separator (a spaced dash, an em or en dash, a colon, or the wire services' "_") is required:
 * without it a capitalised sentence start would read as a place.
 */
const DATELINE = new RegExp(
  `^(?<place>${PLACE})` +
    `(?:,[ \\t]*(?!${MONTH_START})(?<region>(?:[\\p{Lu}][\\p{L}.]{0,12}\\.?)(?:[ \\t][\\p{Lu}][\\p{L}.]{0,12})?))?` +
    `(?:[ \\t]*\\((?<note>[^)\\n]{1,40})\\))?` +
    `(?:,?[ \\t]*(?<date>[^\\n]{0,40}?))?` +
    `(?:[ \\t]*/[^/\\n]{1,30}/)?` +
    `[ \\t]*(?<sep>--|[–—]|[ \\t]-[ \\t]|[ \\t]_[ \\t]|:[ \\t])`,
  'u',
);
/**
 * Any of DATELINE's separators: a line without one cannot hold a dateline, and testing for it is
 * far cheaper than letting DATELINE backtrack through a capitalised line.
 */
const SEPARATOR = /--|[–—]|[ \t]-[ \t]|[ \t]_[ \t]|:[ \t]/;

/** Words that start sentences, not datelines, even when a dash follows. */
const NOT_A_PLACE = new Set(['The', 'This', 'That', 'These', 'Today', 'Contact', 'Media', 'Note', 'Notes', 'For', 'About', 'Press', 'Update', 'Editor', 'Editors', 'Tel', 'Email', 'Phone', 'Source', 'Title', 'Subject', 'Date', 'From', 'To', 'Re', 'Photo', 'Photos']);

export interface Structure {
  title: string | null;
  dateline: Dateline | null;
  date: string | null;
  dateSource: 'metadata' | 'dateline' | 'text' | 'path' | null;
}

interface Line {
  text: string;
  start: number;
}

/** The first lines of a text, with their offsets; \n, \r\n and a lone \r all end a line. */
function headLines(text: string): Line[] {
  const lines: Line[] = [];
  const head = text.slice(0, HEAD_CHARS);
  const lineBreak = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = lineBreak.exec(head); m; m = lineBreak.exec(head)) {
    lines.push({ text: head.slice(start, m.index), start });
    start = m.index + m[0].length;
  }
  if (start < head.length) lines.push({ text: head.slice(start), start });
  return lines;
}

function findDateline(lines: Line[]): Dateline | null {
  for (const line of lines.slice(0, 12)) {
    const lead = line.text.length - line.text.trimStart().length;
    // A dateline is short: only the start of a line is tried (long lines cost the regex dearly).
    const body = line.text.slice(lead, lead + 200);
    if (!SEPARATOR.test(body)) continue;
    const m = DATELINE.exec(body);
    if (!m?.groups) continue;
    const { place, region, note, date } = m.groups;
    if (NOT_A_PLACE.has(place.split(/\s/)[0])) continue;
    const dateText = [date, note].filter(Boolean).join(' ');
    const iso = dateText ? findDate(dateText)?.iso ?? null : null;
    // Text between place and separator that is not a date means this is a sentence, not a dateline.
    if (date && date.trim() && !findDate(date)) continue;
    const noteIsDate = note ? findDate(note) !== null : false;
    const placeParts = [place.trim(), region?.trim(), note && !noteIsDate && !/^(AP|Reuters|AFP|UPI|PRNewswire)$/i.test(note.trim()) ? note.trim() : undefined];
    let sepAt = m.index + m[0].length - m.groups.sep.length;
    let iso2 = iso;
    // "OTTAWA, Ont. — March 3, 2022 — ...": the date stands between two separators.
    if (!iso) {
      const after = /^[ \t]*([^\n]{6,30}?)[ \t]*(?:--|[–—]|[ \t]-[ \t])/.exec(body.slice(m.index + m[0].length));
      const d = after ? findDate(after[1]) : null;
      if (after && d && d.length >= after[1].trim().length - 1) {
        iso2 = d.iso;
        sepAt = m.index + m[0].length + after[0].indexOf(after[1]) + after[1].length;
      }
    }
    const raw = body.slice(0, sepAt).trimEnd();
    return {
      text: raw,
      place: placeParts.filter(Boolean).join(', '),
      date: iso2,
      start: line.start + lead,
      end: line.start + lead + raw.length,
    };
  }
  return null;
}

function findTitle(lines: Line[], markdown: boolean): string | null {
  for (const line of lines.slice(0, 6)) {
    let t = line.text.trim();
    if (!t) continue;
    if (markdown) t = t.replace(/^#{1,6}\s+/, '').replace(/\*\*|__/g, '').trim();
    if (!t || t.length > MAX_TITLE_CHARS) return null;
    const date = findDate(t);
    if (date && date.length >= t.length - 2) continue; // a date line, not the title
    return t;
  }
  return null;
}

/**
 * Stage 5 of ingest: read the press-release structure: title (first line), dateline ("Brussels,
 * 30 October 2018 -") and the publication date, preferring metadata, then the dateline, then a
 * date near the top of the text, then a date in the file name.
 */
export function readStructure(text: string, meta: RecordMeta, path: string, markdown: boolean): Structure {
  const lines = headLines(text);
  const dateline = findDateline(lines);
  const title = meta.title ?? findTitle(lines, markdown);
  const fromMeta = meta.date ? normaliseDate(meta.date) : null;
  if (fromMeta) return { title, dateline, date: fromMeta, dateSource: 'metadata' };
  if (dateline?.date) return { title, dateline, date: dateline.date, dateSource: 'dateline' };
  const inText = findDate(text.slice(0, 400));
  if (inText) return { title, dateline, date: inText.iso, dateSource: 'text' };
  const fromPath = dateFromPath(path);
  return { title, dateline, date: fromPath, dateSource: fromPath ? 'path' : null };
}
