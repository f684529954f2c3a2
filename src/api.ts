import { FileSink, OUTPUT_FILES } from './export/index.js';
import { buildManifest, problemCounts, type Counts, type Manifest } from './export/manifest.js';
import { AcronymTable, EntityTable } from './export/aggregates.js';
import { createContext, type NlpContext } from './nlp/index.js';
import { MemorySpool, runPipeline, type Progress } from './run.js';
import { resolveSettings, type ExtractOptions, type Settings } from './settings.js';
import type { DocumentRecord } from './schema/document.js';
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
}

let sharedContext: { key: string; ctx: NlpContext } | null = null;

/** The nlp context for a codebook, reused while the codebook stays the same. */
function contextFor(settings: Settings): NlpContext {
  if (sharedContext?.key !== settings.codebook.hash) sharedContext = { key: settings.codebook.hash, ctx: createContext({ codebook: settings.codebook }) };
  return sharedContext.ctx;
}

/**
 * Extract people, organisations, places, themes and keywords from files or folders, in memory.
 * Returns the records documents.jsonl holds, and the rows of entities.csv, acronyms.csv and
 * problems.csv. Throws a PresslensError (with a code) only when the run cannot start.
 */
export async function extract(inputs: string | string[], options: ExtractOptions = {}): Promise<ExtractResult> {
  const settings = resolveSettings(options);
  const ctx = contextFor(settings);
  const documents: DocumentRecord[] = [];
  const problems: Problem[] = [];
  const entities = new EntityTable();
  const acronyms = new AcronymTable();
  runPipeline([inputs].flat(), settings, ctx, new MemorySpool(), {
    document(r) {
      documents.push(r);
      entities.add(r);
      acronyms.add(r);
    },
    problem(p) {
      problems.push(p);
    },
  });
  return { documents, entities: entities.rows(), acronyms: acronyms.rows(), problems };
}

/**
 * Extract and write the full data contract (documents.jsonl, the CSV tables, problems.csv,
 * manifest.json) into `out`, atomically: `out` is replaced only once every file is complete.
 */
export function extractToDirectory(inputs: string[], out: string, options: ExtractOptions = {}, onProgress?: (p: Progress) => void): ExtractToDirectoryResult {
  const startedAt = new Date();
  const settings = resolveSettings(options);
  const ctx = contextFor(settings);
  const sink = new FileSink(out, settings.codebook.themes.map((t) => t.id));
  try {
    const stats = runPipeline(inputs, settings, ctx, sink.spool(), sink, onProgress);
    let manifest!: Manifest;
    const counts = sink.finish(stats.inputs.length, (c) => {
      manifest = buildManifest({ inputsGiven: inputs, settings, model: ctx.model, counts: c, inputs: stats.inputs, files: [...OUTPUT_FILES], startedAt, finishedAt: new Date() });
      return manifest;
    });
    return { counts, manifest };
  } catch (error) {
    sink.out.abandon();
    throw error;
  }
}

export { problemCounts };
