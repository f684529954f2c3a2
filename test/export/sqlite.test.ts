import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { csvHeader } from '../../src/export/csv.js';
import { SqliteLoader } from '../../src/export/sqlite-loader.js';
import { columnsOf, type CsvTable } from '../../src/schema/tables.js';
import { tempDir } from '../helpers/run.js';

/** One CSV record of `table`: the given cells, every other column empty. */
function record(table: CsvTable, cells: Record<string, string | number>): string {
  return `${columnsOf(table).map((c) => (c in cells ? String(cells[c]) : '')).join(',')}\r\n`;
}
const doc = (id: string) => record('documents.csv', { id, path: id, format: 'text', encoding: 'utf-8', word_count: 10, sha256: 'x', persons: 0, organizations: 0, locations: 0, mentions: 0 });
const theme = (docId: string) => record('themes.csv', { doc_id: docId, theme: 'cyber', label: 'Cyber', score: 1.5, threshold: 1, sentences: 1, hits: 2 });

/** Send every table its header (as the run's CSV writers do), then `chunks` in order. */
async function load(chunks: Array<[CsvTable, string]>): Promise<{ file: string; result: Promise<Record<string, number>> }> {
  const file = path.join(tempDir('presslens-sqlite-'), 'presslens.sqlite');
  const loader = new SqliteLoader(file);
  const tables = new Set(chunks.map(([t]) => t));
  for (const t of tables) loader.add(t, csvHeader(t));
  for (const [t, csv] of chunks) loader.add(t, csv);
  return { file, result: loader.finish() };
}

describe('SqliteLoader', () => {
  it('loads chunks of whole records in the order sent, children before their parents', async () => {
    const { file, result } = await load([
      ['themes.csv', theme('b.txt')],
      ['documents.csv', doc('a.txt') + doc('b.txt')],
      ['themes.csv', theme('a.txt')],
    ]);
    expect(await result).toMatchObject({ documents: 2, themes: 2, mentions: 0 });
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT doc_id, score FROM themes ORDER BY rowid').raw().all()).toEqual([
      ['b.txt', 1.5],
      ['a.txt', 1.5],
    ]);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    db.close();
  });

  it('fails the run when a row refers to a parent that never came', async () => {
    const { result } = await load([
      ['documents.csv', doc('a.txt')],
      ['themes.csv', theme('missing.txt')],
    ]);
    await expect(result).rejects.toThrow(/presslens\.sqlite: the database has 1 broken foreign keys/);
  });

  it('fails the run, without hanging, on a record of the wrong width', async () => {
    const { result } = await load([
      ['documents.csv', 'a.txt,too,few\r\n'],
      ['documents.csv', doc('b.txt')],
    ]);
    await expect(result).rejects.toThrow(/presslens\.sqlite: documents\.csv: a record has 3 fields where the table has 20/);
  });

  it('reports a thread that died instead of waiting for it: a stalled run goes on, finish fails', async () => {
    const loader = new SqliteLoader(path.join(tempDir('presslens-sqlite-'), 'presslens.sqlite'), 200);
    // As if the thread had run out of memory: it stops inserting, and never says so.
    void (loader as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    const big = doc('a.txt').repeat(Math.ceil((9 << 20) / doc('a.txt').length));
    const started = Date.now();
    loader.add('documents.csv', csvHeader('documents.csv') + big);
    loader.add('documents.csv', big);
    loader.add('documents.csv', big);
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(loader.finish()).rejects.toMatchObject({ code: 'E_OUTPUT', message: expect.stringMatching(/Cannot write presslens\.sqlite/) });
  });
});
