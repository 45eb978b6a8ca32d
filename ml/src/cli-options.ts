/** Parses `npm run forecast` options; every mistake is a usage error (exit 2) naming the flag. */
import { parseArgs } from 'node:util';
import { modelNames, type ModelName } from '#schema';
import { CliError, ExitCode, parseLocation, type LakehouseLocation } from '#builder';
import { defaultModels, type ModelConfig } from './model-config.ts';
import { defaultLstmConfig } from './models/lstm.ts';
import { defaultSpec, isPeriod } from './series.ts';

export type ForecastCommand =
  | { kind: 'lakehouse'; location: LakehouseLocation; keepBuilds: number }
  | { kind: 'series'; file: string; outDir: string };

export interface ForecastCliOptions {
  command: ForecastCommand;
  config: ModelConfig;
  workers: number | undefined;
  debug: boolean;
  help: boolean;
}

const optionSpec = {
  out: { type: 'string' },
  s3: { type: 'string' },
  series: { type: 'string' },
  period: { type: 'string' },
  season: { type: 'string' },
  horizon: { type: 'string' },
  models: { type: 'string' },
  'service-level': { type: 'string' },
  workers: { type: 'string' },
  seed: { type: 'string' },
  'lstm-epochs': { type: 'string' },
  keep: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function usage(message: string): CliError {
  return new CliError(message, { exitCode: ExitCode.usage, hint: 'see npm run forecast -- --help' });
}

function integer(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min)
    throw usage(`--${name} must be an integer ≥ ${min}, got "${value}"`);
  return parsed;
}

function parseModels(value: string | undefined): ModelName[] {
  if (value === undefined) return [...defaultModels];
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(modelNames as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw usage(`--models: unknown ${unknown.join(', ')} (known: ${modelNames.join(', ')})`);
  // The baseline is always fitted: every metric is scaled against it.
  return modelNames.filter((name) => name === 'seasonal_naive' || names.includes(name));
}

export function parseForecastOptions(args: string[], env: NodeJS.ProcessEnv): ForecastCliOptions {
  let values: ReturnType<typeof parseArgs<{ options: typeof optionSpec; strict: true }>>['values'];
  try {
    ({ values } = parseArgs({ args, options: optionSpec, strict: true, allowPositionals: false }));
  } catch (error) {
    throw usage(error instanceof Error ? error.message : String(error));
  }
  const period = values.period ?? 'day';
  if (!isPeriod(period)) throw usage(`--period must be day, week or month, got "${period}"`);
  if (values.series === undefined && values.period !== undefined)
    throw usage('--period is for --series FILE');
  const base = defaultSpec(period);
  const spec = {
    ...base,
    seasonLength: integer('season', values.season, base.seasonLength, 1),
    horizon: integer('horizon', values.horizon, base.horizon, 1),
  };
  const serviceLevel = values['service-level'] === undefined ? 0.95 : Number(values['service-level']);
  if (!(serviceLevel > 0 && serviceLevel < 1))
    throw usage(`--service-level must be between 0 and 1, got "${values['service-level']}"`);
  let command: ForecastCommand;
  if (values.series !== undefined) {
    if (values.out === undefined) throw usage('--series FILE needs --out DIR');
    if (values.s3 !== undefined) throw usage('--series writes to a folder: use --out DIR, not --s3');
    command = { kind: 'series', file: values.series, outDir: values.out };
  } else {
    command = {
      kind: 'lakehouse',
      location: parseLocation('forecast', values, env),
      keepBuilds: integer('keep', values.keep, 3, 1),
    };
  }
  return {
    command,
    config: {
      models: parseModels(values.models),
      spec,
      level: 0.8,
      serviceLevel,
      seed: integer('seed', values.seed, 42, 0),
      lstm: {
        ...defaultLstmConfig,
        epochs: integer('lstm-epochs', values['lstm-epochs'], defaultLstmConfig.epochs, 1),
      },
    },
    workers: values.workers === undefined ? undefined : integer('workers', values.workers, 1, 1),
    debug: values.debug ?? false,
    help: values.help ?? false,
  };
}
