import type { Token } from './tokenize.js';

/** A sentence as a token range [first, last) and a character range [start, end). */
export interface Sentence {
  first: number;
  last: number;
  start: number;
  end: number;
}

/**
 * Longest sentence handed to the tagger and used as theme evidence, in tokens. Text stripped of its
 * punctuation (common in scraped corpora) would otherwise be one sentence thousands of words long.
 */
export const MAX_SENTENCE_TOKENS = 60;
/** How far back from the limit to look for a cut between two lower-case words (not inside a name). */
const CUT_WINDOW = 20;
/** A line this short that ends a line is a title, dateline or list item, not a wrapped sentence. */
const SHORT_LINE = 60;

const ENDS = new Set(['.', '!', '?', '…']);
const LOWER_START = /^[\p{Ll}\p{N}]/u;
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']']);

function startsLikeSentence(token: Token | undefined): boolean {
  return !!token && /^[\p{Lu}\p{N}"“‘'(\[]/u.test(token.text);
}

/**
 * Split tokens into sentences: after . ! ? (and any closing quotes or brackets) when the next token
 * starts like a sentence; at blank lines; at a line break after a short line (titles, datelines,
 * list items) or after sentence punctuation; and every MAX_SENTENCE_TOKENS tokens at the latest.
 */
export function splitSentences(text: string, tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  const close = (last: number) => {
    if (last <= first) return;
    sentences.push({ first, last, start: tokens[first].start, end: tokens[last - 1].end });
    first = last;
  };
  let lineStart = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (i - first + 1 >= MAX_SENTENCE_TOKENS) {
      let cut = i;
      while (cut > i - CUT_WINDOW && !(LOWER_START.test(tokens[cut].text) && LOWER_START.test(tokens[cut + 1]?.text ?? 'x'))) cut--;
      close((cut > i - CUT_WINDOW ? cut : i) + 1);
      i = first - 1;
      continue;
    }
    if (!next) break;
    const newlines = countLineBreaks(text, t.end, next.start);
    if (newlines >= 1) {
      const lineLength = t.end - lineStart;
      lineStart = next.start;
      if (newlines >= 2 || lineLength < SHORT_LINE || ENDS.has(t.text) || CLOSERS.has(t.text) || t.text === ':') {
        close(i + 1);
        continue;
      }
    }
    if (ENDS.has(t.text)) {
      let j = i;
      while (tokens[j + 1] && CLOSERS.has(tokens[j + 1].text) && tokens[j + 1].start === tokens[j].end) j++;
      if (startsLikeSentence(tokens[j + 1]) || !tokens[j + 1]) {
        i = j;
        close(j + 1);
      }
    }
  }
  close(tokens.length);
  return sentences;
}

/** Line breaks between two offsets: \n, \r\n and a lone \r (old Mac files) each count once. */
export function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}
