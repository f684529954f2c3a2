import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { compileCodebook } from '../nlp/codebook.js';
import { compileAliases } from '../nlp/aliases.js';
import { createContext, type NlpContext } from '../nlp/index.js';
import { DEFAULT_MODEL_DIR } from '../nlp/resources/data-files.js';
import { modelHash } from '../nlp/model/model-file.js';
import { cachedJob, ResultCache } from '../pipeline/cache.js';
import { processFile } from '../pipeline/file-job.js';
import { buildFingerprint } from '../pipeline/fingerprint.js';
import { sha256 } from '../util/hash.js';
import { connect, keys, QUEUE, readMeta, type RunMeta } from './run-meta.js';

export interface QueueWorkerOptions {
  redis: string;
  /** A per-file result cache (the same keys as local runs), or none. */
  cacheDir: string | null;
  /** How long a job may run before a worker that stopped answering loses it (ms). */
  lockMs?: number;
}

/**
 * A queue worker: takes jobs of any run, extracts their files exactly as a local run does (same
 * file jobs, same cache keys) and stores each batch's results in Redis under its batch number, so
 * a retried or duplicated job overwrites instead of adding. A worker killed mid-job loses nothing:
 * its job's lock expires and another worker takes it. Runs until stopped.
 */
/** A running queue worker: close() lets its current job finish, then lets go of Redis. */
export interface QueueWorker {
  close(): Promise<void>;
}

export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const redis = await connect(options.redis);
  const runs = new Map<string, { meta: RunMeta; ctx: NlpContext | null; cache: ResultCache | null }>();
  const ownSalt = (settingsHash: string) => sha256(`${buildFingerprint()}\n${modelHash(DEFAULT_MODEL_DIR)}\n${settingsHash}`);

  const processor = async (job: Job<{ runId: string; batch: number }>) => {
    const { runId, batch } = job.data;
    let run = runs.get(runId);
    if (!run) {
      const meta = await readMeta(redis, runId);
      if (ownSalt(meta.settingsHash) !== meta.salt) throw new UnrecoverableError('this worker runs another presslens build or model than the run was enqueued with');
      run = { meta, ctx: null, cache: options.cacheDir ? new ResultCache(options.cacheDir, meta.salt) : null };
      runs.set(runId, run);
    }
    const { meta } = run;
    const files = meta.files.slice(batch * meta.batchSize, (batch + 1) * meta.batchSize);
    const context = () => (run!.ctx ??= createContext({ codebook: compileCodebook(meta.codebook), aliases: compileAliases(meta.aliases) }));
    const outputs = files.map((f) => cachedJob(f, meta.jobSettings.maxBytes, run!.cache, () => processFile(f, meta.jobSettings, context())));
    await redis.hset(keys(runId).results, String(batch), JSON.stringify(outputs.map((o) => ({ result: o.result, key: null }))));
    return { files: files.length };
  };

  const lock = options.lockMs ?? 30_000;
  const connection = await connect(options.redis);
  const worker = new Worker(QUEUE, processor, { connection, concurrency: 1, lockDuration: lock, stalledInterval: lock, maxStalledCount: 3 });
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
