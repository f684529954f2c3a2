import fs from 'node:fs';
import type { InputFile } from './types.js';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export type ReadResult =
  | { ok: true; bytes: Buffer }
  | { ok: false; code: 'E_READ' | 'E_TOO_LARGE' | 'E_EMPTY' | 'E_GONE'; message: string };

/** Stage 2 of ingest: the file's bytes, or why they could not be read. */
export function readInput(file: InputFile, maxBytes = DEFAULT_MAX_BYTES): ReadResult {
  if (file.part) return readPart(file, maxBytes);
  try {
    const stat = fs.statSync(file.absPath);
    if (stat.size > maxBytes) {
      // A JSON array of records can become JSONL, which is read in parts (parts.ts).
      const advice = file.format === 'json' ? 'Write its records as JSONL (one a line), which is read in parts, split it,' : 'Split it,';
      return { ok: false, code: 'E_TOO_LARGE', message: `The file has ${stat.size} bytes, more than --max-bytes ${maxBytes}. ${advice} or raise --max-bytes.` };
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

/** A part of a JSONL file (parts.ts): its byte range. It is longer than --max-bytes only when it is one line. */
function readPart(file: InputFile, maxBytes: number): ReadResult {
  const { start, end, firstLine } = file.part!;
  if (end - start > maxBytes) {
    return { ok: false, code: 'E_TOO_LARGE', message: `Line ${firstLine + 1} has ${end - start} bytes, more than --max-bytes ${maxBytes}. Raise --max-bytes to read it.` };
  }
  let fd: number | null = null;
  try {
    fd = fs.openSync(file.absPath, 'r');
    const bytes = Buffer.alloc(end - start);
    const n = fs.readSync(fd, bytes, 0, bytes.length, start);
    if (n < bytes.length) return { ok: false, code: 'E_READ', message: 'The file became shorter during the run (it was edited while being read).' };
    return { ok: true, bytes };
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return { ok: false, code: 'E_GONE', message: 'The file disappeared during the run (deleted or moved).' };
    return { ok: false, code: 'E_READ', message: `The file cannot be read (${err.code ?? err.message}). Check its permissions.` };
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
