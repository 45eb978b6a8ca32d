/**
 * `npm run bench -- [--quick | --scale | --only ml]`: builds lakehouses of several sizes, then
 * measures the largest in headless Chromium against native DuckDB with the dashboard's own query
 * set, prints one markdown table and writes bench/results.json.
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
import { sqlString } from '#schema/literal.ts';
import { sql } from '#schema/sql.ts';
import { startStaticServer } from '#static-server';
import { openAppSession, type AppSession } from './app-session.ts';
import { benchConfig } from './bench-config.ts';
import type { BenchResults, ColdLoad } from './bench-results.ts';
import { timeWasmQueries } from './browser-queries.ts';
import { buildSizes, builtLakehouse } from './build-sizes.ts';
import { forecastLargest, type ForecastRun } from './forecast-largest.ts';
import { spreadItems } from './item-switch.ts';
import { measureItemsCold } from './items-cold.ts';
import { measureColdQuery, withProbeFile } from './cold-queries.ts';
import {
  dashboardQueries,
  dashboardQuery,
  dashboardStatements,
  ITEM_DAILY_QUERY_ID,
  type DashboardInputs,
} from './dashboard-queries.ts';
import { runMlBench } from './ml-bench.ts';
import { measurePageInteractions } from './page-interactions.ts';
import { machineInfo } from './machine-info.ts';
import { timeNativeQueries } from './native-queries.ts';
import { probeFile, type ProbeFile } from './probe-file.ts';
import { queryInputs } from './query-inputs.ts';
import { queryResults } from './query-results.ts';
import { shareOf, warmSummary } from './query-summary.ts';
import { recordStatement } from './recording-db.ts';
import { formatReport } from './report.ts';
import { rewriteFact } from './rewrite-fact.ts';
import { rowGroupSweep } from './row-group-sweep.ts';
import { scalingExponent } from './scaling-exponent.ts';
import { ServedLog } from './served-log.ts';
import { buildWebApp } from './web-app.ts';
import { writeResults } from './write-results.ts';

// A scale run keeps its own file, so it never replaces the full run's numbers.
const resultsFile = (mode: BenchResults['mode']) =>
  mode === 'scale' ? 'bench/results-scale.json' : 'bench/results.json';
const log = (line: string) => console.error(`bench: ${line}`);

async function readManifest(dataDir: string): Promise<Manifest> {
  const parsed: unknown = JSON.parse(await readFile(path.join(dataDir, 'gold/manifest.json'), 'utf8'));
  if (!isManifest(parsed)) throw new Error(`invalid manifest in ${dataDir}`);
  return parsed;
}

/** dim_item is one file; the bench reads it directly for the query inputs. */
function onlyFile(table: ManifestTable): ManifestFile {
  const [file, ...more] = table.files;
  if (!file || more.length > 0)
    throw new Error(`expected one file, the manifest lists ${table.files.length}`);
  return file;
}

/** The item page's daily history as the page runs it, reading the probe copy of the item's file. */
function itemDailyOnProbe(inputs: DashboardInputs, itemFile: string, probe: ProbeFile) {
  const dailyFact = withProbeFile(inputs.dailyFact, itemFile, probe);
  return recordStatement((db) => dashboardQuery(ITEM_DAILY_QUERY_ID).run(db, { ...inputs, dailyFact }));
}

/** The item_key range of the `parts`-th of the file's items that holds `itemKey`. */
function partHolding(file: ManifestFile, itemKey: number, parts: number): { min: number; max: number } {
  if (!file.item_keys) throw new Error(`${file.path} has no item_key range`);
  const { min, max } = file.item_keys;
  const size = Math.ceil((max - min + 1) / parts);
  const start = min + Math.floor((itemKey - min) / size) * size;
  return { min: start, max: Math.min(max, start + size - 1) };
}

/** The sweep's full scan: every column's worth of work over the whole probe file. */
function scanProbe(probe: ProbeFile) {
  return {
    sql: sql`
SELECT count(*) AS n, sum(demand) AS units, avg(demand) AS mean_units
FROM read_parquet(${sqlString(probe.url)})`,
    params: [],
  };
}

async function bench(workDir: string): Promise<BenchResults | undefined> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--only' && argv[1] === 'ml') {
    await runMlBench(argv.slice(2));
    return undefined;
  }
  const config = benchConfig(argv);
  const machine = machineInfo();
  const started = performance.now();
  log(
    `${config.mode} mode in ${workDir} (load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
  );

  const built = config.builtDir
    ? [await builtLakehouse(path.resolve(config.builtDir), config.targetRows.at(-1) ?? 0)]
    : await buildSizes(config, workDir, log);
  const largest = built.at(-1);
  if (!largest) throw new Error('no lakehouse was built');
  let forecast: ForecastRun | undefined;
  if (config.forecast) {
    log('forecasting the largest lakehouse (quick candidates)…');
    forecast = await forecastLargest(largest.dataDir);
    log(`  forecast in ${forecast.seconds.toFixed(1)} s`);
  }
  const manifest = await readManifest(largest.dataDir);
  const local = (relative: string) => path.join(largest.dataDir, relative);
  const inputs = await queryInputs(local(onlyFile(manifest.tables.dim_item).path), manifest);
  const statements = await dashboardStatements(dashboardQueries, inputs);
  const dailyFact = manifest.tables.fact_demand_daily;
  // The daily fact is several files by item_key range; one item's query reads the file holding it.
  const [itemFile] = itemFactFiles(dailyFact, inputs.itemKey);
  const itemFileEntry = dailyFact.files.find((file) => file.path === itemFile);
  if (itemFile === undefined || !itemFileEntry) throw new Error('no fact file holds the bench item');

  log(`native DuckDB: ${statements.length} dashboard queries…`);
  const native = await timeNativeQueries(largest.dataDir, manifest, statements, config.runs);

  log('writing the probe file and the row-group sweep…');
  const probeRoot = path.join(workDir, 'probe-root');
  await mkdir(path.join(probeRoot, 'probe'), { recursive: true });
  // The same bytes under a URL of their own; a hard link, as the server refuses symlinks out of its roots.
  const probeName = path.basename(itemFile);
  await link(local(itemFile), path.join(probeRoot, 'probe', probeName));
  const layouts = await rewriteFact(
    local(itemFile),
    config.sweep.map(({ rowGroupSize, filePart }) => ({
      rowGroupSize,
      keys: filePart > 1 ? partHolding(itemFileEntry, inputs.itemKey, filePart) : undefined,
      path: path.join(probeRoot, 'probe', `fact-rg-${rowGroupSize}-part-${filePart}.parquet`),
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
  const factPaths = new Set(dailyFact.files.map((file) => `/${file.path}`));
  const coldLoads: ColdLoad[] = [];
  // Every fresh session is also a cold start of the app on the same lakehouse: all are recorded.
  const openSession = async (): Promise<AppSession> => {
    const mark = served.mark();
    const session = await openAppSession(`${server.url}index.html`, workDir);
    const fact = served.trafficSince(mark, (urlPath) => factPaths.has(urlPath));
    coldLoads.push({ ...session.paints, totalBytes: served.totalBytesSince(mark), fact });
    return session;
  };
  try {
    log('DuckDB-WASM: cold start and the warm query set…');
    const session = await openSession();
    const wasm = await timeWasmQueries(session.page, served, statements, config.runs).finally(() =>
      session.close(),
    );
    log('the item page switching item, and the explorer scrolling a large result…');
    const interacting = await openSession();
    const interactions = await measurePageInteractions(
      interacting.page,
      local(onlyFile(manifest.tables.dim_item).path),
      Math.floor(largest.factRows / largest.items),
      config.runs,
    ).finally(() => interacting.close());
    log('DuckDB-WASM: the item daily history cold in a fresh session…');
    const probe = probeFile(server.url, probeName, itemFileEntry.bytes);
    const cold = await measureColdQuery(
      openSession,
      probe,
      served,
      await itemDailyOnProbe(inputs, itemFile, probe),
    );
    log('DuckDB-WASM: the item page’s daily history cold, items spread over the lakehouse…');
    const itemsCold = await measureItemsCold(
      openSession,
      served,
      dailyFact,
      await spreadItems(local(onlyFile(manifest.tables.dim_item).path), config.coldItems),
    );
    log('DuckDB-WASM: row-group sweep…');
    const variants = layouts.map((layout) => ({
      layout,
      probe: probeFile(server.url, path.basename(layout.path), layout.bytes),
    }));
    const points = await rowGroupSweep(
      variants,
      openSession,
      served,
      { item: (variant) => itemDailyOnProbe(inputs, itemFile, variant), scan: scanProbe },
      config.runs,
    );

    const queries = queryResults(statements, wasm.timings, native.timings);
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
          goldFiles: build.goldFiles,
          goldBytes: build.goldBytes,
        })),
        exponent: exponent ?? null,
        forecast: forecast ?? null,
      },
      browser: {
        lakehouse: {
          factRows: largest.factRows,
          factBytes: largest.factBytes,
          factFiles: dailyFact.files.length,
          itemId: inputs.itemId,
          itemKey: inputs.itemKey,
          category: inputs.category,
          lastDate: inputs.lastDate,
        },
        coldLoads,
        queries,
        warm: warmSummary(
          queries.map((query) => ({ wasmMs: query.wasm.medianMs, nativeMs: query.native.medianMs })),
          config.interactiveMs,
        ),
        itemCold: {
          ...cold,
          shareOfFact: shareOf(cold.fact.bytes, largest.factBytes),
          fileBytes: itemFileEntry.bytes,
          factBytes: largest.factBytes,
        },
        itemsCold,
        ...interactions,
      },
      rowGroupSweep: { factRows: itemFileEntry.rows, points },
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
    await writeResults(resultsFile(results.mode), results);
    console.log(`\n${formatReport(results)}\n`);
    log(`results in ${resultsFile(results.mode)}; npm run bench:readme puts a full run's in the README`);
  }
} catch (error) {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
} finally {
  await rm(workDir, { recursive: true, force: true });
}
