import { Queue } from 'bullmq';
import { discover } from '../ingest/index.js';
import { buildManifest } from '../export/manifest.js';
import { OUTPUT_FILES } from '../export/index.js';
import { DEFAULT_MODEL_DIR } from '../nlp/resources/data-files.js';
import { modelHash } from '../nlp/model/model-file.js';
import { runSalt } from '../pipeline/run.js';
import type { Settings } from '../settings.js';
import { connect, jobId, keys, QUEUE, type RunMeta } from './run-meta.js';

/** Files per job: enough to amortise the round trips, few enough to spread over workers. */
export const QUEUE_BATCH = 16;

/**
 * Enqueue a run: store what workers and the collector need, and add one job per batch of files.
 * Idempotent: enqueueing the same run again adds no job that exists (job ids are run + batch).
 * The files must be readable by the workers at the same paths (a shared file system).
 */
export async function enqueueRun(inputs: string[], settings: Settings, runId: string, redisUrl: string, followSymlinks = false): Promise<RunMeta> {
  const files = discover(inputs, settings.ignore, followSymlinks);
  const batches = Math.ceil(files.length / QUEUE_BATCH);
  const salt = runSalt(settings);
  const base = buildManifest({ inputsGiven: inputs, settings, modelHash: modelHash(DEFAULT_MODEL_DIR), counts: {} as never, inputs: [], files: [...OUTPUT_FILES], outputs: {}, runSalt: salt, startedAt: new Date(0), finishedAt: new Date(0) });
  const { started_at: _s, finished_at: _f, duration_ms: _d, counts: _c, inputs: _i, outputs: _o, ...manifestBase } = base;
  const meta: RunMeta = {
    runId,
    files,
    batchSize: QUEUE_BATCH,
    batches,
    codebook: settings.codebook.codebook,
    aliases: settings.aliases,
    jobSettings: { maxBytes: settings.maxBytes, publisherFromPath: settings.publisherFromPath },
    keywords: settings.keywords,
    themes: settings.codebook.themes.map((t) => ({ id: t.id, label: t.label })),
    salt,
    settingsHash: settings.hash,
    manifestBase,
  };
  const redis = await connect(redisUrl);
  const queue = new Queue(QUEUE, { connection: redis });
  try {
    await redis.set(keys(runId).meta, JSON.stringify(meta));
    const jobs = Array.from({ length: batches }, (_, batch) => ({
      name: 'extract',
      data: { runId, batch },
      opts: { jobId: jobId(runId, batch), attempts: 3, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: false },
    }));
    for (let i = 0; i < jobs.length; i += 500) await queue.addBulk(jobs.slice(i, i + 500));
  } finally {
    await queue.close();
    redis.disconnect();
  }
  return meta;
}
