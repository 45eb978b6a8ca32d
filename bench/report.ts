/**
 * The run as one markdown table (area, measure, result, goal), printed at the end of
 * `npm run bench` and pasted into READMEs and issues as is.
 */
import { format } from 'd3-format';
import { median } from 'd3-array';
import { formatBytes } from '#builder';
import type { BenchResults } from './bench-results.ts';
import type { WasmTiming } from './browser-queries.ts';
import type { FileTraffic } from './served-log.ts';

const count = format(',.0f');
const rate = format(',.3~s');
const percent = format('.1%');
const ms = (value: number) => (value < 10 ? `${value.toFixed(1)} ms` : `${count(value)} ms`);
const times = (value: number) => `${value.toFixed(1)}×`;

function traffic(fetched: FileTraffic, fileBytes: number): string {
  const gets = `${fetched.gets} GET${fetched.gets === 1 ? '' : 's'}`;
  return `${formatBytes(fetched.bytes)} in ${gets} (${percent(fetched.bytes / fileBytes)} of the file)`;
}

const warm = (timing: WasmTiming) =>
  `${ms(timing.medianMs)} (n=${timing.runs}, ${formatBytes(Math.round(timing.fetchedPerRun))} fetched/run)`;

type Row = [area: string, measure: string, result: string, goal: string];

function builderRows(results: BenchResults): Row[] {
  const rows: Row[] = results.builder.lakehouses.map((build) => [
    'builder',
    `mock → gold, ${count(build.factRows)} fact rows (${count(build.items)} items × 3 y)`,
    `${build.seconds.toFixed(1)} s · ${rate(build.rowsPerSecond)} rows/s · peak RSS ${formatBytes(build.peakRssBytes)}`,
    '',
  ]);
  const { exponent, lakehouses } = results.builder;
  rows.push([
    'builder',
    'time ∝ rows^k (log-log fit)',
    exponent === null ? 'n/a (one size)' : `k = ${exponent.toFixed(2)} over ${lakehouses.length} sizes`,
    'k ≤ 1',
  ]);
  const largest = lakehouses.at(-1);
  const slowest = largest?.steps.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  if (largest && slowest) {
    rows.push([
      'builder',
      `slowest step at ${count(largest.factRows)} rows`,
      `${slowest.step}: ${slowest.seconds.toFixed(1)} s (${percent(slowest.seconds / largest.seconds)})`,
      '',
    ]);
  }
  return rows;
}

function browserRows(results: BenchResults): Row[] {
  const { lakehouse, coldLoads, queries } = results.browser;
  const n = coldLoads.length;
  const medianOf = (pick: (load: (typeof coldLoads)[number]) => number) => median(coldLoads, pick) ?? NaN;
  const rows: Row[] = [
    [
      'browser cold',
      `first KPI from the manifest (median of ${n} cold loads)`,
      ms(medianOf((load) => load.manifestMs)),
      '',
    ],
    ['browser cold', 'first KPI from DuckDB-WASM', ms(medianOf((load) => load.duckdbMs)), ''],
    [
      'browser cold',
      'page load fetched: everything (app, wasm, data) / the fact',
      `${formatBytes(medianOf((load) => load.totalBytes))} / ${formatBytes(medianOf((load) => load.fact.bytes))} ` +
        `(${times(medianOf((load) => load.fact.bytes) / lakehouse.factBytes)} the file)`,
      '',
    ],
  ];
  for (const query of queries) {
    rows.push([
      'query warm',
      `(${query.id}) ${query.label}: wasm / native`,
      `${warm(query.wasm)} / ${ms(query.native.medianMs)} = ${times(query.wasmToNative)}`,
      '≤ 3×',
    ]);
  }
  for (const query of queries) {
    rows.push([
      'query cold',
      `(${query.id}) ${query.label}: fresh page, fact fetched`,
      `${ms(query.cold.ms)} · ${traffic(query.cold.fact, lakehouse.factBytes)}`,
      query.id === 'a' ? '≤ 2 % of the file' : '',
    ]);
  }
  return rows;
}

function sweepRows(results: BenchResults): Row[] {
  const { factRows, points } = results.rowGroupSweep;
  return points.map((point) => [
    'row groups',
    `${count(point.rowGroupSize)} rows/group on ${count(factRows)} rows: ${point.rowGroups} groups, ${formatBytes(point.bytes)}`,
    `one item: ${traffic(point.singleItem.fact, point.bytes)}, cold ${ms(point.singleItem.coldMs)}, ` +
      `warm ${ms(point.singleItem.warm.medianMs)} · full scan: cold ${ms(point.fullScan.coldMs)}, ` +
      `warm ${ms(point.fullScan.warm.medianMs)}`,
    '',
  ]);
}

export function formatReport(results: BenchResults): string {
  const { machine, versions, interactive } = results;
  const rows: Row[] = [
    [
      'run',
      `${results.mode} mode, ${results.date}`,
      `${machine.cores} cores, ${formatBytes(machine.memoryBytes)}; load avg ${machine.loadAverageAtStart
        .map((load) => load.toFixed(2))
        .join(' ')} at start; ${results.seconds.toFixed(0)} s`,
      '',
    ],
    [
      'run',
      'versions',
      `Node ${versions.node}, ${versions.chromium}, DuckDB ${versions.duckdbNative}, DuckDB-WASM ${versions.duckdbWasm}`,
      '',
    ],
    ...builderRows(results),
    ...browserRows(results),
    ...sweepRows(results),
    [
      'seed claim',
      `warm queries under ${interactive.thresholdMs} ms (DuckDB-WASM medians)`,
      `${interactive.under} of ${interactive.total} (${percent(interactive.under / interactive.total)})`,
      'all',
    ],
    ['ML', 'forecasting, backtests', 'ML: not implemented yet', ''],
  ];
  const escape = (cell: string) => cell.replaceAll('|', '\\|');
  return [
    '| area | measure | result | goal |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}
