/**
 * Runs a job on a cron schedule (croner) in a long-running process: never two runs at once (a tick
 * that arrives while a run is going is skipped and logged), every outcome logged, and a clean stop
 * when `stop` is aborted: no new runs, then wait for the one in progress.
 */
import { Cron } from 'croner';
import { CliError, ExitCode } from './errors.ts';

export interface ScheduleOptions {
  cron: string;
  timezone: string;
  /** One run; its resolved value is logged as the outcome. */
  job: () => Promise<string>;
  log: (line: string) => void;
  stop: AbortSignal;
}

function checkTimezone(timezone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
  } catch {
    throw new CliError(`--tz "${timezone}" is not a known time zone`, {
      exitCode: ExitCode.usage,
      hint: 'use an IANA name such as America/Bahia or UTC',
    });
  }
}

function createCron(options: ScheduleOptions, tick: () => Promise<void>): Cron {
  try {
    return new Cron(
      options.cron,
      {
        timezone: options.timezone,
        protect: () => options.log('schedule: previous run still in progress; this tick is skipped'),
      },
      tick,
    );
  } catch (error) {
    throw new CliError(
      `--schedule "${options.cron}" is not a valid cron expression: ${(error as Error).message}`,
      {
        exitCode: ExitCode.usage,
        cause: error,
      },
    );
  }
}

export async function runOnSchedule(options: ScheduleOptions): Promise<void> {
  checkTimezone(options.timezone);
  let inProgress: Promise<void> = Promise.resolve();
  const tick = async () => {
    const startedAt = Date.now();
    options.log(`schedule: run started at ${new Date(startedAt).toISOString()}`);
    inProgress = options.job().then(
      (outcome) =>
        options.log(
          `schedule: run succeeded in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: ${outcome}`,
        ),
      (error: unknown) =>
        options.log(`schedule: run failed: ${error instanceof Error ? error.message : String(error)}`),
    );
    await inProgress;
    const next = cron.nextRun();
    if (next && !options.stop.aborted) options.log(`schedule: next run at ${next.toISOString()}`);
  };
  const cron = createCron(options, tick);
  const first = cron.nextRun();
  options.log(
    `schedule: "${options.cron}" in ${options.timezone}; first run at ${first ? first.toISOString() : 'never'} (Ctrl+C to stop)`,
  );
  await new Promise<void>((resolve) => {
    if (options.stop.aborted) resolve();
    options.stop.addEventListener('abort', () => resolve(), { once: true });
  });
  cron.stop();
  await inProgress;
  options.log('schedule: stopped');
}
