import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The URL of a worker thread's script, given relative to the module that starts it: next to that
 * module when built; from the build (src/ -> dist/) when the TypeScript sources run, as in tests,
 * since a worker thread runs JavaScript only.
 */
export function workerScript(relative: string, from: string): URL {
  const here = new URL(relative, from);
  if (fs.existsSync(fileURLToPath(here))) return here;
  return new URL(here.href.replace(/\/src\/(?!.*\/src\/)/, '/dist/'));
}
