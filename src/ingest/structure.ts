import type { Dateline } from '../schema/document.js';
import { findDate, normaliseDate, dateFromPath } from './dates.js';
import type { RecordMeta } from './types.js';
import { loadGazetteer, loadTowns, namesCountryOrRegion, placeEntries, POSTAL_CODE } from '../nlp/resources/gazetteer.js';
import { tokenize } from '../nlp/tokenize.js';

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

/** A place in capitals, words without abbreviating full stops ("NAQOURA", "SAN FRANCISCO"). */
const CAPITALS = /^[\p{Lu}'’-]+(?:[ \t][\p{Lu}'’-]+)*$/u;
const WEEKDAY_NAME = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
const WEEKDAY = new RegExp(`^${WEEKDAY_NAME}$`, 'i');
/** The weekday that may open a line before its date and dateline ("Thursday, December 13, 2007 WASHINGTON - "). */
const WEEKDAY_FIRST = new RegExp(`^(?:${WEEKDAY_NAME},?[ \\t]+)?`, 'i');

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

/** The end of a sentence: a dateline that names a place the gazetteer lacks comes before any. */
const SENTENCE_END = /[\p{Ll}\d][.!?]["'”’]?(?:\s|$)/u;
/** Words of a dateline's place at most ("RIO GRANDE DO SUL"): more is a headline. */
const MAX_PLACE_WORDS = 4;

/**
 * Whether a dateline's place is one: the gazetteer or its towns know the place, or the region or
 * country after it ("Hoquiam, WA", "Kalvoro, Chad"), or, before the first sentence, it is written
 * in capitals before a dash, as news agencies write datelines ("NAQOURA — "; not "SEN. LUND — ").
 * Headings and names before a colon or a dash ("Floor Statement - ", "Arms Trade Treaty: ") are
 * no datelines, nor is a name alone before a colon ("Nelson: Energy independence ...").
 */
function namesPlace(parts: { place: string; region?: string; note?: string; date?: string; separator: string }, first: boolean): boolean {
  const { place, region, separator } = parts;
  const colon = separator.trim() === ':';
  if (place.split(/[ \t]+/).length > MAX_PLACE_WORDS || (colon && !region && !parts.note && !parts.date?.trim())) return false;
  if (CAPITALS.test(place) && !colon && first) return true;
  const gazetteer = loadGazetteer();
  const words = (name: string) => tokenize(name).map((t) => t.text);
  const placeWords = words(place);
  if (placeEntries(gazetteer, placeWords)?.some((e) => e.kind !== 'demonym') || loadTowns().entries(placeWords)) return true;
  if (!region) return false;
  return namesCountryOrRegion(gazetteer, words(region)) || gazetteer.regionAbbreviations.has(region.toLowerCase()) || POSTAL_CODE.test(region);
}

function findDateline(lines: Line[]): Dateline | null {
  const written = lines.filter((line) => line.text.trim() !== '');
  const firstSentence = written.findIndex((line) => SENTENCE_END.test(line.text));
  for (const [k, line] of written.slice(0, 12).entries()) {
    let lead = line.text.length - line.text.trimStart().length;
    // A dateline after the date that opens its line ("December 13, 2007 WASHINGTON - ").
    let opening = findDate(line.text.slice(lead, lead + 60));
    if (opening && opening.index <= (WEEKDAY_FIRST.exec(line.text.slice(lead))?.[0].length ?? 0)) {
      const rest = line.text.slice(lead + opening.index + opening.length);
      lead += opening.index + opening.length + (rest.length - rest.replace(/^[ \t,]+/, '').length);
    } else opening = null;
    // A dateline is short: only the start of a line is tried (long lines cost the regex dearly).
    const body = line.text.slice(lead, lead + 200);
    if (!SEPARATOR.test(body)) continue;
    const m = DATELINE.exec(body);
    if (!m?.groups) continue;
    const { place, note, date } = m.groups;
    // "Melbourne, Monday": the weekday belongs to the date.
    const region = m.groups.region && !WEEKDAY.test(m.groups.region.trim()) ? m.groups.region : undefined;
    if (NOT_A_PLACE.has(place.split(/\s/)[0]) || !namesPlace({ place: place.trim(), region: region?.trim(), note, date, separator: m.groups.sep }, firstSentence < 0 || k <= firstSentence)) continue;
    const dateText = [date, note].filter(Boolean).join(' ');
    const iso = (dateText ? findDate(dateText)?.iso : undefined) ?? opening?.iso ?? null;
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
