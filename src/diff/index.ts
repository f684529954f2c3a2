import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { readLines } from '../export/lines.js';
import type { DocumentRecord } from '../schema/document.js';
import { PresslensError } from '../util/errors.js';
import { compareStrings } from '../util/compare.js';

interface DocSummary {
  sha256: string;
  entities: Map<string, { type: string; name: string; mentions: number }>;
  themes: Map<string, number>;
}

export interface DocumentDiff {
  id: string;
  status: 'added' | 'removed' | 'changed';
  text_changed: boolean;
  entities_added: string[];
  entities_removed: string[];
  entities_changed: Array<{ id: string; from: string; to: string }>;
  themes_added: string[];
  themes_removed: string[];
  themes_changed: Array<{ id: string; from: number; to: number }>;
}

export interface RunDiff {
  documents: DocumentDiff[];
  problems_added: string[];
  problems_removed: string[];
  totals: {
    documents_added: number;
    documents_removed: number;
    documents_changed: number;
    entities_added: number;
    entities_removed: number;
    entities_changed: number;
    themes_added: number;
    themes_removed: number;
    themes_changed: number;
    problems_added: number;
    problems_removed: number;
    /** Sum of everything above but documents_changed: what --max-changes limits. */
    changes: number;
  };
}

function readRun(dir: string): { docs: Map<string, DocSummary>; problems: Set<string> } {
  const file = path.join(dir, 'documents.jsonl');
  if (!fs.existsSync(file)) throw new PresslensError('E_INPUT_NOT_FOUND', `${dir} is not a presslens output folder (no documents.jsonl). Expected the --out folder of a run.`);
  const docs = new Map<string, DocSummary>();
  for (const line of readLines(file)) {
    if (!line) continue;
    const d = JSON.parse(line) as DocumentRecord;
    docs.set(d.id, {
      sha256: d.sha256,
      entities: new Map(d.entities.map((e) => [e.id, { type: e.type, name: e.name, mentions: e.mentions.length }])),
      themes: new Map(d.themes.map((t) => [t.id, t.score])),
    });
  }
  const problemsFile = path.join(dir, 'problems.csv');
  const rows = fs.existsSync(problemsFile) ? (parse(fs.readFileSync(problemsFile, 'utf8'), { columns: true }) as Array<Record<string, string>>) : [];
  return { docs, problems: new Set(rows.map((r) => `${r.code} ${r.file}${r.doc_id ? ` ${r.doc_id}` : ''}`)) };
}

const sorted = (xs: Iterable<string>) => [...xs].sort(compareStrings);

/**
 * What changed between two runs, per document: documents added or removed, text changed,
 * entities and themes added, removed or changed (mention counts, names, types, theme scores);
 * and problems added or removed. Timestamps are not compared: two runs of the same corpus and
 * configuration give no change.
 */
export function diffRuns(oldDir: string, newDir: string): RunDiff {
  const before = readRun(oldDir);
  const after = readRun(newDir);
  const documents: DocumentDiff[] = [];
  const ids = sorted(new Set([...before.docs.keys(), ...after.docs.keys()]));
  for (const id of ids) {
    const a = before.docs.get(id);
    const b = after.docs.get(id);
    const d: DocumentDiff = { id, status: !a ? 'added' : !b ? 'removed' : 'changed', text_changed: !!a && !!b && a.sha256 !== b.sha256, entities_added: [], entities_removed: [], entities_changed: [], themes_added: [], themes_removed: [], themes_changed: [] };
    const ea = a?.entities ?? new Map();
    const eb = b?.entities ?? new Map();
    for (const e of sorted(eb.keys())) if (!ea.has(e)) d.entities_added.push(e);
    for (const e of sorted(ea.keys())) {
      const x = ea.get(e)!;
      const y = eb.get(e);
      if (!y) d.entities_removed.push(e);
      else if (x.mentions !== y.mentions || x.name !== y.name || x.type !== y.type) d.entities_changed.push({ id: e, from: `${x.type} ${x.name} x${x.mentions}`, to: `${y.type} ${y.name} x${y.mentions}` });
    }
    const ta = a?.themes ?? new Map();
    const tb = b?.themes ?? new Map();
    for (const t of sorted(tb.keys())) if (!ta.has(t)) d.themes_added.push(t);
    for (const t of sorted(ta.keys())) {
      if (!tb.has(t)) d.themes_removed.push(t);
      else if (ta.get(t) !== tb.get(t)) d.themes_changed.push({ id: t, from: ta.get(t)!, to: tb.get(t)! });
    }
    const changed = d.status !== 'changed' || d.text_changed || d.entities_added.length + d.entities_removed.length + d.entities_changed.length + d.themes_added.length + d.themes_removed.length + d.themes_changed.length > 0;
    if (changed) documents.push(d);
  }
  const problems_added = sorted([...after.problems].filter((p) => !before.problems.has(p)));
  const problems_removed = sorted([...before.problems].filter((p) => !after.problems.has(p)));
  const sum = (f: (d: DocumentDiff) => number) => documents.reduce((n, d) => n + f(d), 0);
  const totals = {
    documents_added: documents.filter((d) => d.status === 'added').length,
    documents_removed: documents.filter((d) => d.status === 'removed').length,
    documents_changed: documents.filter((d) => d.status === 'changed').length,
    entities_added: sum((d) => (d.status === 'changed' ? d.entities_added.length : 0)),
    entities_removed: sum((d) => (d.status === 'changed' ? d.entities_removed.length : 0)),
    entities_changed: sum((d) => d.entities_changed.length),
    themes_added: sum((d) => (d.status === 'changed' ? d.themes_added.length : 0)),
    themes_removed: sum((d) => (d.status === 'changed' ? d.themes_removed.length : 0)),
    themes_changed: sum((d) => d.themes_changed.length),
    problems_added: problems_added.length,
    problems_removed: problems_removed.length,
    changes: 0,
  };
  totals.changes = totals.documents_added + totals.documents_removed + totals.entities_added + totals.entities_removed + totals.entities_changed + totals.themes_added + totals.themes_removed + totals.themes_changed + totals.problems_added + totals.problems_removed + documents.filter((d) => d.text_changed).length;
  return { documents, problems_added, problems_removed, totals };
}

/** The diff as text a person (or a CI log) reads: one block per changed document, then totals. */
export function formatDiff(diff: RunDiff): string {
  const lines: string[] = [];
  for (const d of diff.documents) {
    if (d.status !== 'changed') {
      lines.push(`${d.status === 'added' ? '+' : '-'} ${d.id} (document ${d.status})`);
      continue;
    }
    lines.push(`~ ${d.id}${d.text_changed ? ' (text changed)' : ''}`);
    for (const e of d.entities_added) lines.push(`    + entity ${e}`);
    for (const e of d.entities_removed) lines.push(`    - entity ${e}`);
    for (const e of d.entities_changed) lines.push(`    ~ entity ${e.id}: ${e.from} -> ${e.to}`);
    for (const t of d.themes_added) lines.push(`    + theme ${t}`);
    for (const t of d.themes_removed) lines.push(`    - theme ${t}`);
    for (const t of d.themes_changed) lines.push(`    ~ theme ${t.id}: score ${t.from} -> ${t.to}`);
  }
  for (const p of diff.problems_added) lines.push(`+ problem ${p}`);
  for (const p of diff.problems_removed) lines.push(`- problem ${p}`);
  const t = diff.totals;
  lines.push(
    t.changes === 0 && diff.documents.length === 0
      ? 'no change'
      : `${t.changes} change(s): documents +${t.documents_added} -${t.documents_removed} ~${t.documents_changed}; entities +${t.entities_added} -${t.entities_removed} ~${t.entities_changed}; themes +${t.themes_added} -${t.themes_removed} ~${t.themes_changed}; problems +${t.problems_added} -${t.problems_removed}`,
  );
  return lines.join('\n');
}
