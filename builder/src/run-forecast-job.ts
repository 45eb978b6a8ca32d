/**
 * `run --with-ml`: the forecasting job runs after the build as its own process (`npm run forecast`
 * on the same lakehouse), so the builder never imports ml/ (ml depends on the builder, not the
 * reverse) and the job takes the lakehouse lock itself, like any other writer.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CliError, ExitCode } from './errors.ts';
import type { LakehouseLocation } from './publish/location.ts';

const FORECAST_CLI = fileURLToPath(new URL('../../ml/src/cli.ts', import.meta.url));

function locationArgs(location: LakehouseLocation): string[] {
  return location.kind === 'folder'
    ? ['--out', location.dir]
    : ['--s3', `s3://${location.bucket}/${location.prefix}`];
}

export function runForecastJob(location: LakehouseLocation, debug: boolean): Promise<void> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const args = ['--import', tsx, FORECAST_CLI, ...locationArgs(location), ...(debug ? ['--debug'] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new CliError(`forecast: the forecasting job ended with ${signal ?? `exit code ${code}`}`, {
            exitCode: code === ExitCode.invalidInput || code === ExitCode.io ? code : ExitCode.unexpected,
            hint: 'its own message is above; run npm run forecast alone to retry',
          }),
        );
    });
  });
}
