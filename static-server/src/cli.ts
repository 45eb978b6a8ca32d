/**
 * `tsx static-server/src/cli.ts [--root DIR ...]`: serve the app build and the data folder from one
 * origin. The only catch: one line `static-server: <message>`, the stack only with --debug, and the
 * exit code carried by the error (2 usage, 4 IO such as a busy port or a missing root, 1 unexpected).
 */
import { RootNotFoundError, StaticServerError, UsageError } from './errors.ts';
import { parseCliOptions, usage } from './parse-cli-options.ts';
import { startStaticServer } from './server.ts';

function formatError(error: unknown, debug: boolean): string {
  if (!debug || !(error instanceof Error)) return error instanceof Error ? error.message : String(error);
  const cause =
    error.cause instanceof Error ? `\ncaused by: ${error.cause.stack ?? error.cause.message}` : '';
  return `${error.stack ?? error.message}${cause}`;
}

function hintFor(error: unknown): string | undefined {
  if (error instanceof UsageError) return 'Run with --help for usage.';
  if (error instanceof RootNotFoundError) {
    return 'Build the app (npm run build:web) and the data (npm run lakehouse -- run), or pass --root DIR.';
  }
  return undefined;
}

async function main(argv: readonly string[]): Promise<void> {
  const options = parseCliOptions(argv, process.env);
  if (options.help) {
    console.log(usage);
    return;
  }
  const server = await startStaticServer({
    roots: options.roots,
    port: options.port,
    host: options.host,
    onError: (error) => console.error(`static-server: ${formatError(error, options.debug)}`),
  });
  const stop = (): void => {
    server.close().catch((error: unknown) => {
      console.error(`static-server: ${formatError(error, options.debug)}`);
      process.exitCode = 4;
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Printed last: whoever waits for the URL may signal us right away, and the handlers must be in place.
  console.log(`static-server: serving ${options.roots.join(', ')} at ${server.url}`);
}

const argv = process.argv.slice(2);
main(argv).catch((error: unknown) => {
  console.error(`static-server: ${formatError(error, argv.includes('--debug'))}`);
  const hint = hintFor(error);
  if (hint !== undefined) console.error(hint);
  process.exitCode = error instanceof StaticServerError ? error.exitCode : 1;
});
