import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../util/hash.js';
import { VERSION } from '../version.js';

let cached: string | null = null;

/**
 * A hash of the code that is running (every module of this build): part of the cache key, so a
 * changed presslens never reuses results computed by another build, even at the same version.
 */
export function buildFingerprint(): string {
  if (cached) return cached;
  const root = fileURLToPath(new URL('../', import.meta.url));
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isDirectory()) walk(full);
      else if (/\.(js|ts)$/.test(name) && !name.endsWith('.d.ts')) files.push(full);
    }
  };
  walk(root);
  cached = sha256(`${VERSION}\n${files.map((f) => `${path.relative(root, f)}:${sha256(fs.readFileSync(f))}`).join('\n')}`);
  return cached;
}
