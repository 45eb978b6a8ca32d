/**
 * `npm run forecast`: forecasts the current gold and publishes a new build (folder or bucket), or
 * forecasts a series file into a folder. The only top-level catch: one line, a hint, an exit code.
 */
import {
  createProgress,
  describeLocation,
  formatSummaryTable,
  isCliError,
  isStepError,
  ExitCode,
} from '#builder';
import { parseForecastOptions } from './cli-options.ts';
import { forecastLakehouse } from './gold/forecast-lakehouse.ts';
import { forecastSeriesFile } from './io/forecast-series-file.ts';

const HELP = `npm run forecast -- [--out DIR | --s3 s3://bucket/prefix] [options]
npm run forecast -- --series FILE --period day|week|month [--season N] [--horizon N] --out DIR

Forecasts every item of the current gold build (default: $DATA_DIR, else data/) and publishes a
new build with the same dimensions and fact and new fact_forecasts / fact_metrics; or, with
--series, forecasts a CSV or Parquet file with columns item_id,date,demand into DIR.

  --out DIR             the lakehouse folder (or, with --series, the output folder)
  --s3 URL              the lakehouse in a bucket (AWS_ENDPOINT_URL etc. as the builder reads them)
  --series FILE         a series file instead of the lakehouse
  --period P            the series' period: day (default), week or month
  --season N            season length in periods (default 7 daily, 52 weekly, 12 monthly)
  --horizon N           periods to forecast (default 90 daily, 13 weekly, 12 monthly)
  --models LIST         comma-separated candidates (default all; seasonal_naive always runs)
  --service-level P     for safety stock and reorder point (default 0.95)
  --workers N           worker threads (default: one per core)
  --lstm-epochs N       training epochs of the global LSTM (default 4)
  --seed N              seed of the LSTM's initialisers and sampling (default 42)
  --keep N              builds kept in gold/ (default 3)
  --debug               stack traces and SQL on errors

Exit codes: 0 ok, 1 unexpected, 2 usage, 3 input data invalid, 4 output/IO.`;

async function main(argv: string[]): Promise<void> {
  const options = parseForecastOptions(argv, process.env);
  if (options.help) {
    console.log(HELP);
    return;
  }
  const progress = createProgress((line) => console.log(line));
  const { command } = options;
  if (command.kind === 'series') {
    const written = await forecastSeriesFile({
      file: command.file,
      outDir: command.outDir,
      config: options.config,
      progress,
      workers: options.workers,
    });
    console.log(`\n${formatSummaryTable(progress.records())}\n`);
    console.log(
      `wrote ${written.forecasts} forecast rows and ${written.metrics} metric rows → ${command.outDir}`,
    );
    return;
  }
  const manifest = await forecastLakehouse({
    location: command.location,
    config: options.config,
    progress,
    keepBuilds: command.keepBuilds,
    workers: options.workers,
  });
  console.log(`\n${formatSummaryTable(progress.records())}\n`);
  console.log(`published build ${manifest.build_id} with forecasts → ${describeLocation(command.location)}`);
}

function report(error: unknown, debug: boolean): number {
  if (isCliError(error)) {
    console.error(`forecast: ${error.message}`);
    if (error.hint) console.error(`hint: ${error.hint}`);
  } else if (isStepError(error)) {
    console.error(`forecast: ${error.step}: ${error.message.split('\n')[0]}`);
    if (debug && error.sql) console.error(`sql:\n${error.sql}`);
  } else {
    console.error(`forecast: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (debug && error instanceof Error) console.error(error.stack);
  else console.error('(run with --debug for details)');
  return isCliError(error) ? error.exitCode : ExitCode.unexpected;
}

const argv = process.argv.slice(2);
main(argv).catch((error: unknown) => {
  process.exitCode = report(error, argv.includes('--debug'));
});
