#!/usr/bin/env node
/**
 * npm run train [-- --epochs N --seed S --shared DIR --out DIR --in-domain-weight R --measure-only]
 *
 * Trains the entity tagger reproducibly: the same data, seed and options give the same weights.
 * 1. measure: train on everything but the held-out documents, print held-out F1 after each epoch;
 * 2. final: train on all documents for the chosen number of epochs and save to data/model.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadFeatureResources } from '../nlp/resources/index.js';
import { saveModel } from '../nlp/model/model-file.js';
import { emissionScoresById, viterbi } from '../nlp/model/perceptron.js';
import { decode, TAGS } from '../nlp/model/tags.js';
import { loadTrainingCorpus } from './corpus.js';
import { prepareDocument, type TrainingSentence } from './prepare.js';
import { averageModels, PerceptronTrainer, prng, prune, shuffle, type EncodedSentence } from './perceptron.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { values: opts } = parseArgs({
  options: {
    epochs: { type: 'string', default: '12' },
    seed: { type: 'string', default: '20181030' },
    shared: { type: 'string', default: path.join(ROOT, '../shared') },
    out: { type: 'string', default: path.join(ROOT, 'data/model') },
    'in-domain-weight': { type: 'string', default: '2' },
    'min-count': { type: 'string', default: '2' },
    'measure-only': { type: 'boolean', default: false },
    exclude: { type: 'string', default: '' },
    runs: { type: 'string', default: '5' },
  },
});
const epochs = Number(opts.epochs);
const seed = Number(opts.seed);
const inDomainWeight = Number(opts['in-domain-weight']);
const minCount = Number(opts['min-count']);
const runs = Number(opts.runs);
const log = (msg: string) => process.stderr.write(`${msg}\n`);

const t0 = performance.now();
const res = loadFeatureResources();
const excluded = new Set(opts.exclude!.split(',').filter(Boolean));
const docs = loadTrainingCorpus(opts.shared!, path.join(ROOT, 'data')).filter((d) => !excluded.has(d.source));
const sentences: TrainingSentence[] = docs.flatMap((d) => prepareDocument(d, res));
const tokensBySource = new Map<string, number>();
for (const s of sentences) tokensBySource.set(s.source, (tokensBySource.get(s.source) ?? 0) + s.gold.length);
log(`${docs.length} documents, ${sentences.length} sentences, ${[...tokensBySource].map(([k, v]) => `${k} ${v}`).join(', ')} tokens; features in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

/** Feature ids over a set of sentences, keeping features seen at least minCount times. */
function indexFeatures(set: TrainingSentence[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of set) for (const fs of s.features) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const names = [...counts].filter(([, c]) => c >= minCount).map(([f]) => f).sort();
  return new Map(names.map((f, i) => [f, i]));
}

function encodeAll(set: TrainingSentence[], index: Map<string, number>): EncodedSentence[] {
  return set.map((s) => ({
    gold: s.gold,
    ids: s.features.map((fs) => {
      const ids: number[] = [];
      for (const f of fs) {
        const id = index.get(f);
        if (id !== undefined) ids.push(id);
      }
      return Int32Array.from(ids);
    }),
  }));
}

interface SpanCounts {
  gold: number;
  pred: number;
  tp: number;
}

function heldOutScores(trainer: PerceptronTrainer, index: Map<string, number>, set: TrainingSentence[]): Map<string, SpanCounts> {
  const model = trainer.averaged(index);
  const enc = encodeAll(set, index);
  const by = new Map<string, SpanCounts>();
  enc.forEach((s, i) => {
    const pred = viterbi(emissionScoresById(model.weights as Float64Array, s.ids), s.gold.length, model.transitions);
    const key = (x: { first: number; last: number; type: string }) => `${x.first}:${x.last}:${x.type}`;
    const g = new Set(decode(s.gold).map(key));
    const p = decode(pred).map(key);
    for (const src of [set[i].source, 'all']) {
      const c = by.get(src) ?? { gold: 0, pred: 0, tp: 0 };
      c.gold += g.size;
      c.pred += p.length;
      c.tp += p.filter((x) => g.has(x)).length;
      by.set(src, c);
    }
  });
  return by;
}

const f1 = (c: SpanCounts) => (c.tp ? (2 * c.tp) / (c.gold + c.pred) : 0);

function train(set: TrainingSentence[], evalSet: TrainingSentence[] | null, runSeed = seed): { trainer: PerceptronTrainer; index: Map<string, number>; curve: Array<Record<string, number>> } {
  const index = indexFeatures(set);
  const enc = encodeAll(set, index);
  const order: number[] = [];
  enc.forEach((_, i) => {
    for (let r = 0; r < (set[i].source === 'grimmer' ? inDomainWeight : 1); r++) order.push(i);
  });
  const trainer = new PerceptronTrainer(index.size);
  const random = prng(runSeed);
  const curve: Array<Record<string, number>> = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const t = performance.now();
    shuffle(order, random);
    let wrong = 0;
    let total = 0;
    for (const i of order) {
      wrong += trainer.learn(enc[i]);
      total += enc[i].gold.length;
    }
    const point: Record<string, number> = { epoch, trainTokenError: Number((wrong / total).toFixed(5)) };
    let line = `epoch ${epoch}: token error ${(100 * wrong / total).toFixed(2)}% (${((performance.now() - t) / 1000).toFixed(1)} s)`;
    if (evalSet) {
      const scores = heldOutScores(trainer, index, evalSet);
      for (const [src, c] of [...scores].sort()) point[src] = Number(f1(c).toFixed(4));
      line += ` held-out F1 ${[...scores].sort().map(([src, c]) => `${src} ${(100 * f1(c)).toFixed(1)}`).join(', ')}`;
    }
    curve.push(point);
    log(line);
  }
  return { trainer, index, curve };
}

const heldOut = sentences.filter((s) => s.heldOut);
log(`measure: training on ${sentences.length - heldOut.length} sentences, held out ${heldOut.length}`);
const measured = train(sentences.filter((s) => !s.heldOut), heldOut);
if (!opts['measure-only']) {
  // The final model averages the weights of `runs` perceptrons trained on different shuffles
  // (seeds seed, seed+1, ...): one linear model, so no slower, and less dependent on the order
  // the data happened to be seen in.
  const models = [];
  let final!: ReturnType<typeof train>;
  for (let r = 0; r < runs; r++) {
    log(`final ${r + 1}/${runs}: training on all ${sentences.length} sentences for ${epochs} epochs, seed ${seed + r}`);
    final = train(sentences, null, seed + r);
    models.push(final.trainer.averaged(final.index));
  }
  const model = prune(averageModels(models), 1e-3);
  saveModel(opts.out!, model, {
    algorithm: 'averaged structured perceptron, first-order Viterbi, BILOU tags',
    epochs,
    seed,
    inDomainWeight,
    minCount,
    documents: Object.fromEntries([...new Set(docs.map((d) => d.source))].sort().map((s) => [s, docs.filter((d) => d.source === s).length])),
    tokens: Object.fromEntries([...tokensBySource].sort()),
    runs,
    featuresBeforePruning: final.index.size,
    heldOutCurve: measured.curve,
    tags: TAGS.length,
  });
  log(`saved ${model.featureIndex.size} features to ${opts.out} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
