import type { DocumentTheme, Evidence } from '../schema/document.js';
import { stem } from './adapters/natural.js';
import type { CompiledCodebook } from './codebook.js';
import type { Sentence } from './sentences.js';
import type { Token } from './tokenize.js';
import type { TextZones } from './boilerplate.js';

/** Weights of a hit by where it stands. */
export const ZONE_WEIGHT = { title: 2, lead: 1.5, body: 1, boilerplate: 0.2 } as const;

export interface ThemeInput {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  zones: TextZones;
  wordCount: number;
  /** Character ranges where hits do not count: organisation names and people's role titles. */
  names: Array<[number, number]>;
  titleSentence: number | null;
}

interface Hit extends Evidence {
  theme: number;
  first: number;
  last: number;
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * Code a document's themes with the codebook: stem-matched terms and phrases (longest first),
 * minus hits inside exclusions, inside organisation names and role titles ("Committee on
 * Migration", "Minister of Health": a name is not a topic), or whose same-sentence requirement is
 * unmet; each hit weighted by zone (title, lead, body, boilerplate). A theme is assigned when its
 * weighted hits per 1,000 words reach the threshold in at least minSentences sentences.
 */
export function codeThemes(input: ThemeInput, codebook: CompiledCodebook): DocumentTheme[] {
  return themeScores(input, codebook).filter((t) => t.assigned).map(({ assigned: _a, minSentences: _m, ...t }) => t);
}

/** Every theme with evidence in the document, with its score and whether it was assigned. */
export function themeScores(input: ThemeInput, codebook: CompiledCodebook): ScoredTheme[] {
  const { text, tokens, sentences, zones } = input;
  // Word positions: token index, lower-case form, stem, sentence.
  const wordTok: number[] = [];
  const lower: string[] = [];
  const stems: string[] = [];
  const sentenceOf: number[] = [];
  let si = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!WORD.test(tokens[i].text)) continue;
    while (si < sentences.length - 1 && sentences[si].last <= i) si++;
    wordTok.push(i);
    const w = matchForm(tokens[i].text);
    lower.push(w);
    stems.push(stem(w));
    sentenceOf.push(si);
  }
  const sentenceWords = new Map<number, [number, number]>();
  sentenceOf.forEach((s, p) => {
    const r = sentenceWords.get(s);
    if (r) r[1] = p + 1;
    else sentenceWords.set(s, [p, p + 1]);
  });
  const has = (seq: string[], from: number, to: number, arr: string[]) => {
    for (let p = from; p + seq.length <= to; p++) {
      let ok = true;
      for (let k = 0; k < seq.length && ok; k++) if (arr[p + k] !== seq[k]) ok = false;
      if (ok) return true;
    }
    return false;
  };
  const inName = (start: number, end: number) => input.names.some(([a, b]) => start < b && a < end);

  const hits: Hit[] = [];
  for (let p = 0; p < stems.length; p++) {
    const candidates = codebook.index.get(stems[p]);
    if (!candidates) continue;
    const claimed = new Set<number>();
    for (const term of candidates) {
      if (claimed.has(term.theme) || p + term.stems.length > stems.length) continue;
      let ok = true;
      for (let k = 1; k < term.stems.length && ok; k++) if (stems[p + k] !== term.stems[k] || sentenceOf[p + k] !== sentenceOf[p]) ok = false;
      if (!ok) continue;
      const [sFrom, sTo] = sentenceWords.get(sentenceOf[p])!;
      if (term.requires.length && !term.requires.some((r) => has(r, sFrom, sTo, stems))) continue;
      const theme = codebook.themes[term.theme];
      const last = p + term.stems.length;
      if (theme.exclusions.some((ex) => occursAround(ex, lower, p, last, sFrom, sTo))) continue;
      const start = tokens[wordTok[p]].start;
      const end = tokens[wordTok[last - 1]].end;
      if (inName(start, end)) continue;
      claimed.add(term.theme);
      const s = sentenceOf[p];
      const zone = s >= zones.boilerplateFrom ? 'boilerplate' : s === input.titleSentence ? 'title' : zones.lead.has(s) ? 'lead' : 'body';
      hits.push({ theme: term.theme, term: term.text, rule: term.rule, start, end, text: text.slice(start, end), sentence: s, weight: term.weight * ZONE_WEIGHT[zone], first: p, last });
    }
  }

  return scoreThemes(text, sentences, zones, input.wordCount, hits, codebook);
}

/** A theme's score on a document, assigned or not: what `presslens explain` shows. */
export interface ScoredTheme extends DocumentTheme {
  assigned: boolean;
  minSentences: number;
}

/** Score every theme with at least one counted hit; `assigned` says whether it passed. */
export function scoreThemes(text: string, sentences: Sentence[], zones: TextZones, wordCount: number, hits: Hit[], codebook: CompiledCodebook): ScoredTheme[] {
  const out: ScoredTheme[] = [];
  codebook.themes.forEach((theme, ti) => {
    // Overlapping hits of one theme (a term inside a phrase matched elsewhere) count once.
    const own = hits.filter((h) => h.theme === ti).sort((a, b) => a.first - b.first || b.last - a.last);
    const kept: Hit[] = [];
    for (const h of own) if (!kept.length || h.first >= kept[kept.length - 1].last) kept.push(h);
    const counted = kept.filter((h) => h.weight > 0);
    if (!counted.length) return;
    const total = counted.reduce((sum, h) => sum + h.weight, 0);
    const score = Math.round((total / Math.max(wordCount, 1)) * 1000 * 1000) / 1000;
    const bySentence = new Map<number, number>();
    for (const h of counted) if (h.sentence < zones.boilerplateFrom) bySentence.set(h.sentence, (bySentence.get(h.sentence) ?? 0) + h.weight);
    let bestSentence = counted[0].sentence;
    let bestWeight = -1;
    for (const [sn, w] of [...bySentence].sort((a, b) => a[0] - b[0])) if (w > bestWeight) [bestSentence, bestWeight] = [sn, w];
    const sent = sentences[bestSentence];
    out.push({
      id: theme.id,
      label: theme.label,
      score,
      threshold: theme.threshold,
      sentences: bySentence.size,
      evidence: counted.map(({ term, rule, start, end, text: t, sentence, weight }) => ({ term, rule, start, end, text: t, sentence, weight })),
      evidence_sentence: text.slice(sent.start, sent.end).replace(/\s+/g, ' ').trim(),
      evidence_start: sent.start,
      evidence_end: sent.end,
      assigned: score >= theme.threshold && bySentence.size >= theme.minSentences,
      minSentences: theme.minSentences,
    });
  });
  return out;
}

/** An exclusion word matches the word as written, or its plural ("bird migration(s)"). */
const sameWord = (word: string, token: string) => token === word || token === `${word}s` || token === `${word}es` || word === `${token}s`;

/** Does the word sequence `ex` occur in [from, to) overlapping the hit [first, last)? */
function occursAround(ex: string[], words: string[], first: number, last: number, from: number, to: number): boolean {
  for (let q = Math.max(from, first - ex.length + 1); q < last && q + ex.length <= to; q++) {
    let ok = true;
    for (let k = 0; k < ex.length && ok; k++) if (!sameWord(ex[k], words[q + k])) ok = false;
    if (ok) return true;
  }
  return false;
}

/** How the matcher reads a word: lower case, a possessive "'s" as plain "s" ("women's" = "women s"). */
export function matchForm(word: string): string {
  const w = word.toLowerCase();
  return w === "'s" || w === '’s' ? 's' : w;
}
