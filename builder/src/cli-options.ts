/**
 * Parses and checks the builder's command-line options; every mistake is a usage error (exit 2)
 * that names the flag.
 */
import { parseArgs } from 'node:util';
import {
  daysBetweenInclusive,
  defaultWindow,
  isIsoDate,
  threeYearsEndingOn,
  toIsoDate,
} from './calendar/dates.ts';
import { CliError, ExitCode } from './errors.ts';
import { parseS3Url, type LakehouseLocation } from './publish/location.ts';
import { readMapping } from './sources/file/read-mapping.ts';
import type { SourceSpec } from './sources/source-spec.ts';

export type Command = 'ingest' | 'build' | 'run' | 'publish-web';

/** The mock's 10-digit document numbers hold a 4-digit day and a 5-digit item number. */
const MAX_MOCK_DAYS = 9_999;
const MAX_MOCK_ITEMS = 99_999;

export interface CommandOptions {
  source: SourceSpec | undefined;
  location: LakehouseLocation;
  keepBuilds: number;
  force: boolean;
  debug: boolean;
  schedule: { cron: string; timezone: string } | undefined;
  /** publish-web: an app build to publish instead of web/dist. */
  distDir: string | undefined;
  /** run: forecast (npm run forecast) after each published or up-to-date build. */
  withMl: boolean;
}

const optionSpec = {
  source: { type: 'string' },
  items: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  seed: { type: 'string' },
  'fault-rate': { type: 'string' },
  input: { type: 'string' },
  'item-master': { type: 'string' },
  mapping: { type: 'string' },
  out: { type: 'string' },
  s3: { type: 'string' },
  dist: { type: 'string' },
  keep: { type: 'string' },
  force: { type: 'boolean' },
  schedule: { type: 'string' },
  tz: { type: 'string' },
  'with-ml': { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof optionSpec; strict: true }>>['values'];

/** Flags each command accepts beyond --out, --s3, --debug and --help. */
const commandFlags: Record<Command, readonly (keyof typeof optionSpec)[]> = {
  ingest: ['source', 'items', 'from', 'to', 'seed', 'fault-rate', 'input', 'item-master', 'mapping', 'force'],
  build: ['keep', 'force'],
  run: [
    'source',
    'items',
    'from',
    'to',
    'seed',
    'fault-rate',
    'input',
    'item-master',
    'mapping',
    'keep',
    'force',
    'schedule',
    'tz',
    'with-ml',
  ],
  'publish-web': ['dist'],
};

export function usage(command: string, message: string): CliError {
  return new CliError(message, {
    exitCode: ExitCode.usage,
    hint: `see npm run lakehouse -- ${command} --help`,
  });
}

function integer(
  command: Command,
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw usage(command, `--${name} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return parsed;
}

function date(command: Command, name: string, value: string): string {
  if (!isIsoDate(value)) throw usage(command, `--${name} must be a date as YYYY-MM-DD, got "${value}"`);
  return value;
}

async function parseSource(command: Command, values: Values, now: Date): Promise<SourceSpec> {
  const kind = values.source ?? 'mock';
  if (kind === 'file') {
    if (values.input === undefined) throw usage(command, '--source file needs --input PATH');
    return {
      kind: 'file',
      input: values.input,
      itemMaster: values['item-master'],
      mapping: await readMapping(values.mapping),
    };
  }
  if (kind !== 'mock') throw usage(command, `--source must be "mock" or "file", got "${kind}"`);
  const to = values.to === undefined ? defaultWindow(now).to : date(command, 'to', values.to);
  const from = values.from === undefined ? threeYearsEndingOn(to) : date(command, 'from', values.from);
  if (from > to) throw usage(command, `--from ${from} is after --to ${to}`);
  if (daysBetweenInclusive(from, to) > MAX_MOCK_DAYS) {
    throw usage(
      command,
      `the mock covers at most ${MAX_MOCK_DAYS} days; --from ${from} --to ${to} is longer`,
    );
  }
  // The mock writes history: a window into the future would publish zeros as actuals.
  const today = toIsoDate(now);
  if (to > today) throw usage(command, `--to ${to} is in the future (today is ${today})`);
  const faultRate = values['fault-rate'] === undefined ? 0.005 : Number(values['fault-rate']);
  if (!(faultRate >= 0 && faultRate <= 1)) {
    throw usage(command, `--fault-rate must be between 0 and 1, got "${values['fault-rate']}"`);
  }
  return {
    kind: 'mock',
    items: integer(command, 'items', values.items, 200, 1, MAX_MOCK_ITEMS),
    from,
    to,
    seed: integer(command, 'seed', values.seed, 42, 0),
    faultRate,
  };
}

function checkFlags(command: Command, values: Values): void {
  const allowed = new Set<string>([...commandFlags[command], 'out', 's3', 'debug', 'help']);
  const extra = Object.keys(values).filter((flag) => !allowed.has(flag));
  if (extra.length > 0) throw usage(command, `${command} does not take --${extra.join(', --')}`);
  const mockOnly = ['items', 'from', 'to', 'seed', 'fault-rate'].filter((flag) => flag in values);
  const fileOnly = ['input', 'item-master', 'mapping'].filter((flag) => flag in values);
  if (values.source === 'file' && mockOnly.length > 0)
    throw usage(command, `--${mockOnly[0]} is for --source mock`);
  if (values.source !== 'file' && fileOnly.length > 0)
    throw usage(command, `--${fileOnly[0]} needs --source file`);
  if (values.tz !== undefined && values.schedule === undefined) throw usage(command, '--tz needs --schedule');
}

/** `--out DIR` or `--s3 s3://bucket/prefix` (never both); neither means $DATA_DIR, else data/. */
export function parseLocation(
  command: string,
  values: { out?: string; s3?: string },
  env: NodeJS.ProcessEnv,
): LakehouseLocation {
  if (values.out !== undefined && values.s3 !== undefined)
    throw usage(command, 'give --out or --s3, not both');
  if (values.s3 === undefined) return { kind: 'folder', dir: values.out ?? env.DATA_DIR ?? 'data' };
  const location = parseS3Url(values.s3);
  if (typeof location === 'string') throw usage(command, `--s3: ${location}`);
  return location;
}

export async function parseCommandOptions(
  command: Command,
  args: string[],
  env: NodeJS.ProcessEnv,
  today: Date,
): Promise<CommandOptions> {
  let values: Values;
  try {
    ({ values } = parseArgs({ args, options: optionSpec, strict: true, allowPositionals: false }));
  } catch (error) {
    throw usage(command, error instanceof Error ? error.message : String(error));
  }
  checkFlags(command, values);
  return {
    source: command === 'ingest' || command === 'run' ? await parseSource(command, values, today) : undefined,
    location: parseLocation(command, values, env),
    keepBuilds: integer(command, 'keep', values.keep, 3, 1),
    force: values.force ?? false,
    debug: values.debug ?? false,
    distDir: values.dist,
    withMl: values['with-ml'] ?? false,
    schedule:
      values.schedule === undefined
        ? undefined
        : { cron: values.schedule, timezone: values.tz ?? 'America/Bahia' },
  };
}
