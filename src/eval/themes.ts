import { analyze, type NlpContext } from '../nlp/index.js';
import { goldDocument } from './run-gold.js';
import { prf, type GoldDoc, type PRF } from './score.js';

export interface ThemeRow extends PRF {
  theme: string;
  tp: number;
  fp: number;
  fn: number;
  /** Documents coded with the theme but not in gold, and missed ones. */
  falsePositives: string[];
  falseNegatives: string[];
}

export interface ThemeEvalResult {
  docs: number;
  themes: ThemeRow[];
  micro: PRF & { tp: number; fp: number; fn: number };
  macroF1: number;
  /** For false positives: which gold themes those documents had instead (theme -> gold theme -> n). */
  confusion: Record<string, Record<string, number>>;
}

/**
 * Document-level theme evaluation: run the extraction on each gold document's text and compare
 * the assigned themes with meta.themes, per theme of the codebook.
 */
export function evaluateThemes(golds: GoldDoc[], ctx: NlpContext): ThemeEvalResult {
  const ids = ctx.codebook.themes.map((t) => t.id);
  const rows = new Map<string, ThemeRow>(ids.map((id) => [id, { theme: id, tp: 0, fp: 0, fn: 0, p: 0, r: 0, f1: 0, falsePositives: [], falseNegatives: [] }]));
  const confusion: ThemeEvalResult['confusion'] = {};
  const labelled = golds.filter((g) => Array.isArray((g.meta as { themes?: unknown })?.themes));
  for (const g of labelled) {
    const gold = new Set((g.meta as { themes: string[] }).themes);
    const got = new Set((analyze(goldDocument(g), ctx).themes ?? []).map((t) => t.id));
    for (const id of ids) {
      const row = rows.get(id)!;
      if (gold.has(id) && got.has(id)) row.tp++;
      else if (got.has(id)) {
        row.fp++;
        row.falsePositives.push(g.id);
        confusion[id] ??= {};
        for (const other of gold.size ? gold : new Set(['(none)'])) confusion[id][other] = (confusion[id][other] ?? 0) + 1;
      } else if (gold.has(id)) {
        row.fn++;
        row.falseNegatives.push(g.id);
      }
    }
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const themes = [...rows.values()].map((r) => {
    tp += r.tp;
    fp += r.fp;
    fn += r.fn;
    return { ...r, ...prf(r.tp, r.tp + r.fp, r.tp + r.fn) };
  });
  const withGold = themes.filter((r) => r.tp + r.fn > 0);
  return {
    docs: labelled.length,
    themes,
    micro: { tp, fp, fn, ...prf(tp, tp + fp, tp + fn) },
    macroF1: withGold.length ? withGold.reduce((s, r) => s + r.f1, 0) / withGold.length : 0,
    confusion,
  };
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

export function formatThemeResult(r: ThemeEvalResult, title = ''): string {
  const w = Math.max(12, ...r.themes.map((t) => t.theme.length));
  const lines = title ? [title] : [];
  lines.push(`${'theme'.padEnd(w)}  ${'gold'.padStart(4)} ${'pred'.padStart(4)}   ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)}`);
  const row = (name: string, t: { tp: number; fp: number; fn: number } & PRF) => `${name.padEnd(w)}  ${String(t.tp + t.fn).padStart(4)} ${String(t.tp + t.fp).padStart(4)}   ${pct(t.p)} ${pct(t.r)} ${pct(t.f1)}`;
  for (const t of r.themes) lines.push(row(t.theme, t));
  lines.push(row('micro', r.micro));
  lines.push(`${'macro F1'.padEnd(w)}  ${''.padStart(9)}   ${''.padStart(11)} ${pct(r.macroF1)}`);
  const errors = r.themes.filter((t) => t.fp || t.fn);
  if (errors.length) {
    lines.push('', 'errors (document ids):');
    for (const t of errors) {
      if (t.fp) lines.push(`  ${t.theme} false positives: ${t.falsePositives.join(', ')}${r.confusion[t.theme] ? ` (their gold themes: ${Object.entries(r.confusion[t.theme]).map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`);
      if (t.fn) lines.push(`  ${t.theme} missed: ${t.falseNegatives.join(', ')}`);
    }
  }
  return lines.join('\n');
}
