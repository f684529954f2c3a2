import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { compileCodebook } from '../nlp/codebook.js';
import { compileAliases } from '../nlp/aliases.js';
import { createContext, type NlpContext } from '../nlp/index.js';
import { cachedJob, ResultCache } from '../pipeline/cache.js';
import { processFile } from '../pipeline/file-job.js';
import { saltOf } from '../pipeline/fingerprint.js';
import { connect, keys, ownQueue, readMeta, type RunMeta } from './run-meta.js';

export interface QueueWorkerOptions {
  redis: string;
  /** A per-file result cache (the same keys as local runs), or none. */
  cacheDir: string | null;
  /** How long a job may run before a worker that stopped answering loses it (ms). */
  lockMs?: number;
}

/**
 * A queue worker: takes jobs of any run enqueued by its own build and model (its queue), extracts
 * their files exactly as a local run does (same file jobs, same cache keys) and stores each batch's
 * results in Redis under its run's generation and batch number, so a retried or duplicated job
 * overwrites instead of adding. A worker killed mid-job loses nothing: its job's lock expires and
 * another worker takes it. Runs until stopped.
 */
/** A running queue worker: close() lets its current job finish, then lets go of Redis. */
export interface QueueWorker {
  close(): Promise<void>;
}

/** Generations of runs a worker keeps loaded (details and NLP context): the ones it is working on. */
const RUNS_KEPT = 2;

export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const redis = await connect(options.redis);
  const runs = new Map<string, { meta: RunMeta; ctx: NlpContext | null; cache: ResultCache | null }>();

  const processor = async (job: Job<{ runId: string; generation: string; batch: number }>) => {
    const { runId, generation, batch } = job.data;
    // A job of a generation enqueued over since: its results would never be read.
    if ((await redis.get(keys(runId).current)) !== generation) return { files: 0, stale: true };
    const name = `${runId} ${generation}`;
    let run = runs.get(name);
    if (!run) {
      const meta = await readMeta(redis, runId, generation);
      if (saltOf(meta.settingsHash) !== meta.salt) throw new UnrecoverableError('this worker runs another presslens build or model than the run was enqueued with');
      run = { meta, ctx: null, cache: options.cacheDir ? new ResultCache(options.cacheDir, meta.salt) : null };
      if (runs.size >= RUNS_KEPT) runs.delete(runs.keys().next().value!);
      runs.set(name, run);
    }
    const { meta } = run;
    const files = meta.files.slice(batch * meta.batchSize, (batch + 1) * meta.batchSize);
    const context = () => (run!.ctx ??= createContext({ codebook: compileCodebook(meta.codebook), aliases: compileAliases(meta.aliases) }));
    const outputs = [];
    for (const f of files) {
      outputs.push(cachedJob(f, meta.jobSettings.maxBytes, run.cache, () => processFile(f, meta.jobSettings, context())));
      // Let BullMQ's timers run between files: they renew the job's lock, which a batch of large
      // files would otherwise let expire, and another worker would take the job over.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await redis.hset(keys(runId, generation).results, String(batch), JSON.stringify(outputs.map((o) => ({ result: o.result, key: null }))));
    return { files: files.length };
  };

  const lock = options.lockMs ?? 30_000;
  const connection = await connect(options.redis);
  const worker = new Worker(ownQueue(), processor, { connection, concurrency: 1, lockDuration: lock, stalledInterval: lock, maxStalledCount: 3 });
  await worker.waitUntilReady();
  return {
    // BullMQ closes only the connections it made: ours would keep the process alive after SIGTERM.
    async close() {
      await worker.close();
      connection.disconnect();
      redis.disconnect();
    },
  };
}
