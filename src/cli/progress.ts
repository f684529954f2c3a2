import type { Progress } from '../pipeline/run.js';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/**
 * A progress bar on an interactive stderr: files done of total, words/s and time left, redrawn at
 * most ten times a second. Not a TTY: nothing (the summary line says it all at the end).
 */
export function progressBar(write: (s: string) => void): { update(p: Progress): void; done(): void } {
  let last = 0;
  let shown = false;
  return {
    update(p) {
      const now = performance.now();
      if (now - last < 100 && p.files < p.totalFiles) return;
      last = now;
      shown = true;
      const share = p.totalFiles ? p.files / p.totalFiles : 1;
      const width = 24;
      const filled = Math.round(share * width);
      const rate = p.elapsedMs ? (p.words / p.elapsedMs) * 1000 : 0;
      const eta = share > 0 && share < 1 ? (p.elapsedMs / share) * (1 - share) : 0;
      write(`\r[${'='.repeat(filled)}${' '.repeat(width - filled)}] ${fmt(p.files)}/${fmt(p.totalFiles)} files, ${fmt(p.documents)} documents, ${fmt(rate)} words/s${eta ? `, ${duration(eta)} left` : ''}${p.cached ? `, ${fmt(p.cached)} cached` : ''}   `);
    },
    done() {
      if (shown) write('\r\x1b[2K');
    },
  };
}
