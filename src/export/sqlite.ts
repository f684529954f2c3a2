import fs from 'node:fs';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse';
import { columnsOf, columnType, CSV_TABLES, nullableColumns, TABLE_KEYS, type CsvTable } from '../schema/tables.js';

export const SQLITE_FILE = 'presslens.sqlite';

const tableName = (file: string) => file.replace(/\.csv$/, '');
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const SQL_TYPE = { integer: 'INTEGER', number: 'REAL', string: 'TEXT' } as const;
/** The CSV export neutralises cells a spreadsheet would run; the database holds the exact text. */
const UNNEUTRALISE = /^'(?=[=+\-@\t\r])/;

/** CREATE TABLE for a CSV table: typed columns, primary key, foreign keys. */
export function createTableSql(table: CsvTable): string {
  const keys = TABLE_KEYS[table];
  const nullable = nullableColumns(table);
  const cols = columnsOf(table).map((c) => `${quote(c)} ${SQL_TYPE[columnType(table, c)]}${nullable.has(c) ? '' : ' NOT NULL'}`);
  if (!keys.primaryKey.length) cols.unshift('"row" INTEGER PRIMARY KEY');
  else cols.push(`PRIMARY KEY (${keys.primaryKey.map(quote).join(', ')})`);
  for (const f of keys.foreignKeys) cols.push(`FOREIGN KEY (${f.fields.map(quote).join(', ')}) REFERENCES ${quote(tableName(f.table))} (${f.references.map(quote).join(', ')})`);
  return `CREATE TABLE ${quote(tableName(table))} (\n  ${cols.join(',\n  ')}\n)`;
}

/**
 * presslens.sqlite: every table of the data contract with its keys and indexes, filled from the
 * CSV files just written (streamed, so any size), in one transaction; foreign keys are checked.
 * Tables are created parents first, so the database also loads into tools that enforce keys.
 */
export async function writeSqlite(dir: string, file: string): Promise<Record<string, number>> {
  fs.rmSync(file, { force: true });
  const db = new Database(file);
  const counts: Record<string, number> = {};
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    const tables = Object.keys(CSV_TABLES) as CsvTable[];
    db.exec('BEGIN');
    for (const table of tables) db.exec(createTableSql(table));
    for (const table of tables) {
      const columns = columnsOf(table);
      const types = columns.map((c) => columnType(table, c));
      const nullable = nullableColumns(table);
      const insert = db.prepare(`INSERT INTO ${quote(tableName(table))} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      let n = 0;
      const rows = fs.createReadStream(`${dir}/${table}`).pipe(parse({ from_line: 2, relax_column_count: false }));
      for await (const row of rows as AsyncIterable<string[]>) {
        insert.run(
          row.map((cell, i) => {
            if (cell === '' && nullable.has(columns[i])) return null;
            if (types[i] !== 'string') return Number(cell);
            return cell.replace(UNNEUTRALISE, '');
          }),
        );
        n++;
      }
      counts[tableName(table)] = n;
    }
    // Secondary indexes after the rows: one sort each instead of a B-tree update per row.
    for (const table of tables) {
      for (const index of TABLE_KEYS[table].indexes) db.exec(`CREATE INDEX ${quote(`${tableName(table)}_${index.join('_')}`)} ON ${quote(tableName(table))} (${index.map(quote).join(', ')})`);
    }
    const broken = db.prepare('PRAGMA foreign_key_check').all();
    if (broken.length) throw new Error(`the database has ${broken.length} broken foreign keys, e.g. ${JSON.stringify(broken[0])}`);
    db.exec('COMMIT');
  } finally {
    db.close();
  }
  return counts;
}
