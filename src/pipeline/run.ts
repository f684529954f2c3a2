import os from 'node:os';
import { discover } from '../ingest/index.js';
import type { InputFile } from '../ingest/types.js';
import { DocumentFrequencies } from '../nlp/keywords.js';
import type { NlpContext } from '../nlp/index.js';
import { DEFAULT_MODEL_DIR } from '../nlp/resources/data-files.js';
import { modelHash } from '../nlp/model/model-file.js';
import type { Keyword } from '../schema/document.js';
import type { Settings } from '../settings.js';
import { sha256 } from '../util/hash.js';
import { collectGarbage } from './gc.js';
import { PresslensError } from '../util/errors.js';
import { cachedJob, ResultCache } from './cache.js';
import { buildFingerprint } from './fingerprint.js';
import { WorkerPool, type JobOutput } from './pool.js';
import type { DocResult, FileResult } from './types.js';
import type { Terms } from '../nlp/keywords.js';

/** What pass 2 needs of a document: its line so far and its term counts. */
export interface SpoolEntry {
  id: string;
  jsonHead: string;
  wordCount: number;
  terms: Terms;
}

/** Where pass 1 keeps documents until the run's document frequencies are known. */
export interface Spool {
  push(entry: SpoolEntry): void;
  entries(): Iterable<SpoolEntry>;
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

/** Receives a run's results in input order. */
export interface RunConsumer {
  /** Pass 1: one input file's problems and documents (keywords not yet known). */
  file(result: FileResult): void;
  /** Pass 2: a document's finished documents.jsonl line and its keywords. */
  document(id: string, line: string, keywords: Keyword[]): void;
}

export interface RunOptions {
  /** Worker threads; 0 runs everything in this thread. Default: the number of cores. */
  workers?: number;
  /** Cache folder; null for none. */
  cacheDir?: string | null;
  onProgress?: (p: Progress) => void;
  /** Stops the run between files (SIGINT): runFiles then throws E_INTERRUPTED. */
  signal?: AbortSignal;
  /** Follow symbolic links out of the input folders. */
  followSymlinks?: boolean;
}

export interface Progress {
  files: number;
  totalFiles: number;
  documents: number;
  words: number;
  cached: number;
  elapsedMs: number;
}

export interface RunStats extends Progress {
  inputs: Array<{ path: string; sha256: string | null; documents: number; problems: number }>;
  cacheKeys: Set<string>;
  modelHash: string;
}

/** How often the main thread collects garbage, in files (see gc.ts). */
const GC_EVERY_FILES = 2000;

/** Files per message to a worker: enough to amortise messaging, few enough to balance the load. */
const BATCH = 8;

export const defaultWorkers = () => Math.max(1, os.availableParallelism?.() ?? os.cpus().length);

/** Everything besides the inputs that decides a run's output: build, model, settings. */
export function runSalt(settings: Settings): string {
  return sha256(`${buildFingerprint()}\n${modelHash(DEFAULT_MODEL_DIR)}\n${settings.hash}`);
}

/**
 * A run in two passes, so that memory does not grow with the corpus:
 *   pass 1, per input file (in worker threads, in any order, results consumed in input order):
 *           ingest -> nlp -> rendered rows; the consumer writes them, the document frequencies
 *           and the spool take the term counts;
 *   pass 2, per document: keywords from TF-IDF, appended to the spooled documents.jsonl line.
 */
export async function runFiles(inputs: string[], settings: Settings, options: RunOptions, consumer: RunConsumer, spool: Spool, inlineContext?: () => NlpContext): Promise<RunStats> {
  const started = performance.now();
  const files = discover(inputs, settings.ignore, options.followSymlinks);
  const checkAbort = () => {
    if (options.signal?.aborted) throw new PresslensError('E_INTERRUPTED', 'Interrupted: the run stopped before writing its output; the previous output is unchanged.');
  };
  const workers = options.workers ?? defaultWorkers();
  const salt = runSalt(settings);
  const jobSettings = { maxBytes: settings.maxBytes, publisherFromPath: settings.publisherFromPath };
  const df = new DocumentFrequencies();
  const stats: RunStats = { files: 0, totalFiles: files.length, documents: 0, words: 0, cached: 0, elapsedMs: 0, inputs: [], cacheKeys: new Set(), modelHash: '' };

  const batches: InputFile[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));

  const consume = (outputs: JobOutput[]) => {
    for (const { result, key } of outputs) {
      if (key) stats.cacheKeys.add(key);
      consumer.file(result);
      for (const doc of result.docs) {
        df.add(doc.terms);
        spool.push({ id: doc.id, jsonHead: doc.jsonHead, wordCount: doc.wordCount, terms: doc.terms });
        stats.words += doc.wordCount;
      }
      stats.documents += result.docs.length;
      if (result.cached) stats.cached++;
      stats.files++;
      if (stats.files % GC_EVERY_FILES === 0) collectGarbage();
      stats.inputs.push({ path: result.path, sha256: result.sha256, documents: result.docs.length, problems: result.problems.length });
    }
    stats.elapsedMs = performance.now() - started;
    options.onProgress?.(stats);
  };

  stats.modelHash = modelHash(DEFAULT_MODEL_DIR);
  if (workers <= 0) {
    // In this thread: the nlp modules load only here (and only on a cache miss), so the main
    // thread of a run with workers never loads the model.
    let ctx: NlpContext | null = null;
    const { processFile } = await import('./file-job.js');
    const { createContext } = await import('../nlp/index.js');
    const { compileAliases } = await import('../nlp/aliases.js');
    const context = () => (ctx ??= inlineContext?.() ?? createContext({ codebook: settings.codebook, aliases: compileAliases(settings.aliases) }));
    const cache = options.cacheDir ? new ResultCache(options.cacheDir, salt) : null;
    for (const batch of batches) {
      checkAbort();
      consume(batch.map((f) => cachedJob(f, settings.maxBytes, cache, () => processFile(f, jobSettings, context()))));
      // Let a signal handler run between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } else {
    const pool = new WorkerPool(Math.min(workers, Math.max(1, batches.length)), { codebook: settings.codebook.codebook, aliases: settings.aliases, settings: jobSettings, cacheDir: options.cacheDir ?? null, cacheSalt: salt });
    try {
      for await (const outputs of pool.map(batches, options.signal)) {
        checkAbort();
        consume(outputs);
      }
      checkAbort();
    } finally {
      await pool.close();
    }
    collectGarbage();
  }

  checkAbort();
  for (const entry of spool.entries()) {
    const keywords = df.keywords(entry.terms, entry.wordCount, settings.keywords);
    consumer.document(entry.id, `${entry.jsonHead},"keywords":${JSON.stringify(keywords)}}`, keywords);
  }
  stats.elapsedMs = performance.now() - started;
  return stats;
}

export type { DocResult, FileResult };
