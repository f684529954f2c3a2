import { splitSentences, type Sentence } from '../nlp/sentences.js';
import { tokenize, type Token } from '../nlp/tokenize.js';
import { allFeatures, type FeatureResources } from '../nlp/model/features.js';
import { encode, type TokenSpan } from '../nlp/model/tags.js';
import type { TrainingDocument } from './corpus.js';

export interface TrainingSentence {
  /** Feature strings per token. */
  features: string[][];
  gold: Int32Array;
  source: string;
  heldOut: boolean;
}

/** Gold character spans -> token spans (a span covers every token it overlaps). */
export function tokenSpans(tokens: Token[], entities: TrainingDocument['entities']): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let j = 0;
  for (const e of [...entities].sort((a, b) => a.start - b.start)) {
    while (j < tokens.length && tokens[j].end <= e.start) j++;
    let last = j;
    while (last < tokens.length && tokens[last].start < e.end) last++;
    if (last > j && (!spans.length || spans[spans.length - 1].last <= j)) spans.push({ first: j, last, type: e.type });
  }
  return spans;
}

/** Sentences joined where a gold name crosses a boundary, so no name is cut in two. */
function joinAcross(sentences: Sentence[], spans: TokenSpan[]): Sentence[] {
  const out: Sentence[] = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    if (prev && spans.some((sp) => sp.first < s.first && sp.last > s.first)) {
      out[out.length - 1] = { first: prev.first, last: s.last, start: prev.start, end: s.end };
    } else out.push({ ...s });
  }
  return out;
}

/** Tokenize, split and featurise a training document exactly as extraction does. */
export function prepareDocument(doc: TrainingDocument, res: FeatureResources): TrainingSentence[] {
  const tokens = tokenize(doc.text);
  const spans = tokenSpans(tokens, doc.entities);
  const sentences = joinAcross(splitSentences(doc.text, tokens), spans);
  const features = allFeatures(tokens, sentences, res);
  const gold = encode(tokens.length, spans);
  return sentences.map((s) => ({
    features: features.slice(s.first, s.last),
    gold: Int32Array.from(gold.slice(s.first, s.last)),
    source: doc.source,
    heldOut: doc.heldOut,
  }));
}
