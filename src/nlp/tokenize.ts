/** A token with its UTF-16 offsets in the document text. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * Abbreviations that keep their full stop (so the stop is not read as a sentence end), and single
 * capital initials ("K."). Lower-cased, without the stop.
 */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'sens', 'rep', 'reps', 'gov', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'adm',
  'cmdr', 'cdr', 'brig', 'hon', 'rev', 'fr', 'jr', 'sr', 'st', 'mt', 'ft', 'inc', 'ltd', 'corp', 'co', 'bros', 'no', 'nos',
  'vs', 'etc', 'approx', 'dept', 'univ', 'assn', 'ave', 'blvd', 'rd', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'ala', 'ariz',
  'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky', 'la', 'md', 'mass', 'mich', 'minn', 'miss',
  'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex', 'va', 'vt', 'wash', 'wis', 'wyo', 'ont', 'que', 'alta',
  'sask', 'man', 'op', 'ed', 'fig', 'vol', 'pp', 'ph', 'esq', 'excl', 'incl', 'est', 'ca',
  // military ranks ("Spc. Maria Ortiz", "Lance Cpl.")
  'spc', 'pfc', 'pvt', 'cpl', 'lcpl', 'ssgt', 'msgt', 'gysgt', 'tsgt', 'smsgt', 'cmsgt', 'amn', 'sra', 'ens', 'cdre', 'pte', 'flt', 'sqn', 'ldr', 'wg',
]);

/**
 * One regex, alternatives in priority order: URLs and e-mail addresses stay whole (they are not
 * names); dotted abbreviations ("U.S.", "D.C.", "a.m."); words (letters and digits, with inner
 * apostrophes and dots as in "O'Brien"); numbers with separators; then any other single character.
 * Hyphens and slashes always split, so "NATO-UN" gives NATO, -, UN (each name its own mention).
 */
const TOKEN = new RegExp(
  [
    /(?:https?:\/\/|www\.)[^\s<>"'()]+[^\s<>"'().,;:!?]/u.source,
    /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/u.source,
    /(?:\p{L}\.){2,}/u.source,
    /\p{N}+(?:[.,:]\p{N}+)*%?/u.source,
    /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*\.?/u.source,
    /\S/u.source,
  ].join('|'),
  'gu',
);
const POSSESSIVE = /['’][sS]$/;
/** "Boxerâs": what is left of a "’s" that was decoded as Windows-1252 and then lost its other two bytes. */
const MISDECODED_POSSESSIVE = /[A-Za-z]â[sS]$/;

/**
 * A possessive token: "'s", "’s", a bare apostrophe after a plural ("states'"), and the "âs" of
 * a mis-decoded "’s". Never part of a name.
 */
export const POSSESSIVE_TOKEN = /^(?:['’][sS]?|â[sS])$/;

/** Split a word token that ends in a full stop unless it is a known abbreviation or an initial. */
function splitStop(text: string, start: number, out: Token[]): void {
  const word = text.slice(0, -1);
  const keep = ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word);
  if (keep) {
    out.push({ text, start, end: start + text.length });
  } else {
    out.push({ text: word, start, end: start + word.length });
    out.push({ text: '.', start: start + word.length, end: start + text.length });
  }
}

/** Whether tokens a and b are one space apart: words of one name are, lost punctuation or layout leaves more. */
export function oneSpaceApart(text: string, tokens: Token[], a: number, b: number): boolean {
  return text.slice(tokens[a].end, tokens[b].start) === ' ';
}

/** Two or three white-space characters, none a line break. */
const STRIPPED_GAP = /^[^\S\n]{2,3}$/;

/**
 * Whether token a is the last, or two or three spaces stand between it and the next: where some
 * corpora stripped punctuation, they left its space ("Rome  NY" for "Rome, NY", "Lund  D WA" for
 * "Lund (D-WA)"). More spaces, or a line break, are layout.
 */
export function setApart(text: string, tokens: Token[], a: number): boolean {
  return a + 1 >= tokens.length || STRIPPED_GAP.test(text.slice(tokens[a].end, tokens[a + 1].start));
}

/** Contractions written without their apostrophe: a text whose apostrophes were all stripped. */
const GLUED_CONTRACTION = /\b(?:dont|doesnt|didnt|isnt|wasnt|arent|werent|cant|couldnt|wouldnt|shouldnt|havent|hasnt|hadnt|theyre|youre|weve|thats)\b/i;
/** A capitalised word ending in a lower-case "s" after a letter other than "s": "Dovers", "VAs", "Clintons". */
const GLUED_POSSESSIVE = /^\p{Lu}[\p{L}]*[^\Ws]s$/u;
/** Words that go on with a name: a word before them is no possessive ("Institutes of Health"). */
const NAME_GOES_ON = /^(?:of|for|and|on|in|at|to|or|&)$/;

/** What splitting glued possessives needs to know of words. */
export interface GluedWords {
  /** The word is a word of its own, no possessive: a plural ("Senators", "Services") or a name ("Philippines"). */
  isWordOfItsOwn(word: string, stem: string): boolean;
  /** The stem is a country or region and the word no name of its own ("Iraqs", "Hawaiis"; not "Americas"). */
  isPlacePossessive(word: string, stem: string): boolean;
  /** The stem is a country or region and the word a place of its own, a plural one ("Americas"). */
  isPluralPlace(word: string, stem: string): boolean;
}

/**
 * Where a corpus stripped every apostrophe ("dont", "Were confident that Dovers men ..."), a
 * possessive is glued to its name: "Dovers" is "Dover" + "s", as "Dover's" gives "Dover" + "'s".
 * A text shows it lost its apostrophes by having none and a contraction without one, or a
 * country or region with a glued "s" ("Hawaiis").
 * A capitalised word ending in "s" is split so when the document also writes the word without
 * the "s"; not before a word that goes on with a name ("National Institutes of Health"); after
 * another capitalised word, only where the document writes the two together without the "s"
 * ("Senator Clintons" when "Senator Clinton" occurs; never "Ted Stevens" for a "Steven" named
 * elsewhere); and not where the word is a plural or a name of its own ("Senators", "Philippines").
 * A plural place goes with "the" ("the Americas"): without it, and before a lower-case word, it
 * is a possessive ("Americas veterans"), and shows the text lost its apostrophes. Only in such
 * documents: elsewhere "Roberts" and "Robert" are two names.
 */
export function splitGluedPossessives(text: string, tokens: Token[], glued: GluedWords): Token[] {
  if (text.includes("'") || text.includes('’')) return tokens;
  const pluralPlacePossessive = (i: number) => {
    const t = tokens[i];
    const next = tokens[i + 1];
    return GLUED_POSSESSIVE.test(t.text) && next !== undefined && /^\p{Ll}/u.test(next.text) && !NAME_GOES_ON.test(next.text) && !(i > 0 && /^the$/i.test(tokens[i - 1].text)) && glued.isPluralPlace(t.text, t.text.slice(0, -1));
  };
  const shows = (t: Token, i: number) => (GLUED_POSSESSIVE.test(t.text) && glued.isPlacePossessive(t.text, t.text.slice(0, -1))) || pluralPlacePossessive(i);
  if (!GLUED_CONTRACTION.test(text) && !tokens.some(shows)) return tokens;
  const words = new Set(tokens.map((t) => t.text));
  // Two words written one space apart somewhere in the document (as tokens, not inside a longer word).
  const pairs = new Set<string>();
  for (let i = 1; i < tokens.length; i++) if (tokens[i - 1].end + 1 === tokens[i].start) pairs.add(`${tokens[i - 1].text} ${tokens[i].text}`);
  const out: Token[] = [];
  tokens.forEach((t, i) => {
    const stem = t.text.slice(0, -1);
    const prev = tokens[i - 1];
    const afterName = prev !== undefined && /^\p{Lu}/u.test(prev.text) && prev.end + 1 === t.start;
    const split =
      pluralPlacePossessive(i) ||
      (GLUED_POSSESSIVE.test(t.text) &&
        words.has(stem) &&
        !NAME_GOES_ON.test(tokens[i + 1]?.text ?? '') &&
        !(afterName && !pairs.has(`${prev.text} ${stem}`)) &&
        !glued.isWordOfItsOwn(t.text, stem));
    if (!split) {
      out.push(t);
      return;
    }
    out.push({ text: stem, start: t.start, end: t.end - 1 });
    out.push({ text: 's', start: t.end - 1, end: t.end });
  });
  return out;
}

/** Tokenize a whole document; offsets index into `text`. Linear time, no backtracking. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let t = m[0];
    const start = m.index;
    if (t.length > 1 && t.endsWith('.') && /[\p{L}\p{N}]/u.test(t[0]) && !/^(?:\p{L}\.){2,}$/u.test(t)) {
      splitStop(t, start, out);
      continue;
    }
    if (t.length > 2 && (POSSESSIVE.test(t) || MISDECODED_POSSESSIVE.test(t)) && /[\p{L}\p{M}]/u.test(t[0])) {
      // "NATO's" -> "NATO" + "'s" ("Boxerâs" -> "Boxer" + "âs"): the possessive is never part of a name.
      out.push({ text: t.slice(0, -2), start, end: start + t.length - 2 });
      out.push({ text: t.slice(-2), start: start + t.length - 2, end: start + t.length });
      continue;
    }
    if (t.length > 2 && (t.endsWith("s'") || t.endsWith('s’')) && /[\p{L}]/u.test(t[0])) {
      t = t.slice(0, -1);
      out.push({ text: t, start, end: start + t.length });
      out.push({ text: m[0].slice(-1), start: start + t.length, end: start + t.length + 1 });
      continue;
    }
    out.push({ text: t, start, end: start + t.length });
  }
  return out;
}
