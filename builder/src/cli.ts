/**
 * The builder CLI: `npm run lakehouse -- <command>`. The only top-level catch: one line
 * `builder: <step>: <message>` plus a hint, the stack and SQL only with --debug, and an exit code
 * that means something.
 */
import { COMMAND_HELP, HELP } from './cli-help.ts';
import { parseCommandOptions, usage, type Command, type CommandOptions } from './cli-options.ts';
import { ExitCode, isCliError, isStepError } from './errors.ts';
import { targetFor } from './publish/open-target.ts';
import { describeLocation, type LakehouseLocation } from './publish/location.ts';
import { publishWebApp } from './publish-web.ts';
import { ensureWebApp } from './web-app/ensure-web-app.ts';
import { createProgress, formatBytes, formatSummaryTable } from './progress.ts';
import { runForecastJob } from './run-forecast-job.ts';
import { runPipeline, type RunResult } from './run.ts';
import { runOnSchedule } from './schedule.ts';

const commands: readonly Command[] = ['ingest', 'build', 'run', 'publish-web'];

function isCommand(value: string): value is Command {
  return (commands as readonly string[]).includes(value);
}

function describe(result: RunResult): string {
  const parts: string[] = [];
  if (result.ingest?.status === 'ingested') parts.push(`ingested batch ${result.ingest.batch.batch_id}`);
  if (result.ingest?.status === 'skipped') parts.push('source unchanged');
  if (result.build?.status === 'published') parts.push(`published build ${result.build.manifest.build_id}`);
  if (result.build?.status === 'up-to-date')
    parts.push(`gold up to date (build ${result.build.manifest.build_id})`);
  return parts.join('; ');
}

async function runOnce(command: Command, options: CommandOptions): Promise<string> {
  const progress = createProgress((line) => console.log(line));
  const result = await runPipeline({ ...options, build: command !== 'ingest', progress });
  if (progress.records().length > 0) console.log(`\n${formatSummaryTable(progress.records())}\n`);
  if (options.withMl && result.build) {
    await runForecastJob(options.location, options.debug);
    return `${describe(result)}; forecast published`;
  }
  return describe(result);
}

async function publishWeb(location: LakehouseLocation, distDir: string | undefined): Promise<void> {
  const dist = distDir ?? (await ensureWebApp((line) => console.log(line)));
  const target = targetFor(location);
  const app = await publishWebApp(target, dist);
  console.log(`published the app (${app.files} files, ${formatBytes(app.bytes)}) → ${target.location}`);
  if (app.url) console.log(`open ${app.url}`);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(HELP);
    return;
  }
  if (!isCommand(command)) throw usage('--help', `unknown command "${command}"`);
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(COMMAND_HELP[command]);
    return;
  }
  const options = await parseCommandOptions(command, rest, process.env, new Date());
  if (command === 'publish-web') {
    await publishWeb(options.location, options.distDir);
    return;
  }
  if (!options.schedule) {
    console.log(`${await runOnce(command, options)} → ${describeLocation(options.location)}`);
    return;
  }
  const stop = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.log(`schedule: ${signal} received; stopping after the run in progress`);
      stop.abort();
    });
  }
  await runOnSchedule({
    ...options.schedule,
    // Options are read again on every run, so defaults that depend on the day (the mock's window
    // ending yesterday) move with the schedule.
    job: async () => runOnce(command, await parseCommandOptions(command, rest, process.env, new Date())),
    log: (line) => console.log(line),
    stop: stop.signal,
  });
}

/** Node's file-system errors (ENOSPC, EACCES…) and DuckDB's own I/O failures (disk full, unwritable). */
function isIoError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if ('code' in error && typeof error.code === 'string' && /^E[A-Z]+$/.test(error.code)) return true;
  return /^(IO Error|Out of Memory Error|Permission Error)\b/.test(error.message);
}

function report(error: unknown, debug: boolean): number {
  if (isCliError(error)) {
    console.error(`builder: ${error.message}`);
    if (error.hint) console.error(`hint: ${error.hint}`);
  } else if (isStepError(error)) {
    console.error(`builder: ${error.step}: ${error.message.split('\n')[0]}`);
    if (debug && error.sql) console.error(`sql:\n${error.sql}`);
  } else {
    console.error(`builder: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (debug && error instanceof Error) console.error(error.stack);
  else console.error('(run with --debug for details)');
  if (isCliError(error)) return error.exitCode;
  return isIoError(error) || (isStepError(error) && isIoError(error.cause))
    ? ExitCode.io
    : ExitCode.unexpected;
}

const argv = process.argv.slice(2);
main(argv).catch((error: unknown) => {
  process.exitCode = report(error, argv.includes('--debug'));
});
