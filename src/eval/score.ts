/**
 * Span-level NER scoring with the semantics of ../shared/tools/ner-eval (so the two agree):
 *   exact   = same start, end and type (CoNLL);
 *   lenient = same type and overlapping, matched one to one (exact pairs first, then larger overlap);
 *   span    = exact boundaries, type ignored.
 * Types outside the scored set are dropped on both sides; duplicate predictions count once;
 * --skip-gold removes gold entities and ignores predictions overlapping only removed ones.
 */
export interface ScoredEntity {
  start: number;
  end: number;
  type: string;
  text?: string;
  [key: string]: unknown;
}

export interface GoldDoc {
  id: string;
  text: string;
  entities: ScoredEntity[];
  meta?: Record<string, unknown>;
}

export interface PredDoc {
  id: string;
  entities: ScoredEntity[];
}

export interface Counts {
  gold: number;
  pred: number;
  exact: number;
  lenient: number;
}

export interface PRF {
  p: number;
  r: number;
  f1: number;
}

export interface TypeScores extends Counts {
  exactScores: PRF;
  lenientScores: PRF;
}

export interface Confusion {
  /** Predicted spans with exactly a gold span's boundaries but another type: gold type -> predicted type -> n. */
  [goldType: string]: Record<string, number>;
}

export interface EvalResult {
  types: string[];
  docs: number;
  byType: Record<string, TypeScores>;
  micro: TypeScores;
  macro: { exactF1: number; lenientF1: number };
  span: { gold: number; pred: number; tp: number; scores: PRF };
  confusion: Confusion;
  diagnostics: { missingPredDocs: number; badOffsets: number; textMismatch: number; duplicatePreds: number; duplicateGold: number; skippedGold: number; ignoredPreds: number };
}

export const DEFAULT_TYPES = ['PERSON', 'ORGANIZATION', 'LOCATION'];

export function prf(tp: number, nPred: number, nGold: number): PRF {
  const p = nPred ? tp / nPred : 0;
  const r = nGold ? tp / nGold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** "field=value" -> predicate on gold entities (value compared as a string). */
export function parseSkip(spec: string): (e: ScoredEntity) => boolean {
  const eq = spec.indexOf('=');
  if (eq < 0) throw new Error(`--skip-gold expects FIELD=VALUE, got ${spec}`);
  const field = spec.slice(0, eq);
  const value = spec.slice(eq + 1);
  return (e) => String(e[field]) === value;
}

/** Drop a leading the/a/an and a trailing 's (the --trim-articles view). */
export function trimSpan(text: string, e: ScoredEntity): ScoredEntity {
  let { start, end } = e;
  const lead = /^(?:the|a|an)\s+/i.exec(text.slice(start, end));
  if (lead && start + lead[0].length < end) start += lead[0].length;
  if (/.['\u2019]s$/i.test(text.slice(start, end))) end -= 2;
  return start === e.start && end === e.end ? e : { ...e, start, end };
}

const key = (e: ScoredEntity) => `${e.start}:${e.end}:${e.type}`;
const newCounts = (): Counts => ({ gold: 0, pred: 0, exact: 0, lenient: 0 });

export interface EvalOptions {
  types?: string[];
  skip?: Array<(e: ScoredEntity) => boolean>;
  trimArticles?: boolean;
}

export function evaluate(goldDocs: GoldDoc[], predDocs: PredDoc[], options: EvalOptions = {}): EvalResult {
  const types = [...(options.types ?? DEFAULT_TYPES)].sort();
  const typeSet = new Set(types);
  const skip = options.skip ?? [];
  const predById = new Map<string, ScoredEntity[]>();
  for (const d of predDocs) predById.set(d.id, [...(predById.get(d.id) ?? []), ...d.entities]);
  const total: Record<string, Counts> = Object.fromEntries(types.map((t) => [t, newCounts()]));
  const span = { gold: 0, pred: 0, tp: 0 };
  const confusion: Confusion = {};
  const diag = { missingPredDocs: 0, badOffsets: 0, textMismatch: 0, duplicatePreds: 0, duplicateGold: 0, skippedGold: 0, ignoredPreds: 0 };

  for (const g of goldDocs) {
    const text = g.text ?? '';
    if (!predById.has(g.id)) diag.missingPredDocs++;
    const goldSeen = new Set<string>();
    const allGold: ScoredEntity[] = [];
    for (let e of g.entities) {
      if (!typeSet.has(e.type)) continue;
      if (options.trimArticles) e = trimSpan(text, e);
      if (goldSeen.has(key(e))) {
        diag.duplicateGold++;
        continue;
      }
      goldSeen.add(key(e));
      allGold.push(e);
    }
    const skipped = allGold.filter((e) => skip.some((fn) => fn(e)));
    const gold = allGold.filter((e) => !skip.some((fn) => fn(e)));
    diag.skippedGold += skipped.length;

    const seen = new Set<string>();
    const pred: ScoredEntity[] = [];
    for (let e of predById.get(g.id) ?? []) {
      if (!typeSet.has(e.type)) continue;
      if (!(Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.end <= text.length && e.start < e.end)) {
        diag.badOffsets++;
        continue;
      }
      if (typeof e.text === 'string' && text.slice(e.start, e.end) !== e.text) diag.textMismatch++;
      if (options.trimArticles) e = trimSpan(text, e);
      if (seen.has(key(e))) {
        diag.duplicatePreds++;
        continue;
      }
      seen.add(key(e));
      const ov = (x: ScoredEntity) => x.start < e.end && e.start < x.end;
      if (skipped.length && skipped.some(ov) && !gold.some(ov)) {
        diag.ignoredPreds++;
        continue;
      }
      pred.push(e);
    }

    for (const e of gold) total[e.type].gold++;
    for (const e of pred) total[e.type].pred++;
    const goldKeys = new Set(gold.map(key));
    for (const e of pred) if (goldKeys.has(key(e))) total[e.type].exact++;

    const pairs: Array<{ i: number; j: number; o: number; exact: number }> = [];
    gold.forEach((a, i) =>
      pred.forEach((b, j) => {
        if (a.type !== b.type) return;
        const o = Math.min(a.end, b.end) - Math.max(a.start, b.start);
        if (o > 0) pairs.push({ i, j, o, exact: a.start === b.start && a.end === b.end ? 1 : 0 });
      }),
    );
    pairs.sort((x, y) => y.exact - x.exact || y.o - x.o || x.i - y.i || x.j - y.j);
    const usedG = new Set<number>();
    const usedP = new Set<number>();
    for (const pr of pairs) {
      if (usedG.has(pr.i) || usedP.has(pr.j)) continue;
      usedG.add(pr.i);
      usedP.add(pr.j);
      total[gold[pr.i].type].lenient++;
    }

    const gSpans = new Map(gold.map((e) => [`${e.start}:${e.end}`, e.type]));
    const pSpans = new Set(pred.map((e) => `${e.start}:${e.end}`));
    span.gold += gSpans.size;
    span.pred += pSpans.size;
    for (const s of pSpans) if (gSpans.has(s)) span.tp++;
    for (const e of pred) {
      const gt = gSpans.get(`${e.start}:${e.end}`);
      if (gt && gt !== e.type) {
        confusion[gt] ??= {};
        confusion[gt][e.type] = (confusion[gt][e.type] ?? 0) + 1;
      }
    }
  }

  const byType: Record<string, TypeScores> = {};
  const sum = newCounts();
  for (const t of types) {
    const c = total[t];
    sum.gold += c.gold;
    sum.pred += c.pred;
    sum.exact += c.exact;
    sum.lenient += c.lenient;
    byType[t] = { ...c, exactScores: prf(c.exact, c.pred, c.gold), lenientScores: prf(c.lenient, c.pred, c.gold) };
  }
  const withGold = types.filter((t) => byType[t].gold > 0);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  return {
    types,
    docs: goldDocs.length,
    byType,
    micro: { ...sum, exactScores: prf(sum.exact, sum.pred, sum.gold), lenientScores: prf(sum.lenient, sum.pred, sum.gold) },
    macro: { exactF1: mean(withGold.map((t) => byType[t].exactScores.f1)), lenientF1: mean(withGold.map((t) => byType[t].lenientScores.f1)) },
    span: { ...span, scores: prf(span.tp, span.pred, span.gold) },
    confusion,
    diagnostics: diag,
  };
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

/** The result as a plain-text table, in the layout of ../shared/tools/ner-eval. */
export function formatResult(res: EvalResult, title = ''): string {
  const lines: string[] = [];
  if (title) lines.push(title);
  const w = Math.max(12, ...res.types.map((t) => t.length));
  lines.push(`${'type'.padEnd(w)}  ${'gold'.padStart(6)} ${'pred'.padStart(6)} | exact: ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)} | lenient: ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)}`);
  const row = (name: string, c: TypeScores) =>
    `${name.padEnd(w)}  ${String(c.gold).padStart(6)} ${String(c.pred).padStart(6)} |        ${pct(c.exactScores.p)} ${pct(c.exactScores.r)} ${pct(c.exactScores.f1)} |          ${pct(c.lenientScores.p)} ${pct(c.lenientScores.r)} ${pct(c.lenientScores.f1)}`;
  for (const t of res.types) lines.push(row(t, res.byType[t]));
  lines.push(row('micro', res.micro));
  lines.push(`${'macro F1'.padEnd(w)}  ${''.padStart(13)} |        ${''.padStart(11)} ${pct(res.macro.exactF1)} |          ${''.padStart(11)} ${pct(res.macro.lenientF1)}`);
  lines.push(`span-only exact (type ignored): P ${pct(res.span.scores.p)}  R ${pct(res.span.scores.r)}  F1 ${pct(res.span.scores.f1)}`);
  const conf = Object.entries(res.confusion).flatMap(([g, m]) => Object.entries(m).map(([p, n]) => `${g}->${p} ${n}`));
  if (conf.length) lines.push(`type confusions (gold->pred, same span): ${conf.sort().join(', ')}`);
  const d = res.diagnostics;
  const notes: string[] = [];
  if (d.missingPredDocs) notes.push(`${d.missingPredDocs} gold docs had no prediction doc`);
  if (d.badOffsets) notes.push(`${d.badOffsets} predictions with invalid offsets dropped`);
  if (d.textMismatch) notes.push(`${d.textMismatch} predictions whose text != doc slice`);
  if (d.duplicatePreds) notes.push(`${d.duplicatePreds} duplicate predictions dropped`);
  if (d.duplicateGold) notes.push(`${d.duplicateGold} duplicate gold entities counted once`);
  if (d.skippedGold) notes.push(`${d.skippedGold} gold entities skipped, ${d.ignoredPreds} predictions inside them ignored`);
  if (notes.length) lines.push('notes: ' + notes.join('; '));
  return lines.join('\n');
}
