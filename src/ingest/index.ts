import { sha256 } from '../util/hash.js';
import type { Problem } from '../schema/problem.js';
import { decode } from './decode.js';
import { discover } from './discover.js';
import { readInput } from './read.js';
import { claimId, isRecordError, parseRecords } from './records.js';
import { readStructure } from './structure.js';
import type { IngestItem, IngestOptions, InputFile } from './types.js';

/** One input file's outcome: its documents and problems, and the sha256 of its bytes when read. */
export interface IngestedFile {
  file: InputFile;
  sha256: string | null;
  items: IngestItem[];
}

export type { IngestedDocument, IngestItem, InputFile } from './types.js';
export { discover } from './discover.js';

/**
 * Ingest, in order (order here matters):
 *   1. discover   inputs -> sorted files                     (discover.ts)
 *      parts      a large JSONL file -> parts of whole lines  (parts.ts; the run does this, as
 *                 each part is a job of its own)
 *   2. read       file or part -> bytes, or E_READ / E_TOO_LARGE (read.ts)
 *   3. decode     bytes -> text, or E_BINARY / E_DECODE       (decode.ts)
 *   4. records    text -> one record per document            (records.ts, html.ts)
 *   5. structure  record -> title, dateline, date            (structure.ts, dates.ts)
 * Steps 2-5 run per file and depend on nothing else, so files can be ingested in any order or place.
 */
export function ingestFile(file: InputFile, options: IngestOptions = {}): IngestedFile {
  const items = ingestItems(file, options);
  return { file, sha256: items.sha256, items: items.items };
}

function ingestItems(file: InputFile, options: IngestOptions): { sha256: string | null; items: IngestItem[] } {
  const problem = (code: string, message: string, severity: Problem['severity'] = 'fatal', docId = ''): IngestItem => ({
    kind: 'problem',
    problem: { code, severity, stage: 'ingest', file: file.relPath, doc_id: docId, message },
  });
  if (file.skip) return { sha256: null, items: [problem(file.skip.code, file.skip.message, file.skip.severity)] };
  if (!file.format) {
    return { sha256: null, items: [problem('I_UNSUPPORTED', 'Not a supported format (.txt, .md, .html, .htm, .json, .jsonl); skipped. Rename it, or add it to .presslensignore.', 'info')] };
  }
  const part = file.part ?? null;
  // A problem of a part of a file is the problem of its first line's record.
  const partId = part ? `${file.relPath}#${part.firstLine}` : '';
  const read = readInput(file, options.maxBytes);
  if (!read.ok) return { sha256: part?.fileSha256 ?? null, items: [problem(read.code, read.message, 'fatal', partId)] };
  const fileSha = part?.fileSha256 ?? sha256(read.bytes);
  const decoded = decode(read.bytes);
  if (!decoded.ok) return { sha256: fileSha, items: [problem(decoded.code, decoded.message, 'fatal', partId)] };
  const items: IngestItem[] = [];
  const usedIds = new Set<string>();
  for (const rec of parseRecords(file.format, decoded.text, part)) {
    if (isRecordError(rec)) {
      items.push(problem(rec.code, rec.message, 'fatal', rec.record === null ? '' : `${file.relPath}#${rec.record}`));
      continue;
    }
    const warnings: Problem[] = [];
    const natural = rec.record === null ? file.relPath : `${file.relPath}#${rec.record}`;
    // A part's ids were made unique over the whole file when it was split.
    const id = part ? (part.renamed[rec.line!] ?? natural) : claimId(usedIds, natural);
    if (id !== natural) {
      warnings.push({ code: 'W_DUPLICATE_ID', severity: 'warning', stage: 'ingest', file: file.relPath, doc_id: id, message: `Record id ${JSON.stringify(rec.record)} is used more than once in the file; this record was renamed ${id}. Give every record its own id.` });
    }
    if (rec.ignored) warnings.push({ code: 'W_BAD_FIELD', severity: 'warning', stage: 'ingest', file: file.relPath, doc_id: id, message: `Field(s) ${rec.ignored.map((f) => `"${f}"`).join(', ')} of the record are not text (a string or number); ignored, the document extracted without them.` });
    if (decoded.warning) warnings.push({ code: decoded.warning.code, severity: 'warning', stage: 'ingest', file: file.relPath, doc_id: id, message: decoded.warning.message });
    const structure = readStructure(rec.text, rec.meta, file.relPath, file.format === 'md');
    items.push({
      kind: 'document',
      document: {
        id,
        source: { path: file.relPath, format: file.format, encoding: decoded.encoding, record: rec.record, sha256: fileSha },
        text: rec.text,
        title: structure.title,
        date: structure.date,
        dateSource: structure.dateSource,
        dateline: structure.dateline,
        publisher: rec.meta.publisher ?? (options.publisherFromPath && file.relPath.includes('/') ? file.relPath.split('/')[0] : null),
        url: rec.meta.url,
        warnings,
      },
    });
  }
  return { sha256: fileSha, items };
}

/** Every input's documents and problems, file by file in sorted order. */
export function* ingest(inputs: string[], options: IngestOptions = {}): Generator<IngestedFile> {
  for (const file of discover(inputs, options.ignore, options.followSymlinks)) yield ingestFile(file, options);
}
