/**
 * `npm run bench -- [--quick]`: builds lakehouses of several sizes, then measures the largest in
 * headless Chromium against native DuckDB, prints one markdown table and writes bench/results.json.
 * A benchmark, not a test: no time fails it; only something that breaks exits non-zero.
 * Everything it builds lives in one temp folder, removed at the end.
 */
import { rmSync } from 'node:fs';
import { link, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import nodeApiPackage from '@duckdb/node-api/package.json' with { type: 'json' };
import { itemFactFiles } from '#web-data';
import { isManifest, type Manifest, type ManifestFile, type ManifestTable } from '#schema/manifest.ts';
import { READER_DUCKDB_WASM_VERSION } from '#schema/engine.ts';
import { startStaticServer } from '#static-server';
import { openAppSession, type AppSession } from './app-session.ts';
import { benchConfig } from './bench-config.ts';
import type { BenchResults, ColdLoad } from './bench-results.ts';
import { timeWasmQueries } from './browser-queries.ts';
import { buildSizes } from './build-sizes.ts';
import { measureColdQueries } from './cold-queries.ts';
import { runMlBench } from './ml-bench.ts';
import { machineInfo } from './machine-info.ts';
import { timeNativeQueries } from './native-queries.ts';
import { probeFile } from './probe-file.ts';
import { queryInputs } from './query-inputs.ts';
import { queryResults } from './query-results.ts';
import { formatReport } from './report.ts';
import { rewriteFact } from './rewrite-fact.ts';
import { rowGroupSweep } from './row-group-sweep.ts';
import { scalingExponent } from './scaling-exponent.ts';
import { ServedLog } from './served-log.ts';
import { buildWebApp } from './web-app.ts';
import { writeResults } from './write-results.ts';

const RESULTS_FILE = 'bench/results.json';
const log = (line: string) => console.error(`bench: ${line}`);

async function readManifest(dataDir: string): Promise<Manifest> {
  const parsed: unknown = JSON.parse(await readFile(path.join(dataDir, 'gold/manifest.json'), 'utf8'));
  if (!isManifest(parsed)) throw new Error(`invalid manifest in ${dataDir}`);
  return parsed;
}

/** The bench's query set and row-group sweep read a table of one file. */
function onlyFile(table: ManifestTable): ManifestFile {
  const [file, ...more] = table.files;
  if (!file || more.length > 0)
    throw new Error(`expected one file, the manifest lists ${table.files.length}`);
  return file;
}

async function bench(workDir: string): Promise<BenchResults | undefined> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--only' && argv[1] === 'ml') {
    await runMlBench(argv.slice(2));
    return undefined;
  }
  const config = benchConfig(process.argv.slice(2));
  const machine = machineInfo();
  const started = performance.now();
  log(`${config.mode} mode in ${workDir}`);

  const built = await buildSizes(config, workDir, log);
  const largest = built.at(-1);
  if (!largest) throw new Error('no lakehouse was built');
  const manifest = await readManifest(largest.dataDir);
  const local = (relative: string) => path.join(largest.dataDir, relative);
  const inputs = await queryInputs(local(onlyFile(manifest.tables.dim_item).path), manifest);
  // The daily fact is several files by item_key range; one item's query reads the file holding it.
  const factFiles = manifest.tables.fact_demand_daily.files.map((file) => local(file.path));
  const [itemFile] = itemFactFiles(manifest.tables.fact_demand_daily, inputs.itemKey);
  if (itemFile === undefined) throw new Error('no fact file holds the bench item');
  const gold = (table: 'fact_demand_daily' | 'dim_item') =>
    table === 'dim_item' ? local(onlyFile(manifest.tables.dim_item).path) : local(itemFile);

  log('native DuckDB: query set…');
  const native = await timeNativeQueries({ fact: factFiles, items: gold('dim_item') }, inputs, config.runs);

  log('writing probe files and the row-group sweep…');
  const probeRoot = path.join(workDir, 'probe-root');
  await mkdir(path.join(probeRoot, 'probe'), { recursive: true });
  // The same bytes under a URL of their own; a hard link, as the server refuses symlinks out of its roots.
  await link(gold('fact_demand_daily'), path.join(probeRoot, 'probe', 'fact_demand_daily.parquet'));
  const layouts = await rewriteFact(
    gold('fact_demand_daily'),
    config.rowGroupSizes.map((rowGroupSize) => ({
      rowGroupSize,
      path: path.join(probeRoot, 'probe', `fact-rg-${rowGroupSize}.parquet`),
    })),
  );

  log('building the web app…');
  const webDir = path.join(workDir, 'web');
  await buildWebApp(webDir);
  const served = new ServedLog();
  const server = await startStaticServer({
    roots: [webDir, largest.dataDir, probeRoot],
    port: 0,
    onResponse: served.record,
  });
  const factUrlPath = `/${itemFile}`;
  const coldLoads: ColdLoad[] = [];
  // Every fresh session is also a cold start of the app on the same lakehouse: all are recorded.
  const openSession = async (): Promise<AppSession> => {
    const mark = served.mark();
    const session = await openAppSession(`${server.url}index.html`, workDir);
    const fact = served.trafficSince(mark, factUrlPath);
    coldLoads.push({ ...session.paints, totalBytes: served.totalBytesSince(mark), fact });
    return session;
  };
  try {
    log('DuckDB-WASM: cold start and warm query set…');
    const session = await openSession();
    const wasm = await timeWasmQueries(
      session.page,
      { served, urlPath: factUrlPath },
      inputs,
      config.runs,
    ).finally(() => session.close());
    log('DuckDB-WASM: each query cold in a fresh session…');
    const factProbe = probeFile(server.url, 'fact_demand_daily.parquet', largest.factBytes);
    // The probe is the bench item's file: cold bytes are against the whole fact, as the goal states.
    const cold = await measureColdQueries(openSession, factProbe, served, inputs);
    log('DuckDB-WASM: row-group sweep…');
    const variants = layouts.map((layout) => ({
      layout,
      probe: probeFile(server.url, path.basename(layout.path), layout.bytes),
    }));
    const points = await rowGroupSweep(variants, openSession, served, inputs, config.runs);

    const queries = queryResults(wasm.timings, native.timings, cold, largest.factBytes);
    const exponent = scalingExponent(
      built.map((build) => ({ rows: build.factRows, seconds: build.seconds })),
    );
    return {
      date: new Date().toISOString(),
      mode: config.mode,
      seconds: (performance.now() - started) / 1000,
      machine: { ...machine, loadAverageAtEnd: os.loadavg() },
      versions: {
        node: process.version,
        chromium: `Chromium ${session.browserVersion}`,
        duckdbNative: `${native.version} (@duckdb/node-api ${nodeApiPackage.version})`,
        duckdbWasm: `${wasm.version} (@duckdb/duckdb-wasm ${READER_DUCKDB_WASM_VERSION})`,
      },
      builder: {
        lakehouses: built.map((build) => ({
          targetRows: build.targetRows,
          items: build.items,
          factRows: build.factRows,
          factBytes: build.factBytes,
          seconds: build.seconds,
          rowsPerSecond: build.factRows / build.seconds,
          peakRssBytes: build.peakRssBytes,
          steps: build.steps,
        })),
        exponent: exponent ?? null,
      },
      browser: {
        lakehouse: { factRows: largest.factRows, factBytes: largest.factBytes, ...inputs },
        coldLoads,
        queries,
      },
      rowGroupSweep: { factRows: largest.factRows, points },
      interactive: {
        thresholdMs: config.interactiveMs,
        under: queries.filter((query) => query.wasm.medianMs < config.interactiveMs).length,
        total: queries.length,
      },
      ml: { status: 'not implemented yet' },
    };
  } finally {
    await server.close();
  }
}

const workDir = await mkdtemp(path.join(os.tmpdir(), 'nova-bench-'));
// Ctrl-C skips `finally`; the temp folder (close to 1 GB with the 10M-row lakehouse) goes all the same.
process.once('SIGINT', () => {
  rmSync(workDir, { recursive: true, force: true });
  process.exit(130);
});
try {
  const results = await bench(workDir);
  if (results) {
    await writeResults(RESULTS_FILE, results);
    console.log(`\n${formatReport(results)}\n`);
    log(`results in ${RESULTS_FILE}`);
  }
} catch (error) {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
} finally {
  await rm(workDir, { recursive: true, force: true });
}
