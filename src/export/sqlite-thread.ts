import { parentPort, workerData } from 'node:worker_threads';
import type { CsvTable } from '../schema/tables.js';
import { SqliteBuilder } from './sqlite.js';
import { collectGarbage } from '../pipeline/gc.js';

/** What SqliteLoader hands the thread at start. */
export interface SqliteThreadInit {
  file: string;
  /** Shared with the loader: [characters sent but not yet inserted, 1 once the thread has failed]. */
  shared: SharedArrayBuffer;
}

export type SqliteMessage = { table: CsvTable; csv: string; header: boolean } | { finish: true };

// The database thread: inserts CSV chunks as the run writes them, then indexes and commits.
// After a failure it only drains what it is sent, and reports the failure when asked to finish.
const init = workerData as SqliteThreadInit;
const pending = new Int32Array(init.shared);
let builder: SqliteBuilder | null = null;
let failure: string | null = null;
// Parsed rows are garbage once inserted; collecting now and then keeps this thread's memory at
// what is alive instead of letting its heap grow towards V8's default limit (see gc.ts).
const GC_EVERY_CHARS = 32 << 20;
let charsSinceGc = 0;
const fail = (error: unknown) => {
  failure ??= (error as Error).message;
  Atomics.store(pending, 1, 1);
  builder?.close();
};
try {
  builder = new SqliteBuilder(init.file);
} catch (error) {
  fail(error);
}
parentPort!.on('message', (msg: SqliteMessage) => {
  if ('finish' in msg) {
    if (!failure) {
      try {
        parentPort!.postMessage({ counts: builder!.finish() });
        return;
      } catch (error) {
        fail(error);
      }
    }
    parentPort!.postMessage({ error: failure });
    return;
  }
  try {
    if (!failure) builder!.add(msg.table, msg.csv, msg.header);
  } catch (error) {
    fail(error);
  } finally {
    Atomics.sub(pending, 0, msg.csv.length);
    Atomics.notify(pending, 0);
    charsSinceGc += msg.csv.length;
    if (charsSinceGc >= GC_EVERY_CHARS) {
      charsSinceGc = 0;
      collectGarbage();
    }
  }
});
