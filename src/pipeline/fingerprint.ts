import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../util/hash.js';
import { VERSION } from '../version.js';
import { DATA_DIR, DEFAULT_MODEL_DIR } from '../nlp/resources/data-files.js';
import { modelHash } from '../nlp/model/model-file.js';

/** Folders of data/ that extraction reads besides the model (hashed on its own) and the codebook (part of the settings). */
const RESOURCE_DIRS = ['gazetteer', 'lexicon', 'unlabeled'];

function filesUnder(dir: string, wanted: (name: string) => boolean): string[] {
  const files: string[] = [];
  if (!fs.existsSync(dir)) return files;
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (fs.statSync(full).isDirectory()) walk(full);
      else if (wanted(name)) files.push(full);
    }
  };
  walk(dir);
  return files;
}

let cached: string | null = null;

/**
 * A hash of the code that is running (every module of this build) and of the word lists, gazetteer
 * and word clusters it reads: part of the cache key, so a changed presslens, or a rebuilt
 * gazetteer, never reuses results computed with another, even at the same version.
 */
export function buildFingerprint(): string {
  cached ??= fingerprint(fileURLToPath(new URL('../', import.meta.url)), DATA_DIR);
  return cached;
}

/** The running build and its model, as run salts and queue names hash them. */
export const buildAndModel = () => `${buildFingerprint()}\n${modelHash(DEFAULT_MODEL_DIR)}`;

/** Everything besides the inputs that decides a run's output: build, model, and the settings' hash. */
export const saltOf = (settingsHash: string) => sha256(`${buildAndModel()}\n${settingsHash}`);

/** The hash of buildFingerprint over the modules under `root` and the resource folders of `dataDir`. */
export function fingerprint(root: string, dataDir: string): string {
  const code = filesUnder(root, (name) => /\.(js|ts)$/.test(name) && !name.endsWith('.d.ts'));
  const data = RESOURCE_DIRS.flatMap((dir) => filesUnder(path.join(dataDir, dir), (name) => !name.endsWith('.md')));
  const line = (base: string, f: string) => `${path.relative(base, f)}:${sha256(fs.readFileSync(f))}`;
  return sha256(`${VERSION}\n${code.map((f) => line(root, f)).join('\n')}\n${data.map((f) => line(dataDir, f)).join('\n')}`);
}
