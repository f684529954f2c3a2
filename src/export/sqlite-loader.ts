import { Worker } from 'node:worker_threads';
import { PresslensError } from '../util/errors.js';
import type { CsvTable } from '../schema/tables.js';
import { workerScript } from '../util/worker-script.js';
import type { SqliteMessage, SqliteThreadInit } from './sqlite-thread.js';

/**
 * Characters sent to the database thread and not yet inserted, beyond which the run waits for it:
 * the thread keeps up with the run as a rule, and this bound keeps memory flat when it does not.
 */
const MAX_PENDING = 8 << 20;
/** A thread that makes no progress for this long is taken for dead (its exit is reported at finish). */
const STALL_MS = 60_000;

const failed = (message: string) => new PresslensError('E_OUTPUT', `Cannot write presslens.sqlite: ${message}`);

/**
 * Builds presslens.sqlite in a thread of its own while the run goes on: the CSV writers hand it
 * each chunk they write, so by the time the last table is written most rows are already in the
 * database, instead of every table being read back and parsed at the end. Chunks of a table
 * arrive in the order written, so the database is the same whatever the timing.
 */
export class SqliteLoader {
  private readonly worker: Worker;
  private readonly pending: Int32Array;
  private readonly headerSent = new Set<CsvTable>();
  private readonly result: Promise<Record<string, number>>;
  /** The thread stopped or stalled: nothing more is sent, and finish() rejects. */
  private dead = false;

  constructor(
    file: string,
    private readonly stallMs = STALL_MS,
  ) {
    const init: SqliteThreadInit = { file, shared: new SharedArrayBuffer(8) };
    this.pending = new Int32Array(init.shared);
    this.worker = new Worker(workerScript('./sqlite-thread.js', import.meta.url), { workerData: init });
    // A loader that is never finished (an error elsewhere) must not keep the process alive;
    // finish() holds the process open again while it waits.
    this.worker.unref();
    this.result = new Promise((resolve, reject) => {
      this.worker.on('message', (m: { counts?: Record<string, number>; error?: string }) => (m.counts ? resolve(m.counts) : reject(failed(m.error ?? 'unknown error'))));
      this.worker.on('error', (error) => {
        this.dead = true;
        reject(failed(error.message));
      });
      this.worker.on('exit', (code) => {
        this.dead = true;
        reject(failed(`its thread stopped (exit code ${code})`));
      });
    });
    // Rejections are reported by finish(); until then none is unhandled.
    this.result.catch(() => undefined);
  }

  /** Whole CSV records of `table`, in file order; its first chunk starts with the header line. */
  add(table: CsvTable, csv: string): void {
    this.waitForRoom();
    if (this.dead) return;
    const header = !this.headerSent.has(table);
    this.headerSent.add(table);
    Atomics.add(this.pending, 0, csv.length);
    this.worker.postMessage({ table, csv, header } satisfies SqliteMessage);
  }

  private waitForRoom(): void {
    let stalledSince = Date.now();
    let last = Atomics.load(this.pending, 0);
    while (!this.dead && last > MAX_PENDING && !Atomics.load(this.pending, 1)) {
      Atomics.wait(this.pending, 0, last, Math.min(1000, this.stallMs));
      const now = Atomics.load(this.pending, 0);
      if (now !== last) stalledSince = Date.now();
      // A thread that died (out of memory, say) never catches up; its exit event cannot arrive
      // while this thread waits, so it is taken for dead here, once and for all.
      else if (Date.now() - stalledSince >= this.stallMs) this.dead = true;
      last = now;
    }
  }

  /** Index, check and commit the database once every table is sent; rows per table. */
  async finish(): Promise<Record<string, number>> {
    // Referenced while waiting, so that a thread dying now is reported, not an empty event loop.
    this.worker.ref();
    // A stalled thread is stopped: its exit rejects the result.
    if (this.dead) void this.worker.terminate();
    else this.worker.postMessage({ finish: true } satisfies SqliteMessage);
    try {
      return await this.result;
    } finally {
      await this.worker.terminate();
    }
  }

  /** Stop the thread (the run failed); its half-written file goes with the staging folder. */
  abandon(): void {
    void this.worker.terminate();
  }
}
