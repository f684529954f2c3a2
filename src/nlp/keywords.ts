import type { Keyword } from '../schema/document.js';
import { compareStrings } from '../util/compare.js';
import { STOPWORDS, stem } from './adapters/natural.js';
import type { Token } from './tokenize.js';

/** A document's candidate keyword terms: stem -> occurrences and the surface forms used. */
export type TermCounts = Map<string, { count: number; forms: Map<string, number> }>;

const KEYWORD = /^\p{L}[\p{L}\p{M}'’]*$/u;

/** Per-document half of TF-IDF: count the content words (no stop words, numbers or one-letter words). */
export function countTerms(tokens: Token[]): TermCounts {
  const counts: TermCounts = new Map();
  for (const t of tokens) {
    const w = t.text.toLowerCase();
    if (w.length < 3 || !KEYWORD.test(w) || STOPWORDS.has(w)) continue;
    const s = stem(w);
    let c = counts.get(s);
    if (!c) counts.set(s, (c = { count: 0, forms: new Map() }));
    c.count++;
    c.forms.set(w, (c.forms.get(w) ?? 0) + 1);
  }
  return counts;
}

/**
 * Corpus-wide half of TF-IDF: document frequencies over the run. Kept as one map of stems, so
 * memory grows with the vocabulary, not with the number of documents.
 */
export class DocumentFrequencies {
  private readonly df = new Map<string, number>();
  documents = 0;

  add(terms: TermCounts): void {
    this.documents++;
    for (const s of terms.keys()) this.df.set(s, (this.df.get(s) ?? 0) + 1);
  }

  /** Top `n` terms of a document by tf-idf (smoothed idf, as scikit-learn: ln((1+N)/(1+df)) + 1). */
  keywords(terms: TermCounts, wordCount: number, n: number): Keyword[] {
    const scored: Keyword[] = [];
    for (const [s, { count, forms }] of terms) {
      const idf = Math.log((1 + this.documents) / (1 + (this.df.get(s) ?? 0))) + 1;
      const tf = count / Math.max(wordCount, 1);
      let term = '';
      let best = 0;
      for (const [form, c] of forms) if (c > best || (c === best && compareStrings(form, term) < 0)) [term, best] = [form, c];
      scored.push({ term, score: Math.round(tf * idf * 1e6) / 1e6, count });
    }
    scored.sort((a, b) => b.score - a.score || compareStrings(a.term, b.term));
    return scored.slice(0, n);
  }
}
