import type { InputFile } from '../ingest/types.js';
import type { FileResult } from './types.js';

/** A part's result says which part it is, so that the run counts its file once (pipeline/run.ts). */
export function withPart(file: InputFile, result: FileResult): FileResult {
  if (file.part) result.part = { index: file.part.index, count: file.part.count };
  return result;
}

/**
 * The result of a file job that never ran to its end (its worker crashed, its queue job failed):
 * one fatal problem, on the file, or on the first record of a part of one. Kept apart from
 * file-job.ts, which loads the NLP modules that the main thread of a run with workers never needs.
 */
export function failedJob(file: InputFile, code: string, message: string): FileResult {
  const docId = file.part ? `${file.relPath}#${file.part.firstLine}` : '';
  return withPart(file, { path: file.relPath, sha256: null, cached: false, docs: [], problems: [{ code, severity: 'fatal', stage: 'nlp', file: file.relPath, doc_id: docId, message }] });
}
