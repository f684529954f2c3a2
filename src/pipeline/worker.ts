import { parentPort, workerData } from 'node:worker_threads';
import { compileCodebook } from '../nlp/codebook.js';
import { createContext, type NlpContext } from '../nlp/index.js';
import type { Codebook } from '../schema/codebook.js';
import type { AliasFile } from '../schema/aliases.js';
import { compileAliases } from '../nlp/aliases.js';
import type { InputFile } from '../ingest/types.js';
import { cachedJob, ResultCache } from './cache.js';
import { processFile, type JobSettings } from './file-job.js';
import { collectGarbage } from './gc.js';

/** What the pool hands every worker at start (plain data). */
export interface WorkerInit {
  codebook: Codebook;
  aliases: AliasFile;
  settings: JobSettings;
  cacheDir: string | null;
  cacheSalt: string;
}

export interface WorkerTask {
  id: number;
  files: InputFile[];
}

// A worker thread: loads the model and codebook once, then runs file jobs as they come.
// The model loads on the first cache miss: a run over an unchanged corpus never loads it.
const init = workerData as WorkerInit;
let ctx: NlpContext | null = null;
const context = () => (ctx ??= createContext({ codebook: compileCodebook(init.codebook), aliases: compileAliases(init.aliases) }));
const cache = init.cacheDir ? new ResultCache(init.cacheDir, init.cacheSalt) : null;
// Collect garbage now and then (see gc.ts): a worker's memory then stays near what is alive.
const GC_EVERY_FILES = 2000;
let files = 0;
parentPort!.on('message', (task: WorkerTask) => {
  const results = task.files.map((f) => cachedJob(f, init.settings.maxBytes, cache, () => processFile(f, init.settings, context())));
  parentPort!.postMessage({ id: task.id, results });
  files += task.files.length;
  if (files >= GC_EVERY_FILES) {
    files = 0;
    collectGarbage();
  }
});
