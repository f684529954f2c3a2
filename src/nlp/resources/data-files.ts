import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package's data/ folder, from src/ (tests) and dist/ (installed) alike. */
export const DATA_DIR = fileURLToPath(new URL('../../../data/', import.meta.url));
export const DEFAULT_MODEL_DIR = `${DATA_DIR}model`;

export function readDataFile(relative: string): string {
  return fs.readFileSync(DATA_DIR + relative, 'utf8');
}

/** Rows of a TSV data file with a header line; # lines are comments. */
export function readTsv(relative: string): string[][] {
  return readDataFile(relative)
    .split('\n')
    .slice(1)
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}

/** A word list: one entry a line, # comments and blank lines skipped. */
export function readWordList(relative: string): string[] {
  return readDataFile(relative)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}
