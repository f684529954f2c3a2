#!/usr/bin/env node
// npm run bench [-- --corpus DIR] [--limit N] [--compromise-sample N | --compromise-all] [--readme]
//
// Measures presslens end to end (ingest, NLP, every export) as a user runs it (the CLI, in a child
// process), and compromise's people/organisations/places pass on the same documents:
//   1. presslens, 2 workers, no cache: words/s, documents/s, peak RSS;   2. the same with 1 worker;
//   3. outputs of 1 and 2 workers compared byte for byte;
//   4. cache: cold run, warm run, then one document edited (only it is re-extracted);
//   5. scaling: a quarter, a half and all of the documents (time, peak RSS), and the quarter as
//      one JSONL file;
//   6. compromise alone on a systematic sample (every k-th document; --compromise-all for all).
// Default corpus: ../shared/corpora/grimmer-senate-press-releases (18,193 US Senate releases).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PART_BYTES } from '../dist/ingest/parts.js';

const root = new URL('../', import.meta.url).pathname;
const { values: opts } = parseArgs({
  options: {
    corpus: { type: 'string', default: path.join(root, '../shared/corpora/grimmer-senate-press-releases') },
    limit: { type: 'string' },
    'compromise-sample': { type: 'string', default: '1000' },
    'compromise-all': { type: 'boolean', default: false },
    readme: { type: 'boolean', default: false },
  },
});
const cli = path.join(root, 'dist/cli/main.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'presslens-bench-'));
const log = (m) => process.stderr.write(`${m}\n`);
const fmt = (n, d = 0) => Number(n).toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

// The documents: sorted like presslens sorts them, optionally the first N, copied to a scratch
// folder (so that one can be edited, and subsets are real folders).
const all = [];
const walk = (dir, rel = '') => {
  for (const name of fs.readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory()) walk(full, `${rel}${name}/`);
    else if (/\.(txt|md|html?|jsonl?)$/i.test(name)) all.push(`${rel}${name}`);
  }
};
walk(opts.corpus);
const chosen = opts.limit ? all.slice(0, Number(opts.limit)) : all;
const subset = (share, name) => {
  const dir = path.join(work, name);
  const files = chosen.filter((_, i) => i % Math.round(1 / share) === 0);
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(opts.corpus, f), path.join(dir, f));
  }
  return { dir, files };
};
log(`copying ${chosen.length} documents to ${work}`);
const full = subset(1, 'all');

const run = (input, label, extra = [], outName = label) => {
  const stats = path.join(work, `${label}.json`);
  const out = path.join(work, `out-${outName}`);
  const r = spawnSync(process.execPath, [cli, 'extract', input, '--out', out, '--quiet', '--stats', stats, ...extra], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`presslens failed (${r.status}): ${r.stderr}`);
  const s = JSON.parse(fs.readFileSync(stats, 'utf8'));
  log(`${label}: ${fmt(s.seconds, 1)} s, ${fmt(s.words_per_second)} words/s, peak RSS ${fmt(s.max_rss_mb)} MB${s.cached_files ? `, ${s.cached_files} files from the cache` : ''}`);
  return { ...s, out };
};

const w2 = run(full.dir, 'workers-2', ['--workers', '2', '--no-cache']);
const w1 = run(full.dir, 'workers-1', ['--workers', '1', '--no-cache']);
const same = fs.readdirSync(w2.out).filter((f) => f !== 'manifest.json' && !f.startsWith('.')).every((f) => fs.readFileSync(path.join(w2.out, f)).equals(fs.readFileSync(path.join(w1.out, f))));

// The cache as a user meets it: the same output folder (and its default cache), run again.
const cold = run(full.dir, 'cache-cold', ['--workers', '2'], 'incremental');
const warm = run(full.dir, 'cache-warm', ['--workers', '2'], 'incremental');
const edited = path.join(full.dir, full.files[Math.floor(full.files.length / 2)]);
fs.appendFileSync(edited, '\nThis line was added by the benchmark.\n');
const oneEdit = run(full.dir, 'cache-one-edit', ['--workers', '2'], 'incremental');

const quarter = subset(0.25, 'quarter');
const half = subset(0.5, 'half');
const q = run(quarter.dir, 'quarter', ['--workers', '2', '--no-cache']);
const h = run(half.dir, 'half', ['--workers', '2', '--no-cache']);

// The quarter's documents as the records of one JSONL file (id: the path; text: the file read as
// UTF-8), as corpora often come: read in parts, it spreads over both workers.
const dump = path.join(work, 'dump');
fs.mkdirSync(dump);
fs.writeFileSync(path.join(dump, 'quarter.jsonl'), quarter.files.map((f) => `${JSON.stringify({ id: f, text: fs.readFileSync(path.join(quarter.dir, f), 'utf8') })}\n`).join(''));
const dumpBytes = fs.statSync(path.join(dump, 'quarter.jsonl')).size;
const oneFile = run(dump, 'one-jsonl-file', ['--workers', '2', '--no-cache']);

const step = opts['compromise-all'] ? 1 : Math.max(1, Math.floor(chosen.length / Number(opts['compromise-sample'])));
const sample = chosen.filter((_, i) => i % step === 0).map((f) => path.join(opts.corpus, f));
fs.writeFileSync(path.join(work, 'sample.txt'), sample.join('\n'));
log(`compromise on ${sample.length} documents (every ${step}th) ...`);
const cr = spawnSync(process.execPath, [path.join(root, 'scripts/compromise-pass.mjs'), path.join(work, 'sample.txt')], { encoding: 'utf8', cwd: root });
const comp = JSON.parse(cr.stdout);

const table = [
  `Machine: ${os.cpus().length} cores (${os.cpus()[0].model.trim()}), ${fmt(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}. Corpus: ${chosen.length} documents, ${fmt(w2.words)} words (\`npm run bench${opts.limit ? ` -- --limit ${opts.limit}` : ''}\`).`,
  '',
  '| run | documents | wall time | words/s | documents/s | peak RSS | CPU time, all threads | cores busy |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  `| presslens, 2 workers (end to end, every export) | ${fmt(w2.documents)} | ${fmt(w2.seconds, 1)} s | **${fmt(w2.words_per_second)}** | ${fmt(w2.documents_per_second)} | ${fmt(w2.max_rss_mb)} MB | ${fmt(w2.cpu_seconds, 1)} s | ${fmt(w2.cores_used, 2)} |`,
  `| presslens, 1 worker | ${fmt(w1.documents)} | ${fmt(w1.seconds, 1)} s | ${fmt(w1.words_per_second)} | ${fmt(w1.documents_per_second)} | ${fmt(w1.max_rss_mb)} MB | ${fmt(w1.cpu_seconds, 1)} s | ${fmt(w1.cores_used, 2)} |`,
  `| compromise people/organisations/places only, 1 core (${sample.length === chosen.length ? 'all' : `every ${step}th`} document) | ${fmt(comp.documents)} | ${fmt(comp.seconds, 1)} s | ${fmt(comp.words_per_second)} | ${fmt(comp.documents_per_second, 1)} | ${fmt(comp.max_rss_mb)} MB | | 1 |`,
  '',
  `presslens (2 workers) / compromise: **${fmt(w2.words_per_second / comp.words_per_second, 1)}x** the words per second. Speed-up from 1 to 2 workers: **${fmt(w1.seconds / w2.seconds, 2)}x**. Outputs of 1 and 2 workers byte-identical: **${same ? 'yes' : 'NO'}**.`,
  '',
  'Where the wall time goes (pass 1: read and analyse every file in the workers; pass 2: keywords and run-wide acronyms added, documents, mentions and roles written, on the main thread; export: run-wide tables, report, database, manifest):',
  '',
  '| run | discover | pass 1 (analyse) | pass 2 (keywords, acronyms) | export |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...[['2 workers', w2], ['1 worker', w1]].map(([name, r]) => `| ${name} | ${fmt(r.phases_seconds.discover, 1)} s | ${fmt(r.phases_seconds.pass1, 1)} s | ${fmt(r.phases_seconds.pass2, 1)} s | ${fmt(r.phases_seconds.export, 1)} s |`),
  '',
  '| cache | wall time | share of the cold run | files re-extracted |',
  '| --- | ---: | ---: | ---: |',
  `| cold (empty cache) | ${fmt(cold.seconds, 1)} s | 100% | ${fmt(cold.files - cold.cached_files)} |`,
  `| warm (nothing changed: the output is up to date) | ${fmt(warm.seconds, 1)} s | ${fmt((100 * warm.seconds) / cold.seconds, 1)}% | ${fmt(warm.files - warm.cached_files)} |`,
  `| one document edited (the rest from the cache; every output rewritten) | ${fmt(oneEdit.seconds, 1)} s | ${fmt((100 * oneEdit.seconds) / cold.seconds, 1)}% | ${fmt(oneEdit.files - oneEdit.cached_files)} |`,
  '',
  '| share of the corpus | documents | words | wall time | words/s | peak RSS |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...[['1/4', q], ['1/2', h], ['all', w2]].map(([name, s]) => `| ${name} | ${fmt(s.documents)} | ${fmt(s.words)} | ${fmt(s.seconds, 1)} s | ${fmt(s.words_per_second)} | ${fmt(s.max_rss_mb)} MB |`),
  '',
  `Peak RSS grows ${fmt((100 * (w2.max_rss_mb - q.max_rss_mb)) / q.max_rss_mb, 1)}% from a quarter to all of the corpus.`,
  '',
  `The quarter as one JSONL file (${fmt(dumpBytes / 2 ** 20, 1)} MB, ${fmt(oneFile.documents)} records, ${dumpBytes > PART_BYTES ? `read in ${Math.ceil(dumpBytes / PART_BYTES)} parts or so` : 'small enough to be read whole'}; 2 workers): ${fmt(oneFile.seconds, 1)} s, ${fmt(oneFile.words_per_second)} words/s, peak RSS ${fmt(oneFile.max_rss_mb)} MB.`,
].join('\n');
console.log(table);
if (opts.readme) {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  fs.writeFileSync(path.join(root, 'README.md'), readme.replace(/<!-- performance:start -->[\s\S]*?<!-- performance:end -->/, () => `<!-- performance:start -->\n${table}\n<!-- performance:end -->`));
  log('README.md: Performance section updated');
}
fs.rmSync(work, { recursive: true, force: true });
