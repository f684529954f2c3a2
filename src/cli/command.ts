import type { OptionSpec, ParsedArgs } from './args.js';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Is stderr a terminal (progress bars only then)? */
  interactive: boolean;
  /** Aborted on SIGINT or SIGTERM. */
  signal?: AbortSignal;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: OptionSpec[];
  /** Check positionals and option combinations; return every problem found. */
  validate?(args: ParsedArgs): string[];
  run(args: ParsedArgs, io: Io): Promise<number> | number;
}
