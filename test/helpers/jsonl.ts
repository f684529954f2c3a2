import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './run.js';

/** The repository's own UTF-8 releases (not the gold folder, nor its UTF-16 ones) as the records of one JSONL file. */
export function corpusAsJsonl(file: string): number {
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isDirectory()) {
        if (name !== 'gold') walk(full);
      } else if (name.endsWith('.txt') && !fs.readFileSync(full).includes(0)) texts.push(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(path.join(ROOT, 'corpus'));
  // Ids repeat every 20 records, so that some are renamed, in parts as in the whole file.
  fs.writeFileSync(file, `${texts.map((text, i) => JSON.stringify({ id: `r${i % 20}`, text })).join('\n')}\n`);
  return texts.length;
}

/** Bytes of a file's longest line, its line break included: the smallest --max-bytes that reads it in parts. */
export function longestLine(file: string): number {
  return Math.max(...fs.readFileSync(file, 'utf8').split('\n').map((l) => Buffer.byteLength(l) + 1));
}
