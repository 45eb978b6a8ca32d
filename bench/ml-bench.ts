/**
 * `npm run bench -- --only ml [--items N] [--models LIST]`: builds a mock lakehouse of N items
 * (default 200), forecasts it with the worker pool, and reports wall time, fit seconds per series
 * per model family, and accuracy per demand class: mean MASE of the selected models against
 * seasonal naive and SBA, the interval coverage, and selection against the best single model on
 * the last origin held out from selection. A benchmark: nothing here fails on a number.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createProgress, openDb, readCurrentManifest, runPipeline, withConnection, Layout } from '#builder';
import { defaultModels, defaultSpec, evaluateSeries, forecastItems, type ModelConfig } from '#ml';
import { modelNames, type ModelName } from '#schema';
import { readGoldSeries } from '../ml/src/gold/read-gold-series.ts';
import { defaultLstmConfig } from '../ml/src/models/lstm.ts';
import { scoreModel } from '../ml/src/evaluate-item.ts';
import type { SeriesFit } from '../ml/src/fit-series.ts';

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/** Selection on all but the last origin, scored on the last one, against the best single model there. */
function heldOut(fits: SeriesFit[], order: readonly ModelName[]) {
  const selected: number[] = [];
  const single: Partial<Record<ModelName, number[]>> = {};
  for (const fit of fits) {
    if (fit.origins.length < 2) continue;
    const last = fit.origins.length - 1;
    const early: SeriesFit = {
      ...fit,
      origins: fit.origins.slice(0, last),
      actuals: fit.actuals.slice(0, last),
      scales: fit.scales.slice(0, last),
      fits: fit.fits.map((m) => ({ ...m, backtest: m.backtest.slice(0, last) })),
    };
    const late: SeriesFit = {
      ...fit,
      origins: fit.origins.slice(last),
      actuals: fit.actuals.slice(last),
      scales: fit.scales.slice(last),
      fits: fit.fits.map((m) => ({ ...m, backtest: m.backtest.slice(last) })),
    };
    const choice = evaluateSeries(early, 0.8, order).selected?.model;
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

export async function runMlBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { items: { type: 'string' }, models: { type: 'string' }, 'lstm-epochs': { type: 'string' } },
  });
  const items = Number(values.items ?? 200);
  const models = (values.models?.split(',') as ModelName[] | undefined) ?? [...defaultModels];
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-bench-'));
  try {
    const progress = createProgress(() => undefined);
    await runPipeline({
      source: { kind: 'mock', items, from: '2023-01-01', to: '2025-12-31', seed: 42, faultRate: 0 },
      build: true,
      location: { kind: 'folder', dir },
      keepBuilds: 1,
      force: false,
      progress,
    });
    const layout = new Layout(dir);
    const manifest = await readCurrentManifest(layout);
    if (!manifest) throw new Error('no gold');
    const instance = await openDb();
    const gold = await withConnection(instance, (connection) => readGoldSeries(connection, layout, manifest));
    instance.closeSync();
    const config: ModelConfig = {
      models: modelNames.filter((m) => models.includes(m)),
      spec: defaultSpec('day'),
      level: 0.8,
      serviceLevel: 0.95,
      seed: 42,
      lstm: { ...defaultLstmConfig, epochs: Number(values['lstm-epochs'] ?? defaultLstmConfig.epochs) },
    };
    const started = performance.now();
    const output = await forecastItems(gold.series, {
      config,
      items: gold.items,
      source: 'bench',
      generatedAt: new Date().toISOString(),
      log: (line) => console.log(line),
    });
    const wall = (performance.now() - started) / 1000;
    console.log(
      `\nml bench: ${items} daily series (3 years), ${os.availableParallelism()} cores, wall ${wall.toFixed(1)} s`,
    );
    for (const [model, seconds] of Object.entries(output.fitSeconds)) {
      console.log(
        `  ${model.padEnd(15)} ${((seconds / items) * 1000).toFixed(1)} ms per series (5 fits), ${seconds.toFixed(1)} s in all`,
      );
    }
    const rows = output.metrics;
    console.log(
      '\n  class          items  selected MASE  seasonal_naive  sba    improvement  coverage (selected)',
    );
    for (const demandClass of ['smooth', 'erratic', 'intermittent', 'lumpy']) {
      const of = (model?: string) =>
        rows.filter((r) => r.demand_class === demandClass && (model ? r.model === model : r.is_selected));
      const selected = of();
      if (selected.length === 0) continue;
      const sel = mean(selected.map((r) => r.mase ?? 0));
      const naive = mean(of('seasonal_naive').map((r) => r.mase ?? 0));
      const sba = mean(of('sba').map((r) => r.mase ?? 0));
      const coverage = mean(selected.map((r) => r.coverage_80 ?? 0));
      console.log(
        `  ${demandClass.padEnd(14)} ${String(selected.length).padStart(5)}  ${sel.toFixed(3).padStart(13)}  ${naive.toFixed(3).padStart(14)}  ${sba.toFixed(3)}  ${(((naive - sel) / naive) * 100).toFixed(1).padStart(10)} %  ${(coverage * 100).toFixed(1)} %`,
      );
    }
    const held = heldOut(output.fits, config.models);
    console.log(
      `\n  last origin held out from selection: selected ${held.selected.toFixed(3)} vs best single model (${held.best?.model}) ${held.best?.mase.toFixed(3)}`,
    );
    const chosen = new Map<string, number>();
    for (const r of rows) if (r.is_selected) chosen.set(r.model ?? '', (chosen.get(r.model ?? '') ?? 0) + 1);
    console.log(`  selected models: ${[...chosen].map(([m, n]) => `${m} ${n}`).join(', ')}`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
