import { Redis } from 'ioredis';
import type { InputFile } from '../ingest/types.js';
import type { Manifest } from '../export/manifest.js';
import type { AliasFile } from '../schema/aliases.js';
import type { Codebook } from '../schema/codebook.js';
import type { JobSettings } from '../pipeline/file-job.js';
import { PresslensError } from '../util/errors.js';

/** The BullMQ queue every presslens run's jobs go to (jobs carry their run id). */
export const QUEUE = 'presslens-extract';

/** Everything about a queued run that workers and the collector need, stored once in Redis. */
export interface RunMeta {
  runId: string;
  /** The files of the run, in input order; job N takes files[N * batchSize ...]. */
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

export const keys = (runId: string) => ({
  meta: `presslens:run:${runId}`,
  results: `presslens:run:${runId}:results`,
});

/** How long a queue command waits for Redis to answer before giving up (exit 2). */
const CONNECT_TIMEOUT_MS = 5000;

/**
 * A connection to Redis, once Redis has answered: ioredis would otherwise retry an unreachable
 * server for ever and the command would hang without a word. The connection itself retries, so a
 * worker outlives a Redis restart.
 */
export async function connect(url: string): Promise<Redis> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: CONNECT_TIMEOUT_MS });
  probe.on('error', () => {});
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    throw new PresslensError('E_REDIS', `Cannot reach Redis at ${url}: ${(error as Error).message.replace(/\.$/, '')}. Start Redis, or give its address with --redis.`);
  } finally {
    probe.disconnect();
  }
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
}

export async function readMeta(redis: Redis, runId: string): Promise<RunMeta> {
  const raw = await redis.get(keys(runId).meta);
  if (!raw) throw new PresslensError('E_NO_RUN', `No run "${runId}" in Redis. Enqueue it first with "presslens enqueue INPUT... --run ${runId}".`);
  return JSON.parse(raw) as RunMeta;
}

/** A job's id: the run and the batch, so adding the same batch twice adds one job. */
export const jobId = (runId: string, batch: number) => `${runId}--${batch}`;

export function validateRunId(runId: string): string[] {
  return /^[A-Za-z0-9._-]{1,100}$/.test(runId) ? [] : [`--run expects an id of letters, digits, ".", "_" or "-", got "${runId}"`];
}
