import { discover, ingestFile } from './ingest/index.js';
import { analyze, type NlpContext } from './nlp/index.js';
import { DocumentFrequencies, type TermCounts } from './nlp/keywords.js';
import { toRecord } from './export/record.js';
import type { DocumentRecord } from './schema/document.js';
import type { Problem } from './schema/problem.js';
import type { Settings } from './settings.js';

/** What pass 1 keeps of a document until the run's document frequencies are known. */
export interface SpoolEntry {
  record: DocumentRecord;
  terms: TermCounts;
}

/** Where pass 1 keeps documents: in memory (library) or in a file on disk (CLI, any size of corpus). */
export interface Spool {
  push(entry: SpoolEntry): void;
  entries(): Iterable<SpoolEntry>;
}

/** Where finished documents and problems go, in run order. */
export interface Sink {
  document(record: DocumentRecord): void;
  problem(problem: Problem): void;
}

export interface InputSummary {
  path: string;
  sha256: string | null;
  documents: number;
  problems: number;
}

export interface RunStats {
  inputs: InputSummary[];
  documents: number;
  words: number;
}

export interface Progress {
  files: number;
  totalFiles: number;
  documents: number;
  words: number;
}

/**
 * A run in two passes, so that memory does not grow with the corpus:
 *   pass 1, per document: ingest -> nlp -> record; the record and its term counts go to the spool,
 *           the term counts to the run's document frequencies;
 *   pass 2, per document: keywords from TF-IDF, then the record goes to the sink.
 * A document whose analysis throws becomes an E_NLP problem; the batch goes on.
 */
export function runPipeline(
  inputs: string[],
  settings: Settings,
  ctx: NlpContext,
  spool: Spool,
  sink: Sink,
  onProgress?: (p: Progress) => void,
): RunStats {
  const files = discover(inputs, settings.ignore);
  const df = new DocumentFrequencies();
  const summaries: InputSummary[] = [];
  const progress: Progress = { files: 0, totalFiles: files.length, documents: 0, words: 0 };
  for (const file of files) {
    const ingested = ingestFile(file, { maxBytes: settings.maxBytes, publisherFromPath: settings.publisherFromPath });
    const summary: InputSummary = { path: file.relPath, sha256: ingested.sha256, documents: 0, problems: 0 };
    for (const item of ingested.items) {
      if (item.kind === 'problem') {
        summary.problems++;
        sink.problem(item.problem);
        continue;
      }
      const doc = item.document;
      for (const w of doc.warnings) {
        summary.problems++;
        sink.problem(w);
      }
      try {
        const analysis = analyze(doc, ctx);
        const record = toRecord(analysis);
        df.add(analysis.terms!);
        spool.push({ record, terms: analysis.terms! });
        summary.documents++;
        progress.documents++;
        progress.words += record.word_count;
      } catch (error) {
        summary.problems++;
        sink.problem({ code: 'E_NLP', severity: 'fatal', stage: 'nlp', file: file.relPath, doc_id: doc.id, message: `Analysis failed: ${(error as Error).message}. Please report this document.` });
      }
    }
    summaries.push(summary);
    progress.files++;
    onProgress?.(progress);
  }
  for (const { record, terms } of spool.entries()) {
    record.keywords = df.keywords(terms, record.word_count, settings.keywords);
    sink.document(record);
  }
  return { inputs: summaries, documents: progress.documents, words: progress.words };
}

export class MemorySpool implements Spool {
  private readonly items: SpoolEntry[] = [];
  push(entry: SpoolEntry): void {
    this.items.push(entry);
  }
  entries(): Iterable<SpoolEntry> {
    return this.items;
  }
}
