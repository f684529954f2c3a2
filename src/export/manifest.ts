import type { RunStats } from '../pipeline/run.js';

type InputSummary = RunStats['inputs'][number];
import type { Settings } from '../settings.js';
import type { EntityType } from '../schema/document.js';
import type { Problem } from '../schema/problem.js';
import { compareStrings } from '../util/compare.js';
import { VERSION } from '../version.js';

export interface Counts {
  files: number;
  documents: number;
  words: number;
  entities: Record<EntityType, number>;
  mentions: number;
  themes: Record<string, number>;
  problems: { fatal: number; warning: number; info: number; byCode: Record<string, number> };
}

export interface Manifest {
  tool: { name: 'presslens'; version: string };
  started_at: string;
  finished_at: string;
  duration_ms: number;
  inputs_given: string[];
  config_hash: string;
  /** Hash of the presslens build, model and settings: a run with the same salt and inputs writes the same files. */
  run_salt: string;
  codebook: { name: string; version: string; hash: string; source: string };
  model: { hash: string };
  settings: { keywords: number; max_bytes: number; ignore: string[]; publisher_from_path: boolean };
  counts: Counts;
  files: string[];
  /** sha256 of every output file (the manifest aside). */
  outputs: Record<string, string>;
  inputs: InputSummary[];
  /** Set on the output of one shard of a run (extract --shard I/N). */
  shard?: { index: number; count: number };
}

/** Problem totals by severity and by code (codes sorted). */
export function problemCounts(problems: Problem[]): Counts['problems'] {
  const out: Counts['problems'] = { fatal: 0, warning: 0, info: 0, byCode: {} };
  for (const p of problems) {
    out[p.severity]++;
    out.byCode[p.code] = (out.byCode[p.code] ?? 0) + 1;
  }
  out.byCode = Object.fromEntries(Object.entries(out.byCode).sort((a, b) => compareStrings(a[0], b[0])));
  return out;
}

export function buildManifest(args: {
  inputsGiven: string[];
  settings: Settings;
  modelHash: string;
  counts: Counts;
  inputs: InputSummary[];
  files: string[];
  outputs: Record<string, string>;
  runSalt: string;
  startedAt: Date;
  finishedAt: Date;
}): Manifest {
  const { settings } = args;
  return {
    tool: { name: 'presslens', version: VERSION },
    started_at: args.startedAt.toISOString(),
    finished_at: args.finishedAt.toISOString(),
    duration_ms: args.finishedAt.getTime() - args.startedAt.getTime(),
    inputs_given: args.inputsGiven,
    config_hash: settings.hash,
    run_salt: args.runSalt,
    codebook: { name: settings.codebook.name, version: settings.codebook.version, hash: settings.codebook.hash, source: settings.codebookSource },
    model: { hash: args.modelHash },
    settings: { keywords: settings.keywords, max_bytes: settings.maxBytes, ignore: settings.ignore, publisher_from_path: settings.publisherFromPath },
    counts: args.counts,
    files: args.files,
    outputs: args.outputs,
    inputs: args.inputs,
  };
}

/** A manifest from a run's fixed part and what its end knows, keys in the order buildManifest writes. */
export function completeManifest(
  base: Omit<Manifest, 'started_at' | 'finished_at' | 'duration_ms' | 'counts' | 'inputs' | 'outputs'>,
  end: { startedAt: Date; finishedAt: Date; counts: Counts; inputs: InputSummary[]; outputs: Record<string, string> },
): Manifest {
  return {
    tool: base.tool,
    started_at: end.startedAt.toISOString(),
    finished_at: end.finishedAt.toISOString(),
    duration_ms: end.finishedAt.getTime() - end.startedAt.getTime(),
    inputs_given: base.inputs_given,
    config_hash: base.config_hash,
    run_salt: base.run_salt,
    codebook: base.codebook,
    model: base.model,
    settings: base.settings,
    counts: end.counts,
    files: base.files,
    outputs: end.outputs,
    inputs: end.inputs,
  };
}
