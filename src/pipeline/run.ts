import os from 'node:os';
import { discover } from '../ingest/index.js';
import { splitIntoParts } from '../ingest/parts.js';
import type { InputFile } from '../ingest/types.js';
import { DocumentFrequencies } from '../nlp/keywords.js';
import type { NlpContext } from '../nlp/index.js';
import { DEFAULT_MODEL_DIR } from '../nlp/resources/data-files.js';
import { modelHash } from '../nlp/model/model-file.js';
import type { Keyword } from '../schema/document.js';
import type { Settings } from '../settings.js';
import { collectGarbage } from './gc.js';
import { PresslensError } from '../util/errors.js';
import { cachedJob, ResultCache } from './cache.js';
import { saltOf } from './fingerprint.js';
import { WorkerPool, type JobOutput } from './pool.js';
import type { DocResult, FileResult } from './types.js';
import type { Terms } from '../nlp/keywords.js';
import type { DocumentRecord } from '../schema/document.js';
import { DEFERRED_TABLES, deferredCsv, type DeferredCsv } from '../export/rows.js';
import { entityPart, type EntityPart } from '../export/summary.js';
import { AcronymResolver, remapRecord } from './acronym-resolution.js';
import { SurnameResolver } from './surname-resolution.js';

/** What pass 2 needs of a document: its line so far, its term counts, its deferred rows. */
export interface SpoolEntry {
  id: string;
  jsonHead: string;
  wordCount: number;
  terms: Terms;
  /** Ids of its entities named by a bare acronym or a lone surname (which the run may resolve). */
  bare: string[];
  csv: DeferredCsv;
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

/** A document finished in pass 2: its final documents.jsonl line, keywords and deferred rows. */
export interface FinishedDocument {
  id: string;
  line: string;
  keywords: Keyword[];
  csv: DeferredCsv;
  /**
   * Set when resolving bare acronyms changed the document's entities: what pass 1 counted
   * for it, and what it counts now, so run-wide tables can swap the one for the other.
   */
  change: { date: string | null; before: EntityPart; after: EntityPart } | null;
}

/** Receives a run's results in input order. */
export interface RunConsumer {
  /** Pass 1: one input file's problems and documents (keywords not yet known). */
  file(result: FileResult): void;
  /** Pass 2: a finished document. */
  document(doc: FinishedDocument): void;
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
  /** When pass 1 (analysis) ended, in ms from the start of the run; elapsedMs is then pass 2's end. */
  passOneMs: number;
  inputs: Array<{ path: string; sha256: string | null; documents: number; problems: number }>;
  cacheKeys: Set<string>;
  modelHash: string;
}

/** How often the main thread collects garbage, in documents (see gc.ts). */
const GC_EVERY_DOCUMENTS = 2000;

/** Files per message to a worker: enough to amortise messaging, few enough to balance the load. */
const BATCH = 8;

export const defaultWorkers = () => Math.max(1, os.availableParallelism?.() ?? os.cpus().length);

/** Everything besides the inputs that decides a run's output: build, model, settings. */
export function runSalt(settings: Settings): string {
  return saltOf(settings.hash);
}

/** Which slice of the inputs a run takes: files whose index modulo `count` is `index - 1`. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * Consumes file results in input order: hands them to the consumer (pass 1), counts document
 * frequencies, spools documents; then adds keywords (pass 2). Shared by local runs, shard merges
 * and queue collectors, so every way of running writes the same output.
 */
export class Collector {
  readonly stats: RunStats;
  private readonly df = new DocumentFrequencies();
  private readonly acronyms = new AcronymResolver();
  private readonly surnames = new SurnameResolver();
  private readonly started = performance.now();
  /** Whether every part so far of the file being added came from the cache. */
  private allCached = true;

  constructor(
    private readonly consumer: RunConsumer,
    private readonly spool: Spool,
    totalFiles: number,
    private readonly onProgress?: (p: Progress) => void,
  ) {
    this.stats = { files: 0, totalFiles, documents: 0, words: 0, cached: 0, elapsedMs: 0, passOneMs: 0, inputs: [], cacheKeys: new Set(), modelHash: modelHash(DEFAULT_MODEL_DIR) };
  }

  add(outputs: JobOutput[]): void {
    const stats = this.stats;
    for (const { result, key } of outputs) {
      if (key) stats.cacheKeys.add(key);
      this.consumer.file(result);
      for (const doc of result.docs) {
        this.df.add(doc.terms);
        const csv = Object.fromEntries(DEFERRED_TABLES.map((t) => [t, doc.csv[t] ?? ''])) as DeferredCsv;
        this.spool.push({ id: doc.id, jsonHead: doc.jsonHead, wordCount: doc.wordCount, terms: doc.terms, bare: [...this.acronyms.add(doc), ...this.surnames.add(doc)], csv });
        stats.words += doc.wordCount;
      }
      // Documents, not files: a JSONL file read in parts brings hundreds with each part.
      if (Math.floor((stats.documents + result.docs.length) / GC_EVERY_DOCUMENTS) > Math.floor(stats.documents / GC_EVERY_DOCUMENTS)) collectGarbage();
      stats.documents += result.docs.length;
      // A file read in parts counts once: its first part opens its entry, the others add to it,
      // and it came from the cache when all of them did.
      const part = result.part ?? { index: 0, count: 1 };
      if (part.index === 0) {
        stats.files++;
        stats.inputs.push({ path: result.path, sha256: result.sha256, documents: 0, problems: 0 });
        this.allCached = true;
      }
      const entry = stats.inputs[stats.inputs.length - 1];
      entry.documents += result.docs.length;
      entry.problems += result.problems.length;
      this.allCached &&= result.cached;
      if (part.index === part.count - 1 && this.allCached) stats.cached++;
    }
    stats.elapsedMs = performance.now() - this.started;
    this.onProgress?.(stats);
  }

  /**
   * Pass 2: every spooled document with its keywords, and with the bare acronyms the run's
   * acronym table resolves joined to their long forms (or dropped, when the run defines them for
   * no name), and lone surnames to the one person the run names in full with them (only those
   * documents are re-rendered).
   */
  finish(keywords: number): RunStats {
    this.stats.passOneMs = performance.now() - this.started;
    // Bare acronyms are organisations and places, lone surnames people: the two never share an id.
    const resolved = new Map([...this.acronyms.resolve(), ...this.surnames.resolve()]);
    let documents = 0;
    for (const entry of this.spool.entries()) {
      // Pass 2 makes garbage at the pace of the disk (lines read, records re-rendered): collect it.
      if (++documents % GC_EVERY_DOCUMENTS === 0) collectGarbage();
      const kw = this.df.keywords(entry.terms, entry.wordCount, keywords);
      const line = `${entry.jsonHead},"keywords":${JSON.stringify(kw)}}`;
      if (!entry.bare.some((id) => resolved.has(id))) {
        this.consumer.document({ id: entry.id, line, keywords: kw, csv: entry.csv, change: null });
        continue;
      }
      const before = JSON.parse(line) as DocumentRecord;
      const after = remapRecord(before, resolved);
      this.consumer.document({ id: entry.id, line: JSON.stringify(after), keywords: kw, csv: deferredCsv(after), change: { date: before.date, before: entityPart(before), after: entityPart(after) } });
    }
    this.stats.elapsedMs = performance.now() - this.started;
    return this.stats;
  }
}

/**
 * A run in two passes, so that memory does not grow with the corpus:
 *   pass 1, per input file (in worker threads, in any order, results consumed in input order):
 *           ingest -> nlp -> rendered rows; the consumer writes them, the document frequencies
 *           and the spool take the term counts;
 *   pass 2, per document: keywords from TF-IDF, appended to the spooled documents.jsonl line.
 */
export async function runFiles(
  inputs: string[],
  settings: Settings,
  options: RunOptions & { shard?: Shard; record?: (index: number, result: FileResult) => void },
  consumer: RunConsumer,
  spool: Spool,
  inlineContext?: () => NlpContext,
): Promise<RunStats> {
  const all = discover(inputs, settings.ignore, options.followSymlinks);
  const shard = options.shard;
  // Global index of every file this run takes (all of them, or one shard's slice).
  const indexes = all.map((_, i) => i).filter((i) => !shard || i % shard.count === shard.index - 1);
  const files = indexes.map((i) => all[i]);
  const checkAbort = () => {
    if (options.signal?.aborted) throw new PresslensError('E_INTERRUPTED', 'Interrupted: the run stopped before writing its output; the previous output is unchanged.');
  };
  const workers = options.workers ?? defaultWorkers();
  const salt = runSalt(settings);
  const jobSettings = { maxBytes: settings.maxBytes, publisherFromPath: settings.publisherFromPath };
  const collector = new Collector(consumer, spool, files.length, options.onProgress);

  // Jobs: files, and large JSONL files in parts (ingest/parts.ts), with the index of their file.
  const jobs: InputFile[] = [];
  const jobIndexes: number[] = [];
  files.forEach((file, k) => {
    for (const job of splitIntoParts(file, settings.maxBytes)) {
      jobs.push(job);
      jobIndexes.push(indexes[k]);
    }
  });
  // A part (some 80 records) is a batch of its own.
  const batches: InputFile[][] = [];
  for (let i = 0; i < jobs.length; ) {
    let end = i + 1;
    if (!jobs[i].part) while (end < jobs.length && end - i < BATCH && !jobs[end].part) end++;
    batches.push(jobs.slice(i, end));
    i = end;
  }
  let done = 0;
  const consume = (outputs: JobOutput[]) => {
    if (options.record) for (const { result } of outputs) options.record(jobIndexes[done++], result);
    collector.add(outputs);
  };

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
  return collector.finish(settings.keywords);
}

export type { DocResult, FileResult };
