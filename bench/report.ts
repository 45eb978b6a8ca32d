/**
 * The run as one markdown table (area, measure, result, goal), printed at the end of
 * `npm run bench` and pasted into READMEs and issues as is.
 */
import { format } from 'd3-format';
import { median } from 'd3-array';
import { formatBytes } from '#builder';
import type { BenchResults } from './bench-results.ts';
import type { WasmTiming } from './browser-queries.ts';
import { interactionRows } from './interaction-rows.ts';
import { itemsColdRows } from './items-cold-row.ts';
import { buildGoal, count, itemColdGoal, markdownTable, ms, times } from './report-format.ts';
import type { FileTraffic } from './served-log.ts';

const rate = format(',.3~s');
const percent = format('.1%');
const percent2 = format('.2%');

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
    `${build.seconds.toFixed(1)} s · ${rate(build.rowsPerSecond)} rows/s · peak RSS ${formatBytes(build.peakRssBytes)} · ` +
      `gold ${count(build.goldFiles)} files, ${formatBytes(build.goldBytes)}`,
    buildGoal(build.factRows),
  ]);
  const { exponent, lakehouses } = results.builder;
  rows.push([
    'builder',
    'time ∝ rows^k (log-log fit)',
    exponent === null ? 'n/a (one size)' : `k = ${exponent.toFixed(2)} over ${lakehouses.length} sizes`,
    'k ≤ 1',
  ]);
  const { forecast } = results.builder;
  if (forecast) {
    rows.push([
      'forecast',
      `the largest lakehouse, ${forecast.models}`,
      `${forecast.seconds.toFixed(1)} s`,
      '',
    ]);
  }
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
  const { lakehouse, coldLoads, queries, warm: summary, itemCold } = results.browser;
  const n = coldLoads.length;
  const medianOf = (pick: (load: (typeof coldLoads)[number]) => number) => median(coldLoads, pick) ?? NaN;
  const at = `at ${count(lakehouse.factRows)} rows`;
  const scale = results.mode === 'scale';
  const rows: Row[] = [
    [
      'browser cold',
      `first KPI from the manifest (median of ${n} cold loads ${at})`,
      ms(medianOf((load) => load.manifestMs)),
      '≤ 400 ms',
    ],
    ['browser cold', 'DuckDB-WASM ready (every gold view)', ms(medianOf((load) => load.readyMs)), '≤ 1.5 s'],
    ['browser cold', 'first KPI from DuckDB-WASM', ms(medianOf((load) => load.duckdbMs)), '≤ 1.5 s'],
    [
      'browser cold',
      'page load fetched: everything (app, wasm, data) / the daily fact',
      `${formatBytes(medianOf((load) => load.totalBytes))} / ${formatBytes(medianOf((load) => load.fact.bytes))} ` +
        `(${percent(medianOf((load) => load.fact.bytes) / lakehouse.factBytes)} of its ${lakehouse.factFiles} files)`,
      '',
    ],
    [
      'item cold',
      `item page daily history (${results.browser.lakehouse.itemId}), fresh page: time · fetched`,
      `${ms(itemCold.ms)} · ${formatBytes(itemCold.fact.bytes)} in ${itemCold.fact.gets} GETs = ` +
        `${percent2(itemCold.shareOfFact)} of the daily fact (${formatBytes(itemCold.factBytes)}; ` +
        `its file ${formatBytes(itemCold.fileBytes)})`,
      itemColdGoal(scale),
    ],
    ...itemsColdRows(results.browser, itemColdGoal(scale)).map((row): Row => ['item cold', ...row]),
  ];
  for (const query of queries) {
    rows.push([
      'query warm',
      `(${query.id}) ${query.page}: ${query.label} — wasm / native`,
      `${warm(query.wasm)} / ${ms(query.native.medianMs)} = ${times(query.wasmToNative)}`,
      `< ${summary.thresholdMs} ms`,
    ]);
  }
  rows.push(
    [
      'query warm',
      `median wasm / native ratio over the ${summary.total} dashboard queries`,
      times(summary.medianRatio),
      '≤ 3×',
    ],
    [
      'query warm',
      `dashboard queries under ${summary.thresholdMs} ms warm ${at} (DuckDB-WASM medians)`,
      `${summary.under} of ${summary.total}`,
      'all',
    ],
  );
  rows.push(...interactionRows(results.browser).map((row): Row => ['interaction', ...row]));
  return rows;
}

function sweepRows(results: BenchResults): Row[] {
  const { points } = results.rowGroupSweep;
  return points.map((point) => [
    'row groups',
    `${count(point.rowGroupSize)} rows/group, ${point.keys ? `part of the item's file (${count(point.rows)} rows)` : `the item's file (${count(point.rows)} rows)`}: ${point.rowGroups} groups, ${formatBytes(point.bytes)}`,
    `one item: ${traffic(point.singleItem.fact, point.bytes)}, cold ${ms(point.singleItem.coldMs)}, ` +
      `warm ${ms(point.singleItem.warm.medianMs)} · full scan: cold ${ms(point.fullScan.coldMs)}, ` +
      `warm ${ms(point.fullScan.warm.medianMs)}`,
    '',
  ]);
}

export function formatReport(results: BenchResults): string {
  const { machine, versions } = results;
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
  ];
  return markdownTable(['area', 'measure', 'result', 'goal'], rows);
}
