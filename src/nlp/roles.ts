import type { Token } from './tokenize.js';
import type { CleanSpan } from './spans.js';
import { isTitleWord, type WordLists } from './resources/wordlists.js';
import { notOffice, oftenCapitalised } from './word-classes.js';

export interface RoleMention {
  /** Index of the PERSON span the role belongs to. */
  person: number;
  text: string;
  start: number;
  end: number;
  /** Index of the ORGANIZATION span the role is held at, when the text says so. */
  organization: number | null;
}

const CONNECTOR = new Set(['of', 'for', 'on', 'and', 'to', 'the', '-', '&']);
const UPPER = /^\p{Lu}/u;
const DIGITS = /^\d+$/;
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/i;
export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'lord', 'lady', 'hon', 'prof']);
const MAX_ROLE_TOKENS = 12;
/**
 * Title words that only qualify another title ("Under Secretary", "Acting Director"): alone they
 * are no role ("Under Bayh's amendment", "Senior Scout").
 */
const QUALIFIERS = new Set(['under', 'vice', 'acting', 'senior']);
/** Qualifiers that in lower case are ordinary words before a title: "under President Bush", "the senior Senator". */
const ORDINARY_IN_LOWER_CASE = new Set(['under', 'senior']);
/** What "Under" qualifies in a title: "Under Secretary", "Under-Secretary-General", "Under Sheriff". */
const UNDER_TITLE_HEAD = /^(?:secretary|sheriff|-)/i;
const LOWER = /^\p{Ll}/u;
/** Letter salutations, not part of the title after them: "Dear Secretary Chao". */
const SALUTATIONS = new Set(['dear']);
const isQualifier = (word: string) => QUALIFIERS.has(word.toLowerCase());

/** A role is honorific-only ("Ms", "Dr") when every word is an honorific. */
export function isHonorific(role: string): boolean {
  return role.split(/[\s.]+/).filter(Boolean).every((w) => HONORIFICS.has(w.toLowerCase()));
}

/**
 * Roles of people, from the three ways press releases give them:
 *   before the name:  "UN Under-Secretary-General for Political Affairs Rosemary A. DiCarlo"
 *   title in the span: "Lieutenant General Carlos Loitey" (cut off by cleanSpans)
 *   after the name:   "Boris Johnson, the Foreign Secretary," / "Monica Duffy Toft, Professor at ..."
 * A role phrase is capitalised words and connectors holding at least one title word. An
 * organisation right before the role ("UN Under-Secretary-General") or after "at"/"of" following
 * it is recorded as where the role is held.
 */
export function findRoles(text: string, tokens: Token[], loud: Uint8Array, spans: CleanSpan[], lists: WordLists, lexicon: Map<string, string[]>, caseBuckets: Map<string, number> | null): RoleMention[] {
  const spanAt = new Int32Array(tokens.length).fill(-1);
  spans.forEach((s, i) => {
    for (let k = s.first; k < s.last; k++) spanAt[k] = i;
  });
  const isTitle = (k: number) => isTitleWord(lists, tokens[k].text);
  /** Either half of an ordinal ("2" "nd" in "Petty Officer 2nd Class"; the tokenizer splits it). */
  const ordinal = (k: number) =>
    (DIGITS.test(tokens[k].text) && k + 1 < tokens.length && ORDINAL_SUFFIX.test(tokens[k + 1].text) && tokens[k + 1].start === tokens[k].end) ||
    (ORDINAL_SUFFIX.test(tokens[k].text) && k > 0 && DIGITS.test(tokens[k - 1].text) && tokens[k - 1].end === tokens[k].start);
  // In a headline written in capitals (`loud`) a word is a role word only as a title: "SENATOR", not "URGES".
  const roleWord = (k: number) => spanAt[k] < 0 && ((UPPER.test(tokens[k].text) && !loud[k]) || isTitle(k) || ordinal(k) || CONNECTOR.has(tokens[k].text.toLowerCase()));
  const gap = (a: number, b: number) => tokens[b].start - tokens[a].end;
  /** Adjacent tokens with at most one space between them and no line break. */
  const sameLine = (a: number, b: number) => gap(a, b) <= 1 && !/[\r\n]/.test(text.slice(tokens[a].end, tokens[b].start));
  const orgBefore = (k: number) => (k >= 0 && spanAt[k] >= 0 && spans[spanAt[k]].type === 'ORGANIZATION' && sameLine(k, k + 1) ? spanAt[k] : null);
  /** "at the Council on Foreign Relations", "of NATO": an organisation after the role. */
  const orgAfter = (k: number): number | null => {
    let j = k;
    if (j < tokens.length && /^(at|of|with|from)$/i.test(tokens[j].text)) j++;
    else return null;
    if (j < tokens.length && /^the$/i.test(tokens[j].text)) j++;
    return j < tokens.length && spanAt[j] >= 0 && spans[spanAt[j]].type === 'ORGANIZATION' ? spanAt[j] : null;
  };
  const trimConnectors = (a: number, b: number): [number, number] => {
    while (a < b && CONNECTOR.has(tokens[a].text.toLowerCase())) a++;
    while (b > a && CONNECTOR.has(tokens[b - 1].text.toLowerCase())) b--;
    return [a, b];
  };
  /**
   * "Foreign Secretary Boris Johnson": capitalised words right before the title are part of it
   * when they could qualify an office (no verbs, prepositions, dates or numbers: "As President",
   * "Thursday Senator"; not the salutation "Dear") and the text says they are no title-case
   * headline ("Smith Urges Defense Secretary Rumsfeld"): a word in lower case, a comma or a bracket
   * stands before them, or they start a sentence and press releases often capitalise them
   * ("Foreign", not "Today").
   */
  const modifier = (k: number) => {
    const word = tokens[k].text;
    return UPPER.test(word) && !loud[k] && !isTitle(k) && !CONNECTOR.has(word.toLowerCase()) && !SALUTATIONS.has(word.toLowerCase()) && !notOffice(lexicon, word) && (caseBuckets?.get(word.toLowerCase()) ?? 4) >= 1;
  };
  const withModifiers = (from: number, title: number): number => {
    for (let m = from; m < title; m++) {
      let chain = true;
      for (let k = m; k < title && chain; k++) chain = modifier(k);
      if (!chain) continue;
      const before = m > 0 && !/[\r\n]/.test(text.slice(tokens[m - 1].end, tokens[m].start)) ? tokens[m - 1].text : null;
      if (before !== null && (LOWER.test(before) || before === ',' || before === '(')) return m;
      if ((before === null || /^[.!?"“‘']$/.test(before)) && tokens.slice(m, title).every((t) => oftenCapitalised(caseBuckets, t.text))) return m;
    }
    return title;
  };
  /** "Under" that starts no under-title ("Under President Bush's plan"; but "Under Secretary"). */
  const notUnderTitle = (k: number) => tokens[k].text.toLowerCase() === 'under' && !(k + 1 < tokens.length && UNDER_TITLE_HEAD.test(tokens[k + 1].text));
  /** Tokens [a, b) hold no title word but qualifiers, honorifics aside ("Under", "Senior Dr."). */
  const onlyQualifiers = (a: number, b: number) => {
    const words = tokens.slice(a, b).map((t) => t.text).filter((w) => !isHonorific(w) && !CONNECTOR.has(w.toLowerCase()));
    return words.length > 0 && words.every(isQualifier);
  };
  const make = (person: number, a: number, b: number, organization: number | null): RoleMention => ({
    person,
    text: text.slice(tokens[a].start, tokens[b - 1].end).replace(/\s+/g, ' '),
    start: tokens[a].start,
    end: tokens[b - 1].end,
    organization,
  });

  const roles: RoleMention[] = [];
  spans.forEach((span, index) => {
    if (span.type !== 'PERSON') return;
    // Before the name (including a title the tagger put inside the span), starting at a title word.
    let a = span.title ? span.title.first : span.first;
    const b = a;
    while (a > 0 && b - a < MAX_ROLE_TOKENS && roleWord(a - 1) && sameLine(a - 1, a)) a--;
    let [ra, rb] = trimConnectors(a, b);
    while (ra < rb && (!isTitle(ra) || ORDINARY_IN_LOWER_CASE.has(tokens[ra].text) || notUnderTitle(ra))) ra++;
    if (ra < rb) ra = withModifiers(a, ra);
    [ra, rb] = trimConnectors(ra, rb);
    // "chairman of President Bush's council", "assistant to Senator Keller": a description in lower
    // case ends at "of", "to" or "for"; the person's role is the title after it. So does another
    // person's title when only titles follow ("Communications Director for Rep. Keller").
    if (ra < rb) {
      const described = LOWER.test(tokens[ra].text);
      for (let c = rb - 2; c > ra; c--) {
        const tail = described ? isTitle(c + 1) : /^(to|for)$/.test(tokens[c].text) && tokens.slice(c + 1, rb).every((_, j) => isTitle(c + 1 + j));
        if (/^(of|to|for)$/.test(tokens[c].text) && tail) {
          ra = c + 1;
          break;
        }
      }
    }
    if (onlyQualifiers(ra, rb)) ra = rb;
    // Where the role is held: right before it ("UN Under-Secretary-General"), or after the name
    // ("Professor Monica Duffy Toft at The Fletcher School").
    if (ra < rb) {
      // "Chair Mr Ahmet Demirci": the title and the honorific are two roles, not one "Chair Mr".
      let h = rb;
      while (h > ra && isHonorific(tokens[h - 1].text)) h--;
      const organization = orgBefore(ra - 1) ?? orgAfter(span.last);
      const [ta, tb] = trimConnectors(ra, h);
      if (ta < tb && h < rb) roles.push(make(index, ta, tb, organization), make(index, h, rb, null));
      else roles.push(make(index, ra, rb, organization));
    }

    // After the name: ", [the] Role Words [at ORG]" up to a comma, full stop or bracket, or up to
    // "in" and the place the role covers ("UNICEF Representative in Mozambique").
    let k = span.last;
    if (k < tokens.length && tokens[k].text === ',') {
      k++;
      if (k < tokens.length && /^the$/i.test(tokens[k].text)) k++;
      const start = k;
      while (k < tokens.length && k - start < MAX_ROLE_TOKENS && roleWord(k)) k++;
      const [sa, sb] = trimConnectors(start, k);
      if (sa < sb && tokens.slice(sa, sb).some((_, j) => isTitle(sa + j)) && !onlyQualifiers(sa, sb) && (k >= tokens.length || /^[,.;)]$|^(at|of|with|from|in)$/i.test(tokens[k].text))) {
        roles.push(make(index, sa, sb, orgAfter(k)));
      }
    }
  });
  return roles;
}
