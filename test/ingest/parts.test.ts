import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discover } from '../../src/ingest/discover.js';
import { ingestFile } from '../../src/ingest/index.js';
import { splitIntoParts } from '../../src/ingest/parts.js';
import type { InputFile } from '../../src/ingest/types.js';
import { sha256 } from '../../src/util/hash.js';
import { tempDir } from '../helpers/run.js';

const NO_LIMIT = 1 << 30;
const dir = tempDir('presslens-parts-');
let n = 0;
/** A file of the given bytes, as discovery finds it. */
const fileOf = (name: string, bytes: string | Buffer): InputFile => {
  const sub = path.join(dir, String(n++));
  fs.mkdirSync(sub);
  fs.writeFileSync(path.join(sub, name), bytes);
  return discover([sub])[0];
};
const record = (id: string | null, text: string) => JSON.stringify(id === null ? { text } : { id, text });

describe('large JSONL files read in parts', () => {
  it('splits at line ends into parts that cover the file, each numbered from its first line', () => {
    const lines = Array.from({ length: 30 }, (_, i) => record(`r${i}`, `Release number ${i} from Brussels.`));
    const bytes = `${lines.join('\n')}\n`;
    const file = fileOf('many.jsonl', bytes);
    const parts = splitIntoParts(file, NO_LIMIT, 200);
    expect(parts.length).toBeGreaterThan(5);
    let at = 0;
    let line = 0;
    for (const [k, p] of parts.entries()) {
      expect(p.part).toMatchObject({ index: k, count: parts.length, start: at, firstLine: line, fileSha256: sha256(bytes) });
      const text = bytes.slice(p.part!.start, p.part!.end);
      expect(text.endsWith('\n')).toBe(true);
      // A part takes lines while it stays within the limit; it exceeds it only with one line.
      expect(text.length <= 200 || text.split('\n').length === 2).toBe(true);
      at = p.part!.end;
      line += text.split('\n').length - 1;
    }
    expect(at).toBe(bytes.length);
  });

  it('takes the smaller of the part size and --max-bytes as the limit', () => {
    const bytes = Array.from({ length: 20 }, (_, i) => record(`r${i}`, 'Text.')).join('\n');
    expect(splitIntoParts(fileOf('a.jsonl', bytes), NO_LIMIT, 100).length).toBeGreaterThan(1);
    expect(splitIntoParts(fileOf('b.jsonl', bytes), 100, NO_LIMIT).length).toBeGreaterThan(1);
    expect(splitIntoParts(fileOf('c.jsonl', bytes), NO_LIMIT, NO_LIMIT)).toHaveLength(1);
  });

  const many = Array.from({ length: 20 }, (_, i) => record(`r${i}`, 'Text of a release.')).join('\n');
  it.each<[string, string, string | Buffer]>([
    ['a file that is not JSONL', 'many.json', `[${many.split('\n').join(',')}]`],
    ['a file no larger than a part', 'small.jsonl', record('a', 'Short.')],
    ['a single long line', 'one.jsonl', record('a', 'word '.repeat(500))],
    ['a file without any record', 'broken.jsonl', Array.from({ length: 40 }, () => '{not json').join('\n')],
    ['a file in windows-1252', 'legacy.jsonl', Buffer.from(many.replace('Text of', 'Caf\xe9 text of'), 'latin1')],
    ['a file in UTF-16', 'wide.jsonl', Buffer.from(many, 'utf16le')],
    ['a file with zero bytes', 'nul.jsonl', `${many}\n\u0000\u0000`],
  ])('reads %s whole', (_, name, bytes) => {
    const file = fileOf(name, bytes);
    expect(splitIntoParts(file, NO_LIMIT, 100)).toEqual([file]);
  });

  it('renames an id repeated in a later part as a file read whole does', () => {
    const bytes = [record('a', 'First.'), record('b', 'Second.'), record('a', 'Third.'), record('a', 'Fourth.')].join('\n');
    const file = fileOf('dup.jsonl', bytes);
    const parts = splitIntoParts(file, NO_LIMIT, 40);
    expect(parts.length).toBe(4);
    const ids = parts.flatMap((p) => ingestFile(p).items.map((i) => (i.kind === 'document' ? i.document.id : i.problem.code)));
    expect(ids).toEqual(['dup.jsonl#a', 'dup.jsonl#b', 'dup.jsonl#a~2', 'dup.jsonl#a~3']);
    const warnings = parts.flatMap((p) => ingestFile(p).items.flatMap((i) => (i.kind === 'document' ? i.document.warnings.map((w) => `${w.code} ${w.doc_id}`) : [])));
    expect(warnings).toEqual(['W_DUPLICATE_ID dup.jsonl#a~2', 'W_DUPLICATE_ID dup.jsonl#a~3']);
  });

  it('reports a line longer than --max-bytes as E_TOO_LARGE, naming its record, and reads the others', () => {
    const bytes = [record('a', 'First.'), record('long', 'word '.repeat(100)), record('c', 'Third.')].join('\n');
    const parts = splitIntoParts(fileOf('long.jsonl', bytes), 100);
    const items = parts.flatMap((p) => ingestFile(p, { maxBytes: 100 }).items.map((i) => (i.kind === 'document' ? i.document.id : `${i.problem.code} ${i.problem.doc_id}`)));
    expect(items).toEqual(['long.jsonl#a', 'E_TOO_LARGE long.jsonl#1', 'long.jsonl#c']);
  });

  it('gives the same documents and problems, in the same order, as reading the file whole', () => {
    const line = fc.oneof(
      fc.tuple(fc.constantFrom('a', 'b', 'c', '0', '3', null), fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' })).map(([id, text]) => record(id, `Release: ${text}`)),
      fc.constantFrom('', '   ', '{"id": "x"}', '{"text": ""}', '{broken', '[1, 2]', '{"id": {"k": 1}, "text": "Bad id field."}'),
    );
    const file = fc.record({
      lines: fc.array(line, { minLength: 1, maxLength: 25 }),
      crlf: fc.boolean(),
      bom: fc.boolean(),
      finalNewline: fc.boolean(),
      partBytes: fc.integer({ min: 1, max: 300 }),
    });
    fc.assert(
      fc.property(file, ({ lines, crlf, bom, finalNewline, partBytes }) => {
        const text = `${bom ? '\ufeff' : ''}${lines.join(crlf ? '\r\n' : '\n')}${finalNewline ? '\n' : ''}`;
        const input = fileOf('gen.jsonl', text);
        const whole = ingestFile(input, { maxBytes: NO_LIMIT });
        const parts = splitIntoParts(input, NO_LIMIT, partBytes);
        const items = parts.flatMap((p) => ingestFile(p, { maxBytes: NO_LIMIT }).items);
        expect(items).toEqual(whole.items);
        for (const p of parts) expect(ingestFile(p, { maxBytes: NO_LIMIT }).sha256).toBe(whole.sha256);
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });
});
