import { Redis } from 'ioredis';
import type { InputFile } from '../ingest/types.js';
import type { Manifest } from '../export/manifest.js';
import type { AliasFile } from '../schema/aliases.js';
import type { Codebook } from '../schema/codebook.js';
import type { JobSettings } from '../pipeline/file-job.js';
import { PresslensError } from '../util/errors.js';
import { sha256 } from '../util/hash.js';
import { buildAndModel } from '../pipeline/fingerprint.js';

/**
 * The BullMQ queue of one presslens build and model: a run's jobs go to the queue of the build
 * that enqueued it, so a worker of another build (a rolling upgrade, a stale machine) never takes
 * them, and they wait for a worker that can do them exactly as a local run would.
 */
export const queueName = (buildAndModel: string) => `presslens-extract-${buildAndModel.slice(0, 16)}`;

/** This build's and model's queue. */
export const ownQueue = () => queueName(sha256(buildAndModel()));

/** Everything about a queued run that workers and the collector need, stored once in Redis. */
export interface RunMeta {
  runId: string;
  /**
   * What this enqueueing of the run holds: a hash of its settings, build and files (path, size,
   * modification time). Enqueueing the run again with nothing changed is the same generation
   * (no job added twice); with a file or a setting changed it is a new one, whose jobs and
   * results are kept apart from the old one's.
   */
  generation: string;
  /** The queue its jobs are in (queueName of the enqueuer's build and model). */
  queue: string;
  /** The files of the run, in input order, a large JSONL file as its parts; job N takes files[N * batchSize ...]. */
  files: InputFile[];
  batchSize: number;
  batches: number;
  codebook: Codebook;
  aliases: AliasFile;
  jobSettings: JobSettings;
  keywords: number;
  themes: Array<{ id: string; label: string }>;
  /** Build, model and settings of the enqueuer: a worker of another build refuses the run. */
  salt: string;
  settingsHash: string;
  /** The manifest of a local run, without what only the run's end knows. */
  manifestBase: Omit<Manifest, 'started_at' | 'finished_at' | 'duration_ms' | 'counts' | 'inputs' | 'outputs'>;
}

/** Redis keys: the run's current generation, and each generation's details and results. */
export const keys = (runId: string, generation = '') => ({
  current: `presslens:run:${runId}`,
  meta: `presslens:run:${runId}:${generation}`,
  results: `presslens:run:${runId}:${generation}:results`,
});

/** A Redis URL as it may be shown: without its password. */
export const shownUrl = (url: string) => url.replace(/^([a-z]+:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');

/** How long a queue command waits for Redis to answer before giving up (exit 2). */
const CONNECT_TIMEOUT_MS = 5000;

/**
 * A connection to Redis, once Redis has answered: ioredis would otherwise retry an unreachable
 * server for ever and the command would hang without a word. The connection itself retries, so a
 * worker outlives a Redis restart.
 */
export async function connect(url: string): Promise<Redis> {
  const fail = (reason: string) => new PresslensError('E_REDIS', `Cannot reach Redis at ${shownUrl(url)}: ${reason.replace(/\.$/, '')}. Start Redis, or give its address with --redis.`);
  let probe: Redis;
  try {
    probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: CONNECT_TIMEOUT_MS });
  } catch (error) {
    throw fail((error as Error).message);
  }
  // The connection's own error says why (refused, timed out, no such host); the failed command
  // only that the connection is closed.
  let cause: Error | null = null;
  probe.on('error', (error: Error) => (cause ??= error));
  try {
    await probe.connect();
    await probe.ping();
    // A database the server does not have ("/99") is otherwise dropped without a word, and the
    // run would go to database 0.
    if (probe.options.db) await probe.select(probe.options.db);
  } catch (error) {
    throw fail((cause ?? (error as Error)).message);
  } finally {
    probe.disconnect();
  }
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
}

/** The run's current generation, or an E_NO_RUN error naming what to do. */
export async function currentGeneration(redis: Redis, runId: string): Promise<string> {
  const generation = await redis.get(keys(runId).current);
  if (!generation) throw new PresslensError('E_NO_RUN', `No run "${runId}" in Redis. Enqueue it first with "presslens enqueue INPUT... --run ${runId}".`);
  return generation;
}

/** A generation's details (the current one's unless given). */
export async function readMeta(redis: Redis, runId: string, generation?: string): Promise<RunMeta> {
  const gen = generation ?? (await currentGeneration(redis, runId));
  const raw = await redis.get(keys(runId, gen).meta);
  if (!raw) throw new PresslensError('E_NO_RUN', `Run "${runId}" has no generation ${gen} in Redis (enqueued again since?).`);
  return JSON.parse(raw) as RunMeta;
}

/** A job's id: the run, its generation and the batch, so adding the same batch twice adds one job. */
export const jobId = (runId: string, generation: string, batch: number) => `${runId}--${generation.slice(0, 16)}--${batch}`;

export function validateRunId(runId: string): string[] {
  return /^[A-Za-z0-9._-]{1,100}$/.test(runId) ? [] : [`--run expects an id of letters, digits, ".", "_" or "-", got "${runId}"`];
}
