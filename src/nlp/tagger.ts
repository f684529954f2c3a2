import type { Sentence } from './sentences.js';
import type { Token } from './tokenize.js';
import { extractFeatures, type FeatureResources } from './model/features.js';
import { emissionScores, viterbi, type LinearModel } from './model/perceptron.js';
import { decode, type TokenSpan } from './model/tags.js';

/**
 * Tag a document with the trained sequence model, sentence by sentence; returns name spans over
 * document token indices.
 */
export function tagDocument(tokens: Token[], sentences: Sentence[], model: LinearModel, res: FeatureResources): TokenSpan[] {
  const features = extractFeatures(tokens, sentences, res);
  const spans: TokenSpan[] = [];
  for (const s of sentences) {
    const n = s.last - s.first;
    if (n === 0) continue;
    const scores = emissionScores(model, features.slice(s.first, s.last));
    const tags = viterbi(scores, n, model.transitions);
    for (const span of decode(tags)) spans.push({ first: s.first + span.first, last: s.first + span.last, type: span.type });
  }
  return spans;
}
