import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { saltOf } from '../pipeline/fingerprint.js';
import { WorkerPool, type JobOutput } from '../pipeline/pool.js';
import { connect, keys, ownQueue, readMeta, type RunMeta } from './run-meta.js';

export interface QueueWorkerOptions {
  redis: string;
  /** A per-file result cache (the same keys as local runs), or none. */
  cacheDir: string | null;
  /** How long a job may run before a worker that stopped answering loses it (ms). */
  lockMs?: number;
  /** Where a job's lost lock or failure is told (default: nowhere). */
  log?: (message: string) => void;
}

/**
 * A queue worker: takes jobs of any run enqueued by its own build and model (its queue), extracts
 * their files exactly as a local run does (same file jobs, same cache keys) and stores each batch's
 * results in Redis under its run's generation and batch number, so a retried or duplicated job
 * overwrites instead of adding. A worker killed mid-job loses nothing: its job's lock expires and
 * another worker takes it. Runs until stopped.
 *
 * The file jobs run in a worker thread (the local run's pool, one thread), so this thread stays
 * free to renew the job's lock however long a file takes, and a file that crashes the thread
 * becomes an E_CRASH problem, as in a local run.
 */
/** A running queue worker: close() lets its current job finish, then lets go of Redis. */
export interface QueueWorker {
  close(): Promise<void>;
}

/** Generations of runs a worker keeps loaded (details and NLP context): the ones it is working on. */
const RUNS_KEPT = 2;

export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const redis = await connect(options.redis);
  const runs = new Map<string, { meta: RunMeta; pool: WorkerPool | null }>();

  const processor = async (job: Job<{ runId: string; generation: string; batch: number }>) => {
    const { runId, generation, batch } = job.data;
    // A job of a generation enqueued over since: its results would never be read.
    if ((await redis.get(keys(runId).current)) !== generation) return { files: 0, stale: true };
    const name = `${runId} ${generation}`;
    let run = runs.get(name);
    if (!run) {
      const meta = await readMeta(redis, runId, generation);
      if (saltOf(meta.settingsHash) !== meta.salt) throw new UnrecoverableError('this worker runs another presslens build or model than the run was enqueued with');
      run = { meta, pool: null };
      if (runs.size >= RUNS_KEPT) {
        const oldest = runs.keys().next().value!;
        await runs.get(oldest)!.pool?.close();
        runs.delete(oldest);
      }
      runs.set(name, run);
    }
    const { meta } = run;
    const files = meta.files.slice(batch * meta.batchSize, (batch + 1) * meta.batchSize);
    run.pool ??= new WorkerPool(1, { codebook: meta.codebook, aliases: meta.aliases, settings: meta.jobSettings, cacheDir: options.cacheDir, cacheSalt: meta.salt });
    const outputs: JobOutput[] = [];
    for await (const out of run.pool.map([files])) outputs.push(...out);
    await redis.hset(keys(runId, generation).results, String(batch), JSON.stringify(outputs.map((o) => ({ result: o.result, key: null }))));
    return { files: files.length };
  };

  const lock = options.lockMs ?? 30_000;
  const connection = await connect(options.redis);
  const worker = new Worker(ownQueue(), processor, { connection, concurrency: 1, lockDuration: lock, stalledInterval: lock, maxStalledCount: 3 });
  // A lock this worker lost (its job went to another) or a job that failed: worth telling.
  worker.on('error', (error) => options.log?.(`presslens worker: ${error.message}`));
  worker.on('failed', (job, error) => options.log?.(`presslens worker: job ${job?.id ?? '?'} failed: ${error.message}`));
  worker.on('stalled', (id) => options.log?.(`presslens worker: job ${id} stalled (its worker stopped answering); it goes back to the queue`));
  await worker.waitUntilReady();
  return {
    // BullMQ closes only the connections it made: ours would keep the process alive after SIGTERM.
    async close() {
      await worker.close();
      await Promise.all([...runs.values()].map((r) => r.pool?.close()));
      connection.disconnect();
      redis.disconnect();
    },
  };
}
