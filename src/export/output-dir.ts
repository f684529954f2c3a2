import fs from 'node:fs';
import path from 'node:path';
import { PresslensError } from '../util/errors.js';

/** The cache folder's name inside the output folder, when no --cache is given. */
export const DEFAULT_CACHE_NAME = '.cache';

/** Start of the names a run keeps beside its output folder OUT: ".OUT.staging-PID" and ".OUT.previous". */
export const besideOutputPrefix = (dir: string) => `.${path.basename(path.resolve(dir))}.`;

/**
 * Atomic output: every file of a run is written into a staging folder beside the output folder,
 * and only when all are complete does the staging folder replace the output folder (two renames).
 * A run that dies before the swap leaves the previous output as it was; the staging folder is
 * removed by the next run. Should a run die between the two renames, the next run finds the
 * previous output under its backup name and puts it back first.
 */
export class OutputDir {
  readonly staging: string;
  private readonly backup: string;

  /**
   * @param cacheDir the run's cache folder; when it lies inside `dir` (the default, `dir/.cache`) it
   * is carried over into the new output at commit, so a run's cache survives the swap.
   */
  constructor(
    readonly dir: string,
    private readonly cacheDir: string | null = null,
  ) {
    const abs = path.resolve(dir);
    const parent = path.dirname(abs);
    const base = path.basename(abs);
    this.staging = path.join(parent, `${besideOutputPrefix(abs)}staging-${process.pid}`);
    this.backup = path.join(parent, `${besideOutputPrefix(abs)}previous`);
    refuseForeignFolder(abs);
    try {
      fs.mkdirSync(parent, { recursive: true });
      this.recover(parent, base);
      fs.rmSync(this.staging, { recursive: true, force: true });
      fs.mkdirSync(this.staging);
    } catch (error) {
      throw new PresslensError('E_OUTPUT', `Cannot write to output folder ${dir}: ${(error as Error).message}`, { cause: error });
    }
  }

  private recover(parent: string, base: string): void {
    clearLeftovers(path.join(parent, base));
  }

  file(name: string): string {
    return path.join(this.staging, name);
  }

  /** Replace the output folder with the staging folder. */
  commit(): void {
    const abs = path.resolve(this.dir);
    if (this.cacheDir && path.dirname(path.resolve(this.cacheDir)) === abs && fs.existsSync(this.cacheDir)) {
      fs.renameSync(this.cacheDir, path.join(this.staging, path.basename(this.cacheDir)));
    }
    fs.rmSync(this.backup, { recursive: true, force: true });
    if (fs.existsSync(abs)) fs.renameSync(abs, this.backup);
    fs.renameSync(this.staging, abs);
    fs.rmSync(this.backup, { recursive: true, force: true });
  }

  /** Drop the staging folder (the run failed or was interrupted). */
  abandon(): void {
    fs.rmSync(this.staging, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Undo what an interrupted earlier run into `dir` left behind: put back the previous output if a
 * run died between its two renames, and remove staging folders of runs that are no longer alive.
 */
export function clearLeftovers(dir: string): void {
  const abs = path.resolve(dir);
  const parent = path.dirname(abs);
  const base = path.basename(abs);
  const backup = path.join(parent, `${besideOutputPrefix(abs)}previous`);
  // Nothing can be left where there is no folder (a new path, or one under a file: OutputDir says why).
  try {
    if (!fs.statSync(parent).isDirectory()) return;
  } catch {
    return;
  }
  if (!fs.existsSync(abs) && fs.existsSync(backup)) fs.renameSync(backup, abs);
  for (const name of fs.readdirSync(parent)) {
    const m = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.staging-(\\d+)$`).exec(name);
    if (m && !isAlive(Number(m[1]))) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

/**
 * Why `dir` cannot be a run's output folder, or null. The folder is replaced whole at the end of a
 * run, so it must be new, empty, or the output of an earlier run (manifest.json): "--out ." in a
 * folder of one's own files, or the input folder itself, would delete them. A new folder is made
 * in the nearest folder that exists, which must be a folder and writable.
 */
export function outputFolderProblem(dir: string): string | null {
  const abs = path.resolve(dir);
  if (fs.existsSync(abs)) {
    if (!fs.statSync(abs).isDirectory()) return `The output ${abs} is a file, not a folder. Give a new or empty folder with --out.`;
    const entries = fs.readdirSync(abs).filter((name) => !name.startsWith('.'));
    if (entries.length && !entries.includes('manifest.json')) {
      return `The output folder ${abs} holds files that are not a presslens output (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', ...' : ''}); a run replaces the whole folder, so it would delete them. Give a new or empty folder with --out.`;
    }
  }
  // The run writes beside the output folder (staging, then a swap): its parent, or the nearest
  // folder that exists above it, must take new entries.
  let above = path.dirname(abs);
  while (!fs.existsSync(above) && path.dirname(above) !== above) above = path.dirname(above);
  if (!fs.statSync(above).isDirectory()) return `Cannot make the output folder ${abs}: ${above} is a file, not a folder.`;
  try {
    fs.accessSync(above, fs.constants.W_OK | fs.constants.X_OK);
  } catch {
    return `Cannot make the output folder ${abs}: ${above} is not writable.`;
  }
  return null;
}

function refuseForeignFolder(abs: string): void {
  const problem = outputFolderProblem(abs);
  if (problem) throw new PresslensError('E_OUTPUT', problem);
}
