import fs from 'node:fs';
import type { Keyword } from '../schema/document.js';
import type { Problem } from '../schema/problem.js';
import type { CsvTable, Row } from '../schema/tables.js';
import type { FileResult, FinishedDocument, RunConsumer, Spool, SpoolEntry } from '../pipeline/run.js';
import { AcronymTable, CooccurrenceTable, EntityMonthTable, EntityTable, ThemeTables } from './aggregates.js';
import { csvHeader, csvRows } from './csv.js';
import { LineWriter, readLines } from './lines.js';
import { problemCounts, type Counts } from './manifest.js';
import { OutputDir } from './output-dir.js';
import { DEFERRED_TABLES, keywordRows, type DeferredCsv } from './rows.js';
import { collectGarbage } from '../pipeline/gc.js';
import { hashOutputs } from '../pipeline/up-to-date.js';
import { ReportBuilder } from './report.js';
import { dataPackage } from './datapackage.js';
import { SQLITE_FILE } from './sqlite.js';
import { SqliteLoader } from './sqlite-loader.js';
import { Interner } from '../util/interner.js';

/** Per-document CSV files written in pass 1 (rows rendered by the file jobs); DEFERRED_TABLES follow in pass 2. */
const PER_DOCUMENT: readonly CsvTable[] = ['themes.csv', 'theme_evidence.csv'];

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

  // A document is a JSON line [id, words, terms, bare ids, line counts of the deferred CSV
  // blocks], then the documents.jsonl head as it is (JSON has no raw line breaks), then the
  // deferred CSV blocks as they are: long text is never escaped twice.
  push(entry: SpoolEntry): void {
    const blocks = DEFERRED_TABLES.map((t) => entry.csv[t]);
    const lines = blocks.map(countLines);
    this.writer.write(`${JSON.stringify([entry.id, entry.wordCount, entry.terms.flat(), entry.bare, lines])}\n${entry.jsonHead}\n${blocks.join('')}`);
  }

  *entries(): Iterable<SpoolEntry> {
    this.writer.close();
    const lines = readLines(this.file);
    const next = () => {
      const r = lines.next();
      if (r.done) throw new Error(`${this.file}: the spool ends inside a document`);
      return r.value;
    };
    for (const line of lines) {
      if (!line) continue;
      const [id, wordCount, flat, bare, counts] = JSON.parse(line) as [string, number, Array<string | number>, string[], number[]];
      const terms: SpoolEntry['terms'] = [];
      for (let i = 0; i < flat.length; i += 3) terms.push([flat[i] as string, flat[i + 1] as number, flat[i + 2] as string]);
      const jsonHead = next();
      const blocks = counts.map((n) => {
        let text = '';
        for (let i = 0; i < n; i++) text += `${next()}\n`;
        return text;
      });
      const csv = Object.fromEntries(DEFERRED_TABLES.map((t, i) => [t, blocks[i]])) as DeferredCsv;
      yield { id, wordCount, terms, jsonHead, bare, csv };
    }
    fs.rmSync(this.file, { force: true });
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Export as a run consumer, in order: each input file's problems stream to problems.csv and its
 * documents' theme rows to themes.csv and theme_evidence.csv (pass 1); documents.jsonl,
 * keywords.csv and the tables with entity ids (documents, mentions, roles) follow once keywords
 * and run-wide acronym resolution are known (pass 2); at the end the run-wide tables (entities, acronyms, themes by
 * month and by publisher) and manifest.json are written, and the staging folder replaces the
 * output folder in one step.
 */
export class FileSink implements RunConsumer {
  readonly out: OutputDir;
  private readonly writers = new Map<string, LineWriter>();
  /** Entity ids as numbers, shared by the run-wide entity tables: each id string is held once. */
  private readonly entityIds = new Interner();
  readonly entities = new EntityTable(this.entityIds);
  readonly acronyms = new AcronymTable();
  readonly themeTables: ThemeTables;
  readonly cooccurrence = new CooccurrenceTable(this.entityIds);
  readonly entityMonths = new EntityMonthTable(this.entityIds);
  readonly problems: Problem[] = [];
  readonly counts: Omit<Counts, 'problems' | 'files'> = { documents: 0, words: 0, entities: { PERSON: 0, ORGANIZATION: 0, LOCATION: 0 }, mentions: 0, themes: {} };

  readonly report: ReportBuilder;
  private readonly sqlite: SqliteLoader;

  constructor(dir: string, themes: Array<{ id: string; label: string }>, cacheDir: string | null = null) {
    this.themeTables = new ThemeTables(themes.map((t) => t.id));
    this.report = new ReportBuilder(themes);
    this.out = new OutputDir(dir, cacheDir);
    this.sqlite = new SqliteLoader(this.out.file(SQLITE_FILE));
    for (const table of [...PER_DOCUMENT, ...DEFERRED_TABLES, 'keywords.csv', 'problems.csv'] as const) this.writers.set(table, this.csvWriter(table));
    this.writers.set('documents.jsonl', new LineWriter(this.out.file('documents.jsonl')));
  }

  /** A CSV file of the contract, header written, whose rows also go to the database. */
  private csvWriter(table: CsvTable): LineWriter {
    const w = new LineWriter(this.out.file(table), (chunk) => this.sqlite.add(table, chunk));
    w.write(csvHeader(table));
    return w;
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

  document(doc: FinishedDocument): void {
    if (doc.change) {
      const { date, before, after } = doc.change;
      this.entities.remove(before);
      this.entities.add(after);
      this.cooccurrence.remove(before);
      this.cooccurrence.add(after);
      this.entityMonths.remove({ date, entities: before.entities });
      this.entityMonths.add({ date, entities: after.entities });
      this.report.setEntities(doc.id, after.entities.map((e) => e.id));
    }
    this.report.addDocument(doc.id, doc.line);
    this.writers.get('documents.jsonl')!.write(`${doc.line}\n`);
    for (const table of DEFERRED_TABLES) this.writers.get(table)!.write(doc.csv[table]);
    this.writers.get('keywords.csv')!.write(csvRows('keywords.csv', keywordRows(doc.id, doc.keywords)));
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
      const w = this.csvWriter(table);
      // In chunks: one string for a million rows would be a memory spike at the end of a run.
      for (let i = 0; i < rows.length; i += 10_000) w.write(csvRows(table, rows.slice(i, i + 10_000) as Array<Row<typeof table>>));
      w.close();
    }
    collectGarbage();
    // The database thread finishes (its last rows, indexes) while this thread writes the page and
    // hashes the other files.
    const database = this.sqlite.finish();
    // Should the page fail first, the run is abandoned: the database's own failure then goes unseen.
    database.catch(() => undefined);
    fs.writeFileSync(this.out.file('datapackage.json'), JSON.stringify(dataPackage(), null, 2) + '\n');
    fs.writeFileSync(this.out.file('report.html'), this.report.build({ entities, themesByMonth, cooccurrence, problems: this.problems, counts: { ...this.counts, files } }));
    const hashed = hashOutputs(this.out.staging, OUTPUT_FILES.filter((f) => f !== SQLITE_FILE));
    await database;
    const all: Record<string, string> = { ...hashed, ...hashOutputs(this.out.staging, [SQLITE_FILE]) };
    // In the order of OUTPUT_FILES, as before: the manifest's shape does not change.
    const outputs = Object.fromEntries(OUTPUT_FILES.filter((f) => f in all).map((f) => [f, all[f]]));
    this.counts.entities = this.entities.countByType();
    const themes = Object.fromEntries(Object.entries(this.counts.themes).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    const counts: Counts = { files, ...this.counts, themes, problems: problemCounts(this.problems) };
    fs.writeFileSync(this.out.file('manifest.json'), JSON.stringify(manifest(counts, outputs), null, 2) + '\n');
    this.out.commit();
    return counts;
  }

  /** Drop everything written so far (the run failed or was interrupted). */
  abandon(): void {
    this.sqlite.abandon();
    this.out.abandon();
  }
}
