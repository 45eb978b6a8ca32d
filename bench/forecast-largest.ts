/**
 * Fills the largest lakehouse's forecast tables before the browser half runs, so the dashboard's
 * forecast, policy and accuracy queries are timed on real rows instead of empty tables. Only the
 * baseline model is fitted: the tables get a full horizon per item, the policy and the metrics of
 * the selected model, and at 10M rows the job stays within minutes on two cores (the four quick
 * candidates took over a minute for 912 items). It runs as `npm run forecast` does, in its own
 * process, and publishes a new build of the same facts.
 */
import { FORECAST_CLI, runCli } from '#support/run-cli.ts';

const FORECAST_ARGS = ['--models', 'seasonal_naive'];

export interface ForecastRun {
  seconds: number;
  models: string;
}

export async function forecastLargest(dataDir: string): Promise<ForecastRun> {
  const started = performance.now();
  const run = await runCli(FORECAST_CLI, ['--out', dataDir, ...FORECAST_ARGS]);
  if (run.code !== 0) throw new Error(`the forecast job failed (exit ${run.code}): ${run.stderr}`);
  return { seconds: (performance.now() - started) / 1000, models: FORECAST_ARGS.join(' ') };
}
