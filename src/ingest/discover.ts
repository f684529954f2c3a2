import fs from 'node:fs';
import path from 'node:path';
import fg, { type Entry } from 'fast-glob';
import { PresslensError } from '../util/errors.js';
import { compareStrings } from '../util/compare.js';
import { formatOf } from './formats.js';
import type { InputFile } from './types.js';

export const IGNORE_FILE = '.presslensignore';
/** How deep folders are searched. */
const MAX_DEPTH = 40;

/**
 * An ignore glob read the way .gitignore reads one, as fast-glob ignore patterns: a glob with no
 * slash but a trailing one matches at any depth ("*.json", "drafts/"); a glob with a slash inside
 * is relative to the input folder, and so is one that starts with a slash ("/drafts/"); a trailing
 * slash matches folders only, everything in them.
 */
export function ignorePatterns(glob: string): string[] {
  let g = glob.trim();
  const folderOnly = g.endsWith('/');
  if (folderOnly) g = g.replace(/\/+$/, '');
  if (g.startsWith('/')) g = g.replace(/^\/+/, '');
  else if (!g.includes('/')) g = `**/${g}`;
  return folderOnly ? [`${g}/**`] : [g, `${g}/**`];
}

/** Globs in a root's .presslensignore: one per line, # comments. */
function readIgnoreFile(root: string): string[] {
  const file = path.join(root, IGNORE_FILE);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

/** The message for inputs that do not exist, or null when they all do (also checked before a run starts). */
export function inputsNotFound(inputs: string[]): string | null {
  const missing = inputs.filter((input) => !fs.existsSync(input));
  return missing.length ? `Input not found: ${missing.join(', ')}. Expected existing files or folders.` : null;
}

/**
 * Stage 1 of ingest: find every input file. Folders are searched recursively (hidden files and
 * node_modules skipped); the result is sorted by root, then by relative path, so ids and output
 * order never depend on the file system. Files of unknown formats are returned too (format null):
 * they are reported, not silently dropped. Symbolic links are reported, not followed, when they
 * lead out of the input folder or nowhere, or loop back to a folder they stand in; with
 * followSymlinks the others are followed, each real folder once (a file reached twice is read once).
 */
export function discover(inputs: string[], ignore: string[] = [], followSymlinks = false): InputFile[] {
  const missing = inputs.filter((input) => !fs.existsSync(input));
  if (missing.length) throw new PresslensError('E_INPUT_NOT_FOUND', inputsNotFound(inputs)!, { details: missing.map((m) => `${m}: no such file or folder`) });
  const files: InputFile[] = [];
  const seen = new Set<string>();
  const relPaths = new Set<string>();
  for (const input of inputs) {
    const abs = path.resolve(input);
    const stat = fs.statSync(abs);
    if (!stat.isFile() && !stat.isDirectory()) {
      if (seen.has(abs)) continue;
      seen.add(abs);
      files.push({ root: path.dirname(abs), absPath: abs, relPath: path.basename(abs), format: formatOf(abs), skip: NOT_A_FILE });
      continue;
    }
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
    const rootProblem = unsearched(abs);
    if (rootProblem) {
      seen.add(abs);
      files.push({ root: path.dirname(abs), absPath: abs, relPath: path.basename(abs), format: null, skip: UNSEARCHED[rootProblem] });
      continue;
    }
    const found = listTree(abs, ['**/node_modules/**', ...[...readIgnoreFile(abs), ...ignore].flatMap(ignorePatterns)], followSymlinks);
    found.sort((a, b) => compareStrings(a.path, b.path));
    // A presslens output folder (manifest.json beside datapackage.json) inside an input folder is
    // the output of an earlier run ("presslens extract ." twice), not press releases: not read.
    const paths = new Set(found.map((e) => e.path.split(path.sep).join('/')));
    const outputs = [...paths].filter((p) => p.endsWith('manifest.json') && paths.has(p.replace(/manifest\.json$/, 'datapackage.json'))).map((p) => p.replace(/manifest\.json$/, ''));
    /** Real path of each file read so far in this input folder -> the name it is read under. */
    const realSeen = new Map<string, string>();
    const loops: string[] = [];
    for (const entry of found) {
      const absPath = path.join(abs, entry.path);
      if (seen.has(absPath) || (entry.dirent.isDirectory() && !entry.dirent.isSymbolicLink() && !entry.unsearched)) continue;
      const relPath = entry.path.split(path.sep).join('/');
      if (entry.unsearched) {
        // A folder whose files cannot be listed: reported, so that no document goes missing unseen.
        seen.add(absPath);
        files.push({ root: abs, absPath, relPath, format: null, skip: UNSEARCHED[entry.unsearched] });
        continue;
      }
      if (outputs.some((dir) => relPath.startsWith(dir)) || loops.some((dir) => relPath.startsWith(dir))) continue;
      const file: InputFile = { root: abs, absPath, relPath, format: formatOf(relPath) };
      // Two input folders holding the same path would give two documents one id.
      if (relPaths.has(relPath)) file.skip = { code: 'E_DUPLICATE_PATH', severity: 'fatal', message: 'Another input folder has a file at the same path, and document ids come from the path; not read. Give the folders one parent folder as input, or rename the file.' };
      relPaths.add(relPath);
      let real: string | null = null;
      try {
        real = fs.realpathSync(absPath);
      } catch {
        // A link whose target exists but has a path that is not UTF-8 cannot be followed by name.
        const target = entry.dirent.isSymbolicLink() ? realPathBytes(absPath) : null;
        file.skip = !entry.dirent.isSymbolicLink()
          ? { code: 'E_READ', severity: 'fatal', message: 'The file cannot be opened by its name: the name is not valid UTF-8 (or the file went away). Rename it.' }
          : !target
            ? { code: 'W_SYMLINK_BROKEN', severity: 'warning', message: 'A symbolic link whose target does not exist (or loops); nothing to read.' }
            : !followSymlinks && !startsWithBytes(target, Buffer.from(realRoot + path.sep))
              ? { code: 'W_SYMLINK_OUTSIDE', severity: 'warning', message: 'A symbolic link to something outside the input folder; not followed. Use --follow-symlinks to read it.' }
              : { code: 'E_READ', severity: 'fatal', message: 'A symbolic link whose target has a name that is not valid UTF-8; it cannot be followed by name. Rename the target.' };
      }
      if (real && !file.skip) {
        const inside = real === realRoot || real.startsWith(realRoot + path.sep);
        const stat = fs.statSync(real);
        if (!inside && !followSymlinks) {
          file.skip = { code: 'W_SYMLINK_OUTSIDE', severity: 'warning', message: `A symbolic link to a ${stat.isDirectory() ? 'folder' : 'file'} outside the input folder; not followed. Use --follow-symlinks to read it.` };
        } else if (stat.isDirectory() && entry.dirent.isSymbolicLink() && isAncestor(real, path.dirname(absPath))) {
          // A link back to a folder it stands in ("sub/loop -> .") would be followed for ever: the
          // link is reported once, and nothing below it is read.
          loops.push(`${relPath}/`);
          file.skip = { code: 'W_SYMLINK_BROKEN', severity: 'warning', message: 'A symbolic link to a folder it stands in (a loop); not followed.' };
        } else if (stat.isDirectory()) {
          continue; // a folder (or a link to one inside the input, whose files are read where they are)
        } else if (!stat.isFile()) {
          file.skip = NOT_A_FILE;
        } else if (realSeen.has(real)) {
          file.skip = { code: 'I_DUPLICATE_FILE', severity: 'info', message: `The same file as ${realSeen.get(real)} (through a symbolic link); read once, under that name.` };
        } else {
          realSeen.set(real, relPath);
        }
      }
      seen.add(absPath);
      files.push(file);
    }
  }
  return files;
}

const NOT_A_FILE: NonNullable<InputFile['skip']> = { code: 'W_NOT_A_FILE', severity: 'warning', message: 'Not a regular file (a pipe, socket or device); not read.' };

/** Folders whose files were not listed, as problems. */
const UNSEARCHED: Record<Unsearched, NonNullable<InputFile['skip']>> = {
  deep: { code: 'E_TOO_DEEP', severity: 'fatal', message: `A folder ${MAX_DEPTH} levels below the input folder; the files in it were not searched. Give it as an input of its own.` },
  unreadable: { code: 'E_READ', severity: 'fatal', message: 'A folder that cannot be read (permissions); the files in it were not found.' },
  unnamed: { code: 'E_READ', severity: 'fatal', message: 'A folder that cannot be opened by its name: the name is not valid UTF-8 (or the folder went away). Rename it.' },
};

type Unsearched = 'deep' | 'unreadable' | 'unnamed';

interface TreeEntry {
  /** Relative to the root, with "/" between folders. */
  path: string;
  dirent: Entry['dirent'];
  /** A folder whose entries were not listed, and why. */
  unsearched?: Unsearched;
}

/** The real path of a link's target as bytes (names need not be UTF-8), or null if there is none. */
function realPathBytes(link: string): Buffer | null {
  try {
    return fs.realpathSync.native(link, { encoding: 'buffer' });
  } catch {
    return null;
  }
}

const startsWithBytes = (bytes: Buffer, prefix: Buffer) => bytes.subarray(0, prefix.length).equals(prefix);

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** Why the folder cannot have its entries listed ('deep' is decided by listTree), or undefined. */
function unsearched(dir: string): TreeEntry['unsearched'] {
  try {
    fs.accessSync(dir, fs.constants.R_OK | fs.constants.X_OK);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'unnamed' : 'unreadable';
  }
  return undefined;
}

/**
 * Of the folders at the depth limit (fast-glob lists them but not what is in them), those holding
 * entries the search would have taken, not hidden and not ignored. fast-glob itself answers, one
 * level deeper, so its own ignore rules apply; a glob made from a folder's path would misread
 * names with glob syntax in them. The second listing runs only when a folder reaches the limit.
 */
function foldersTooDeep(cwd: string, atLimit: string[], ignore: string[]): Set<string> {
  if (!atLimit.length) return new Set();
  const below = fg.sync('**/*', { cwd, onlyFiles: false, dot: false, followSymbolicLinks: false, deep: MAX_DEPTH + 1, suppressErrors: true, ignore });
  const parents = new Set(below.filter((p) => p.split('/').length > MAX_DEPTH).map((p) => p.slice(0, p.lastIndexOf('/'))));
  return new Set(atLimit.filter((dir) => parents.has(dir)));
}

/**
 * Every entry under `root`. With `follow`, a link to a folder is listed through, each real folder
 * once: fast-glob's own link following walks a loop of links down to the depth limit, and two
 * loops make that exponential ("a -> ." and "b -> .." ran a run out of memory).
 */
function listTree(root: string, ignore: string[], follow: boolean): TreeEntry[] {
  const out: TreeEntry[] = [];
  const visited = new Set([fs.realpathSync(root)]);
  const pending = [''];
  while (pending.length) {
    const prefix = pending.shift()!;
    const cwd = prefix ? path.join(root, prefix) : root;
    const entries = fg.sync('**/*', { cwd, onlyFiles: false, objectMode: true, dot: false, followSymbolicLinks: false, deep: MAX_DEPTH, suppressErrors: true, ignore });
    const atLimit = entries.filter((e) => e.dirent.isDirectory() && e.path.split('/').length >= MAX_DEPTH).map((e) => e.path);
    const tooDeep = foldersTooDeep(cwd, atLimit, ignore);
    for (const e of entries) {
      const rel = prefix ? `${prefix}/${e.path}` : e.path;
      // A followed link to a folder is listed through below; it is checked like a folder.
      const folder = e.dirent.isDirectory() || (follow && e.dirent.isSymbolicLink() && isFolder(path.join(root, rel)));
      const why = !folder ? undefined : (unsearched(path.join(root, rel)) ?? (tooDeep.has(e.path) ? 'deep' : undefined));
      out.push(why ? { path: rel, dirent: e.dirent, unsearched: why } : { path: rel, dirent: e.dirent });
      if (!follow || !e.dirent.isSymbolicLink()) continue;
      try {
        const real = fs.realpathSync(path.join(root, rel));
        if (fs.statSync(real).isDirectory() && !visited.has(real) && !isAncestor(real, path.dirname(path.join(root, rel)))) {
          visited.add(real);
          pending.push(rel);
        }
      } catch {
        // A broken link: reported by the caller.
      }
    }
  }
  return out;
}

/** Is folder `dir` the folder `inside` (real path taken) or one of its ancestors? */
function isAncestor(dir: string, inside: string): boolean {
  let real: string;
  try {
    real = fs.realpathSync(inside);
  } catch {
    return false;
  }
  return real === dir || real.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}
