import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { readLines } from '../export/lines.js';
import type { DocumentRecord } from '../schema/document.js';
import { PresslensError } from '../util/errors.js';
import { compareStrings } from '../util/compare.js';

interface Item {
  /** Each field of the item as JSON, to tell which fields changed. */
  fields: Map<string, string>;
}
interface DocSummary extends Item {
  sha256: string;
  /** Kept for the newer run only: the old run's offsets are moved into it. */
  text: string;
  entities: Map<string, Item & { type: string; name: string; mentions: number }>;
  themes: Map<string, Item & { score: number }>;
}

/** Fields of a document record compared one by one; the rest are compared as items (entities, themes) or by hash (text). */
const ITEMIZED_FIELDS = new Set(['id', 'entities', 'themes', 'text', 'sha256']);
/** Files of a run not compared: the manifest holds the run's times. */
const UNCOMPARED_FILES = new Set(['manifest.json']);

export interface DocumentDiff {
  id: string;
  status: 'added' | 'removed' | 'changed';
  text_changed: boolean;
  entities_added: string[];
  entities_removed: string[];
  entities_changed: Array<{ id: string; from: string; to: string; fields: string[] }>;
  themes_added: string[];
  themes_removed: string[];
  themes_changed: Array<{ id: string; from: number; to: number; fields: string[] }>;
  /**
   * Other fields of the record that changed (title, date, publisher, roles, keywords, ...; an
   * object's fields one by one, "source.sha256"), values as in documents.jsonl; from or to is
   * left out where that run's record has no such field.
   */
  fields_changed: Array<{ field: string; from: unknown; to: unknown }>;
}

export interface RunDiff {
  documents: DocumentDiff[];
  problems_added: string[];
  problems_removed: string[];
  /** Output files (all but the manifest) whose bytes differ, or that only one run has. */
  files_changed: string[];
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
    fields_changed: number;
    problems_added: number;
    problems_removed: number;
    files_changed: number;
    /**
     * What --max-changes limits: documents added and removed, texts changed, entities, themes and
     * fields added, removed or changed, problems added and removed. Files that differ count one
     * each only when none of those did (a run-wide table computed differently), so that 0 passes
     * only when every output but the manifest is identical.
     */
    changes: number;
  };
}

/** Each field as JSON; an object's fields one by one ("source.sha256"), so a change names the field that changed. */
function fieldsOf(o: object, skip: Set<string> = new Set()): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    if (skip.has(k)) continue;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) for (const [kk, vv] of Object.entries(v)) fields.set(`${k}.${kk}`, JSON.stringify(vv));
    else fields.set(k, JSON.stringify(v));
  }
  return fields;
}
const changedFields = (a: Item, b: Item) => sorted(new Set([...a.fields.keys(), ...b.fields.keys()])).filter((k) => a.fields.get(k) !== b.fields.get(k));
/** A field's value back from JSON; undefined where the record does not have the field (left out of --json). */
const parsed = (json: string | undefined): unknown => (json === undefined ? undefined : JSON.parse(json));

/** The files of a run folder (not the cache or other hidden entries), with their bytes' hashes. */
function runFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!e.isFile() || e.name.startsWith('.') || UNCOMPARED_FILES.has(e.name)) continue;
    files.set(e.name, crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, e.name))).digest('hex'));
  }
  return files;
}

/**
 * Offsets of a document's old text moved to where the same characters stand in its new text:
 * after an edit, the text before it keeps its offsets and the text after it moves by the edit's
 * length, so entities, evidence and roles the edit did not touch compare equal. An offset inside
 * the edited stretch stays as it was (and so differs, most likely: the item did change).
 */
export function offsetMover(oldText: string, newText: string): (offset: number) => number {
  const shortest = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < shortest && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  const shift = newText.length - oldText.length;
  return (offset) => (offset <= prefix ? offset : offset >= oldText.length - suffix ? offset + shift : offset);
}

/** Offset fields of a document record: start and end, evidence_start and evidence_end, at any depth. */
const OFFSET_KEY = /^(?:\w+_)?(?:start|end)$/;

/** A copy of a record (or part of one) with every offset moved. */
function moveOffsets<T>(value: T, move: (offset: number) => number): T {
  if (Array.isArray(value)) return value.map((v) => moveOffsets(v, move)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'number' && OFFSET_KEY.test(k) ? move(v) : moveOffsets(v, move)])) as T;
}

/**
 * A run's documents, problems and files. `newer` is the other run's documents when this is the
 * old run: a document whose text changed has its offsets moved into the new text first.
 */
function readRun(dir: string, newer: Map<string, DocSummary> | null = null): { docs: Map<string, DocSummary>; problems: Set<string>; files: Map<string, string> } {
  const file = path.join(dir, 'documents.jsonl');
  if (!fs.existsSync(file)) throw new PresslensError('E_INPUT_NOT_FOUND', `${dir} is not a presslens output folder (no documents.jsonl). Expected the --out folder of a run.`);
  const docs = new Map<string, DocSummary>();
  for (const line of readLines(file)) {
    if (!line) continue;
    let d = JSON.parse(line) as DocumentRecord;
    const other = newer?.get(d.id);
    if (other && other.sha256 !== d.sha256) d = { ...moveOffsets(d, offsetMover(d.text, other.text)), text: d.text };
    docs.set(d.id, {
      text: newer ? '' : d.text,
      sha256: d.sha256,
      fields: fieldsOf(d, ITEMIZED_FIELDS),
      entities: new Map(d.entities.map((e) => [e.id, { type: e.type, name: e.name, mentions: e.mentions.length, fields: fieldsOf(e) }])),
      themes: new Map(d.themes.map((t) => [t.id, { score: t.score, fields: fieldsOf(t) }])),
    });
  }
  const problemsFile = path.join(dir, 'problems.csv');
  const rows = fs.existsSync(problemsFile) ? (parse(fs.readFileSync(problemsFile, 'utf8'), { columns: true }) as Array<Record<string, string>>) : [];
  return { docs, problems: new Set(rows.map((r) => `${r.code} ${r.file}${r.doc_id ? ` ${r.doc_id}` : ''}`)), files: runFiles(dir) };
}

function sorted(xs: Iterable<string>): string[] {
  return [...xs].sort(compareStrings);
}

/**
 * What changed between two runs, per document: documents added or removed, text changed,
 * entities and themes added, removed or changed (any field: names, types, mentions, aliases,
 * roles, places, scores, evidence), and the record's other fields (title, date, publisher,
 * roles, acronyms, countries, keywords, ...); problems added or removed; and output files that
 * differ. Timestamps are not compared: two runs of the same corpus and configuration give no
 * change.
 */
export function diffRuns(oldDir: string, newDir: string): RunDiff {
  const after = readRun(newDir);
  const before = readRun(oldDir, after.docs);
  const documents: DocumentDiff[] = [];
  const ids = sorted(new Set([...before.docs.keys(), ...after.docs.keys()]));
  for (const id of ids) {
    const a = before.docs.get(id);
    const b = after.docs.get(id);
    const d: DocumentDiff = { id, status: !a ? 'added' : !b ? 'removed' : 'changed', text_changed: !!a && !!b && a.sha256 !== b.sha256, entities_added: [], entities_removed: [], entities_changed: [], themes_added: [], themes_removed: [], themes_changed: [], fields_changed: [] };
    if (a && b) for (const field of changedFields(a, b)) d.fields_changed.push({ field, from: parsed(a.fields.get(field)), to: parsed(b.fields.get(field)) });
    const entities = compareItems(a?.entities ?? new Map(), b?.entities ?? new Map());
    d.entities_added = entities.added;
    d.entities_removed = entities.removed;
    d.entities_changed = entities.changed.map(({ id, x, y, fields }) => ({ id, from: `${x.type} ${x.name} x${x.mentions}`, to: `${y.type} ${y.name} x${y.mentions}`, fields }));
    const themes = compareItems(a?.themes ?? new Map(), b?.themes ?? new Map());
    d.themes_added = themes.added;
    d.themes_removed = themes.removed;
    d.themes_changed = themes.changed.map(({ id, x, y, fields }) => ({ id, from: x.score, to: y.score, fields }));
    const changed = d.status !== 'changed' || d.text_changed || d.entities_added.length + d.entities_removed.length + d.entities_changed.length + d.themes_added.length + d.themes_removed.length + d.themes_changed.length + d.fields_changed.length > 0;
    if (changed) documents.push(d);
  }
  const problems_added = sorted([...after.problems].filter((p) => !before.problems.has(p)));
  const problems_removed = sorted([...before.problems].filter((p) => !after.problems.has(p)));
  const files_changed = sorted(new Set([...before.files.keys(), ...after.files.keys()])).filter((f) => before.files.get(f) !== after.files.get(f));
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
    fields_changed: sum((d) => d.fields_changed.length),
    problems_added: problems_added.length,
    problems_removed: problems_removed.length,
    files_changed: files_changed.length,
    changes: 0,
  };
  const itemized = totals.documents_added + totals.documents_removed + totals.entities_added + totals.entities_removed + totals.entities_changed + totals.themes_added + totals.themes_removed + totals.themes_changed + totals.fields_changed + totals.problems_added + totals.problems_removed + documents.filter((d) => d.text_changed).length;
  totals.changes = itemized > 0 ? itemized : totals.files_changed;
  return { documents, problems_added, problems_removed, files_changed, totals };
}

/** One document's entities (or themes) in two runs: ids added, removed, and changed with the fields that changed. */
function compareItems<T extends Item>(a: Map<string, T>, b: Map<string, T>): { added: string[]; removed: string[]; changed: Array<{ id: string; x: T; y: T; fields: string[] }> } {
  const added = sorted(b.keys()).filter((id) => !a.has(id));
  const removed: string[] = [];
  const changed: Array<{ id: string; x: T; y: T; fields: string[] }> = [];
  for (const id of sorted(a.keys())) {
    const x = a.get(id)!;
    const y = b.get(id);
    if (!y) removed.push(id);
    else {
      const fields = changedFields(x, y);
      if (fields.length > 0) changed.push({ id, x, y, fields });
    }
  }
  return { added, removed, changed };
}

/** A value as JSON, cut to a length a log line can hold. */
function shortJson(value: unknown): string {
  if (value === undefined) return '(absent)';
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
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
    for (const e of d.entities_changed) lines.push(`    ~ entity ${e.id}: ${e.from} -> ${e.to} (${e.fields.join(', ')})`);
    for (const t of d.themes_added) lines.push(`    + theme ${t}`);
    for (const t of d.themes_removed) lines.push(`    - theme ${t}`);
    for (const t of d.themes_changed) lines.push(`    ~ theme ${t.id}: score ${t.from} -> ${t.to} (${t.fields.join(', ')})`);
    for (const f of d.fields_changed) lines.push(`    ~ ${f.field}: ${shortJson(f.from)} -> ${shortJson(f.to)}`);
  }
  for (const p of diff.problems_added) lines.push(`+ problem ${p}`);
  for (const p of diff.problems_removed) lines.push(`- problem ${p}`);
  for (const f of diff.files_changed) lines.push(`~ file ${f}`);
  const t = diff.totals;
  const texts = diff.documents.filter((d) => d.text_changed).length;
  lines.push(
    t.changes === 0 && diff.documents.length === 0 && t.files_changed === 0
      ? 'no change'
      : `${t.changes} change(s): documents +${t.documents_added} -${t.documents_removed} ~${t.documents_changed} (${texts} text(s) changed); entities +${t.entities_added} -${t.entities_removed} ~${t.entities_changed}; themes +${t.themes_added} -${t.themes_removed} ~${t.themes_changed}; fields ~${t.fields_changed}; problems +${t.problems_added} -${t.problems_removed}; files ~${t.files_changed}`,
  );
  return lines.join('\n');
}
