import fs from 'node:fs';
import { Queue } from 'bullmq';
import { discover } from '../ingest/index.js';
import { splitIntoParts } from '../ingest/parts.js';
import { buildManifest } from '../export/manifest.js';
import { OUTPUT_FILES } from '../export/index.js';
import { DEFAULT_MODEL_DIR } from '../nlp/resources/data-files.js';
import { modelHash } from '../nlp/model/model-file.js';
import { runSalt } from '../pipeline/run.js';
import type { Settings } from '../settings.js';
import { sha256 } from '../util/hash.js';
import { connect, jobId, keys, ownQueue, type RunMeta } from './run-meta.js';

/** Files per job: enough to amortise the round trips, few enough to spread over workers. */
export const QUEUE_BATCH = 16;

/** What a file is now, as far as a run can tell without reading it: its size and modification time. */
function fileState(absPath: string): string {
  try {
    const stat = fs.statSync(absPath);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'unreadable';
  }
}

export interface Enqueued {
  meta: RunMeta;
  /** Jobs added (new), and failed ones sent back to the queue. */
  added: number;
  retried: number;
}

/**
 * Enqueue a run: store what workers and the collector need, and add one job per batch of files.
 * Enqueueing the same run again with nothing changed adds no job (the generation is the same;
 * batches stored or queued are left alone) and sends batches that failed for good back to the
 * queue. With a file or a setting changed it starts a new generation: the old one's details and
 * results are dropped, its waiting jobs removed, and workers skip any of its jobs still running.
 * The files must be readable by the workers at the same paths (a shared file system).
 */
export async function enqueueRun(inputs: string[], settings: Settings, runId: string, redisUrl: string, followSymlinks = false): Promise<Enqueued> {
  // A large JSONL file goes as its parts, as in a local run (ingest/parts.ts).
  const files = discover(inputs, settings.ignore, followSymlinks).flatMap((f) => splitIntoParts(f, settings.maxBytes));
  const batches = Math.ceil(files.length / QUEUE_BATCH);
  const salt = runSalt(settings);
  const base = buildManifest({ inputsGiven: inputs, settings, modelHash: modelHash(DEFAULT_MODEL_DIR), counts: {} as never, inputs: [], files: [...OUTPUT_FILES], outputs: {}, runSalt: salt, startedAt: new Date(0), finishedAt: new Date(0) });
  const { started_at: _s, finished_at: _f, duration_ms: _d, counts: _c, inputs: _i, outputs: _o, ...manifestBase } = base;
  const details: Omit<RunMeta, 'generation'> = {
    runId,
    queue: ownQueue(),
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
  const generation = sha256(JSON.stringify({ details, states: files.map((f) => fileState(f.absPath)) })).slice(0, 32);
  const meta: RunMeta = { ...details, generation };
  const redis = await connect(redisUrl);
  const queue = new Queue(meta.queue, { connection: redis });
  try {
    const previous = await redis.get(keys(runId).current);
    if (previous !== generation) {
      // The new generation's details first, then the pointer to it: a reader never finds the
      // pointer without its details.
      await redis.set(keys(runId, generation).meta, JSON.stringify(meta));
      await redis.set(keys(runId).current, generation);
      if (previous) await dropGeneration(redis, runId, previous);
    }
    const stored = new Set((await redis.hkeys(keys(runId, generation).results)).map(Number));
    const jobs = [];
    let retried = 0;
    for (let batch = 0; batch < batches; batch++) {
      if (stored.has(batch)) continue;
      const job = await queue.getJob(jobId(runId, generation, batch));
      if (!job) {
        jobs.push({
          name: 'extract',
          data: { runId, generation, batch },
          opts: { jobId: jobId(runId, generation, batch), attempts: 3, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: false },
        });
      } else if ((await job.getState()) === 'failed') {
        await job.retry();
        retried++;
      }
    }
    for (let i = 0; i < jobs.length; i += 500) await queue.addBulk(jobs.slice(i, i + 500));
    return { meta, added: jobs.length, retried };
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

/** Remove an earlier generation of a run: its details, its results, and its jobs not yet taken. */
async function dropGeneration(redis: Awaited<ReturnType<typeof connect>>, runId: string, generation: string): Promise<void> {
  const raw = await redis.get(keys(runId, generation).meta);
  if (raw) {
    const old = JSON.parse(raw) as RunMeta;
    const queue = new Queue(old.queue, { connection: redis });
    try {
      for (let batch = 0; batch < old.batches; batch++) {
        const job = await queue.getJob(jobId(runId, generation, batch));
        const state = job ? await job.getState() : null;
        if (job && (state === 'waiting' || state === 'delayed' || state === 'failed' || state === 'prioritized')) await job.remove();
      }
    } finally {
      await queue.close();
    }
  }
  await redis.del(keys(runId, generation).meta, keys(runId, generation).results);
}
