import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * A full garbage collection on demand. V8 lets a heap grow towards its (large) default limit
 * before collecting the old generation, so a long run's main thread would hold hundreds of MB of
 * dead result messages; collecting every few thousand files keeps its memory at what is alive,
 * without capping it (the run-wide tables must be free to grow with a larger corpus).
 */
let collect: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
