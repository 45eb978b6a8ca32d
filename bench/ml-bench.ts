/**
 * `npm run bench -- --only ml [--items N] [--models LIST] [--sample K] [--daily-only]`: builds a mock lakehouse of N
 * daily items (default 200, 3 years), fits every candidate with the worker pool one model family at a
 * time (so each family's wall time is its own; the LSTM on its own line), then reports accuracy per
 * demand class (mean MASE of the selected models against seasonal naive and SBA, interval coverage,
 * selection against the best single model on the last origin held out from selection). The same
 * accuracy report follows for the items' monthly totals (a monthly series file's case) unless
 * `--daily-only`.
 *
 * The machine is shared, so wall times move with load: /proc/loadavg is printed at start and end,
 * and each family is also timed on K series (default 20) in this thread alone by CPU time, a figure
 * load hardly moves. A benchmark: nothing here fails on a number.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createProgress, openDb, readCurrentManifest, runPipeline, withConnection, Layout } from '#builder';
import {
  defaultModels,
  defaultSpec,
  evaluateSeries,
  type Series,
  type SeriesFit,
  type SeriesSpec,
} from '#ml';
import { classifyDemand, modelNames, type ModelName } from '#schema';
import { scoreModel } from '../ml/src/evaluate-item.ts';
import { fitLstmAll } from '../ml/src/fit-lstm-all.ts';
import { fitSeries } from '../ml/src/fit-series.ts';
import { readGoldSeries } from '../ml/src/gold/read-gold-series.ts';
import { localModel } from '../ml/src/models/local-models.ts';
import { defaultLstmConfig, type LstmConfig } from '../ml/src/models/lstm.ts';
import { fitInWorkers } from '../ml/src/pool/worker-pool.ts';

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
const loadavg = async () => (await fs.readFile('/proc/loadavg', 'utf8').catch(() => 'n/a')).trim();

/** Selection on all but the last origin, scored on the last one, against the best single model there. */
function heldOut(fits: readonly SeriesFit[], order: readonly ModelName[]) {
  const selected: number[] = [];
  const single: Partial<Record<ModelName, number[]>> = {};
  for (const fit of fits) {
    if (fit.origins.length < 2) continue;
    const cut = (from: number, to?: number): SeriesFit => ({
      ...fit,
      origins: fit.origins.slice(from, to),
      actuals: fit.actuals.slice(from, to),
      scales: fit.scales.slice(from, to),
      fits: fit.fits.map((m) => ({ ...m, backtest: m.backtest.slice(from, to) })),
    });
    const last = fit.origins.length - 1;
    const late = cut(last);
    const choice = evaluateSeries(cut(0, last), 0.8, order).selected?.model;
    for (const model of late.fits) {
      const mase = scoreModel(late, model, 0.8).mase;
      (single[model.model] ??= []).push(mase);
      if (model.model === choice) selected.push(mase);
    }
  }
  const best = Object.entries(single)
    .map(([model, values]) => ({ model, mase: mean(values) }))
    .sort((a, b) => a.mase - b.mase)[0];
  return { selected: mean(selected), best };
}

/** Every family fitted by the pool on its own, the LSTM after them; fits merged per series. */
async function fitByFamily(
  series: readonly Series[],
  spec: SeriesSpec,
  models: readonly ModelName[],
  lstm: LstmConfig,
) {
  const fits: SeriesFit[] = [];
  const wall: Partial<Record<ModelName, number>> = {};
  for (const model of models.filter((name) => name !== 'lstm')) {
    const started = performance.now();
    const pool = await fitInWorkers(series, spec, [model], { log: () => undefined });
    wall[model] = (performance.now() - started) / 1000;
    console.error(`ml bench: ${model} on ${series.length} series, wall ${wall[model].toFixed(1)} s`);
    pool.fits.forEach((fit, i) => {
      const merged = fits[i];
      if (!merged) fits[i] = fit;
      else {
        merged.fits.push(...fit.fits);
        merged.failures.push(...fit.failures);
      }
    });
  }
  let lstmCpu: number | undefined;
  if (models.includes('lstm')) {
    const started = performance.now();
    const cpu = cpuSeconds();
    await fitLstmAll(series, fits, spec, lstm);
    wall.lstm = (performance.now() - started) / 1000;
    lstmCpu = cpuSeconds() - cpu;
  }
  return { fits, wall, lstmCpu };
}

/** CPU milliseconds per series (every origin and the future) of each local family, in this thread. */
function cpuPerSeries(sample: readonly Series[], spec: SeriesSpec, models: readonly ModelName[]) {
  const result: Partial<Record<ModelName, number>> = {};
  for (const name of models) {
    const model = localModel(name);
    if (!model) continue;
    model.forecast(sample[0]?.values.slice(0, 400) ?? [], 1, {
      ...spec,
      start: sample[0]?.start ?? '2023-01-01',
    });
    const cpu = cpuSeconds();
    for (const one of sample) fitSeries(one, spec, [model]);
    result[name] = ((cpuSeconds() - cpu) / sample.length) * 1000;
  }
  return result;
}

function accuracyReport(fits: readonly SeriesFit[], series: readonly Series[], order: readonly ModelName[]) {
  console.log(
    '  class          items  selected MASE  seasonal_naive  sba    improvement  coverage (selected)',
  );
  const rows = fits.flatMap((fit, i) => {
    const { scores, selected } = evaluateSeries(fit, 0.8, order);
    const demandClass = classifyDemand(series[i]?.values ?? []).demandClass;
    return scores.map((score) => ({ demandClass, score, isSelected: score.model === selected?.model }));
  });
  for (const demandClass of ['smooth', 'erratic', 'intermittent', 'lumpy']) {
    const of = (model?: ModelName) =>
      rows.filter((r) => r.demandClass === demandClass && (model ? r.score.model === model : r.isSelected));
    const selected = of();
    if (selected.length === 0) continue;
    const sel = mean(selected.map((r) => r.score.mase));
    const naive = mean(of('seasonal_naive').map((r) => r.score.mase));
    const sba = mean(of('sba').map((r) => r.score.mase));
    const coverage = mean(selected.map((r) => r.score.coverage));
    console.log(
      `  ${demandClass.padEnd(14)} ${String(selected.length).padStart(5)}  ${sel.toFixed(3).padStart(13)}  ${naive.toFixed(3).padStart(14)}  ${sba.toFixed(3)}  ${(((naive - sel) / naive) * 100).toFixed(1).padStart(10)} %  ${(coverage * 100).toFixed(1)} %`,
    );
  }
  const all = rows.filter((r) => r.isSelected);
  console.log(`  all selected: coverage ${(mean(all.map((r) => r.score.coverage)) * 100).toFixed(1)} %`);
  const held = heldOut(fits, order);
  console.log(
    `  last origin held out from selection: selected ${held.selected.toFixed(3)} vs best single model (${held.best?.model}) ${held.best?.mase.toFixed(3)}`,
  );
  const chosen = new Map<string, number>();
  for (const r of all) chosen.set(r.score.model, (chosen.get(r.score.model) ?? 0) + 1);
  console.log(`  selected models: ${[...chosen].map(([m, n]) => `${m} ${n}`).join(', ')}`);
}

/** Calendar-month totals of a daily series (the whole months only). */
function monthlyTotals(one: Series): Series {
  const totals = new Map<string, number>();
  const start = new Date(`${one.start}T00:00:00Z`);
  one.values.forEach((value, i) => {
    const day = new Date(start.getTime() + i * 86_400_000).toISOString();
    const month = `${day.slice(0, 7)}-01`;
    totals.set(month, (totals.get(month) ?? 0) + value);
  });
  const months = [...totals.keys()];
  const firstWhole = one.start.endsWith('-01') ? 0 : 1;
  return {
    itemId: one.itemId,
    start: months[firstWhole] ?? one.start,
    values: [...totals.values()].slice(firstWhole),
  };
}

export async function runMlBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      items: { type: 'string' },
      models: { type: 'string' },
      sample: { type: 'string' },
      'lstm-epochs': { type: 'string' },
      'daily-only': { type: 'boolean' },
    },
  });
  const items = Number(values.items ?? 200);
  const picked = (values.models?.split(',') as ModelName[] | undefined) ?? [...defaultModels];
  const models = modelNames.filter((m) => picked.includes(m));
  const lstm = { ...defaultLstmConfig, epochs: Number(values['lstm-epochs'] ?? defaultLstmConfig.epochs) };
  console.log(`ml bench: load average at start ${await loadavg()}`);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-bench-'));
  try {
    await runPipeline({
      source: { kind: 'mock', items, from: '2023-01-01', to: '2025-12-31', seed: 42, faultRate: 0 },
      build: true,
      location: { kind: 'folder', dir },
      keepBuilds: 1,
      force: false,
      progress: createProgress(() => undefined),
    });
    const layout = new Layout(dir);
    const manifest = await readCurrentManifest(layout);
    if (!manifest) throw new Error('no gold');
    const instance = await openDb();
    const gold = await withConnection(instance, (connection) => readGoldSeries(connection, layout, manifest));
    instance.closeSync();
    const series = [...gold.series].sort((a, b) => (a.itemId < b.itemId ? -1 : 1));
    const spec = defaultSpec('day');

    const { fits, wall, lstmCpu } = await fitByFamily(series, spec, models, { ...lstm, seed: 42 });
    const localWall = Object.entries(wall)
      .filter(([model]) => model !== 'lstm')
      .reduce((sum, [, seconds]) => sum + seconds, 0);
    console.log(
      `\nml bench: ${items} daily series (3 years), ${os.availableParallelism()} workers, every origin and the future`,
    );
    console.log(`  local candidates, wall ${localWall.toFixed(1)} s in all`);
    const sample = series.slice(0, Math.min(items, Number(values.sample ?? 20)));
    const cpu = cpuPerSeries(sample, spec, models);
    for (const model of models) {
      const seconds = wall[model];
      if (seconds === undefined) continue;
      const single =
        model === 'lstm'
          ? `${(((lstmCpu ?? 0) / items) * 1000).toFixed(1)} ms CPU per series (global: ${(lstmCpu ?? 0).toFixed(1)} s CPU)`
          : `${(cpu[model] ?? 0).toFixed(1)} ms CPU per series (${sample.length} series, one thread)`;
      console.log(`  ${model.padEnd(15)} wall ${seconds.toFixed(1).padStart(6)} s   ${single}`);
    }
    console.log(`\n  daily, accuracy by class (${series.length} items)`);
    accuracyReport(fits, series, models);

    if (!values['daily-only']) {
      const monthly = series.map(monthlyTotals);
      const monthlySpec = defaultSpec('month');
      const started = performance.now();
      const monthlyFits = await fitByFamily(monthly, monthlySpec, models, { ...lstm, seed: 42 });
      console.log(
        `\n  monthly totals of the same items (${monthly[0]?.values.length ?? 0} months), wall ${((performance.now() - started) / 1000).toFixed(1)} s, accuracy by class`,
      );
      accuracyReport(monthlyFits.fits, monthly, models);
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  console.log(`\nml bench: load average at end ${await loadavg()}`);
}
