import type { Keyword } from '../schema/document.js';
import { compareStrings } from '../util/compare.js';
import { STOPWORDS, stem } from './adapters/natural.js';
import type { Token } from './tokenize.js';

/**
 * A document's candidate keyword terms: [stem, occurrences, the form shown] (the most frequent
 * lower-case surface form of the stem; ties go to the first in code-unit order). Compact, so it
 * crosses threads and sits in the cache cheaply.
 */
export type Terms = Array<[string, number, string]>;

const KEYWORD = /^\p{L}[\p{L}\p{M}'’]*$/u;

/** Per-document half of TF-IDF: count the content words (no stop words, numbers or one-letter words). */
export function countTerms(tokens: Token[]): Terms {
  const counts = new Map<string, { count: number; forms: Map<string, number> }>();
  for (const t of tokens) {
    const w = t.text.toLowerCase();
    if (w.length < 3 || !KEYWORD.test(w) || STOPWORDS.has(w)) continue;
    const s = stem(w);
    let c = counts.get(s);
    if (!c) counts.set(s, (c = { count: 0, forms: new Map() }));
    c.count++;
    c.forms.set(w, (c.forms.get(w) ?? 0) + 1);
  }
  const out: Terms = [];
  for (const [s, { count, forms }] of counts) {
    let term = '';
    let best = 0;
    for (const [form, c] of forms) if (c > best || (c === best && compareStrings(form, term) < 0)) [term, best] = [form, c];
    out.push([s, count, term]);
  }
  return out;
}

/**
 * Corpus-wide half of TF-IDF: document frequencies over the run. One map of stems, so memory grows
 * with the vocabulary, not with the number of documents.
 */
export class DocumentFrequencies {
  readonly df = new Map<string, number>();
  documents = 0;

  /** One document's distinct terms. */
  add(terms: Terms): void {
    this.idfs = null;
    this.documents++;
    for (const [s] of terms) this.df.set(s, (this.df.get(s) ?? 0) + 1);
  }

  private idfs: Map<string, number> | null = null;

  /** Top `n` terms of a document by tf-idf (smoothed idf, as scikit-learn: ln((1+N)/(1+df)) + 1). */
  keywords(terms: Terms, wordCount: number, n: number): Keyword[] {
    // The counts are final once keywords are asked for: compute each stem's idf once.
    if (!this.idfs) {
      this.idfs = new Map();
      for (const [s, df] of this.df) this.idfs.set(s, Math.log((1 + this.documents) / (1 + df)) + 1);
    }
    const unseen = Math.log(1 + this.documents) + 1;
    const scored: Keyword[] = [];
    for (const [s, count, term] of terms) {
      const idf = this.idfs.get(s) ?? unseen;
      const tf = count / Math.max(wordCount, 1);
      scored.push({ term, score: Math.round(tf * idf * 1e6) / 1e6, count });
    }
    scored.sort((a, b) => b.score - a.score || compareStrings(a.term, b.term));
    return scored.slice(0, n);
  }
}
