import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { claimId, isRecordError, parseJsonlLine } from './records.js';
import type { FilePart, InputFile } from './types.js';

/**
 * Size of the parts a large JSONL file is read in (some 80 press releases). A file of a million
 * records then spreads over every worker, and no thread holds more than a few parts' documents at
 * once. --max-bytes applies to each part, so a JSONL file may be larger than it (a line may not).
 */
export const PART_BYTES = 256 * 1024;

/** Bytes read at a time while splitting. */
const CHUNK = 1024 * 1024;

type OpenPart = Omit<FilePart, 'count' | 'fileSha256'>;

/**
 * A JSONL file larger than a part (or than --max-bytes) as parts of whole lines, each read and
 * analysed on its own; any other file as it is. Splitting reads the file once, in this thread:
 * for the sha256 every document of the file records, and for the records' ids, so that an id
 * repeated in a later part is renamed as it would be in a file read whole. A file that cannot be
 * split (unreadable, not UTF-8, no record, a single line) is returned whole: its job reports why.
 */
export function splitIntoParts(file: InputFile, maxBytes: number, partBytes = PART_BYTES): InputFile[] {
  if (file.skip || file.format !== 'jsonl' || file.part) return [file];
  const limit = Math.min(partBytes, maxBytes);
  let fd: number;
  try {
    const stat = fs.statSync(file.absPath);
    if (!stat.isFile() || stat.size <= limit) return [file];
    fd = fs.openSync(file.absPath, 'r');
  } catch {
    return [file];
  }
  try {
    return partsOf(file, fd, limit);
  } catch {
    return [file];
  } finally {
    fs.closeSync(fd);
  }
}

function partsOf(file: InputFile, fd: number, limit: number): InputFile[] {
  const hash = createHash('sha256');
  const used = new Set<string>();
  const parts: OpenPart[] = [];
  let current: OpenPart | null = null;
  let records = 0;
  let lineNo = 0;
  let lineStart = 0;

  // A line ends at `end` (just past its "\n", or at the end of the file): it goes into the
  // current part unless that would take a part holding lines already past the limit.
  const endLine = (bytes: Buffer, end: number) => {
    if (!current || (current.end > current.start && end - current.start > limit)) {
      current = { index: parts.length, start: lineStart, end: lineStart, firstLine: lineNo, renamed: {} };
      parts.push(current);
    }
    current.end = end;
    let text = bytes.toString('utf8');
    if (lineNo === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const rec = parseJsonlLine(text.endsWith('\n') ? text.slice(0, -1) : text, lineNo);
    if (rec && !isRecordError(rec)) {
      records++;
      const natural = `${file.relPath}#${rec.record}`;
      const id = claimId(used, natural);
      if (id !== natural) current.renamed[lineNo] = id;
    }
    lineNo++;
    lineStart = end;
  };

  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const isUtf8 = (bytes: Buffer) => {
    try {
      utf8.decode(bytes, { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  const chunk = Buffer.allocUnsafe(CHUNK);
  let pending: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const n = fs.readSync(fd, chunk, 0, CHUNK, offset);
    if (n === 0) break;
    const view = chunk.subarray(0, n);
    // Only UTF-8 text is split, which is what JSONL is meant to be: a file in another encoding, or
    // with zero bytes (UTF-16, binary), is read whole, so that it is judged as a whole.
    if (view.includes(0) || !isUtf8(view)) return [file];
    hash.update(view);
    let from = 0;
    for (let nl = view.indexOf(10); nl !== -1; nl = view.indexOf(10, from)) {
      pending.push(view.subarray(from, nl + 1));
      endLine(Buffer.concat(pending), offset + nl + 1);
      pending = [];
      from = nl + 1;
    }
    // The start of a line that goes on in the next chunk: copied, as the chunk is read into again.
    if (from < n) pending.push(Buffer.from(view.subarray(from)));
    offset += n;
  }
  if (pending.length) endLine(Buffer.concat(pending), offset);
  try {
    utf8.decode();
  } catch {
    return [file];
  }
  if (!records || parts.length < 2) return [file];
  const fileSha256 = hash.digest('hex');
  return parts.map((p) => ({ ...file, part: { ...p, count: parts.length, fileSha256 } }));
}

/** How many files a list of jobs holds: a file read in parts counts once. */
export const countFiles = (jobs: InputFile[]): number => jobs.filter((j) => !j.part || j.part.index === 0).length;
