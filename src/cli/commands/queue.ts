import { resolveSettings } from '../../settings.js';
import { countFiles } from '../../ingest/parts.js';
import { enqueueRun } from '../../queue/enqueue.js';
import { startQueueWorker } from '../../queue/worker.js';
import { collectRun, runStatus } from '../../queue/collect.js';
import { shownUrl, validateRunId } from '../../queue/run-meta.js';
import type { OptionSpec } from '../args.js';
import type { Command } from '../command.js';
import { inputAndSettingErrors, OPTIONS, outputErrors, settingOptions } from '../options.js';

const redis: OptionSpec = { name: 'redis', type: 'string', value: 'URL', description: 'Redis server, e.g. redis://127.0.0.1:6379', default: 'redis://127.0.0.1:6379' };
const run: OptionSpec = { name: 'run', type: 'string', value: 'ID', description: 'Run id (letters, digits, . _ -)' };
const needRun = (args: { options: Record<string, unknown> }) => (args.options.run ? validateRunId(String(args.options.run)) : ['--run ID is required']);

export const enqueueCommand: Command = {
  name: 'enqueue',
  summary: 'Queue a run on Redis (BullMQ): one job per batch of input files',
  usage: 'presslens enqueue [INPUT...] --run ID [--redis URL] [--config FILE] [--codebook FILE] [--aliases FILE]\n\nWorkers ("presslens worker") must see the input files at the same paths.',
  options: [
    redis,
    run,
    OPTIONS.config,
    OPTIONS.codebook,
    OPTIONS.aliases,
    { name: 'keywords', type: 'number', value: 'N', min: 0, description: 'Keywords per document (default 10)' },
    { name: 'max-bytes', type: 'number', value: 'N', min: 1, description: 'Refuse input files larger than N bytes; in JSONL files, lines' },
    { name: 'publisher-from-path', type: 'boolean', description: 'As for extract' },
    { name: 'ignore', type: 'string', value: 'GLOB', multiple: true, description: 'Skip input files matching GLOB (repeatable), as for extract' },
    { name: 'follow-symlinks', type: 'boolean', description: 'Follow symbolic links, as for extract' },
  ],
  // Everything extract checks of inputs and settings before a run, in one message.
  validate: (args) => [...needRun(args), ...inputAndSettingErrors(args)],
  async run(args, io) {
    const inputs = args.positionals.length ? args.positionals : ['corpus'];
    const settings = resolveSettings(settingOptions(args));
    const { meta, added, retried } = await enqueueRun(inputs, settings, String(args.options.run), String(args.options.redis), args.options['follow-symlinks'] as boolean | undefined);
    io.stdout(`presslens: run ${meta.runId} (generation ${meta.generation.slice(0, 8)}): ${countFiles(meta.files)} files in ${meta.batches} jobs on ${shownUrl(String(args.options.redis))}; ${added} added, ${retried} failed ones queued again, the rest already queued or done\n`);
    return 0;
  },
};

export const workerCommand: Command = {
  name: 'worker',
  summary: 'Work on queued runs (BullMQ on Redis) until stopped',
  usage: 'presslens worker [--redis URL] [--cache DIR]',
  options: [
    redis,
    { name: 'cache', type: 'string', value: 'DIR', description: 'Per-file result cache, shared keys with local runs (default: none)' },
    { name: 'lock-ms', type: 'number', value: 'MS', min: 1000, description: 'How long a job is held by a worker that stops answering (default 30000)' },
  ],
  async run(args, io) {
    const worker = await startQueueWorker({ redis: String(args.options.redis), cacheDir: (args.options.cache as string | undefined) ?? null, lockMs: args.options['lock-ms'] as number | undefined, log: (m) => io.stderr(`${m}\n`) });
    io.stderr(`presslens worker: waiting for jobs on ${shownUrl(String(args.options.redis))}\n`);
    await new Promise<void>((resolve) => {
      if (io.signal?.aborted) resolve();
      io.signal?.addEventListener('abort', () => resolve());
    });
    await worker.close();
    return 0;
  },
};

export const collectCommand: Command = {
  name: 'collect',
  summary: 'Write the output of a queued run once all its jobs are done (the files a local run writes)',
  usage: 'presslens collect --run ID [--redis URL] [--out DIR]',
  options: [redis, run, OPTIONS.out, OPTIONS.quiet],
  // The output folder is checked before the wait, not after it.
  validate: (args) => [...needRun(args), ...outputErrors(args)],
  async run(args, io) {
    const { manifest } = await collectRun(String(args.options.redis), String(args.options.run), String(args.options.out), {
      signal: io.signal,
      onWait: args.options.quiet ? undefined : (s) => io.interactive && io.stderr(`\rwaiting: ${s.done}/${s.batches} jobs done, ${s.failed} failed, ${s.active} running   `),
    });
    if (!args.options.quiet) io.stdout(`presslens: run ${args.options.run}: ${manifest.counts.documents} documents from ${manifest.counts.files} files written to ${args.options.out}\n`);
    return manifest.counts.problems.fatal > 0 ? 1 : 0;
  },
};

export const statusCommand: Command = {
  name: 'status',
  summary: 'Show how far a queued run has come',
  usage: 'presslens status --run ID [--redis URL] [--json]',
  options: [redis, run, OPTIONS.json],
  validate: needRun,
  async run(args, io) {
    const { failures, ...s } = await runStatus(String(args.options.redis), String(args.options.run));
    if (args.options.json) io.stdout(JSON.stringify({ ...s, failures: Object.fromEntries(failures) }, null, 2) + '\n');
    else io.stdout(`run ${s.runId}: ${s.done}/${s.batches} jobs done (${s.batches ? Math.round((100 * s.done) / s.batches) : 100}%), ${s.failed} failed, ${s.active} running, ${s.waiting} waiting; ${s.files} files\n${[...failures].map(([b, r]) => `  job ${b} failed: ${r}\n`).join('')}`);
    return 0;
  },
};
