import fs from 'node:fs';
import { DocumentRecord } from '../schema/document.js';
import type { Problem } from '../schema/problem.js';
import type { CsvTable, Row } from '../schema/tables.js';
import type { Sink, Spool, SpoolEntry } from '../run.js';
import type { TermCounts } from '../nlp/keywords.js';
import { AcronymTable, EntityTable, ThemeTables } from './aggregates.js';
import { csvHeader, csvRows } from './csv.js';
import { LineWriter, readLines } from './lines.js';
import { problemCounts, type Counts } from './manifest.js';
import { OutputDir } from './output-dir.js';
import { documentRow, keywordRows, mentionRows, roleRows, themeEvidenceRows, themeRows } from './rows.js';

/** Per-document CSV files and the function making each one's rows, in the order they are written. */
const PER_DOCUMENT: ReadonlyArray<[CsvTable, (r: DocumentRecord) => Array<Row<CsvTable>>]> = [
  ['documents.csv', (r) => [documentRow(r)]],
  ['mentions.csv', mentionRows],
  ['roles.csv', roleRows],
  ['themes.csv', themeRows],
  ['theme_evidence.csv', themeEvidenceRows],
  ['keywords.csv', keywordRows],
];

export const OUTPUT_FILES = [
  'documents.jsonl',
  'documents.csv',
  'entities.csv',
  'mentions.csv',
  'roles.csv',
  'acronyms.csv',
  'themes.csv',
  'theme_evidence.csv',
  'keywords.csv',
  'themes_by_month.csv',
  'themes_by_publisher.csv',
  'problems.csv',
  'manifest.json',
] as const;

type SerialTerms = Array<[string, number, Array<[string, number]>]>;

/** Pass-1 storage in the staging folder: one JSON line per document, removed before commit. */
export class FileSpool implements Spool {
  private readonly writer: LineWriter;

  constructor(private readonly file: string) {
    this.writer = new LineWriter(file);
  }

  push({ record, terms }: SpoolEntry): void {
    const t: SerialTerms = [...terms].map(([s, v]) => [s, v.count, [...v.forms]]);
    this.writer.write(JSON.stringify([record, t]) + '\n');
  }

  *entries(): Iterable<SpoolEntry> {
    this.writer.close();
    for (const line of readLines(this.file)) {
      if (!line) continue;
      const [record, t] = JSON.parse(line) as [DocumentRecord, SerialTerms];
      const terms: TermCounts = new Map(t.map(([s, count, forms]) => [s, { count, forms: new Map(forms) }]));
      yield { record, terms };
    }
    fs.rmSync(this.file, { force: true });
  }
}

/**
 * Export, in order: each finished document is validated against the zod schema and appended to
 * documents.jsonl and the per-document CSV files; problems stream to problems.csv; at the end the
 * run-wide tables (entities, acronyms, themes by month and by publisher) and manifest.json are written and the staging folder
 * replaces the output folder in one step.
 */
export class FileSink implements Sink {
  readonly out: OutputDir;
  private readonly jsonl: LineWriter;
  private readonly csv = new Map<CsvTable, LineWriter>();
  readonly entities = new EntityTable();
  readonly acronyms = new AcronymTable();
  readonly themeTables: ThemeTables;
  readonly problems: Problem[] = [];
  readonly counts: Omit<Counts, 'problems' | 'files'> = { documents: 0, words: 0, entities: { PERSON: 0, ORGANIZATION: 0, LOCATION: 0 }, mentions: 0, themes: {} };

  constructor(dir: string, themeIds: string[]) {
    this.themeTables = new ThemeTables(themeIds);
    this.out = new OutputDir(dir);
    this.jsonl = new LineWriter(this.out.file('documents.jsonl'));
    for (const table of [...PER_DOCUMENT.map(([t]) => t), 'problems.csv' as const]) {
      const w = new LineWriter(this.out.file(table));
      w.write(csvHeader(table));
      this.csv.set(table, w);
    }
  }

  spool(): FileSpool {
    return new FileSpool(this.out.file('.spool.jsonl'));
  }

  document(record: DocumentRecord): void {
    const checked = DocumentRecord.safeParse(record);
    if (!checked.success) throw new Error(`Document ${record.id} does not match the schema: ${checked.error.message}`);
    this.jsonl.write(JSON.stringify(record) + '\n');
    for (const [table, rows] of PER_DOCUMENT) this.csv.get(table)!.write(csvRows(table, rows(record)));
    this.entities.add(record);
    this.acronyms.add(record);
    this.themeTables.add(record);
    this.counts.documents++;
    this.counts.words += record.word_count;
    this.counts.mentions += record.entities.reduce((n, e) => n + e.mentions.length, 0);
    for (const t of record.themes) this.counts.themes[t.id] = (this.counts.themes[t.id] ?? 0) + 1;
  }

  problem(problem: Problem): void {
    this.problems.push(problem);
    this.csv.get('problems.csv')!.write(csvRows('problems.csv', [problem]));
  }

  /** Write the run-wide tables and the manifest, then swap the output folder in. */
  finish(files: number, manifest: (counts: Counts) => object): Counts {
    this.jsonl.close();
    for (const w of this.csv.values()) w.close();
    const runWide = [
      ['entities.csv', this.entities.rows()],
      ['acronyms.csv', this.acronyms.rows()],
      ['themes_by_month.csv', this.themeTables.monthRows()],
      ['themes_by_publisher.csv', this.themeTables.publisherRows()],
    ] as const;
    for (const [table, rows] of runWide) {
      const w = new LineWriter(this.out.file(table));
      w.write(csvHeader(table));
      w.write(csvRows(table, rows as Array<Row<typeof table>>));
      w.close();
    }
    this.counts.entities = this.entities.countByType();
    const themes = Object.fromEntries(Object.entries(this.counts.themes).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    const counts: Counts = { files, ...this.counts, themes, problems: problemCounts(this.problems) };
    fs.writeFileSync(this.out.file('manifest.json'), JSON.stringify(manifest(counts), null, 2) + '\n');
    this.out.commit();
    return counts;
  }
}
