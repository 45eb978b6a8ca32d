/**
 * The demand tables of a build, for the grain its source has. The movements are staged once
 * (items with their keys, sparse totals split by item_key range); then the daily fact is written
 * one file per range, the weekly and monthly facts and the per-category table from the same
 * totals, every table of a grain the source lacks is written empty, and the totals of all of them
 * are checked against each other before anything is published. No SQL here.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  demandTableIds,
  demandTableOfGrain,
  goldFileName,
  type DemandGrain,
  type DemandTableId,
  type DemandTotals,
} from '#schema';
import { daysBetweenInclusive } from './calendar/dates.ts';
import type { Progress } from './progress.ts';
import type { StagedFile } from './publish/describe-gold-table.ts';
import { buildAggCategoryDaily } from './steps/gold/build-agg-category-daily.ts';
import { buildFactDemandDaily } from './steps/gold/build-fact-demand-daily.ts';
import { buildFactDemandPeriod } from './steps/gold/build-fact-demand-period.ts';
import { checkDemandTotals } from './steps/gold/check-demand-totals.ts';
import { filledDemandTables } from './steps/gold/filled-demand-tables.ts';
import { FACT_ROWS_PER_FILE } from './steps/gold/parquet-options.ts';
import { stageDemandInputs } from './steps/gold/stage-demand-inputs.ts';
import { writeEmptyTable } from './steps/gold/write-empty-table.ts';

export interface DemandBuild {
  /** The files of each demand table, as staged and as the manifest will name them. */
  files: Record<DemandTableId, StagedFile[]>;
  grains: DemandGrain[];
  totals: Record<DemandTableId, DemandTotals>;
}

export interface DemandPaths {
  items: readonly string[];
  validated: readonly string[];
  /** The staged build folder (what gets published) and a scratch folder beside it. */
  stagedBuild: string;
  workDir: string;
  /** The path the manifest gives a staged file name. */
  published: (fileName: string) => string;
}

/** The grains a source of this grain fills: a day rolls up to weeks and months, a week to nothing. */
const grainsOf: Record<DemandGrain, DemandGrain[]> = {
  day: ['day', 'week', 'month'],
  week: ['week'],
  month: ['month'],
};

export async function buildDemandTables(
  connection: DuckDBConnection,
  progress: Progress,
  paths: DemandPaths,
  source: { grain: DemandGrain; window: { from: string; to: string } },
  rowsPerFile: number = FACT_ROWS_PER_FILE,
): Promise<DemandBuild> {
  const { window } = source;
  const grains = grainsOf[source.grain];
  const stagedPath = (table: DemandTableId) => path.join(paths.stagedBuild, goldFileName(table));
  const files = Object.fromEntries(
    demandTableIds.map((id) => [
      id,
      [{ staged: stagedPath(id), published: paths.published(goldFileName(id)) }],
    ]),
  ) as DemandBuild['files'];
  await fs.mkdir(paths.stagedBuild, { recursive: true });
  await fs.mkdir(paths.workDir, { recursive: true });
  const itemsPerPart = Math.max(1, Math.floor(rowsPerFile / daysBetweenInclusive(window.from, window.to)));
  const inputs = await progress.step('gold: stage movements', async () => {
    const staged = await stageDemandInputs(connection, paths, window, { grain: source.grain, itemsPerPart });
    return { ...staged, rows: staged.itemCount, detail: `${staged.parts.length} item ranges` };
  });

  const written = new Set<DemandTableId>();
  if (grains.includes('day')) {
    files.fact_demand_daily = await progress.step('gold: fact_demand_daily', async () => {
      const parts: StagedFile[] = [];
      let rows = 0;
      for (const part of inputs.parts) {
        const name = goldFileName('fact_demand_daily', part.index + 1);
        const target = path.join(paths.stagedBuild, name);
        rows += (await buildFactDemandDaily(connection, { items: inputs.items, part, target }, window)).rows;
        parts.push({ staged: target, published: paths.published(name), item_keys: part.keys });
      }
      return Object.assign(parts, { rows, detail: `${parts.length} files` });
    });
    written.add('fact_demand_daily');
  }
  for (const period of ['week', 'month'] as const) {
    const table = demandTableOfGrain[period];
    if (!grains.includes(period)) continue;
    const target = stagedPath(table);
    await progress.step(`gold: ${table}`, () =>
      buildFactDemandPeriod(connection, period, inputs, { workDir: paths.workDir, target }, window),
    );
    written.add(table);
  }
  const allTotals = inputs.totals;
  if (grains.includes('day') && allTotals !== undefined) {
    await progress.step('gold: agg_category_daily', () =>
      buildAggCategoryDaily(
        connection,
        inputs,
        { totals: allTotals, target: stagedPath('agg_category_daily') },
        window,
      ),
    );
    written.add('agg_category_daily');
  }
  for (const table of demandTableIds.filter((id) => !written.has(id))) {
    await writeEmptyTable(connection, table, stagedPath(table));
  }
  const filled = filledDemandTables(grains);
  const totals = await progress.step('gold: conservation', async () => {
    const staged = Object.fromEntries(
      demandTableIds.map((id) => [id, files[id].map((file) => file.staged)]),
    ) as Record<DemandTableId, string[]>;
    const checked = await checkDemandTotals(connection, staged, filled);
    return { checked, detail: `${filled.length} tables agree` };
  });
  return { files, grains, totals: totals.checked };
}
