import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers/run.js';

const dir = tempDir('presslens-dash-');
const out = path.join(dir, 'out');
beforeAll(() => {
  expect(cli(['extract', 'corpus', '--out', out, '--quiet']).code).toBe(0);
});
const rows = (file: string) => parse(fs.readFileSync(path.join(out, file), 'utf8'), { columns: true }) as Array<Record<string, string>>;

describe('presslens.sqlite', () => {
  it('holds every table of the data contract, row counts equal to the CSV files', () => {
    const db = new Database(path.join(out, 'presslens.sqlite'), { readonly: true });
    for (const file of fs.readdirSync(out).filter((f) => f.endsWith('.csv'))) {
      const table = file.replace(/\.csv$/, '');
      expect((db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n, table).toBe(rows(file).length);
    }
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    db.close();
  });

  it('answers a join of mentions, entities and documents from the sqlite3 shell', () => {
    const sql = "SELECT d.title, e.name, count(*) FROM mentions m JOIN entities e USING (entity_id) JOIN documents d ON d.id = m.doc_id WHERE d.id = '000_0885b6eca21b04fd.txt' AND e.type = 'PERSON' GROUP BY e.name ORDER BY e.name;";
    let output: string;
    try {
      output = execFileSync('sqlite3', [path.join(out, 'presslens.sqlite'), sql], { encoding: 'utf8' });
    } catch {
      const db = new Database(path.join(out, 'presslens.sqlite'), { readonly: true });
      output = (db.prepare(sql.replace(/;$/, '')).raw().all() as string[][]).map((r) => r.join('|')).join('\n') + '\n';
      db.close();
    }
    expect(output).toContain('NATO-UN relations can be developed further|Rosemary A. DiCarlo|3');
  });
});

describe('datapackage.json', () => {
  const pkg = () => JSON.parse(fs.readFileSync(path.join(out, 'datapackage.json'), 'utf8'));

  it('describes every CSV file, with fields that match its header, in order', () => {
    const p = pkg();
    expect(p.profile).toBe('tabular-data-package');
    const csvs = fs.readdirSync(out).filter((f) => f.endsWith('.csv')).sort();
    expect(p.resources.map((r: { path: string }) => r.path).sort()).toEqual(csvs);
    for (const r of p.resources) {
      expect(r.name).toMatch(/^[a-z0-9._-]+$/);
      const header = fs.readFileSync(path.join(out, r.path), 'utf8').split('\r\n')[0];
      expect(r.schema.fields.map((f: { name: string }) => f.name).join(',')).toBe(header);
      for (const f of r.schema.fields) expect(['string', 'integer', 'number']).toContain(f.type);
    }
  });

  it('has keys that hold in the data: primary keys unique, foreign keys resolvable', () => {
    const p = pkg();
    const byName = new Map(p.resources.map((r: { name: string }) => [r.name, r]));
    for (const r of p.resources) {
      const data = rows(r.path);
      const names = r.schema.fields.map((f: { name: string }) => f.name);
      if (r.schema.primaryKey) {
        for (const k of r.schema.primaryKey) expect(names).toContain(k);
        const keys = data.map((row) => r.schema.primaryKey.map((k: string) => row[k]).join('\u0000'));
        expect(new Set(keys).size, r.name).toBe(keys.length);
      }
      for (const fk of r.schema.foreignKeys ?? []) {
        const target = byName.get(fk.reference.resource) as { path: string } | undefined;
        expect(target, `${r.name} -> ${fk.reference.resource}`).toBeDefined();
        const targets = new Set(rows(target!.path).map((row) => fk.reference.fields.map((k: string) => row[k]).join('\u0000')));
        for (const row of data) {
          const value = fk.fields.map((k: string) => row[k]).join('\u0000');
          if (fk.fields.every((k: string) => row[k] !== '')) expect(targets.has(value), `${r.name}.${fk.fields} = ${value}`).toBe(true);
        }
      }
      for (const f of r.schema.fields) if (f.type !== 'string') for (const row of data) if (row[f.name] !== '') expect(Number.isFinite(Number(row[f.name])), `${r.name}.${f.name}`).toBe(true);
    }
  });
});

describe('presslens diff', () => {
  it('reports no change between two runs of the same corpus', () => {
    const again = path.join(dir, 'again');
    cli(['extract', 'corpus', '--out', again, '--quiet']);
    const r = cli(['diff', out, again]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('no change');
  });

  it('after one document is edited, reports exactly that document\'s changes; --max-changes fails CI', () => {
    const corpus = path.join(dir, 'corpus');
    fs.cpSync(path.join(ROOT, 'corpus'), corpus, { recursive: true });
    const seed = path.join(corpus, '000_0885b6eca21b04fd.txt');
    fs.writeFileSync(seed, fs.readFileSync(seed, 'utf8').replace('Mike Gapes', 'Jane Holloway'));
    const edited = path.join(dir, 'edited');
    cli(['extract', corpus, '--out', edited, '--quiet']);
    const r = cli(['diff', out, edited, '--json']);
    const diff = JSON.parse(r.stdout);
    expect(diff.documents.map((d: { id: string }) => d.id)).toContain('000_0885b6eca21b04fd.txt');
    // Other documents change only where corpus-wide document frequencies move their keywords.
    for (const other of diff.documents.filter((d: { id: string }) => d.id !== '000_0885b6eca21b04fd.txt')) {
      expect(other.fields_changed.map((f: { field: string }) => f.field), other.id).toEqual(['keywords']);
      expect(other.entities_added.length + other.entities_removed.length + other.entities_changed.length + other.themes_changed.length, other.id).toBe(0);
    }
    const d = diff.documents.find((x: { id: string }) => x.id === '000_0885b6eca21b04fd.txt');
    expect(d.text_changed).toBe(true);
    expect(d.entities_added).toContain('person/jane-holloway');
    expect(d.entities_removed).toContain('person/mike-gapes');
    // The names after the edit moved by three characters, and nothing else about them changed.
    expect(d.entities_changed).toEqual([]);
    expect(cli(['diff', out, edited, '--max-changes', '0']).code).toBe(1);
    expect(cli(['diff', out, edited, '--max-changes', '100']).code).toBe(0);
  });

  it('reports a record\'s changed date and source, and the run-wide tables it changes; --max-changes 0 fails', () => {
    const corpus = path.join(dir, 'corpus-dated');
    fs.cpSync(path.join(ROOT, 'corpus'), corpus, { recursive: true });
    const file = path.join(corpus, 'ngos', '2023-crossroads-policy-institute-briefings.jsonl');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const record = JSON.parse(lines[0]);
    expect(record.date).toBe('2023-09-12');
    lines[0] = JSON.stringify({ ...record, date: '2011-09-12' });
    fs.writeFileSync(file, lines.join('\n'));
    const dated = path.join(dir, 'dated');
    cli(['extract', corpus, '--out', dated, '--quiet']);
    const diff = JSON.parse(cli(['diff', out, dated, '--json']).stdout);
    const d = diff.documents.find((x: { id: string }) => x.id === `ngos/2023-crossroads-policy-institute-briefings.jsonl#${record.id}`);
    expect(d.fields_changed).toContainEqual({ field: 'date', from: '2023-09-12', to: '2011-09-12' });
    expect(d.fields_changed.map((f: { field: string }) => f.field)).toContain('source.sha256');
    expect(diff.files_changed).toEqual(expect.arrayContaining(['documents.csv', 'documents.jsonl', 'themes_by_month.csv', 'entities_by_month.csv']));
    expect(diff.files_changed).not.toContain('manifest.json');
    const r = cli(['diff', out, dated, '--max-changes', '0']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('~ date: "2023-09-12" -> "2011-09-12"');
  });

  it('counts an output file that differs while no document does as a change', () => {
    const copy = path.join(dir, 'table-edited');
    fs.cpSync(out, copy, { recursive: true });
    fs.appendFileSync(path.join(copy, 'themes_by_month.csv'), '2099-01,x,1,1,1\r\n');
    const r = cli(['diff', out, copy, '--json']);
    const diff = JSON.parse(r.stdout);
    expect(diff.documents).toEqual([]);
    expect(diff.files_changed).toEqual(['themes_by_month.csv']);
    expect(diff.totals.changes).toBe(1);
    expect(cli(['diff', out, copy, '--max-changes', '0']).code).toBe(1);
  });
});
