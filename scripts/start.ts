/**
 * `npm start`: the embedded default in one command. Builds the demo lakehouse into DATA_DIR
 * (default data/) when it has no gold manifest, builds the web app when web/dist is missing or
 * older than its sources, then serves both from one origin and prints the URL.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  createProgress,
  defaultWindow,
  ensureWebApp,
  formatSummaryTable,
  isCliError,
  Layout,
  readLedger,
  runPipeline,
} from '#builder';
import { manifestProblem } from '#schema';
import { parsePort, startStaticServer, StaticServerError } from '#static-server';

const dataDir = path.resolve(process.env.DATA_DIR ?? 'data');
// Loopback unless asked: HOST=0.0.0.0 shares the dashboard on the local network.
const host = process.env.HOST ?? '127.0.0.1';

/** Why the lakehouse's manifest cannot be served as it is ('missing' when there is none). */
async function manifestState(): Promise<'ok' | 'missing' | string> {
  const text = await fs.readFile(path.join(dataDir, 'gold', 'manifest.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return 'missing';
  try {
    return manifestProblem(JSON.parse(text)) ?? 'ok';
  } catch {
    return 'not valid JSON';
  }
}

async function ensureLakehouse(): Promise<void> {
  const state = await manifestState();
  const where = path.relative(process.cwd(), dataDir) || '.';
  if (state === 'ok') {
    console.log(`lakehouse: using ${where}/gold/manifest.json`);
    return;
  }
  // A lakehouse with ingested batches but an outdated gold is rebuilt from its own silver, never
  // mixed with the demo; one with nothing ingested gets the demo.
  const demo = state === 'missing' || (await readLedger(new Layout(dataDir))).length === 0;
  console.log(
    demo
      ? `lakehouse: building the demo lakehouse into ${where}`
      : `lakehouse: ${where}/gold/manifest.json cannot be served (${state}); rebuilding gold from silver`,
  );
  const progress = createProgress((line) => console.log(`  ${line}`));
  await runPipeline({
    source: demo
      ? { kind: 'mock', items: 200, seed: 42, faultRate: 0.005, ...defaultWindow(new Date()) }
      : undefined,
    build: true,
    location: { kind: 'folder', dir: dataDir },
    keepBuilds: 3,
    force: !demo,
    progress,
  });
  console.log(`\n${formatSummaryTable(progress.records())}\n`);
}

async function main(): Promise<void> {
  // Checked first: a typo in PORT should not wait for a lakehouse and an app build to be reported.
  const port = parsePort(process.env.PORT);
  await ensureLakehouse();
  const webDist = await ensureWebApp((line) => console.log(line));
  const server = await startStaticServer({ roots: [webDist, dataDir], port, host });
  console.log(`\nNova Corrente demand dashboard: ${server.url}index.html\n(Ctrl+C to stop)`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = error instanceof StaticServerError || isCliError(error) ? error.exitCode : 1;
});
