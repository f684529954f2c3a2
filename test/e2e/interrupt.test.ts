import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, cli, tempDir } from '../helpers/run.js';
import { sha256 } from '../../src/util/hash.js';

/** Every file of an output folder with its hash (the cache aside). */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((f) => !f.startsWith('.'))
      .sort()
      .map((f) => [f, sha256(fs.readFileSync(path.join(dir, f)))]),
  );
}

/** Start an extraction, send `signal` once it has been running `afterMs`, resolve with its exit. */
function interrupt(args: string[], signal: NodeJS.Signals, afterMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill(signal), afterMs);
    child.on('exit', (code, sig) => {
      clearTimeout(timer);
      resolve({ code, signal: sig });
    });
  });
}

describe('atomic output: a run killed at any moment leaves the previous output as it was', () => {
  const dir = tempDir('presslens-kill-');
  const big = path.join(dir, 'big');
  // A corpus that takes several seconds: the bundled one, many times over.
  for (let i = 0; i < 25; i++) fs.cpSync(path.join(ROOT, 'corpus'), path.join(big, `copy${i}`), { recursive: true });
  const out = path.join(dir, 'out');
  const first = cli(['extract', path.join(ROOT, 'corpus'), '--out', out, '--quiet']);
  const before = snapshot(out);
  const run = ['extract', big, '--out', out, '--quiet', '--workers', '1', '--no-cache'];

  it('has a previous output to protect', () => {
    expect(first.code).toBe(0);
    expect(Object.keys(before)).toContain('documents.jsonl');
  });

  it('SIGKILL mid-run: previous output unchanged; the next run clears the leftovers', async () => {
    const r = await interrupt(run, 'SIGKILL', 2500);
    expect(r.signal).toBe('SIGKILL');
    expect(snapshot(out)).toEqual(before);
    expect(cli(['extract', path.join(ROOT, 'corpus'), '--out', out, '--quiet']).code).toBe(0);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.out.'))).toEqual([]);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('%s mid-run: stops cleanly with exit code 130, previous output unchanged, nothing left behind', async (signal) => {
    const previous = snapshot(out);
    const r = await interrupt(run, signal, 2500);
    expect(r.code).toBe(130);
    expect(snapshot(out)).toEqual(previous);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.out.'))).toEqual([]);
  });

  it('SIGTERM while presslens is still loading its modules: exit code 130 too, previous output unchanged', async () => {
    const previous = snapshot(out);
    const r = await interrupt(run, 'SIGTERM', 250);
    expect(r).toEqual({ code: 130, signal: null });
    expect(snapshot(out)).toEqual(previous);
  });
});
