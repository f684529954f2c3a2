import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractToDirectory } from '../../src/api.js';
import { OUTPUT_FILES } from '../../src/export/index.js';
import { DocumentRecord } from '../../src/schema/document.js';
import { ROOT, stableManifest, tempDir } from '../helpers/run.js';

/**
 * The golden end-to-end test: extract the bundled corpus and compare every output file with the
 * committed expectations in test/golden/corpus. A change in any output shows as a diff to review
 * (regenerate with `npx vitest run test/e2e/golden.test.ts -u` after checking it is intended).
 */
let out: string;
beforeAll(async () => {
  out = path.join(tempDir(), 'output');
  process.chdir(ROOT);
  await extractToDirectory(['corpus'], out, { workers: 0 });
});

describe('golden run over corpus/', () => {
  it('writes every file of the data contract, and its cache', () => {
    expect(fs.readdirSync(out).sort()).toEqual(['.cache', ...OUTPUT_FILES].sort());
  });

  // The SQLite file is binary and its bytes depend on the SQLite version: its tables are the CSV
  // files (tested in dashboards.test.ts), and the byte-identity test below covers it.
  it.each(OUTPUT_FILES.filter((f) => f !== 'manifest.json' && f !== 'presslens.sqlite'))('%s matches test/golden/corpus', async (file) => {
    await expect(fs.readFileSync(path.join(out, file), 'utf8')).toMatchFileSnapshot(`../golden/corpus/${file}`);
  });

  it('manifest.json matches, times aside', async () => {
    await expect(JSON.stringify(stableManifest(path.join(out, 'manifest.json')), null, 2) + '\n').toMatchFileSnapshot('../golden/corpus/manifest.stable.json');
  });

  it('every document is schema-valid and every mention slices its own text', () => {
    for (const line of fs.readFileSync(path.join(out, 'documents.jsonl'), 'utf8').trim().split('\n')) {
      const doc = DocumentRecord.parse(JSON.parse(line));
      for (const e of doc.entities) for (const m of e.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
      for (const t of doc.themes) for (const ev of t.evidence) expect(doc.text.slice(ev.start, ev.end)).toBe(ev.text);
    }
  });

  it('for a .txt input the exported text is the decoded file exactly', () => {
    const seed = JSON.parse(fs.readFileSync(path.join(out, 'documents.jsonl'), 'utf8').split('\n')[0]);
    expect(seed.id).toBe('000_0885b6eca21b04fd.txt');
    expect(seed.text).toBe(fs.readFileSync(path.join(ROOT, 'corpus/000_0885b6eca21b04fd.txt'), 'utf8'));
  });

  it('a second run, in two worker threads and without the cache, gives byte-identical files', async () => {
    const again = path.join(tempDir(), 'output');
    await extractToDirectory(['corpus'], again, { workers: 2, cache: false });
    for (const file of OUTPUT_FILES) {
      if (file === 'manifest.json') expect(stableManifest(path.join(again, file))).toEqual(stableManifest(path.join(out, file)));
      else expect(fs.readFileSync(path.join(again, file)).equals(fs.readFileSync(path.join(out, file))), file).toBe(true);
    }
  });
});
