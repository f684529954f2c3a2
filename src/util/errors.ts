/**
 * A run-level failure: the run cannot start or cannot finish (bad options, missing input, unwritable
 * output). Document-level trouble is never thrown; it becomes a Problem record instead.
 */
export class PresslensError extends Error {
  readonly code: string;
  /** Every problem found, one line each, for usage and config errors that list them all. */
  readonly details: string[];

  constructor(code: string, message: string, options: { details?: string[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PresslensError';
    this.code = code;
    this.details = options.details ?? [];
  }
}

/** Exit codes, as the README documents them. */
export const ExitCode = { ok: 0, documentProblems: 1, cannotRun: 2, interrupted: 130 } as const;
