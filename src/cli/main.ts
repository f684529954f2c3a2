#!/usr/bin/env node
// The presslens command. The signal handlers come first, before the commands and the NLP modules
// load (that takes a while): a SIGTERM or SIGINT at any moment then stops the run cleanly.
import { ExitCode } from '../util/errors.js';
import type { Io } from './command.js';

// SIGINT and SIGTERM stop the run between files; nothing is written and the previous output
// stays as it was (exit 130). A second signal exits at once.
const controller = new AbortController();
const stop = () => {
  if (controller.signal.aborted) process.exit(ExitCode.interrupted);
  controller.abort();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// A reader that closes the pipe early ("presslens diff a b --json | head") has all it wants.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.ok);
  throw error;
});
const io: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  interactive: Boolean(process.stderr.isTTY),
  signal: controller.signal,
};
import('./cli.js')
  .then(({ main }) => main(process.argv.slice(2), io))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`presslens: internal error: ${(error as Error).stack ?? error}\nPlease report this with the command you ran.\n`);
      process.exitCode = ExitCode.cannotRun;
    },
  );
