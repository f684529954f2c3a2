import fs from 'node:fs';
import path from 'node:path';
import { discover } from '../ingest/index.js';
import { splitIntoParts } from '../ingest/parts.js';
import type { Manifest } from '../export/manifest.js';
import { sha256, sha256OfFile } from '../util/hash.js';

/** sha256 of every output file of a run, as the manifest records them (the manifest itself aside). */
export function hashOutputs(dir: string, files: readonly string[]): Record<string, string> {
  return Object.fromEntries(files.filter((f) => f !== 'manifest.json').map((f) => [f, sha256(fs.readFileSync(path.join(dir, f)))]));
}

/**
 * Is the output folder already what this run would write? Yes when its manifest records the same
 * presslens build, model and settings, the same inputs with the same bytes, and its files are
 * still the ones it wrote. Then the run has nothing to do (like make): no NLP, no export.
 */
export function isUpToDate(out: string, inputs: string[], ignore: string[], followSymlinks: boolean, maxBytes: number, salt: string): Manifest | null {
  let previous: Manifest;
  try {
    previous = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
  if (previous.run_salt !== salt || JSON.stringify(previous.inputs_given) !== JSON.stringify(inputs) || !previous.outputs) return null;
  const files = discover(inputs, ignore, followSymlinks);
  if (files.length !== previous.inputs.length) return null;
  for (let i = 0; i < files.length; i++) {
    const before = previous.inputs[i];
    if (before.path !== files[i].relPath) return null;
    let sha: string | null = null;
    try {
      // As ingest records them: no hash for what it does not read. A JSONL file larger than
      // --max-bytes is read when it splits into parts: the same bytes as last time split the same
      // way, so only a file that changed is split (its records parsed) to know.
      const file = files[i];
      if (!file.skip && file.format) {
        if (fs.statSync(file.absPath).size <= maxBytes) sha = sha256(fs.readFileSync(file.absPath));
        else if (file.format === 'jsonl') {
          const whole = sha256OfFile(file.absPath);
          sha = whole === before.sha256 ? whole : (splitIntoParts(file, maxBytes)[0].part?.fileSha256 ?? null);
        }
      }
    } catch {
      sha = null;
    }
    if (sha !== before.sha256) return null;
  }
  try {
    const now = hashOutputs(out, Object.keys(previous.outputs));
    if (JSON.stringify(now) !== JSON.stringify(previous.outputs)) return null;
  } catch {
    return null;
  }
  return previous;
}
