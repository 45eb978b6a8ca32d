/**
 * Command line and environment of `static-server/src/cli.ts`, parsed without side effects so the
 * rules (defaults, PORT validation, usage errors) are testable as a table.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './errors.ts';

export const usage = `Usage: tsx static-server/src/cli.ts [--root DIR ...] [--host HOST] [--debug]

Serves the given folders at / (the first folder that holds a path wins), with Range,
ETag, CORS and the lakehouse caching rules. Directories are never listed.

Options:
  --root DIR    folder to serve; repeat in priority order (default: web/dist, then $DATA_DIR or data)
  --host HOST   address to listen on (default 127.0.0.1; 0.0.0.0 to expose on the network)
  --debug       print stack traces and causes on failure
  -h, --help    show this help

Environment:
  PORT          port to listen on (default 8080)
  DATA_DIR      data folder served after the app build (default data)`;

export interface CliOptions {
  help: boolean;
  debug: boolean;
  roots: string[];
  host: string;
  port: number;
}

export function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 8080;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new UsageError(`PORT must be an integer from 0 to 65535, got "${value}"`);
  }
  return port;
}

function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: {
        root: { type: 'string', multiple: true },
        host: { type: 'string' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    // parseArgs already explains the problem ("Unknown option '--rot'"); keep its words.
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

export function parseCliOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CliOptions {
  const values = parseFlags(argv);
  return {
    help: values.help === true,
    debug: values.debug === true,
    roots: values.root ?? ['web/dist', env.DATA_DIR || 'data'],
    host: values.host ?? '127.0.0.1',
    port: parsePort(env.PORT),
  };
}
