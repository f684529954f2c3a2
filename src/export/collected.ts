import type { Counts, Manifest } from './manifest.js';
import { FileSink } from './index.js';
import { Collector, type RunStats } from '../pipeline/run.js';

/**
 * Write the output of file results that were extracted elsewhere (shards, queue workers): fed to
 * a Collector in input order and exported into `out` as a local run would, so the files are the
 * same byte for byte. The staging folder is abandoned if anything fails.
 */
export async function writeCollected(
  out: string,
  run: { themes: Array<{ id: string; label: string }>; files: number; keywords: number },
  feed: (collector: Collector) => Promise<void> | void,
  manifestOf: (counts: Counts, outputs: Record<string, string>, stats: RunStats) => Manifest,
): Promise<{ counts: Counts; manifest: Manifest }> {
  const sink = new FileSink(out, run.themes, null);
  try {
    const collector = new Collector(sink, sink.spool(), run.files);
    await feed(collector);
    const stats = collector.finish(run.keywords);
    let manifest!: Manifest;
    const counts = await sink.finish(stats.files, (c, outputs) => (manifest = manifestOf(c, outputs, stats)));
    return { counts, manifest };
  } catch (error) {
    sink.abandon();
    throw error;
  }
}
