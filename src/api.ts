import path from 'node:path';
import { FileSink, OUTPUT_FILES } from './export/index.js';
import { writeCollected } from './export/collected.js';
import { buildManifest, type Counts, type Manifest } from './export/manifest.js';
import { AcronymTable, EntityTable } from './export/aggregates.js';
import { ResultCache } from './pipeline/cache.js';
import { MemorySpool, runFiles, runSalt, type Progress, type Shard } from './pipeline/run.js';
import { mergedResults, openShards, SHARD_FILE, ShardWriter } from './pipeline/shards.js';
import { isUpToDate } from './pipeline/up-to-date.js';
import { clearLeftovers, DEFAULT_CACHE_NAME } from './export/output-dir.js';
import fs from 'node:fs';
import { resolveSettings, type ExtractOptions } from './settings.js';
import { checkLibraryCall } from './api-options.js';
import { DocumentRecord } from './schema/document.js';
import type { Problem } from './schema/problem.js';
import type { Row } from './schema/tables.js';

export interface ExtractResult {
  documents: DocumentRecord[];
  entities: Array<Row<'entities.csv'>>;
  acronyms: Array<Row<'acronyms.csv'>>;
  problems: Problem[];
}

export interface ExtractToDirectoryResult {
  counts: Counts;
  manifest: Manifest;
  /** Input files whose results came from the cache (no NLP work). */
  cachedFiles: number;
  /** The output was already up to date: nothing was extracted or written but the manifest. */
  upToDate: boolean;
  /** Wall time of the run's phases, in seconds (none when the output was up to date). */
  phases?: { discover: number; pass1: number; pass2: number; export: number };
}

/** Options of a run beyond what shapes its output. */
export interface RunControl {
  /** Worker threads; 0 runs in the calling thread. Default: 0 for `extract`, the number of cores for `extractToDirectory`. */
  workers?: number;
  /** Cache folder, or false for none. Default for `extractToDirectory`: `OUT/.cache`; `extract` has none. */
  cache?: string | false;
  onProgress?: (p: Progress) => void;
  /** Abort the run (it throws E_INTERRUPTED and writes nothing). */
  signal?: AbortSignal;
  /** Follow symbolic links out of the input folders. */
  followSymlinks?: boolean;
  /** Take only this slice of the inputs, and keep what a merge needs (shard.jsonl). */
  shard?: Shard;
}

/**
 * Extract people, organisations, places, themes and keywords from files or folders, in memory.
 * Returns the records documents.jsonl holds, and the rows of entities.csv, acronyms.csv and
 * problems.csv. Throws a PresslensError (with a code) only when the run cannot start.
 */
export async function extract(inputs: string | string[], options: ExtractOptions & RunControl = {}): Promise<ExtractResult> {
  checkLibraryCall(inputs, options);
  const settings = resolveSettings(options);
  const documents: DocumentRecord[] = [];
  const problems: Problem[] = [];
  const entities = new EntityTable();
  const acronyms = new AcronymTable();
  await runFiles([inputs].flat(), settings, { workers: options.workers ?? 0, cacheDir: options.cache || null, onProgress: options.onProgress, signal: options.signal, followSymlinks: options.followSymlinks }, {
    file(result) {
      problems.push(...result.problems);
      for (const doc of result.docs) {
        entities.add(doc);
        acronyms.add(doc);
      }
    },
    document(doc) {
      documents.push(DocumentRecord.parse(JSON.parse(doc.line)));
      if (doc.change) {
        entities.remove(doc.change.before);
        entities.add(doc.change.after);
      }
    },
  }, new MemorySpool());
  return { documents, entities: entities.rows(), acronyms: acronyms.rows(), problems };
}

/**
 * Extract and write the full data contract (documents.jsonl, the CSV tables, problems.csv,
 * manifest.json) into `out`, atomically: `out` is replaced only once every file is complete.
 */
export async function extractToDirectory(given: string | string[], out: string, options: ExtractOptions & RunControl = {}): Promise<ExtractToDirectoryResult> {
  const inputs = checkLibraryCall(given, options);
  const startedAt = new Date();
  const settings = resolveSettings(options);
  const cacheDir = options.cache === false ? null : (options.cache ?? path.join(out, DEFAULT_CACHE_NAME));
  const salt = runSalt(settings);
  // Nothing changed since the last run into `out` (same build, model, settings, inputs and output
  // files): nothing to do but record this run in the manifest.
  clearLeftovers(out);
  const previous = cacheDir && !options.shard ? isUpToDate(out, inputs, settings.ignore, options.followSymlinks ?? false, settings.maxBytes, salt) : null;
  if (previous) {
    const finishedAt = new Date();
    const manifest: Manifest = { ...previous, started_at: startedAt.toISOString(), finished_at: finishedAt.toISOString(), duration_ms: finishedAt.getTime() - startedAt.getTime() };
    const tmp = path.join(out, `.manifest.${process.pid}.tmp`);
    fs.writeFileSync(tmp, JSON.stringify(manifest, null, 2) + '\n');
    fs.renameSync(tmp, path.join(out, 'manifest.json'));
    return { counts: previous.counts, manifest, cachedFiles: previous.inputs.length, upToDate: true };
  }
  const themes = settings.codebook.themes.map((t) => ({ id: t.id, label: t.label }));
  const sink = new FileSink(out, themes, cacheDir);
  let shardWriter: ShardWriter | null = null;
  try {
    if (options.shard) shardWriter = new ShardWriter(sink.out.file(SHARD_FILE), { shard: options.shard, themes, keywords: settings.keywords });
    const runStart = performance.now();
    const stats = await runFiles(
      inputs,
      settings,
      { workers: options.workers, cacheDir, onProgress: options.onProgress, signal: options.signal, followSymlinks: options.followSymlinks, shard: options.shard, record: shardWriter ? (i, r) => shardWriter!.record(i, r) : undefined },
      sink,
      sink.spool(),
    );
    const runEnd = performance.now();
    shardWriter?.close();
    // The default cache follows the corpus: entries this run did not use are dropped.
    if (cacheDir && options.cache === undefined) new ResultCache(cacheDir, '').prune(stats.cacheKeys);
    let manifest!: Manifest;
    const counts = await sink.finish(stats.files, (c, outputs) => {
      manifest = buildManifest({ inputsGiven: inputs, settings, modelHash: stats.modelHash, counts: c, inputs: stats.inputs, files: [...OUTPUT_FILES], outputs, runSalt: salt, startedAt, finishedAt: new Date() });
      if (options.shard) manifest.shard = options.shard;
      return manifest;
    });
    const phases = { discover: (runEnd - runStart - stats.elapsedMs) / 1000, pass1: stats.passOneMs / 1000, pass2: (stats.elapsedMs - stats.passOneMs) / 1000, export: (performance.now() - runEnd) / 1000 };
    return { counts, manifest, cachedFiles: stats.cached, upToDate: false, phases };
  } catch (error) {
    sink.abandon();
    throw error;
  }
}

/**
 * Merge the outputs of `extract --shard I/N` runs (all N of them) into `out`: the same files a
 * single run over all the inputs writes, byte for byte (manifest times aside).
 */
export async function mergeShardOutputs(dirs: string[], out: string): Promise<ExtractToDirectoryResult> {
  const startedAt = new Date();
  const { shards, total } = openShards(dirs);
  const { header, manifest: template } = shards[0];
  const { counts, manifest } = await writeCollected(
    out,
    { themes: header.themes, files: total, keywords: header.keywords },
    (collector) => {
      for (const result of mergedResults(shards)) collector.add([{ result, key: null }]);
    },
    (c, outputs, stats) => {
      const finishedAt = new Date();
      const manifest: Manifest = { ...template, started_at: startedAt.toISOString(), finished_at: finishedAt.toISOString(), duration_ms: finishedAt.getTime() - startedAt.getTime(), counts: c, inputs: stats.inputs, outputs };
      delete manifest.shard;
      return manifest;
    },
  );
  return { counts, manifest, cachedFiles: 0, upToDate: false };
}
