import { Worker } from 'node:worker_threads';
import type { InputFile } from '../ingest/types.js';
import type { FileResult } from './types.js';
import { failedJob } from './job-result.js';
import type { WorkerInit } from './worker.js';
import { workerScript } from '../util/worker-script.js';

/** Old-generation heap of a worker, in MB: room for the model (~150 MB) and a large document. */
export const WORKER_HEAP_MB = 384;

export type JobOutput = { result: FileResult; key: string | null };

/** A unit of work: a whole batch, or (after a crash) one file of a batch. */
interface Unit {
  batch: number;
  /** Index of the file in its batch when the batch was split; null for the whole batch. */
  index: number | null;
  files: InputFile[];
}

/** The result of a file that crashed its worker even on its own. */
function crashed(file: InputFile, error: Error): JobOutput {
  return { key: null, result: failedJob(file, 'E_CRASH', `Processing this file stopped its worker (${error.message}). Lower --max-bytes, or report the file.`) };
}

/**
 * A fixed number of worker threads running file jobs. `map` hands out batches as workers free up
 * (at most two batches queued per worker, so memory stays flat) and yields results in input
 * order, which is what makes the output identical whatever the number of workers. A worker that
 * dies (out of memory on a huge document, say) is replaced; its batch is retried file by file,
 * and a file that kills a worker on its own becomes an E_CRASH problem: the batch goes on.
 */
export class WorkerPool {
  private workers: Worker[];

  constructor(
    private readonly size: number,
    private readonly init: WorkerInit,
  ) {
    this.workers = Array.from({ length: size }, () => this.spawn());
  }

  private spawn(): Worker {
    // A bounded old generation makes V8 collect garbage early instead of growing the heap to its
    // default limit, which keeps the memory of a long run flat.
    return new Worker(workerScript('./worker.js', import.meta.url), { workerData: this.init, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  }

  async *map(batches: InputFile[][], signal?: AbortSignal): AsyncGenerator<JobOutput[]> {
    const results = new Map<number, JobOutput[]>();
    const partial = new Map<number, JobOutput[]>();
    const queue: Unit[] = [];
    let nextBatch = 0;
    let emitted = 0;
    let wake: (() => void) | null = null;
    let failure: Error | null = null;
    const busy = new Map<Worker, Unit>();
    const idle: Worker[] = [...this.workers];

    const done = (unit: Unit, outputs: JobOutput[]) => {
      if (unit.index === null) results.set(unit.batch, outputs);
      else {
        const parts = partial.get(unit.batch)!;
        parts[unit.index] = outputs[0];
        if (parts.filter(Boolean).length === batches[unit.batch].length) {
          results.set(unit.batch, parts);
          partial.delete(unit.batch);
        }
      }
      wake?.();
    };
    const assign = () => {
      while (idle.length) {
        let unit = queue.shift();
        if (!unit && nextBatch < batches.length && nextBatch - emitted < this.size * 2) unit = { batch: nextBatch, index: null, files: batches[nextBatch++] };
        if (!unit) break;
        const worker = idle.shift()!;
        busy.set(worker, unit);
        worker.postMessage({ id: unit.batch, files: unit.files });
      }
    };
    const attach = (worker: Worker) => {
      worker.on('message', (msg: { id?: number; results?: JobOutput[] }) => {
        if (!msg.results) return;
        const unit = busy.get(worker)!;
        busy.delete(worker);
        idle.push(worker);
        done(unit, msg.results);
        assign();
      });
      worker.on('error', (error: Error) => {
        const unit = busy.get(worker);
        busy.delete(worker);
        const replacement = this.spawn();
        this.workers = this.workers.map((w) => (w === worker ? replacement : w));
        attach(replacement);
        idle.push(replacement);
        if (!unit) {
          failure = error;
          wake?.();
          return;
        }
        if (unit.files.length > 1) {
          partial.set(unit.batch, new Array(unit.files.length));
          queue.unshift(...unit.files.map((f, i) => ({ batch: unit.batch, index: i, files: [f] })));
        } else done(unit, [crashed(unit.files[0], error)]);
        assign();
      });
    };
    for (const w of this.workers) attach(w);
    const onAbort = () => wake?.();
    signal?.addEventListener('abort', onAbort);
    try {
      assign();
      while (emitted < batches.length) {
        while (!results.has(emitted) && !failure && !signal?.aborted) await new Promise<void>((resolve) => (wake = resolve));
        if (failure) throw failure;
        if (signal?.aborted) return;
        const out = results.get(emitted)!;
        results.delete(emitted);
        emitted++;
        assign();
        yield out;
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      for (const w of this.workers) w.removeAllListeners('message').removeAllListeners('error');
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
