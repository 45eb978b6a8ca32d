import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManifestTable } from '#schema/manifest.ts';
import { goldTables } from '#schema/tables.ts';
import { openNodeDb, type NodeDb } from '#support/node-db.ts';
import type { Db } from '#web-data';
import {
  dashboardQueries,
  dashboardStatements,
  type DashboardInputs,
} from '../../bench/dashboard-queries.ts';
import { recordStatement } from '../../bench/recording-db.ts';
import { sampleForecastAggregate, sampleForecasts, sampleMetrics } from '../web/helpers/sample-forecasts.ts';
import { sampleDemand, sampleItems } from '../web/helpers/sample-gold.ts';
import { sampleOverviewGold } from '../web/helpers/sample-category-daily.ts';
import { writeGold } from '../web/helpers/write-gold.ts';

describe('recordStatement', () => {
  it('returns the SQL and parameters the function sent, and gives it no rows', async () => {
    let seen: unknown[] | undefined;
    const statement = await recordStatement(async (db: Db) => {
      seen = await db.query('SELECT ? AS a, ? AS b', ['x', 2]);
    });
    expect(statement).toEqual({ sql: 'SELECT ? AS a, ? AS b', params: ['x', 2] });
    expect(seen).toEqual([]);
  });

  it('records no parameters as an empty list', async () => {
    expect(await recordStatement((db) => db.query('SELECT 1'))).toEqual({ sql: 'SELECT 1', params: [] });
  });

  it.each([
    { name: 'none', run: () => Promise.resolve([]), sent: 0 },
    {
      name: 'two',
      run: async (db: Db) => [await db.query('SELECT 1'), await db.query('SELECT 2')],
      sent: 2,
    },
  ])('refuses a function that sends $name', async ({ run, sent }) => {
    await expect(recordStatement(run)).rejects.toThrow(`sent ${sent}`);
  });
});

// The bench times recorded statements, not the functions: on a real engine both must agree.
describe('the dashboard query set, recorded', () => {
  let dir = '';
  let db: NodeDb | undefined;
  let inputs: DashboardInputs;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nova-bench-recording-'));
    const files = await writeGold(dir, {
      ...sampleOverviewGold,
      fact_forecasts: sampleForecasts,
      fact_metrics: sampleMetrics,
      agg_forecast_category: sampleForecastAggregate,
    });
    db = await openNodeDb(files);
    const item = sampleItems[2];
    if (!item || !files.fact_demand_daily) throw new Error('fixture incomplete');
    const dailyFact: ManifestTable = {
      files: [{ path: files.fact_demand_daily, rows: sampleDemand.length, bytes: 0, sha256: '' }],
      rows: sampleDemand.length,
      bytes: 0,
      columns: [...goldTables.fact_demand_daily],
    };
    const lastDate =
      sampleDemand
        .map((row) => row.date)
        .sort()
        .at(-1) ?? '';
    inputs = {
      itemId: item.item_id,
      itemKey: item.item_key,
      category: item.category,
      categoryKeys: {
        first: Math.min(...sampleItems.filter((i) => i.category === item.category).map((i) => i.item_key)),
        last: Math.max(...sampleItems.filter((i) => i.category === item.category).map((i) => i.item_key)),
      },
      searchText: item.name.split(' ')[0] ?? '',
      lastDate,
      from: sampleDemand.map((row) => row.date).sort()[10] ?? '',
      dailyFact,
      grains: ['day', 'week', 'month'],
    };
  });
  afterAll(async () => {
    db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('gives each query one statement that returns what the query function returns', async () => {
    if (!db) throw new Error('not open');
    const open = db;
    const statements = await dashboardStatements(dashboardQueries, inputs);
    expect(statements.map((s) => s.query.id)).toEqual(dashboardQueries.map((q) => q.id));
    for (const { query, sql, params } of statements) {
      const direct = await query.run(open, inputs);
      expect(await open.query(sql, params), query.id).toEqual(direct);
    }
    // The fixture is not empty for the item page: the check above compared rows, not two empties.
    const history = statements.find((s) => s.query.id === 'i3');
    expect((await open.query(history?.sql ?? '', history?.params)).length).toBeGreaterThan(0);
  });
});
