import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Every kind of broken input a scraped and merged corpus holds, with the problem code each must get. */
export interface HostileCase {
  file: string;
  /** Problem codes expected for this file, in order (empty: extracted cleanly). */
  problems: string[];
  /** Document ids expected from this file. */
  documents: string[];
}

const GOOD = 'BRUSSELS, 14 June 2023 – Minister Anna Berg met NATO officials in Brussels. Ms Berg said the talks went well.\n';
const utf16 = (s: string, le: boolean, bom: boolean) => {
  const body = Buffer.from(s, 'utf16le');
  if (!le) body.swap16();
  return Buffer.concat([bom ? Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0), body]);
};

/** 480 short records, a line longer than HOSTILE_MAX_BYTES in the middle, and the first id again at the end. */
function dumpLines(): string[] {
  const lines = Array.from({ length: 480 }, (_, i) => JSON.stringify({ id: `r${i}`, text: GOOD }));
  lines.splice(240, 0, JSON.stringify({ id: 'huge', text: 'word '.repeat(16_000) }));
  lines.push(JSON.stringify({ id: 'r0', text: GOOD }));
  return lines;
}

/** Write the hostile fixture folder and return what each file must give. */
export function writeHostileCorpus(dir: string): HostileCase[] {
  const cases: Array<HostileCase & { bytes: string | Buffer }> = [
    { file: 'good.txt', bytes: GOOD, problems: [], documents: ['good.txt'] },
    { file: 'empty.txt', bytes: '', problems: ['E_EMPTY'], documents: [] },
    { file: 'whitespace.md', bytes: ' \n\t \r\n', problems: ['E_EMPTY'], documents: [] },
    { file: 'image.txt', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), problems: ['E_BINARY'], documents: [] },
    { file: 'archive.html', bytes: zlib.gzipSync(GOOD), problems: ['E_BINARY'], documents: [] },
    { file: 'zip.json', bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]), problems: ['E_BINARY'], documents: [] },
    { file: 'nul-bytes.txt', bytes: Buffer.from(`${GOOD}\u0000\u0000\u0000 and more text`, 'latin1'), problems: ['E_BINARY'], documents: [] },
    { file: 'invalid-utf8.txt', bytes: Buffer.concat([Buffer.from('Zürich – Genève, São Paulo. '), Buffer.from([0xff, 0xc3]), Buffer.from(GOOD)]), problems: ['W_INVALID_UTF8'], documents: ['invalid-utf8.txt'] },
    { file: 'utf16le-bom.txt', bytes: utf16(GOOD, true, true), problems: [], documents: ['utf16le-bom.txt'] },
    { file: 'utf16be-bom.txt', bytes: utf16(GOOD, false, true), problems: [], documents: ['utf16be-bom.txt'] },
    { file: 'utf16le-nobom.txt', bytes: utf16(GOOD, true, false), problems: [], documents: ['utf16le-nobom.txt'] },
    { file: 'utf16be-nobom.txt', bytes: utf16(GOOD, false, false), problems: [], documents: ['utf16be-nobom.txt'] },
    { file: 'windows-1252.txt', bytes: Buffer.from(`Caf\xe9 in M\xfcnchen \x93quoted\x94 \x80 5 \x96 done. ${GOOD}`, 'latin1'), problems: ['W_LEGACY_ENCODING'], documents: ['windows-1252.txt'] },
    { file: 'mixed-endings.txt', bytes: `Title line\r\rBRUSSELS, 2 May 2021 - Text one.\r\nText two by Jane Doe.\nText three in Paris.\r`, problems: [], documents: ['mixed-endings.txt'] },
    { file: 'long-line.txt', bytes: `${'word '.repeat(10000)}Paris ${'CAPITAL '.repeat(2000)}`, problems: [], documents: ['long-line.txt'] },
    { file: 'no-punctuation.txt', bytes: `WASHINGTON D C Senator Jane Doe said today ${'that the bill will help families in Iowa '.repeat(400)}`, problems: [], documents: ['no-punctuation.txt'] },
    { file: 'too-large.txt', bytes: 'x '.repeat(40_000), problems: ['E_TOO_LARGE'], documents: [] },
    { file: 'malformed.html', bytes: `<html><body><div><p>BRUSSELS - Minister Anna Berg <b>met<i> officials<p>in Brussels.<table><tr><td>cell${'<div>'.repeat(3000)}deep text${'</span>'.repeat(10)}`, problems: [], documents: ['malformed.html'] },
    { file: 'scripts.htm', bytes: `<html><head><script>alert("x")</script><style>p{}</style></head><body><iframe src="x">frame text</iframe><nav>Menu</nav><noscript>enable js</noscript><article><p>${GOOD}</p></article><script>var s = "</p>";</script></body></html>`, problems: [], documents: ['scripts.htm'] },
    { file: 'only-script.html', bytes: '<html><head><script>var a = 1;</script></head><body><script>b()</script></body></html>', problems: ['E_EMPTY'], documents: [] },
    { file: 'broken.json', bytes: '{"text": "unterminated', problems: ['E_JSON_PARSE'], documents: [] },
    { file: 'records.json', bytes: JSON.stringify([{ id: 'a', text: GOOD }, { id: 'a', text: GOOD }, { title: 'no text' }, 42, { id: 'b', text: '   ' }, null, { id: 'c', text: GOOD, publisher: { name: 'x' } }]), problems: ['W_DUPLICATE_ID', 'E_NO_TEXT', 'E_NOT_RECORD', 'E_EMPTY', 'E_NOT_RECORD', 'W_BAD_FIELD'], documents: ['records.json#a', 'records.json#a~2', 'records.json#c'] },
    { file: 'front-matter.md', bytes: `---\ntitle: Ministers meet\ndate: 2023-06-14\n---\n${GOOD}`, problems: [], documents: ['front-matter.md'] },
    { file: 'lines.jsonl', bytes: `{"id": "x", "text": ${JSON.stringify(GOOD)}}\nnot json at all\n\n{"id": "y"}\n{"text": ${JSON.stringify(GOOD)}}\n[1, 2]\n`, problems: ['E_JSONL_LINE', 'E_NO_TEXT', 'E_NOT_RECORD'], documents: ['lines.jsonl#x', 'lines.jsonl#4'] },
    // Larger than --max-bytes: read in parts, so only its one over-long line is refused, and its
    // repeated id is renamed across parts.
    { file: 'dump.jsonl', bytes: dumpLines().join('\n'), problems: ['E_TOO_LARGE', 'W_DUPLICATE_ID'], documents: [...Array.from({ length: 480 }, (_, i) => `dump.jsonl#r${i}`), 'dump.jsonl#r0~2'] },
    { file: 'name with spaces and "quotes".txt', bytes: GOOD, problems: [], documents: ['name with spaces and "quotes".txt'] },
    { file: 'new\nline.txt', bytes: GOOD, problems: [], documents: ['new\nline.txt'] },
    { file: 'Ελληνικά 日本語.txt', bytes: GOOD, problems: [], documents: ['Ελληνικά 日本語.txt'] },
    { file: '=formula.txt', bytes: `=HYPERLINK("http://x") ${GOOD}`, problems: [], documents: ['=formula.txt'] },
    { file: 'notes.pdf', bytes: '%PDF-1.4 not supported', problems: ['I_UNSUPPORTED'], documents: [] },
  ];
  for (const c of cases) fs.writeFileSync(path.join(dir, c.file), c.bytes);
  const outside = fs.mkdtempSync(path.join(path.dirname(dir), 'outside-'));
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'A secret outside the input folder.');
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'link-outside.txt'));
  fs.symlinkSync(path.join(dir, 'good.txt'), path.join(dir, 'link-inside.txt'));
  fs.symlinkSync(path.join(dir, 'nowhere.txt'), path.join(dir, 'link-broken.txt'));
  fs.mkdirSync(path.join(dir, 'loop'));
  fs.symlinkSync(dir, path.join(dir, 'loop', 'back'));
  // A second loop: followed naively, two loops make the walk exponential.
  fs.symlinkSync('.', path.join(dir, 'self'));
  // A named pipe: reading it blocks until a writer comes (the cache key once read it: the run hung).
  spawnSync('mkfifo', [path.join(dir, 'pipe.txt')]);
  // A file name that is not UTF-8 (Latin-1 from an old archive): it cannot be opened by its decoded name.
  fs.writeFileSync(Buffer.from(`${dir}/bad-\xe9.txt`, 'latin1'), GOOD);
  // A folder whose name is not UTF-8, with a release in it: reported, not silently left out.
  fs.mkdirSync(Buffer.from(`${dir}/folder-\xe9`, 'latin1'));
  fs.writeFileSync(Buffer.from(`${dir}/folder-\xe9/release.txt`, 'latin1'), GOOD);
  // A folder deeper than the search goes: reported, not silently left out.
  const deep = Array.from({ length: 40 }, (_, i) => (i ? 'd' : 'deep')).join('/');
  fs.mkdirSync(path.join(dir, deep, 'd'), { recursive: true });
  fs.writeFileSync(path.join(dir, deep, 'd', 'release.txt'), GOOD);
  return [
    ...cases.map(({ file, problems, documents }) => ({ file, problems, documents })),
    { file: 'link-outside.txt', problems: ['W_SYMLINK_OUTSIDE'], documents: [] },
    { file: 'link-inside.txt', problems: ['I_DUPLICATE_FILE'], documents: [] },
    { file: 'link-broken.txt', problems: ['W_SYMLINK_BROKEN'], documents: [] },
    { file: 'loop/back', problems: ['W_SYMLINK_BROKEN'], documents: [] },
    { file: 'self', problems: ['W_SYMLINK_BROKEN'], documents: [] },
    { file: 'pipe.txt', problems: ['W_NOT_A_FILE'], documents: [] },
    { file: 'bad-\ufffd.txt', problems: ['E_READ'], documents: [] },
    { file: deep, problems: ['E_TOO_DEEP'], documents: [] },
    { file: 'folder-\ufffd', problems: ['E_READ'], documents: [] },
  ];
}

/** The max-bytes limit the fixture is meant for: "too-large.txt" (80,000 bytes) exceeds it, nothing else does. */
export const HOSTILE_MAX_BYTES = 70_000;
