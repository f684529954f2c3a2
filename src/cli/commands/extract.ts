import fs from 'node:fs';
import path from 'node:path';
import { progressBar } from '../progress.js';
import { extractToDirectory } from '../../api.js';
import type { Command } from '../command.js';
import { inputAndSettingErrors, OPTIONS, outputErrors, settingOptions } from '../options.js';
import { OUTPUT_FILES } from '../../export/index.js';
import { besideOutputPrefix, DEFAULT_CACHE_NAME } from '../../export/output-dir.js';
import { parseShard, SHARD_FILE } from '../../pipeline/shards.js';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** Names a run writes at the top of its output folder: a --stats file there would be overwritten or would overwrite. */
const RUN_NAMES = [...OUTPUT_FILES, SHARD_FILE, DEFAULT_CACHE_NAME];

/** An absolute path with symbolic links resolved, also when its last parts do not exist yet. */
function realPath(p: string): string {
  const tail: string[] = [];
  for (let head = path.resolve(p); ; head = path.dirname(head)) {
    try {
      return path.join(fs.realpathSync(head), ...tail);
    } catch {
      if (path.dirname(head) === head) return path.resolve(p);
      tail.unshift(path.basename(head));
    }
  }
}

/** Does `rel`, a path.relative() result, name something inside the folder it was taken from? */
const isInside = (rel: string) => rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);

/** Why the --stats file cannot be written, or null: checked before the run, so that it never fails after the output is in place. */
function cannotWrite(file: string, out: string, cache: string | null): string | null {
  if (/[\\/]$/.test(file)) return `${file} ends in a path separator; name a file`;
  const target = realPath(file);
  const outDir = realPath(out);
  const fromOut = path.relative(outDir, target);
  if (fromOut === '' || isInside(path.relative(target, outDir))) return `${file} is the output folder or holds it`;
  const insideOut = isInside(fromOut);
  // The run replaces the output folder as a whole: only a new name at its top survives the swap.
  const runNames = new Set(RUN_NAMES);
  const fromOutToCache = cache ? path.relative(outDir, realPath(cache)) : '';
  if (isInside(fromOutToCache)) runNames.add(fromOutToCache.split(path.sep)[0]);
  const runsBeside = path.dirname(target) === path.dirname(outDir) && path.basename(target).startsWith(besideOutputPrefix(outDir));
  if ((insideOut && (fromOut.includes(path.sep) || runNames.has(fromOut))) || runsBeside) {
    return `${file} is a file the run writes, or lies in a folder the run replaces; name a file beside the outputs or outside ${out}`;
  }
  try {
    if (fs.statSync(file).isDirectory()) return `${file} is a folder`;
    fs.accessSync(file, fs.constants.W_OK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return `${file} is not writable`;
    // A new file: its folder decides.
  }
  // The output folder exists once the run has written it.
  if (insideOut) return null;
  const dir = path.dirname(target);
  try {
    if (!fs.statSync(dir).isDirectory()) return `${dir} is not a folder`;
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    return `cannot write into ${dir} (it does not exist or is not writable)`;
  }
  return null;
}

export const extractCommand: Command = {
  name: 'extract',
  summary: 'Extract people, organisations, places, themes and keywords into datasets',
  usage: 'presslens extract [INPUT...] [--out DIR] [--config FILE]\n\nINPUT: files or folders (default: corpus). Folders are read recursively: .txt .md .html .htm .json .jsonl',
  options: [
    OPTIONS.out,
    OPTIONS.config,
    OPTIONS.codebook,
    OPTIONS.aliases,
    { name: 'keywords', type: 'number', value: 'N', min: 0, description: 'Keywords per document (default 10)' },
    { name: 'max-bytes', type: 'number', value: 'N', min: 1, description: 'Refuse input files larger than N bytes (default 10485760); in JSONL files, lines' },
    { name: 'ignore', type: 'string', value: 'GLOB', multiple: true, description: 'Skip input files matching GLOB (repeatable)' },
    { name: 'follow-symlinks', type: 'boolean', description: 'Follow symbolic links, also out of the input folders (default: report them)' },
    { name: 'publisher-from-path', type: 'boolean', description: 'Use the first folder of a document\'s path as its publisher when it names none' },
    { name: 'workers', type: 'number', value: 'N', min: 0, description: 'Worker threads (0: none, all in one thread); default: the number of cores' },
    { name: 'cache', type: 'string', value: 'DIR', description: 'Cache of per-file results (default: OUT/.cache); --no-cache for none' },
    { name: 'no-cache', type: 'boolean', description: 'Do not read or write the cache' },
    { name: 'shard', type: 'string', value: 'I/N', description: 'Take only slice I of N of the inputs (for array jobs); combine the N outputs with "presslens merge"' },
    { name: 'stats', type: 'string', value: 'FILE', description: 'Also write run statistics as JSON (time, words, peak memory, CPU time, seconds per phase), for benchmarks' },
    OPTIONS.quiet,
  ],
  validate(args) {
    const errors = outputErrors(args);
    if (args.options.cache && args.options['no-cache']) errors.push('--cache and --no-cache exclude each other');
    if (args.options.shard !== undefined && !parseShard(String(args.options.shard))) errors.push(`--shard expects I/N with 1 <= I <= N, e.g. 2/3, got "${args.options.shard}"`);
    const stats = args.options.stats === undefined ? null : cannotWrite(String(args.options.stats), String(args.options.out), args.options['no-cache'] ? null : ((args.options.cache as string | undefined) ?? null));
    if (stats) errors.push(`--stats: ${stats}`);
    // Missing inputs and bad config, codebook or aliases files go in the same message as the options.
    return [...errors, ...inputAndSettingErrors(args)];
  },
  async run(args, io) {
    const inputs = args.positionals.length ? args.positionals : ['corpus'];
    const out = String(args.options.out);
    const started = performance.now();
    const bar = !args.options.quiet && io.interactive ? progressBar(io.stderr) : null;
    const result = await extractToDirectory(inputs, out, {
      workers: args.options.workers as number | undefined,
      cache: args.options['no-cache'] ? false : (args.options.cache as string | undefined),
      onProgress: bar ? (p) => bar.update(p) : undefined,
      signal: io.signal,
      followSymlinks: args.options['follow-symlinks'] as boolean | undefined,
      shard: args.options.shard ? parseShard(String(args.options.shard))! : undefined,
      ...settingOptions(args),
    });
    bar?.done();
    const c = result.counts;
    const seconds = (performance.now() - started) / 1000;
    if (args.options.stats) {
      // CPU time of every thread of the process (workers, database thread, V8's compiler and
      // collector threads): divided by the wall time, how many cores the run kept busy.
      const cpu = process.cpuUsage();
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      const stats = { seconds, files: c.files, documents: c.documents, words: c.words, cached_files: result.cachedFiles, words_per_second: c.words / seconds, documents_per_second: c.documents / seconds, max_rss_mb: process.resourceUsage().maxRSS / 1024, cpu_seconds: cpuSeconds, cores_used: cpuSeconds / seconds, phases_seconds: result.phases ?? null };
      fs.writeFileSync(String(args.options.stats), JSON.stringify(stats, null, 2) + '\n');
    }
    if (!args.options.quiet) {
      const themes = Object.entries(c.themes).map(([t, n]) => `${t} ${n}`).join(', ') || 'none';
      io.stdout(
        [
          `presslens: ${fmt(c.documents)} documents (${fmt(c.words)} words) from ${fmt(c.files)} files in ${seconds.toFixed(1)} s (${fmt(c.words / seconds)} words/s${result.upToDate ? '; output already up to date' : result.cachedFiles ? `; ${fmt(result.cachedFiles)} files from the cache` : ''})`,
          `  entities: ${fmt(c.entities.PERSON)} people, ${fmt(c.entities.ORGANIZATION)} organisations, ${fmt(c.entities.LOCATION)} places (${fmt(c.mentions)} mentions)`,
          `  themes:   ${themes}`,
          `  problems: ${c.problems.fatal} fatal, ${c.problems.warning} warnings, ${c.problems.info} info${c.problems.fatal + c.problems.warning + c.problems.info ? ` (see ${path.join(out, 'problems.csv')})` : ''}`,
          `  output:   ${out}${path.sep}`,
        ].join('\n') + '\n',
      );
    }
    return c.problems.fatal > 0 ? 1 : 0;
  },
};
