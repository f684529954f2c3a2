import { countLineBreaks, type Sentence } from './sentences.js';

/**
 * Lines that open the boilerplate at the end of a press release: notes to editors, "About X"
 * blurbs, media contacts, "###" / "-ends-" markers, forward-looking-statement disclaimers. Each must
 * stand on a short line of its own, so a sentence that starts "About 300 people..." is not one.
 */
const MARKER = /^\s*(?:#{3,}|-+\s*ends?\s*-+|ends|notes?\s+(?:to|for)\s+(?:the\s+)?editors?|about\s+(?:the\s+)?[\p{L}\p{N}][^\n.]{0,60}|media\s+(?:contacts?|enquiries|inquiries)|press\s+(?:contacts?|office|enquiries|inquiries)|contacts?|for\s+(?:further|more)\s+information|forward[-\s]looking\s+statements?|background)\s*:?\s*$/iu;
const MAX_MARKER_LINE = 70;

export interface TextZones {
  /** Index of the first boilerplate sentence (sentences.length when there is none). */
  boilerplateFrom: number;
  /** Sentences of the lead: the title and the first paragraph of the body. */
  lead: Set<number>;
}

/** Where the lead ends and the boilerplate starts, for weighting theme evidence. */
export function findZones(text: string, sentences: Sentence[], title: string | null): TextZones {
  let boilerplateFrom = sentences.length;
  const lineBreak = /\r\n|\r|\n/g;
  let offset = 0;
  for (;;) {
    const m = lineBreak.exec(text);
    const end = m ? m.index : text.length;
    const trimmed = text.slice(offset, end).trim();
    if (trimmed && trimmed.length <= MAX_MARKER_LINE && MARKER.test(trimmed) && offset > text.length * 0.3) {
      const at = sentences.findIndex((s) => s.end > offset);
      if (at >= 0) boilerplateFrom = at;
      break;
    }
    if (!m) break;
    offset = m.index + m[0].length;
  }
  const lead = new Set<number>();
  let i = 0;
  if (title && sentences.length && text.slice(sentences[0].start, sentences[0].end).trim() === title.trim()) lead.add(i++);
  // The first paragraph of the body: sentences up to the first blank line, at most three.
  const firstBody = i;
  for (; i < sentences.length && i < boilerplateFrom && i - firstBody < 3; i++) {
    lead.add(i);
    const next = sentences[i + 1];
    if (next && countLineBreaks(text, sentences[i].end, next.start) >= 2) break;
  }
  return { boilerplateFrom, lead };
}
