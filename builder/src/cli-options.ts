/**
 * Parses and checks `lakehouse run` options into a RunOptions source; every mistake is a usage
 * error (exit 2) that names the flag.
 */
import { parseArgs } from 'node:util';
import { addDays, isIsoDate, threeYearsEndingOn, toIsoDate } from './calendar/dates.ts';
import { CliError, ExitCode } from './errors.ts';
import type { SourceSpec } from './run.ts';

export const RUN_HELP = `Usage: npm run lakehouse -- run [options]

Builds the lakehouse: source → bronze → silver → gold, then publishes gold atomically.

Options:
  --source mock          where rows come from (default: mock, a seeded realistic ERP export)
  --items N              mock: number of items (default 200)
  --from YYYY-MM-DD      mock: first day of history (default: three years before --to)
  --to YYYY-MM-DD        mock: last day of history (default: yesterday, UTC)
  --seed N               mock: random seed; the same seed gives the same data (default 42)
  --fault-rate X         mock: share of export lines with ERP faults, 0..1 (default 0.005)
  --out DIR              output folder (default: $DATA_DIR or data)
  --keep N               gold builds to keep, the current one included (default 3)
  --debug                print stack traces and the failing SQL
  -h, --help             show this help

Exit codes: 0 ok, 1 unexpected, 2 usage, 3 input data invalid, 4 output/IO.`;

export interface ParsedRun {
  source: SourceSpec;
  outDir: string;
  keepBuilds: number;
}

function usage(message: string): CliError {
  return new CliError(message, { exitCode: ExitCode.usage, hint: 'see npm run lakehouse -- run --help' });
}

function integer(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min)
    throw usage(`--${name} must be an integer ≥ ${min}, got "${value}"`);
  return parsed;
}

function date(name: string, value: string): string {
  if (!isIsoDate(value)) throw usage(`--${name} must be a date as YYYY-MM-DD, got "${value}"`);
  return value;
}

export const runOptionSpec = {
  source: { type: 'string' },
  items: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  seed: { type: 'string' },
  'fault-rate': { type: 'string' },
  out: { type: 'string' },
  keep: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseRunOptions(args: string[], env: NodeJS.ProcessEnv, today: Date): ParsedRun {
  let values;
  try {
    ({ values } = parseArgs({ args, options: runOptionSpec, strict: true, allowPositionals: false }));
  } catch (error) {
    throw usage(error instanceof Error ? error.message : String(error));
  }
  const sourceKind = values.source ?? 'mock';
  if (sourceKind !== 'mock') throw usage(`--source must be "mock", got "${sourceKind}"`);
  const to = values.to === undefined ? addDays(toIsoDate(today), -1) : date('to', values.to);
  const from = values.from === undefined ? threeYearsEndingOn(to) : date('from', values.from);
  if (from > to) throw usage(`--from ${from} is after --to ${to}`);
  const faultRate = values['fault-rate'] === undefined ? 0.005 : Number(values['fault-rate']);
  if (!(faultRate >= 0 && faultRate <= 1))
    throw usage(`--fault-rate must be between 0 and 1, got "${values['fault-rate']}"`);
  return {
    source: {
      kind: 'mock',
      items: integer('items', values.items, 200, 1),
      from,
      to,
      seed: integer('seed', values.seed, 42, 0),
      faultRate,
    },
    outDir: values.out ?? env.DATA_DIR ?? 'data',
    keepBuilds: integer('keep', values.keep, 3, 1),
  };
}
