import fs from 'node:fs';
import zlib from 'node:zlib';
import { PresslensError } from '../../util/errors.js';
import { sha256 } from '../../util/hash.js';
import { TAGS } from './tags.js';
import type { LinearModel } from './perceptron.js';

/** What model.json records besides the weights: enough to know how the model was made. */
export interface ModelMeta {
  format: 1;
  tags: string[];
  features: number;
  scale: number;
  transitions: number[];
  training: Record<string, unknown>;
}

export interface LoadedModel extends LinearModel {
  meta: ModelMeta;
  /** sha256 over the three model files: goes into the manifest and the cache key. */
  hash: string;
}

const FILES = { meta: 'model.json', features: 'features.txt.gz', weights: 'weights.i16.gz' } as const;

/**
 * Save weights as three files: model.json (tags, transitions, training record), the feature strings
 * one a line, and the weights as 16-bit integers scaled by meta.scale (gzip both): compact in git,
 * loaded in a fraction of a second, and byte-identical for identical training.
 */
export function saveModel(dir: string, model: LinearModel, training: Record<string, unknown>): void {
  fs.mkdirSync(dir, { recursive: true });
  const T = TAGS.length;
  const rows = [...model.featureIndex.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let maxAbs = 0;
  for (const [, row] of rows) for (let t = 0; t < T; t++) maxAbs = Math.max(maxAbs, Math.abs(model.weights[row * T + t]));
  const scale = maxAbs / 32767 || 1;
  const q = new Int16Array(rows.length * T);
  rows.forEach(([, row], i) => {
    for (let t = 0; t < T; t++) q[i * T + t] = Math.round(model.weights[row * T + t] / scale);
  });
  const meta: ModelMeta = {
    format: 1,
    tags: [...TAGS],
    features: rows.length,
    scale,
    transitions: Array.from(model.transitions, (v) => Math.round(v * 1e4) / 1e4),
    training,
  };
  const gz = (b: Buffer) => zlib.gzipSync(b, { level: 9, mtime: 0 } as zlib.ZlibOptions);
  fs.writeFileSync(`${dir}/${FILES.features}`, gz(Buffer.from(rows.map(([f]) => f).join('\n') + '\n')));
  fs.writeFileSync(`${dir}/${FILES.weights}`, gz(Buffer.from(q.buffer)));
  fs.writeFileSync(`${dir}/${FILES.meta}`, JSON.stringify(meta, null, 1) + '\n');
}

/** sha256 over the model's files, without loading it (what the manifest and cache key record). */
export function modelHash(dir: string): string {
  return sha256(Buffer.concat(Object.values(FILES).map((f) => fs.readFileSync(`${dir}/${f}`))));
}

export function loadModel(dir: string): LoadedModel {
  const paths = Object.values(FILES).map((f) => `${dir}/${f}`);
  const missing = paths.filter((p) => !fs.existsSync(p));
  if (missing.length) {
    throw new PresslensError('E_MODEL_MISSING', `The entity model is missing (${missing.join(', ')}). Reinstall presslens, or run \`npm run train\` in its folder.`);
  }
  const metaBytes = fs.readFileSync(paths[0]);
  const featureBytes = fs.readFileSync(paths[1]);
  const weightBytes = fs.readFileSync(paths[2]);
  const meta = JSON.parse(metaBytes.toString('utf8')) as ModelMeta;
  if (meta.format !== 1 || meta.tags.join() !== TAGS.join()) {
    throw new PresslensError('E_MODEL_FORMAT', `The entity model in ${dir} was made for another version of presslens (tags ${meta.tags.join(',')}). Retrain it with \`npm run train\`.`);
  }
  const names = zlib.gunzipSync(featureBytes).toString('utf8').split('\n');
  names.pop();
  const featureIndex = new Map<string, number>();
  names.forEach((name, i) => featureIndex.set(name, i));
  const raw = zlib.gunzipSync(weightBytes);
  const q = new Int16Array(raw.buffer, raw.byteOffset, raw.byteLength / 2);
  const weights = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) weights[i] = q[i] * meta.scale;
  return {
    featureIndex,
    weights,
    transitions: Float32Array.from(meta.transitions),
    meta,
    hash: sha256(Buffer.concat([metaBytes, featureBytes, weightBytes])),
  };
}
