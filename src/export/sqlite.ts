import fs from 'node:fs';
import Database from 'better-sqlite3';
import { columnsOf, columnType, CSV_TABLES, nullableColumns, TABLE_KEYS, type CsvTable } from '../schema/tables.js';
import { readCsvRecords } from './csv.js';

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

/** How one CSV table goes into the database: its insert statement and how each cell converts. */
interface TableInsert {
  insert: Database.Statement;
  width: number;
  convert: (cell: string, i: number) => string | number | null;
}

/**
 * presslens.sqlite, filled from CSV text as the run writes it: every table of the data contract
 * with its keys and indexes, in one transaction; foreign keys are checked at the end. Tables are
 * created parents first, so the database also loads into tools that enforce keys. Rows arrive in
 * chunks of whole CSV records (each table's first chunk starts with its header line), so a table
 * of any size is never held whole.
 */
export class SqliteBuilder {
  private readonly db: Database.Database;
  private readonly tables = new Map<CsvTable, TableInsert>();
  private readonly counts: Record<string, number> = {};

  constructor(file: string) {
    fs.rmSync(file, { force: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    // A small page cache: rows arrive in key order, so inserts touch few pages, and the cache
    // would otherwise fill up to its default while the run is still analysing.
    this.db.pragma('cache_size = -4000');
    // Rows arrive as the run writes them, children before parents: keys are checked at the end.
    this.db.pragma('foreign_keys = OFF');
    this.db.exec('BEGIN');
    for (const table of Object.keys(CSV_TABLES) as CsvTable[]) {
      this.db.exec(createTableSql(table));
      this.counts[tableName(table)] = 0;
    }
  }

  private tableInsert(table: CsvTable): TableInsert {
    let t = this.tables.get(table);
    if (t) return t;
    const columns = columnsOf(table);
    const types = columns.map((c) => columnType(table, c));
    const nullable = nullableColumns(table);
    t = {
      width: columns.length,
      insert: this.db.prepare(`INSERT INTO ${quote(tableName(table))} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`),
      convert: (cell, i) => {
        if (cell === '' && nullable.has(columns[i])) return null;
        if (types[i] !== 'string') return Number(cell);
        return cell.replace(UNNEUTRALISE, '');
      },
    };
    this.tables.set(table, t);
    return t;
  }

  /** Insert whole CSV records of `table`; `header`: the text starts with the table's header line. */
  add(table: CsvTable, csv: string, header: boolean): void {
    const rows = readCsvRecords(csv, header);
    const { insert, convert, width } = this.tableInsert(table);
    for (const row of rows) {
      if (row.length !== width) throw new Error(`${table}: a record has ${row.length} fields where the table has ${width}: ${JSON.stringify(row).slice(0, 200)}`);
      insert.run(row.map(convert));
    }
    this.counts[tableName(table)] += rows.length;
  }

  /** Build the secondary indexes, check the foreign keys, commit and close: rows per table. */
  finish(): Record<string, number> {
    try {
      // Secondary indexes after the rows: one sort each instead of a B-tree update per row.
      for (const table of Object.keys(CSV_TABLES) as CsvTable[]) {
        for (const index of TABLE_KEYS[table].indexes) this.db.exec(`CREATE INDEX ${quote(`${tableName(table)}_${index.join('_')}`)} ON ${quote(tableName(table))} (${index.map(quote).join(', ')})`);
      }
      const broken = this.db.prepare('PRAGMA foreign_key_check').all();
      if (broken.length) throw new Error(`the database has ${broken.length} broken foreign keys, e.g. ${JSON.stringify(broken[0])}`);
      this.db.exec('COMMIT');
    } finally {
      this.close();
    }
    return this.counts;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
