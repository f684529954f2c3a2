import fs from 'node:fs';
import path from 'node:path';
import { sha256 } from '../util/hash.js';
import type { InputFile } from '../ingest/types.js';
import type { FileResult } from './types.js';

/**
 * Results of file jobs, keyed by everything that decides them: the file's bytes (sha256), its
 * path (document ids come from it), and the run's salt (presslens build, model, codebook and
 * settings). A hit means no NLP work; an edited file has a new key and is extracted again.
 * One JSON file per entry, written atomically (temporary file, then rename), so concurrent
 * workers and interrupted runs never leave a torn entry.
 */
export class ResultCache {
  constructor(
    readonly dir: string,
    private readonly salt: string,
  ) {
    fs.mkdirSync(dir, { recursive: true });
  }

  /** The cache key of a file, or null when the file cannot be read (the job reports why). */
  keyOf(file: InputFile, maxBytes: number): string | null {
    // A file discovery set aside (a pipe, which reading would block on; a link not followed) is
    // reported by its job, never read here.
    if (file.skip) return null;
    // A part of a file (ingest/parts.ts): the whole file's hash decides how it is split, and so
    // the part's bytes, line numbers and ids.
    if (file.part) return sha256(`${this.salt}\n${file.relPath}\n${file.part.fileSha256}\npart ${file.part.index}/${file.part.count}`);
    try {
      const stat = fs.statSync(file.absPath);
      if (!stat.isFile() || stat.size > maxBytes) return null;
      return sha256(`${this.salt}\n${file.relPath}\n${sha256(fs.readFileSync(file.absPath))}`);
    } catch {
      return null;
    }
  }

  private fileOf(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  get(key: string): FileResult | null {
    try {
      return { ...(JSON.parse(fs.readFileSync(this.fileOf(key), 'utf8')) as FileResult), cached: true };
    } catch {
      return null;
    }
  }

  set(key: string, result: FileResult): void {
    const file = this.fileOf(key);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ ...result, cached: false }));
    fs.renameSync(tmp, file);
  }

  /** Remove entries this run did not use, so the cache tracks the corpus instead of growing forever. */
  prune(used: Set<string>): number {
    let removed = 0;
    for (const sub of fs.existsSync(this.dir) ? fs.readdirSync(this.dir) : []) {
      const subdir = path.join(this.dir, sub);
      if (!fs.statSync(subdir).isDirectory()) continue;
      for (const name of fs.readdirSync(subdir)) {
        if (!used.has(name.replace(/\.json$/, ''))) {
          fs.rmSync(path.join(subdir, name), { force: true });
          removed++;
        }
      }
    }
    return removed;
  }
}

/** A job with the cache in front: look up, else process and store. */
export function cachedJob(file: InputFile, maxBytes: number, cache: ResultCache | null, process: () => FileResult): { result: FileResult; key: string | null } {
  const key = cache?.keyOf(file, maxBytes) ?? null;
  if (cache && key) {
    const hit = cache.get(key);
    if (hit) return { result: hit, key };
  }
  const result = process();
  if (cache && key) cache.set(key, result);
  return { result, key };
}
