/**
 * The builder CLI: `npm run lakehouse -- <command>`. The only top-level catch: one line
 * `builder: <step>: <message>` plus a hint, the stack and SQL only with --debug, and an exit code
 * that means something.
 */
import { parseRunOptions, RUN_HELP } from './cli-options.ts';
import { CliError, ExitCode, isCliError, isStepError } from './errors.ts';
import { createProgress, formatSummaryTable } from './progress.ts';
import { runPipeline } from './run.ts';

const HELP = `Usage: npm run lakehouse -- <command> [options]

Commands:
  run      build the lakehouse (source → bronze → silver → gold) and publish it

Run "npm run lakehouse -- <command> --help" for a command's options.`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(HELP);
    return;
  }
  if (command !== 'run') {
    throw new CliError(`unknown command "${command}"`, {
      exitCode: ExitCode.usage,
      hint: 'see npm run lakehouse -- --help',
    });
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(RUN_HELP);
    return;
  }
  const options = parseRunOptions(rest, process.env, new Date());
  const progress = createProgress((line) => console.log(line));
  const manifest = await runPipeline({ ...options, progress });
  console.log(`\n${formatSummaryTable(progress.records())}\n`);
  console.log(`published build ${manifest.build_id} to ${options.outDir}/gold/manifest.json`);
}

function report(error: unknown, debug: boolean): number {
  if (isCliError(error)) {
    console.error(`builder: ${error.message}`);
    if (error.hint) console.error(`hint: ${error.hint}`);
  } else if (isStepError(error)) {
    console.error(`builder: ${error.step}: ${error.message}`);
    if (debug && error.sql) console.error(`sql:\n${error.sql}`);
  } else {
    console.error(`builder: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (debug && error instanceof Error) console.error(error.stack);
  else console.error('(run with --debug for details)');
  return isCliError(error)
    ? error.exitCode
    : isStepError(error) && isIoError(error.cause)
      ? ExitCode.io
      : ExitCode.unexpected;
}

function isIoError(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    /^E[A-Z]+$/.test(error.code)
  );
}

const argv = process.argv.slice(2);
main(argv).catch((error: unknown) => {
  process.exitCode = report(error, argv.includes('--debug'));
});
