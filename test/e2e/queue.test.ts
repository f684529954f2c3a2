import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, cli, ROOT, stableManifest, tempDir } from '../helpers/run.js';

/**
 * The queue mode on a real Redis: Debian's redis-server on loopback (.ci/run installs it when it
 * is missing), three workers, one of them killed mid-run, and a collector.
 */
const REDIS = '/usr/bin/redis-server';
const haveRedis = fs.existsSync(REDIS);
if (!haveRedis) console.warn(`skipping the queue tests: ${REDIS} is not installed (apt-get install redis-server)`);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

describe.skipIf(!haveRedis)('presslens enqueue / worker / collect on Redis', () => {
  const dir = tempDir('presslens-queue-');
  const big = path.join(dir, 'corpus');
  let redis: ChildProcess;
  let url = '';
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 8; i++) fs.cpSync(path.join(ROOT, 'corpus'), path.join(big, `copy${i}`), { recursive: true, filter: (src) => !src.includes(`${path.sep}gold`) });
    const port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    redis = spawn(REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    for (let i = 0; i < 50; i++) {
      if (spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG') break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 60_000);

  afterAll(() => {
    for (const w of workers) w.kill('SIGKILL');
    redis?.kill('SIGKILL');
  });

  it('three workers, one killed mid-run: the collected output equals a local run, nothing lost or duplicated', async () => {
    const local = path.join(dir, 'local');
    expect(cli(['extract', big, '--out', local, '--quiet', '--no-cache']).code).toBe(0);

    const enqueued = cli(['enqueue', big, '--run', 'r1', '--redis', url]);
    expect(enqueued.code).toBe(0);
    expect(cli(['enqueue', big, '--run', 'r1', '--redis', url]).code).toBe(0); // again: no duplicate jobs
    for (let i = 0; i < 3; i++) workers.push(spawn(process.execPath, [CLI, 'worker', '--redis', url, '--lock-ms', '2000'], { cwd: ROOT, stdio: 'ignore' }));
    await new Promise((r) => setTimeout(r, 2500));
    workers[0].kill('SIGKILL');

    const out = path.join(dir, 'collected');
    const collected = await new Promise<number | null>((resolve) => {
      const c = spawn(process.execPath, [CLI, 'collect', '--run', 'r1', '--redis', url, '--out', out, '--quiet'], { cwd: ROOT, stdio: 'ignore' });
      c.on('exit', (code) => resolve(code));
    });
    expect(collected).toBe(0);
    for (const file of fs.readdirSync(local).filter((f) => !f.startsWith('.') && f !== 'manifest.json')) {
      expect(fs.readFileSync(path.join(out, file)).equals(fs.readFileSync(path.join(local, file))), file).toBe(true);
    }
    expect(stableManifest(path.join(out, 'manifest.json'))).toEqual(stableManifest(path.join(local, 'manifest.json')));

    const status = JSON.parse(cli(['status', '--run', 'r1', '--redis', url, '--json']).stdout);
    expect(status).toMatchObject({ done: status.batches, failed: 0 });
  }, 180_000);

  it('a worker stops on SIGTERM once it has said it is waiting (exit 0)', async () => {
    const worker = spawn(process.execPath, [CLI, 'worker', '--redis', url], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    workers.push(worker);
    await new Promise<void>((resolve) => worker.stderr!.on('data', (chunk: Buffer) => chunk.toString().includes('waiting for jobs') && resolve()));
    const exited = new Promise<number | null>((resolve) => worker.on('exit', (code) => resolve(code)));
    worker.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('still running after 10 s'), 10_000))]);
    expect(code).toBe(0);
  }, 30_000);

  it('refuses a run it does not know, exit 2', () => {
    const r = cli(['collect', '--run', 'nope', '--redis', url, '--out', path.join(dir, 'x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/No run "nope"/);
  });
});
