/** The CLI: its command table, help, and main(), which runs one command line and returns the exit code. */
import { PresslensError, ExitCode } from '../util/errors.js';
import { VERSION } from '../version.js';
import { optionHelp, parseArgv } from './args.js';
import type { Command, Io } from './command.js';
import { codebookCommand } from './commands/codebook.js';
import { evalCommand } from './commands/eval.js';
import { extractCommand } from './commands/extract.js';
import { explainCommand } from './commands/explain.js';
import { diffCommand } from './commands/diff.js';
import { mergeCommand } from './commands/merge.js';
import { collectCommand, enqueueCommand, statusCommand, workerCommand } from './commands/queue.js';

/** The command table: the only place the CLI's commands are listed. */
const COMMANDS: Command[] = [extractCommand, evalCommand, explainCommand, diffCommand, mergeCommand, enqueueCommand, workerCommand, collectCommand, statusCommand, codebookCommand];

function mainHelp(): string {
  const w = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `presslens ${VERSION}: press releases in, datasets of people, organisations, places and themes out`,
    '',
    'Usage: presslens <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(w)}  ${c.summary}`),
    '',
    'Run "presslens <command> --help" for a command\'s options.',
    'Exit codes: 0 all good; 1 some documents had fatal problems (see problems.csv); 2 could not run.',
    '',
  ].join('\n');
}

function commandHelp(c: Command): string {
  return `Usage: ${c.usage}\n\n${c.summary}.\n\nOptions:\n${optionHelp([...c.options, { name: 'help', type: 'boolean', description: 'Show this help' }])}\n`;
}

/** Run the CLI; returns the exit code. Only this function touches argv and the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp());
    return name ? ExitCode.ok : ExitCode.cannotRun;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return ExitCode.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`presslens: unknown command "${name}". Expected one of: ${COMMANDS.map((c) => c.name).join(', ')}.\nRun "presslens --help" for usage.\n`);
    return ExitCode.cannotRun;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(command));
    return ExitCode.ok;
  }
  const args = parseArgv(rest, command.options);
  const errors = [...args.errors, ...(command.validate?.(args) ?? [])];
  if (errors.length) {
    io.stderr(`presslens ${command.name}: ${errors.length === 1 ? 'a usage error' : `${errors.length} usage errors`}:\n${errors.map((e) => `  - ${e}`).join('\n')}\nUsage: ${command.usage.split('\n')[0]}\nRun "presslens ${command.name} --help" for every option.\n`);
    return ExitCode.cannotRun;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof PresslensError) {
      io.stderr(`presslens ${command.name}: ${error.message}\n`);
      return error.code === 'E_INTERRUPTED' ? ExitCode.interrupted : ExitCode.cannotRun;
    }
    throw error;
  }
}
