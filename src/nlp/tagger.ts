import type { Sentence } from './sentences.js';
import type { Token } from './tokenize.js';
import { documentContext, NEIGHBOURS, sentenceFeatures, type FeatureResources } from './model/features.js';
import { RowSink } from './model/context-rows.js';
import { addRows, TAG_COUNT as T, viterbi, type LinearModel } from './model/perceptron.js';
import { decode, type TokenSpan } from './model/tags.js';
import { EDGE_OFFSET, locateParts, wordPartTable } from './model/word-parts.js';

/**
 * Tag a document with the trained sequence model, sentence by sentence; returns name spans over
 * document token indices. A token's score adds the cached parts that depend on one word alone
 * (its own features, and what each neighbour word gives it) to its context features, in the
 * order training sums them: the same model, with most lookups done once per distinct word
 * instead of once per token, and the context features found as model rows from the words'
 * parts (RowSink) instead of by names built per token.
 */
export function tagDocument(tokens: Token[], sentences: Sentence[], model: LinearModel, res: FeatureResources): TokenSpan[] {
  // Context features are made sentence by sentence, so memory does not grow with the document.
  const doc = documentContext(tokens, sentences);
  const table = wordPartTable(model, res);
  const context = new RowSink(model);
  const spans: TokenSpan[] = [];
  for (const s of sentences) {
    const n = s.last - s.first;
    if (n === 0) continue;
    context.reset(n);
    sentenceFeatures(doc, s, res, context);
    const words: string[] = new Array(n);
    for (let k = 0; k < n; k++) words[k] = tokens[s.first + k].text;
    const { arrays, offsets } = locateParts(words, table, model, res);
    const scores = new Float64Array(n * T);
    for (let k = 0; k < n; k++) {
      const base = k * T;
      const own = arrays[k];
      const at = offsets[k];
      for (let t = 0; t < T; t++) scores[base + t] += own[at + t];
      for (let q = 0; q < NEIGHBOURS.length; q++) {
        const j = k + NEIGHBOURS[q][1];
        const inside = j >= 0 && j < n;
        const data = inside ? arrays[j] : table.data;
        const from = (inside ? offsets[j] : EDGE_OFFSET) + (q + 1) * T;
        for (let t = 0; t < T; t++) scores[base + t] += data[from + t];
      }
      addRows(scores, k, model.weights, context.rows, context.from(k), context.ends[k]);
    }
    const tags = viterbi(scores, n, model.transitions);
    for (const span of decode(tags)) spans.push({ first: s.first + span.first, last: s.first + span.last, type: span.type });
  }
  return spans;
}
