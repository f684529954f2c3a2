import { Queue } from 'bullmq';
import { writeCollected } from '../export/collected.js';
import { completeManifest, type Manifest } from '../export/manifest.js';
import type { JobOutput } from '../pipeline/pool.js';
import { failedJob } from '../pipeline/job-result.js';
import { countFiles } from '../ingest/parts.js';
import { PresslensError } from '../util/errors.js';
import type { Redis } from 'ioredis';
import { connect, currentGeneration, jobId, keys, readMeta, type RunMeta } from './run-meta.js';

export interface RunStatus {
  runId: string;
  generation: string;
  files: number;
  batches: number;
  done: number;
  failed: number;
  waiting: number;
  active: number;
}

/** How far a queued run has come: batches stored, failed for good, waiting and running. */
export async function runStatus(redisUrl: string, runId: string): Promise<RunStatus & { failures: Map<number, string> }> {
  const redis = await connect(redisUrl);
  try {
    return await statusOf(redis, await readMeta(redis, runId));
  } finally {
    redis.disconnect();
  }
}

/** The status of one generation, on a connection the caller keeps; the jobs not yet stored are asked about all at once. */
async function statusOf(redis: Redis, meta: RunMeta): Promise<RunStatus & { failures: Map<number, string> }> {
  const { runId, generation } = meta;
  const queue = new Queue(meta.queue, { connection: redis });
  try {
    const stored = new Set((await redis.hkeys(keys(runId, generation).results)).map(Number));
    const pending = Array.from({ length: meta.batches }, (_, b) => b).filter((b) => !stored.has(b));
    const states = await Promise.all(
      pending.map(async (b) => {
        const job = await queue.getJob(jobId(runId, generation, b));
        return { b, state: job ? await job.getState() : 'missing', reason: job?.failedReason };
      }),
    );
    const failures = new Map<number, string>();
    let waiting = 0;
    let active = 0;
    for (const { b, state, reason } of states) {
      if (state === 'failed') failures.set(b, reason ?? 'failed');
      else if (state === 'active') active++;
      else waiting++;
    }
    return { runId, generation, files: countFiles(meta.files), batches: meta.batches, done: stored.size, failed: failures.size, waiting, active, failures };
  } finally {
    // The queue was given our connection: closing it leaves the connection open.
    await queue.close();
  }
}

/**
 * Collect a queued run into `out` once every batch is stored or has failed for good: the same
 * Collector and export as a local run, fed the batches in order, so the files are the ones a
 * local run writes (byte for byte, manifest times aside). A batch that failed for good becomes an
 * E_JOB_FAILED problem on each of its files, with the last error. Killed, it can simply be run
 * again: results stay in Redis and the output folder is replaced atomically.
 */
export async function collectRun(redisUrl: string, runId: string, out: string, options: { pollMs?: number; onWait?: (s: RunStatus) => void; signal?: AbortSignal } = {}): Promise<{ manifest: Manifest }> {
  const startedAt = new Date();
  const { signal } = options;
  const interrupted = () => new PresslensError('E_INTERRUPTED', `Interrupted while waiting for run "${runId}": nothing written; the jobs go on, and collect can be run again.`);
  const redis = await connect(redisUrl);
  try {
    // One connection for the whole wait, and a generation's details (every file) read once.
    let meta = await readMeta(redis, runId);
    let status = await statusOf(redis, meta);
    let current = meta.generation;
    // Until every batch of the current generation is stored or failed for good (enqueued again
    // meanwhile, the run is waited for anew).
    while (status.done + status.failed < status.batches || status.generation !== current) {
      if (status.generation === current) {
        options.onWait?.(status);
        if (signal?.aborted) throw interrupted();
        // A wait that the signal cuts short; its listener goes with it, as a long wait makes
        // thousands of them.
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
          };
          const timer = setTimeout(done, options.pollMs ?? 500);
          signal?.addEventListener('abort', done, { once: true });
        });
        if (signal?.aborted) throw interrupted();
      }
      current = await currentGeneration(redis, runId);
      if (current !== meta.generation) meta = await readMeta(redis, runId, current);
      status = await statusOf(redis, meta);
    }
    const { manifest } = await writeCollected(
      out,
      { themes: meta.themes, files: countFiles(meta.files), keywords: meta.keywords },
      async (collector) => {
        for (let b = 0; b < meta.batches; b++) {
          const raw = await redis.hget(keys(runId, meta.generation).results, String(b));
          if (raw) {
            collector.add(JSON.parse(raw) as JobOutput[]);
            continue;
          }
          const reason = status.failures.get(b) ?? 'the job failed';
          const files = meta.files.slice(b * meta.batchSize, (b + 1) * meta.batchSize);
          collector.add(
            files.map((f): JobOutput => ({ result: failedJob(f, 'E_JOB_FAILED', `The queue job for this file failed after its retries: ${reason}`), key: null })),
          );
        }
      },
      (counts, outputs, stats) => completeManifest(meta.manifestBase, { startedAt, finishedAt: new Date(), counts, inputs: stats.inputs, outputs }),
    );
    return { manifest };
  } finally {
    redis.disconnect();
  }
}
