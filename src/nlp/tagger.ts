import type { Sentence } from './sentences.js';
import type { Token } from './tokenize.js';
import { documentContext, NEIGHBOURS, neighbourFeatures, sentenceContext, wordFeatures, type FeatureResources } from './model/features.js';
import { addFeatures, addPart, featureScore, scoreCache, TAG_COUNT, viterbi, type LinearModel } from './model/perceptron.js';
import { decode, type TokenSpan } from './model/tags.js';

const EDGE = '\u0000edge';

/**
 * Tag a document with the trained sequence model, sentence by sentence; returns name spans over
 * document token indices. A token's score adds cached per-word parts (its own features, and what
 * each neighbour word gives it) to its context features: the same model as training uses, with
 * most lookups done once per distinct word instead of once per token.
 */
export function tagDocument(tokens: Token[], sentences: Sentence[], model: LinearModel, res: FeatureResources): TokenSpan[] {
  // Context features are made sentence by sentence, so memory does not grow with the document.
  const doc = documentContext(tokens, sentences);
  const own = scoreCache(model, 'w');
  const neighbours = NEIGHBOURS.map(([pos, d]) => ({ pos, d, cache: scoreCache(model, pos) }));
  const spans: TokenSpan[] = [];
  for (const s of sentences) {
    const n = s.last - s.first;
    if (n === 0) continue;
    const context = sentenceContext(doc, s, res);
    const scores = new Float64Array(n * TAG_COUNT);
    for (let i = s.first; i < s.last; i++) {
      const word = tokens[i].text;
      const k = i - s.first;
      addPart(scores, k, own, word, () => featureScore(model, wordFeatures(word, res, false)));
      for (const { pos, d, cache } of neighbours) {
        const j = i + d;
        const other = j >= s.first && j < s.last ? tokens[j].text : null;
        addPart(scores, k, cache, other ?? EDGE, () => featureScore(model, neighbourFeatures(other, pos, res, false)));
      }
      addFeatures(scores, k, model, context[k]);
    }
    const tags = viterbi(scores, n, model.transitions);
    for (const span of decode(tags)) spans.push({ first: s.first + span.first, last: s.first + span.last, type: span.type });
  }
  return spans;
}
