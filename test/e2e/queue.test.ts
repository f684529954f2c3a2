import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, cli, ROOT, stableManifest, tempDir } from '../helpers/run.js';
import { corpusAsJsonl, longestLine } from '../helpers/jsonl.js';

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

  /** Run collect to its end; its exit code. */
  const collect = (runId: string, out: string) =>
    new Promise<number | null>((resolve) => {
      const c = spawn(process.execPath, [CLI, 'collect', '--run', runId, '--redis', url, '--out', out, '--quiet'], { cwd: ROOT, stdio: 'ignore' });
      c.on('exit', (code) => resolve(code));
    });
  const sameOutputs = (a: string, b: string) => {
    for (const file of fs.readdirSync(a).filter((f) => !f.startsWith('.') && f !== 'manifest.json')) expect(fs.readFileSync(path.join(b, file)).equals(fs.readFileSync(path.join(a, file))), file).toBe(true);
  };

  it('enqueued again after files change, a running worker and the collector use the new files, not the old run', async () => {
    const corpus = path.join(dir, 'changing');
    fs.cpSync(path.join(ROOT, 'corpus', 'city'), corpus, { recursive: true });
    const worker = spawn(process.execPath, [CLI, 'worker', '--redis', url], { cwd: ROOT, stdio: 'ignore' });
    workers.push(worker);
    expect(cli(['enqueue', corpus, '--run', 'r2', '--redis', url]).code).toBe(0);
    expect(await collect('r2', path.join(dir, 'r2-first'))).toBe(0);

    for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(corpus, `0000-new-${i}.txt`), `BERLIN, 2 May 2023 – The mayor of Hamburg met Anna Berg of the Red Cross. Note ${i}.`);
    const first = fs.readdirSync(corpus).find((f) => f.endsWith('.txt') && !f.startsWith('0000'))!;
    fs.appendFileSync(path.join(corpus, first), '\nThe Governor of Ontario welcomed the plan.\n');
    const local = path.join(dir, 'r2-local');
    expect(cli(['extract', corpus, '--out', local, '--quiet', '--no-cache']).code).toBe(0);
    expect(cli(['enqueue', corpus, '--run', 'r2', '--redis', url]).code).toBe(0);
    const out = path.join(dir, 'r2-second');
    expect(await collect('r2', out)).toBe(0);
    sameOutputs(local, out);
    // Done and unchanged: enqueueing again adds nothing.
    expect(cli(['enqueue', corpus, '--run', 'r2', '--redis', url]).stdout).toMatch(/; 0 added, 0 failed ones queued again/);
  }, 120_000);

  it('collect stops on the first SIGTERM while it waits (exit 130), writing nothing', async () => {
    // Enqueued by this build into a Redis database no worker of this test watches.
    const db = `${url}/3`;
    expect(cli(['enqueue', path.join(ROOT, 'corpus', 'city'), '--run', 'idle', '--redis', db]).code).toBe(0);
    const out = path.join(dir, 'idle-out');
    const c = spawn(process.execPath, [CLI, 'collect', '--run', 'idle', '--redis', db, '--out', out, '--quiet'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    c.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Long enough for more polls than Node allows listeners on one signal before it warns of a leak.
    await new Promise((r) => setTimeout(r, 7000));
    const exited = new Promise<number | null>((resolve) => c.on('exit', (code) => resolve(code)));
    c.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('still running after 10 s'), 10_000))]);
    if (code === 'still running after 10 s') c.kill('SIGKILL');
    expect(code).toBe(130);
    expect(fs.existsSync(out)).toBe(false);
    expect(stderr).not.toMatch(/MaxListenersExceeded|memory leak/);
  }, 30_000);

  it('a worker of another build leaves the jobs to one of the run\'s build', async () => {
    // The same code with one byte more is another build (its fingerprint hashes every module).
    const other = path.join(dir, 'other-build');
    fs.cpSync(path.join(ROOT, 'dist'), path.join(other, 'dist'), { recursive: true });
    fs.cpSync(path.join(ROOT, 'data'), path.join(other, 'data'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(other, 'package.json'));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(other, 'node_modules'));
    fs.appendFileSync(path.join(other, 'dist', 'version.js'), '\n// another build\n');
    const db = `${url}/5`;
    const stranger = spawn(process.execPath, [path.join(other, 'dist', 'cli', 'main.js'), 'worker', '--redis', db], { cwd: ROOT, stdio: 'ignore' });
    workers.push(stranger);
    expect(cli(['enqueue', path.join(ROOT, 'corpus', 'eu'), '--run', 'm1', '--redis', db]).code).toBe(0);
    await new Promise((r) => setTimeout(r, 4000));
    expect(JSON.parse(cli(['status', '--run', 'm1', '--redis', db, '--json']).stdout)).toMatchObject({ done: 0, failed: 0 });
    workers.push(spawn(process.execPath, [CLI, 'worker', '--redis', db], { cwd: ROOT, stdio: 'ignore' }));
    const out = path.join(dir, 'm1');
    const code = await new Promise<number | null>((resolve) => spawn(process.execPath, [CLI, 'collect', '--run', 'm1', '--redis', db, '--out', out, '--quiet'], { cwd: ROOT, stdio: 'ignore' }).on('exit', resolve));
    expect(code).toBe(0);
    const local = path.join(dir, 'm1-local');
    expect(cli(['extract', path.join(ROOT, 'corpus', 'eu'), '--out', local, '--quiet', '--no-cache']).code).toBe(0);
    sameOutputs(local, out);
  }, 120_000);

  it('a JSONL file larger than --max-bytes goes as its parts, and is collected as a local run writes it', async () => {
    const input = path.join(dir, 'dump');
    fs.mkdirSync(input);
    corpusAsJsonl(path.join(input, 'releases.jsonl'));
    const maxBytes = String(longestLine(path.join(input, 'releases.jsonl')));
    const enqueued = cli(['enqueue', input, '--run', 'p1', '--redis', url, '--max-bytes', maxBytes]);
    expect(enqueued.code).toBe(0);
    expect(enqueued.stdout).toMatch(/: 1 files in \d+ jobs/);
    workers.push(spawn(process.execPath, [CLI, 'worker', '--redis', url], { cwd: ROOT, stdio: 'ignore' }));
    const out = path.join(dir, 'p1');
    const code = await new Promise<number | null>((resolve) => spawn(process.execPath, [CLI, 'collect', '--run', 'p1', '--redis', url, '--out', out, '--quiet'], { cwd: ROOT, stdio: 'ignore' }).on('exit', resolve));
    expect(code).toBe(0);
    const local = path.join(dir, 'p1-local');
    expect(cli(['extract', input, '--out', local, '--quiet', '--no-cache', '--max-bytes', maxBytes]).code).toBe(0);
    sameOutputs(local, out);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).counts.files).toBe(1);
  }, 120_000);

  it('a file that takes longer than the lock: the worker keeps its job, the output equals a local run', async () => {
    for (const w of workers) w.kill('SIGKILL');
    const input = path.join(dir, 'long');
    fs.mkdirSync(input);
    // About a megabyte of releases in one text file: seconds of analysis, against a 1 s lock.
    const jsonl = path.join(dir, 'long.jsonl');
    corpusAsJsonl(jsonl);
    const texts = fs.readFileSync(jsonl, 'utf8').trim().split('\n').map((l) => JSON.parse(l).text as string);
    fs.writeFileSync(path.join(input, 'all-releases.txt'), Array.from({ length: 6 }, () => texts.join('\n\n')).join('\n\n'));
    fs.copyFileSync(path.join(ROOT, 'corpus', '000_0885b6eca21b04fd.txt'), path.join(input, 'seed.txt'));
    const db = `${url}/3`;
    expect(cli(['enqueue', input, '--run', 'l1', '--redis', db]).code).toBe(0);
    const worker = spawn(process.execPath, [CLI, 'worker', '--redis', db, '--lock-ms', '1000'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    workers.push(worker);
    let said = '';
    worker.stderr!.on('data', (d) => (said += d));
    const out = path.join(dir, 'l1');
    const code = await new Promise<number | null>((resolve) => spawn(process.execPath, [CLI, 'collect', '--run', 'l1', '--redis', db, '--out', out, '--quiet'], { cwd: ROOT, stdio: 'ignore' }).on('exit', resolve));
    expect(code).toBe(0);
    expect(said).toMatch(/waiting for jobs/);
    expect(said).not.toMatch(/stalled|lock|failed/i);
    const local = path.join(dir, 'l1-local');
    expect(cli(['extract', input, '--out', local, '--quiet', '--no-cache']).code).toBe(0);
    sameOutputs(local, out);
  }, 120_000);

  it('refuses a Redis database the server does not have, exit 2', () => {
    const r = cli(['status', '--run', 'r1', '--redis', `${url}/99`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+\/99: .*DB index is out of range/);
  });

  it('refuses a run it does not know, exit 2', () => {
    const r = cli(['collect', '--run', 'nope', '--redis', url, '--out', path.join(dir, 'x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/No run "nope"/);
  });
});
