import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { InputFile } from '../ingest/types.js';
import type { FileResult } from './types.js';
import type { WorkerInit, WorkerTask } from './worker.js';

/** Old-generation heap of a worker, in MB: room for the model (~150 MB) and the largest document. */
export const WORKER_HEAP_MB = 384;

export type JobOutput = { result: FileResult; key: string | null };

/** The worker script: next to this module when built; from the build when running TypeScript sources. */
function workerScript(): URL {
  const here = new URL('./worker.js', import.meta.url);
  if (fs.existsSync(fileURLToPath(here))) return here;
  return new URL('../../dist/pipeline/worker.js', import.meta.url);
}

/**
 * A fixed set of worker threads running file jobs. `map` hands out batches as workers free up
 * (at most two batches queued per worker, so memory stays flat) and yields results in input
 * order, which is what makes the output identical whatever the number of workers.
 */
export class WorkerPool {
  private readonly workers: Worker[];

  constructor(size: number, init: WorkerInit) {
    // A bounded old generation makes V8 collect garbage early instead of growing the heap to its
    // default limit, which keeps the memory of a long run flat (documents are bounded by --max-bytes).
    this.workers = Array.from({ length: size }, () => new Worker(workerScript(), { workerData: init, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }));
  }

  async *map(batches: InputFile[][]): AsyncGenerator<JobOutput[]> {
    const results = new Map<number, JobOutput[]>();
    const waiting = new Map<number, () => void>();
    let failure: Error | null = null;
    let next = 0;
    let emitted = 0;
    const idle: Worker[] = [...this.workers];
    const assign = () => {
      while (idle.length && next < batches.length && next - emitted < this.workers.length * 2) {
        const worker = idle.shift()!;
        const task: WorkerTask = { id: next, files: batches[next] };
        next++;
        worker.postMessage(task);
      }
    };
    const onMessage = (worker: Worker) => (msg: { id: number; results: JobOutput[] }) => {
      results.set(msg.id, msg.results);
      idle.push(worker);
      waiting.get(msg.id)?.();
      assign();
    };
    const onError = (error: Error) => {
      failure = error;
      for (const w of waiting.values()) w();
    };
    const listeners = this.workers.map((w) => {
      const m = onMessage(w);
      w.on('message', m);
      w.on('error', onError);
      return [w, m] as const;
    });
    try {
      assign();
      for (; emitted < batches.length; emitted++) {
        if (!results.has(emitted)) await new Promise<void>((resolve) => waiting.set(emitted, resolve));
        if (failure) throw failure;
        waiting.delete(emitted);
        const out = results.get(emitted)!;
        results.delete(emitted);
        assign();
        yield out;
      }
    } finally {
      for (const [w, m] of listeners) {
        w.off('message', m);
        w.off('error', onError);
      }
    }
  }

  /** Every worker's document frequencies (asked once all batches are done). */
  async documentFrequencies(): Promise<Array<{ documents: number; entries: Array<[string, number]> }>> {
    return Promise.all(
      this.workers.map(
        (w) =>
          new Promise<{ documents: number; entries: Array<[string, number]> }>((resolve, reject) => {
            const onMessage = (msg: { df?: { documents: number; entries: Array<[string, number]> } }) => {
              if (!msg.df) return;
              w.off('message', onMessage);
              resolve(msg.df);
            };
            w.on('message', onMessage);
            w.once('error', reject);
            w.postMessage({ df: true });
          }),
      ),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
