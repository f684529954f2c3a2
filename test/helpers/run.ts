import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = path.join(ROOT, 'dist/cli/main.js');

export function tempDir(prefix = 'presslens-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Run the built CLI (npm test builds first) and capture its output and exit code. */
export function cli(args: string[], cwd = ROOT): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A manifest without what differs between identical runs (times) or between builds of the same
 * outputs (run_salt hashes the code itself, so it changes with any refactoring).
 */
export function stableManifest(file: string): Record<string, unknown> {
  const m = JSON.parse(fs.readFileSync(file, 'utf8'));
  delete m.started_at;
  delete m.finished_at;
  delete m.duration_ms;
  delete m.run_salt;
  return m;
}
