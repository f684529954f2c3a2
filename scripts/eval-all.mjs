#!/usr/bin/env node
// npm run eval: scores entity extraction on every gold set (corpus/gold and, where present,
// ../shared/eval), prints the table, and writes it into the README's Accuracy section.
//   --no-readme  print only
import fs from 'node:fs';
import { createContext } from '../dist/nlp/index.js';
import { evaluate, parseSkip } from '../dist/eval/score.js';
import { predictGold, readGold } from '../dist/eval/run-gold.js';
import { evaluateThemes } from '../dist/eval/themes.js';

const root = new URL('../', import.meta.url).pathname;
const shared = `${root}../shared/eval`;
const SETS = [
  { name: 'corpus/gold (this repo, 67 press releases)', file: `${root}corpus/gold/gold.jsonl`, view: 'exact', opts: {} },
  { name: 'seed (NATO PA press release)', file: `${shared}/seed.gold.jsonl`, view: 'exact', opts: {} },
  { name: 'WikiGold (145 Wikipedia articles)', file: `${shared}/wikigold.jsonl`, view: 'exact', opts: {} },
  { name: 're3d-dev (50 defence & security documents), names only', file: `${shared}/re3d.dev.jsonl`, view: 'lenient', opts: { skip: [parseSkip('named=false')], trimArticles: true }, flags: ' --skip-gold named=false --trim-articles' },
];
const ctx = createContext();
const pct = (x) => (100 * x).toFixed(1);
const rows = [];
for (const set of SETS) {
  if (!fs.existsSync(set.file)) {
    console.error(`skipped ${set.name}: ${set.file} not found`);
    continue;
  }
  const gold = readGold(set.file);
  const words = gold.reduce((n, g) => n + (g.text.match(/[\p{L}\p{N}]+/gu) ?? []).length, 0);
  // Timed on a second pass over the set: the first one warms up V8's optimising compiler, a cost
  // every long run pays once (seconds of compiling) and a small set would otherwise mostly measure.
  predictGold(gold, ctx);
  const t = performance.now();
  const pred = predictGold(gold, ctx);
  const seconds = (performance.now() - t) / 1000;
  const r = evaluate(gold, pred, set.opts);
  const s = set.view === 'exact' ? 'exactScores' : 'lenientScores';
  const per = (t) => pct(r.byType[t][s].f1);
  rows.push(`| ${set.name} | ${set.view} | ${r.micro.gold} | ${pct(r.micro[s].p)} | ${pct(r.micro[s].r)} | **${pct(r.micro[s].f1)}** | ${per('PERSON')} | ${per('ORGANIZATION')} | ${per('LOCATION')} | ${Math.round(words / seconds / 1000)}k |`);
  console.log(`${set.name}: ${set.view} P ${pct(r.micro[s].p)} R ${pct(r.micro[s].r)} F1 ${pct(r.micro[s].f1)} (exact F1 ${pct(r.micro.exactScores.f1)}, lenient F1 ${pct(r.micro.lenientScores.f1)}); ${Math.round(words / seconds)} words/s`);
}
const table = [
  '| gold set | view | gold mentions | P | R | F1 | PER F1 | ORG F1 | LOC F1 | words/s (1 core) |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows,
].join('\n');
console.log(`\n${table}`);

// Themes: document-level precision and recall on corpus/gold (and any other gold set with meta.themes).
const themeGold = readGold(`${root}corpus/gold/gold.jsonl`);
const tr = evaluateThemes(themeGold, ctx);
const positives = (id) => themeGold.filter((g) => g.meta.themes.includes(id)).length;
const themeTable = [
  `Codebook ${ctx.codebook.name} ${ctx.codebook.version}, document-level, on corpus/gold (${tr.docs} documents; \`presslens eval --themes --gold corpus/gold/gold.jsonl\`).`,
  '',
  '| theme | gold documents | coded | P | R | F1 |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...tr.themes.map((t) => `| \`${t.theme}\` | ${positives(t.theme)} | ${t.tp + t.fp} | ${pct(t.p)} | ${pct(t.r)} | ${pct(t.f1)} |`),
  `| **micro** | ${tr.micro.tp + tr.micro.fn} | ${tr.micro.tp + tr.micro.fp} | **${pct(tr.micro.p)}** | **${pct(tr.micro.r)}** | **${pct(tr.micro.f1)}** |`,
].join('\n');
console.log(`\n${themeTable}`);

const replaceSection = (readme, name, body) => {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  return readme.includes(start) && readme.includes(end) ? readme.replace(new RegExp(`${start}[\\s\\S]*?${end}`), () => `${start}\n${body}\n${end}`) : readme;
};
if (!process.argv.includes('--no-readme')) {
  const readme = fs.readFileSync(`${root}README.md`, 'utf8');
  fs.writeFileSync(`${root}README.md`, replaceSection(replaceSection(readme, 'accuracy', table), 'themes', themeTable));
  console.log('README.md: Accuracy and Themes tables updated');
}
