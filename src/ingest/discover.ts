import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { PresslensError } from '../util/errors.js';
import { compareStrings } from '../util/compare.js';
import { formatOf } from './formats.js';
import type { InputFile } from './types.js';

export const IGNORE_FILE = '.presslensignore';

/** Globs in a root's .presslensignore: one per line, # comments; a trailing / means a folder. */
function readIgnoreFile(root: string): string[] {
  const file = path.join(root, IGNORE_FILE);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => (line.endsWith('/') ? `${line}**` : line));
}

/**
 * Stage 1 of ingest: find every input file. Folders are searched recursively (hidden files and
 * node_modules skipped); the result is sorted by root, then by relative path, so ids and output
 * order never depend on the file system. Files of unknown formats are returned too (format null):
 * they are reported, not silently dropped.
 */
export function discover(inputs: string[], ignore: string[] = []): InputFile[] {
  const missing = inputs.filter((input) => !fs.existsSync(input));
  if (missing.length) {
    throw new PresslensError(
      'E_INPUT_NOT_FOUND',
      `Input not found: ${missing.join(', ')}. Expected existing files or folders.`,
      { details: missing.map((m) => `${m}: no such file or folder`) },
    );
  }
  const files: InputFile[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const abs = path.resolve(input);
    const stat = fs.statSync(abs);
    if (stat.isFile()) {
      if (seen.has(abs)) continue;
      seen.add(abs);
      files.push({ root: path.dirname(abs), absPath: abs, relPath: path.basename(abs), format: formatOf(abs) });
      continue;
    }
    const found = fg.sync('**/*', {
      cwd: abs,
      onlyFiles: true,
      dot: false,
      followSymbolicLinks: false,
      ignore: ['**/node_modules/**', ...readIgnoreFile(abs), ...ignore],
    });
    found.sort(compareStrings);
    for (const rel of found) {
      const absPath = path.join(abs, rel);
      if (seen.has(absPath)) continue;
      seen.add(absPath);
      files.push({ root: abs, absPath, relPath: rel.split(path.sep).join('/'), format: formatOf(rel) });
    }
  }
  return files;
}
