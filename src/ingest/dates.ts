/** Month names and the abbreviations press releases use ("Sept.", "Oct"). */
const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';

/** Date patterns, most specific first; each yields [year, month, day] from its groups. */
const PATTERNS: Array<{ re: RegExp; pick: (m: RegExpExecArray) => [string, string, string] }> = [
  { re: new RegExp(`\\b${YEAR}-(\\d{1,2})-(\\d{1,2})\\b`), pick: (m) => [m[1], m[2], m[3]] },
  { re: new RegExp(`\\b${DAY}\\s+${MONTH},?\\s+${YEAR}\\b`, 'i'), pick: (m) => [m[3], m[2], m[1]] },
  { re: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'i'), pick: (m) => [m[3], m[1], m[2]] },
  // Numeric dd/mm/yyyy or mm/dd/yyyy: day first unless that is impossible (see dayFirst).
  { re: /\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2})\b/, pick: (m) => dayFirst(m[1], m[2], m[3]) },
];

function dayFirst(a: string, b: string, year: string): [string, string, string] {
  return Number(a) > 12 || Number(b) <= 12 ? [year, b, a] : [year, a, b];
}

function monthNumber(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : (MONTHS[s.toLowerCase().replace(/\.$/, '')] ?? 0);
}

/** A valid calendar date as YYYY-MM-DD, or null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

/** The first date written in `text`, in any of the usual press-release forms. */
export function findDate(text: string): FoundDate | null {
  let best: FoundDate | null = null;
  for (const { re, pick } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const [y, mo, d] = pick(m);
    const iso = isoDate(Number(y), monthNumber(mo), Number(d));
    if (iso && (!best || m.index < best.index)) best = { iso, index: m.index, length: m[0].length };
  }
  return best;
}

/** A date given as metadata ("2023-06-14", "2023-06-14T10:00:00Z", "June 14, 2023") to ISO. */
export function normaliseDate(value: string): string | null {
  const iso = /^((?:19|20)\d{2})-(\d{2})-(\d{2})/.exec(value.trim());
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return findDate(value)?.iso ?? null;
}

const PATH_DATE = new RegExp(`(\\d{1,2})${MONTH}((?:19|20)\\d{2})`, 'i');

/** A date in a file name such as "10Apr2007akaka175.txt" or "2023-06-14-title.txt". */
export function dateFromPath(path: string): string | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const compact = PATH_DATE.exec(base);
  if (compact) return isoDate(Number(compact[3]), monthNumber(compact[2]), Number(compact[1]));
  const iso = /((?:19|20)\d{2})-(\d{2})-(\d{2})/.exec(base);
  return iso ? isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
}
