import fs from 'node:fs';
import path from 'node:path';
import { LineWriter, readLines } from '../export/lines.js';
import type { Manifest } from '../export/manifest.js';
import { PresslensError } from '../util/errors.js';
import type { Shard } from './run.js';
import type { FileResult } from './types.js';

export const SHARD_FILE = 'shard.jsonl';

/** First line of a shard file: which slice it is, and what a merge needs to rebuild the run. */
export interface ShardHeader {
  shard: Shard;
  themes: Array<{ id: string; label: string }>;
  keywords: number;
}

/** Parse "I/N" (1 <= I <= N). */
export function parseShard(spec: string): Shard | null {
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && index <= count ? { index, count } : null;
}

/** Writes a shard's file results, each with its index in the whole input, for a later merge. */
export class ShardWriter {
  private readonly writer: LineWriter;

  constructor(file: string, header: ShardHeader) {
    this.writer = new LineWriter(file);
    this.writer.write(`${JSON.stringify(header)}\n`);
  }

  record(index: number, result: FileResult): void {
    this.writer.write(`${JSON.stringify([index, result])}\n`);
  }

  close(): void {
    this.writer.close();
  }
}

interface OpenShard {
  dir: string;
  manifest: Manifest;
  header: ShardHeader;
  lines: Generator<string>;
  next: [number, FileResult] | null;
}

function advance(s: OpenShard): void {
  for (;;) {
    const { value, done } = s.lines.next();
    if (done) {
      s.next = null;
      return;
    }
    if (value) {
      s.next = JSON.parse(value) as [number, FileResult];
      return;
    }
  }
}

/**
 * Open shard outputs for merging, refusing any set that is not one whole run: every shard of the
 * same count exactly once, from the same inputs, build, model and settings.
 */
export function openShards(dirs: string[]): { shards: OpenShard[]; total: number } {
  const problems: string[] = [];
  const shards: OpenShard[] = [];
  for (const dir of dirs) {
    const file = path.join(dir, SHARD_FILE);
    if (!fs.existsSync(file)) {
      problems.push(`${dir}: no ${SHARD_FILE}; expected the --out folder of "presslens extract --shard I/N"`);
      continue;
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    const lines = readLines(file);
    const header = JSON.parse(lines.next().value as string) as ShardHeader;
    const s: OpenShard = { dir, manifest, header, lines, next: null };
    advance(s);
    shards.push(s);
  }
  const first = shards[0];
  if (first) {
    const count = first.header.shard.count;
    const seen = new Set<number>();
    for (const s of shards) {
      if (s.header.shard.count !== count) problems.push(`${s.dir}: shard ${s.header.shard.index}/${s.header.shard.count}, but ${first.dir} is one of ${count}`);
      if (seen.has(s.header.shard.index)) problems.push(`${s.dir}: shard ${s.header.shard.index} is given twice`);
      seen.add(s.header.shard.index);
      if (s.manifest.run_salt !== first.manifest.run_salt) problems.push(`${s.dir}: made by another presslens build, model or settings than ${first.dir}`);
      if (JSON.stringify(s.manifest.inputs_given) !== JSON.stringify(first.manifest.inputs_given)) problems.push(`${s.dir}: made from other inputs than ${first.dir}`);
    }
    for (let i = 1; i <= count; i++) if (!seen.has(i)) problems.push(`shard ${i}/${count} is missing`);
  }
  if (!shards.length && !problems.length) problems.push('no shard folders given');
  if (problems.length) throw new PresslensError('E_SHARDS', `Cannot merge: ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`, { details: problems });
  const total = shards.reduce((n, s) => n + s.manifest.counts.files, 0);
  return { shards, total };
}

/** The shards' file results, merged back into input order. */
export function* mergedResults(shards: OpenShard[]): Generator<FileResult> {
  for (;;) {
    let best: OpenShard | null = null;
    for (const s of shards) if (s.next && (!best || s.next[0] < best.next![0])) best = s;
    if (!best) return;
    yield best.next![1];
    advance(best);
  }
}
