import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { PresslensError } from '../util/errors.js';
import { compareStrings } from '../util/compare.js';
import { formatOf } from './formats.js';
import type { InputFile } from './types.js';

export const IGNORE_FILE = '.presslensignore';
/** How deep folders are searched (also what stops a loop of followed links). */
const MAX_DEPTH = 40;

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
 * they are reported, not silently dropped. Symbolic links are reported, not followed, when they
 * lead out of the input folder or nowhere; with followSymlinks they are followed (a file reached
 * twice is read once, and depth is bounded, so a loop of links ends).
 */
export function discover(inputs: string[], ignore: string[] = [], followSymlinks = false): InputFile[] {
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
  const relPaths = new Set<string>();
  for (const input of inputs) {
    const abs = path.resolve(input);
    const stat = fs.statSync(abs);
    if (stat.isFile()) {
      if (seen.has(abs)) continue;
      seen.add(abs);
      const file: InputFile = { root: path.dirname(abs), absPath: abs, relPath: path.basename(abs), format: formatOf(abs) };
      if (relPaths.has(file.relPath)) file.skip = { code: 'E_DUPLICATE_PATH', severity: 'fatal', message: 'Another input has the same file name, and document ids come from it; not read. Give their folder as input, or rename the file.' };
      relPaths.add(file.relPath);
      files.push(file);
      continue;
    }
    const realRoot = fs.realpathSync(abs);
    const found = fg.sync('**/*', {
      cwd: abs,
      onlyFiles: false,
      objectMode: true,
      dot: false,
      followSymbolicLinks: followSymlinks,
      deep: MAX_DEPTH,
      suppressErrors: true,
      ignore: ['**/node_modules/**', ...readIgnoreFile(abs), ...ignore],
    });
    found.sort((a, b) => compareStrings(a.path, b.path));
    // A presslens output folder (manifest.json beside datapackage.json) inside an input folder is
    // the output of an earlier run ("presslens extract ." twice), not press releases: not read.
    const paths = new Set(found.map((e) => e.path.split(path.sep).join('/')));
    const outputs = [...paths].filter((p) => p.endsWith('manifest.json') && paths.has(p.replace(/manifest\.json$/, 'datapackage.json'))).map((p) => p.replace(/manifest\.json$/, ''));
    const realSeen = new Set<string>();
    for (const entry of found) {
      const absPath = path.join(abs, entry.path);
      if (seen.has(absPath) || (entry.dirent.isDirectory() && !entry.dirent.isSymbolicLink())) continue;
      const relPath = entry.path.split(path.sep).join('/');
      if (outputs.some((dir) => relPath.startsWith(dir))) continue;
      const file: InputFile = { root: abs, absPath, relPath, format: formatOf(relPath) };
      // Two input folders holding the same path would give two documents one id.
      if (relPaths.has(relPath)) file.skip = { code: 'E_DUPLICATE_PATH', severity: 'fatal', message: 'Another input folder has a file at the same path, and document ids come from the path; not read. Give the folders one parent folder as input, or rename the file.' };
      relPaths.add(relPath);
      let real: string | null = null;
      try {
        real = fs.realpathSync(absPath);
      } catch {
        file.skip = { code: 'W_SYMLINK_BROKEN', severity: 'warning', message: 'A symbolic link whose target does not exist (or loops); nothing to read.' };
      }
      if (real && !file.skip) {
        const inside = real === realRoot || real.startsWith(realRoot + path.sep);
        const stat = fs.statSync(real);
        if (!inside && !followSymlinks) {
          file.skip = { code: 'W_SYMLINK_OUTSIDE', severity: 'warning', message: `A symbolic link to a ${stat.isDirectory() ? 'folder' : 'file'} outside the input folder; not followed. Use --follow-symlinks to read it.` };
        } else if (stat.isDirectory()) {
          continue; // a folder (or a link to one inside the input, whose files are read where they are)
        } else if (!stat.isFile()) {
          file.skip = { code: 'W_NOT_A_FILE', severity: 'warning', message: 'Not a regular file (a pipe, socket or device); not read.' };
        } else if (realSeen.has(real)) {
          file.skip = { code: 'I_DUPLICATE_FILE', severity: 'info', message: 'The same file as another input (through a symbolic link); read once, under its first name.' };
        } else {
          realSeen.add(real);
        }
      }
      seen.add(absPath);
      files.push(file);
    }
  }
  return files;
}
