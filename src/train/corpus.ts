import fs from 'node:fs';
import path from 'node:path';
import type { EntityType } from '../schema/document.js';

export interface GoldEntity {
  start: number;
  end: number;
  type: EntityType;
}

export interface TrainingDocument {
  id: string;
  source: string;
  text: string;
  entities: GoldEntity[];
  /** Held out from training when measuring (the source corpus's own dev/test split, or a hash slice). */
  heldOut: boolean;
}

const TYPES = new Set(['PERSON', 'ORGANIZATION', 'LOCATION']);

function readJsonl(file: string): Array<Record<string, any>> {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/** Deterministic 1-in-N slice by id, for held-out sets. */
function slice(id: string, n: number): boolean {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619) >>> 0;
  return h % n === 0;
}

/**
 * The training material: every set in SHARED/train (UNER English, GUM, CrossNER politics; MISC
 * dropped, since presslens has no MISC type) plus our own annotations of US Senate press releases
 * (data/train/grimmer/annotations.jsonl: offsets into files of SHARED/corpora, which stay outside
 * the repository).
 */
export function loadTrainingCorpus(shared: string, repoData: string): TrainingDocument[] {
  const docs: TrainingDocument[] = [];
  const trainDir = path.join(shared, 'train');
  for (const set of fs.readdirSync(trainDir).sort()) {
    const dir = path.join(trainDir, set);
    if (!fs.statSync(dir).isDirectory() || set.startsWith('_')) continue;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
      for (const d of readJsonl(path.join(dir, file))) {
        const split = d.meta?.split ?? 'train';
        docs.push({
          id: d.id,
          source: set,
          text: d.text,
          entities: d.entities.filter((e: GoldEntity) => TYPES.has(e.type)).map((e: GoldEntity) => ({ start: e.start, end: e.end, type: e.type })),
          heldOut: split === 'dev' || (set !== 'uner-en' && slice(d.id, 10)),
        });
      }
    }
  }
  const annotations = path.join(repoData, 'train/grimmer/annotations.jsonl');
  if (fs.existsSync(annotations)) {
    const root = path.join(shared, 'corpora/grimmer-senate-press-releases');
    for (const a of readJsonl(annotations)) {
      const text = fs.readFileSync(path.join(root, a.path), 'utf8');
      docs.push({ id: `grimmer:${a.path}`, source: 'grimmer', text, entities: a.entities, heldOut: slice(a.path, 8) });
    }
  }
  return docs;
}
