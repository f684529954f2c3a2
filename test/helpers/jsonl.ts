import fs from 'node:fs';
import path from 'node:path';
import { discover } from '../../src/ingest/discover.js';
import { ROOT } from './run.js';

/** The repository's own UTF-8 releases (not the gold folder, nor its UTF-16 ones) as the records of one JSONL file. */
export function corpusAsJsonl(file: string): number {
  const texts = discover([path.join(ROOT, 'corpus')])
    .filter((f) => f.format === 'txt' && !f.relPath.startsWith('gold/') && !fs.readFileSync(f.absPath).includes(0))
    .map((f) => fs.readFileSync(f.absPath, 'utf8'));
  // Ids repeat every 20 records, so that some are renamed, in parts as in the whole file.
  fs.writeFileSync(file, `${texts.map((text, i) => JSON.stringify({ id: `r${i % 20}`, text })).join('\n')}\n`);
  return texts.length;
}

/** Bytes of a file's longest line, its line break included: the smallest --max-bytes that reads it in parts. */
export function longestLine(file: string): number {
  return Math.max(...fs.readFileSync(file, 'utf8').split('\n').map((l) => Buffer.byteLength(l) + 1));
}
