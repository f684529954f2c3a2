import fs from 'node:fs';
import type { Keyword } from '../schema/document.js';
import type { Problem } from '../schema/problem.js';
import type { CsvTable, Row } from '../schema/tables.js';
import type { FileResult, RunConsumer, Spool, SpoolEntry } from '../pipeline/run.js';
import { AcronymTable, CooccurrenceTable, EntityMonthTable, EntityTable, ThemeTables } from './aggregates.js';
import { csvHeader, csvRows } from './csv.js';
import { LineWriter, readLines } from './lines.js';
import { problemCounts, type Counts } from './manifest.js';
import { OutputDir } from './output-dir.js';
import { keywordRows } from './rows.js';
import { collectGarbage } from '../pipeline/gc.js';
import { hashOutputs } from '../pipeline/up-to-date.js';
import { ReportBuilder } from './report.js';
import { dataPackage } from './datapackage.js';
import { SQLITE_FILE, writeSqlite } from './sqlite.js';

/** Per-document CSV files, in the order they are written (rows rendered by the file jobs). */
const PER_DOCUMENT: readonly CsvTable[] = ['documents.csv', 'mentions.csv', 'roles.csv', 'themes.csv', 'theme_evidence.csv'];

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
  'entity_cooccurrence.csv',
  'entities_by_month.csv',
  'problems.csv',
  'datapackage.json',
  'presslens.sqlite',
  'report.html',
  'manifest.json',
] as const;

/** Pass-1 storage in the staging folder: one JSON line per document, removed before commit. */
export class FileSpool implements Spool {
  private readonly writer: LineWriter;

  constructor(private readonly file: string) {
    this.writer = new LineWriter(file);
  }

  // Two lines a document: [id, words, terms] as JSON, then the documents.jsonl head as it is (JSON
  // has no raw line breaks), so the long head is never escaped twice.
  push(entry: SpoolEntry): void {
    this.writer.write(`${JSON.stringify([entry.id, entry.wordCount, entry.terms.flat()])}\n${entry.jsonHead}\n`);
  }

  *entries(): Iterable<SpoolEntry> {
    this.writer.close();
    let meta: [string, number, Array<string | number>] | null = null;
    for (const line of readLines(this.file)) {
      if (!line) continue;
      if (!meta) {
        meta = JSON.parse(line) as [string, number, Array<string | number>];
        continue;
      }
      const flat = meta[2];
      const terms: SpoolEntry['terms'] = [];
      for (let i = 0; i < flat.length; i += 3) terms.push([flat[i] as string, flat[i + 1] as number, flat[i + 2] as string]);
      yield { id: meta[0], wordCount: meta[1], terms, jsonHead: line };
      meta = null;
    }
    fs.rmSync(this.file, { force: true });
  }
}

/**
 * Export as a run consumer, in order: each input file's problems stream to problems.csv and its
 * documents' rows to the per-document CSV files (pass 1); documents.jsonl and keywords.csv follow
 * once keywords are known (pass 2); at the end the run-wide tables (entities, acronyms, themes by
 * month and by publisher) and manifest.json are written, and the staging folder replaces the
 * output folder in one step.
 */
export class FileSink implements RunConsumer {
  readonly out: OutputDir;
  private readonly writers = new Map<string, LineWriter>();
  readonly entities = new EntityTable();
  readonly acronyms = new AcronymTable();
  readonly themeTables: ThemeTables;
  readonly cooccurrence = new CooccurrenceTable();
  readonly entityMonths = new EntityMonthTable();
  readonly problems: Problem[] = [];
  readonly counts: Omit<Counts, 'problems' | 'files'> = { documents: 0, words: 0, entities: { PERSON: 0, ORGANIZATION: 0, LOCATION: 0 }, mentions: 0, themes: {} };

  readonly report: ReportBuilder;

  constructor(dir: string, themes: Array<{ id: string; label: string }>, cacheDir: string | null = null) {
    this.themeTables = new ThemeTables(themes.map((t) => t.id));
    this.report = new ReportBuilder(themes);
    this.out = new OutputDir(dir, cacheDir);
    for (const table of [...PER_DOCUMENT, 'keywords.csv', 'problems.csv'] as const) {
      const w = new LineWriter(this.out.file(table));
      w.write(csvHeader(table));
      this.writers.set(table, w);
    }
    this.writers.set('documents.jsonl', new LineWriter(this.out.file('documents.jsonl')));
  }

  spool(): FileSpool {
    return new FileSpool(this.out.file('.spool.jsonl'));
  }

  file(result: FileResult): void {
    this.report.addFile(result);
    for (const p of result.problems) {
      this.problems.push(p);
      this.writers.get('problems.csv')!.write(csvRows('problems.csv', [p]));
    }
    for (const doc of result.docs) {
      for (const table of PER_DOCUMENT) this.writers.get(table)!.write(doc.csv[table] ?? '');
      this.entities.add(doc);
      this.acronyms.add(doc);
      this.themeTables.add(doc);
      this.cooccurrence.add(doc);
      this.entityMonths.add(doc);
      this.counts.documents++;
      this.counts.words += doc.wordCount;
      this.counts.mentions += doc.mentions;
      for (const t of doc.themes) this.counts.themes[t] = (this.counts.themes[t] ?? 0) + 1;
    }
  }

  document(id: string, line: string, keywords: Keyword[]): void {
    this.report.addDocument(id, line);
    this.writers.get('documents.jsonl')!.write(`${line}\n`);
    this.writers.get('keywords.csv')!.write(csvRows('keywords.csv', keywordRows(id, keywords)));
  }

  /** Write the run-wide tables, the data package, the database and the manifest, then swap the output folder in. */
  async finish(files: number, manifest: (counts: Counts, outputs: Record<string, string>) => object): Promise<Counts> {
    for (const w of this.writers.values()) w.close();
    collectGarbage();
    const entities = this.entities.rows();
    const themesByMonth = this.themeTables.monthRows();
    const cooccurrence = this.cooccurrence.rows();
    const runWide = [
      ['entities.csv', entities],
      ['acronyms.csv', this.acronyms.rows()],
      ['themes_by_month.csv', themesByMonth],
      ['themes_by_publisher.csv', this.themeTables.publisherRows()],
      ['entity_cooccurrence.csv', cooccurrence],
      ['entities_by_month.csv', this.entityMonths.rows()],
    ] as const;
    for (const [table, rows] of runWide) {
      const w = new LineWriter(this.out.file(table));
      w.write(csvHeader(table));
      // In chunks: one string for a million rows would be a memory spike at the end of a run.
      for (let i = 0; i < rows.length; i += 10_000) w.write(csvRows(table, rows.slice(i, i + 10_000) as Array<Row<typeof table>>));
      w.close();
    }
    collectGarbage();
    fs.writeFileSync(this.out.file('datapackage.json'), JSON.stringify(dataPackage(), null, 2) + '\n');
    await writeSqlite(this.out.staging, this.out.file(SQLITE_FILE));
    fs.writeFileSync(this.out.file('report.html'), this.report.build({ entities, themesByMonth, cooccurrence, problems: this.problems, counts: { ...this.counts, files } }));
    this.counts.entities = this.entities.countByType();
    const themes = Object.fromEntries(Object.entries(this.counts.themes).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    const counts: Counts = { files, ...this.counts, themes, problems: problemCounts(this.problems) };
    const outputs = hashOutputs(this.out.staging, OUTPUT_FILES);
    fs.writeFileSync(this.out.file('manifest.json'), JSON.stringify(manifest(counts, outputs), null, 2) + '\n');
    this.out.commit();
    return counts;
  }
}
