/**
 * The builder's error types. Steps throw StepError; bad input or environment throws CliError.
 * cli.ts is the only place that catches them, prints one line and sets the exit code.
 */

export const ExitCode = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  invalidInput: 3,
  io: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class CliError extends Error {
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;

  constructor(message: string, options: { exitCode: ExitCode; hint?: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'CliError';
    this.exitCode = options.exitCode;
    this.hint = options.hint;
  }
}

/** A failure inside one pipeline step, with the SQL that was running when it failed. */
export class StepError extends Error {
  readonly step: string;
  readonly sql: string | undefined;

  constructor(step: string, cause: unknown, sql?: string) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'StepError';
    this.step = step;
    this.sql = sql;
  }
}

export function isCliError(error: unknown): error is CliError {
  return error instanceof CliError;
}

export function isStepError(error: unknown): error is StepError {
  return error instanceof StepError;
}
