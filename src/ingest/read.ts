import fs from 'node:fs';
import type { InputFile } from './types.js';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export type ReadResult =
  | { ok: true; bytes: Buffer }
  | { ok: false; code: 'E_READ' | 'E_TOO_LARGE' | 'E_EMPTY' | 'E_GONE'; message: string };

/** Stage 2 of ingest: the file's bytes, or why they could not be read. */
export function readInput(file: InputFile, maxBytes = DEFAULT_MAX_BYTES): ReadResult {
  try {
    const stat = fs.statSync(file.absPath);
    if (stat.size > maxBytes) {
      return { ok: false, code: 'E_TOO_LARGE', message: `The file has ${stat.size} bytes, more than --max-bytes ${maxBytes}. Split it, or raise --max-bytes.` };
    }
    const bytes = fs.readFileSync(file.absPath);
    if (!bytes.length) return { ok: false, code: 'E_EMPTY', message: 'The file is empty (0 bytes).' };
    return { ok: true, bytes };
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return { ok: false, code: 'E_GONE', message: 'The file disappeared during the run (deleted or moved).' };
    return { ok: false, code: 'E_READ', message: `The file cannot be read (${err.code ?? err.message}). Check its permissions.` };
  }
}
