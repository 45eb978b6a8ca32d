/**
 * The overview answers from the pre-aggregated tables (agg_category_daily, fact_demand_weekly,
 * fact_demand_monthly); every answer must equal the same question asked of fact_demand_daily on
 * the same lakehouse. The lakehouse is the real builder's (mock source, starting on a Wednesday
 * and ending on a Tuesday, so weeks and months are cut at both ends); the reference is this test's
 * own SQL over the daily fact, run by native DuckDB; the app's queries run on both engines.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goldTableIds, type Manifest } from '#schema';
import { openNodeDb, type GoldFiles, type NodeDb } from '#support/node-db.ts';
import { BUILDER_CLI, runCli } from '#support/run-cli.ts';
import { categoryMix } from '../../../../../web/src/lib/data/queries/overview/category-mix.ts';
import { demandTrend } from '../../../../../web/src/lib/data/queries/overview/demand-trend.ts';
import { overviewKpis } from '../../../../../web/src/lib/data/queries/overview/overview-kpis.ts';
import { topItems } from '../../../../../web/src/lib/data/queries/overview/top-items.ts';
import type { TrendGrain } from '../../../../../web/src/lib/data/queries/overview/trend-grain.ts';
import { readManifest, tableFiles } from '../../../../helpers/lakehouse.ts';
import { makeTempDir } from '../../../../helpers/temp-dir.ts';
import { engines } from '../../../helpers/engines.ts';
import { widened, type Filter } from '../../../helpers/overview-reference.ts';

const MOCK = ['--items', '36', '--from', '2024-01-03', '--to', '2024-10-15', '--seed', '7'];

// The daily path: the range clamped to the actuals, items kept by category, all from the daily fact.
const REFERENCE_CTES = `
WITH bounds AS (
  SELECT greatest(coalesce(CAST($from AS DATE), min(date)), min(date)) AS lo,
    least(coalesce(CAST($to AS DATE), max(date)), max(date)) AS hi
  FROM fact_demand_daily
),
items AS (
  SELECT item_key, item_id, category, unit, unit_cost_brl FROM dim_item
  WHERE CAST($category AS VARCHAR) IS NULL OR category = CAST($category AS VARCHAR)
),
kept AS (
  SELECT f.item_key, f.date, f.demand, f.demand * i.unit_cost_brl AS value_brl, i.item_id, i.unit
  FROM fact_demand_daily AS f JOIN items AS i USING (item_key) CROSS JOIN bounds AS b
  WHERE f.date BETWEEN b.lo AND b.hi
),
per_item AS (
  SELECT item_id, sum(demand) AS units, sum(value_brl) AS value_brl FROM kept GROUP BY item_id
)`;

const FILTERS: Filter[] = [
  {},
  { category: 'cable' },
  { category: 'battery' },
  { from: '2024-02-10', to: '2024-05-22' }, // a Saturday to a Wednesday: cuts two weeks
  { from: '2024-03-01', to: '2024-04-30' }, // whole months
  { category: 'cable', from: '2024-06-15' }, // cuts a month and a week, open end
  { to: '2024-01-20' }, // inside the first month
];

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let manifest: Manifest;
let files: GoldFiles = {};
let daily: NodeDb;

async function reference<R>(select: string, filter: Filter): Promise<R[]> {
  const params = { from: filter.from ?? null, to: filter.to ?? null, category: filter.category ?? null };
  const text = `${REFERENCE_CTES}\n${select}`.replace(/\$(from|to|category)/g, '?');
  const order = [...`${REFERENCE_CTES}\n${select}`.matchAll(/\$(from|to|category)/g)].map(
    (m) => params[m[1] as keyof typeof params],
  );
  return daily.query<R>(text, order);
}

beforeAll(async () => {
  temp = await makeTempDir('overview-aggregates');
  const out = path.join(temp.dir, 'lake');
  const run = await runCli(BUILDER_CLI, ['run', '--source', 'mock', '--out', out, ...MOCK]);
  if (run.code !== 0) throw new Error(`builder failed (${run.code}): ${run.stderr}`);
  manifest = await readManifest(out);
  files = Object.fromEntries(goldTableIds.map((id) => [id, tableFiles(out, manifest, id)]));
  daily = await openNodeDb(files);
}, 180_000);

afterAll(async () => {
  daily?.close();
  await temp?.cleanup();
});

describe.each(engines)('overview from the aggregates equals the daily fact, on $name', (engine) => {
  let db: NodeDb;
  beforeAll(async () => {
    // Every table but the daily fact: the overview must not need it.
    db = await engine.open(Object.fromEntries(Object.entries(files).filter(([id]) => id !== 'fact_demand_daily')));
  });
  afterAll(() => db?.close());

  it('has a lakehouse with every grain and a mixed-unit catalogue', () => {
    expect(manifest.grains).toEqual(['day', 'week', 'month']);
    expect(manifest.tables.agg_category_daily.rows).toBeGreaterThan(0);
  });

  it.each(FILTERS)('KPIs for %o', async (chosen) => {
    const filter = widened(chosen);
    const [row] = await overviewKpis(db, chosen);
    const [want] = await reference<{ value: number; units: number; unit: string | null; active: number }>(
      `SELECT coalesce(sum(value_brl), 0) AS value, coalesce(sum(demand), 0) AS units,
         (SELECT CASE WHEN count(DISTINCT unit) = 1 THEN min(unit) END FROM items) AS unit,
         (SELECT count(*) FROM per_item WHERE units > 0) AS active
       FROM kept`,
      filter,
    );
    // The KPI is rounded to cents (values here often end in half a cent), the reference is not; and
    // the two sums add the same doubles in different orders (native DuckDB in parallel threads), so
    // they may differ by a few ulps of the total (R$ 137M here) on top of the half cent.
    const value = want?.value ?? NaN;
    expect(Math.abs((row?.demand_value_brl ?? NaN) - value)).toBeLessThanOrEqual(0.005 + Math.abs(value) * 1e-12);
    expect(row?.active_items).toBe(want?.active);
    expect(row?.unit).toBe(want?.unit);
    if (want?.unit == null) expect(row?.demand_units).toBeNull();
    else expect(row?.demand_units).toBeCloseTo(want.units, 6);
    if (Object.keys(chosen).length === 0) {
      const { summary } = manifest;
      expect(row).toMatchObject({
        demand_value_brl: summary.demand_value_brl,
        active_items: summary.active_items,
        item_count: summary.item_count,
        actuals_from: summary.actuals_from,
        actuals_through: summary.actuals_through,
      });
    }
  });

  it.each(FILTERS)('top items for %o', async (chosen) => {
    const rows = await topItems(db, { ...chosen, limit: 12 });
    const want = await reference<{ item_id: string; units: number }>(
      `SELECT item_id, units FROM per_item
       WHERE units > 0
       ORDER BY CASE WHEN (SELECT count(DISTINCT unit) FROM items) = 1 THEN units ELSE value_brl END DESC, item_id
       LIMIT 12`,
      widened(chosen),
    );
    expect(rows.map((r) => r.item_id)).toEqual(want.map((r) => r.item_id));
    rows.forEach((row, i) => expect(row.units).toBeCloseTo(want[i]?.units ?? NaN, 6));
  });

  it.each(FILTERS.flatMap((filter) => (['day', 'week', 'month'] as TrendGrain[]).map((grain) => ({ grain, filter }))))(
    '$grain trend for $filter',
    async ({ grain, filter }) => {
      const rows = await demandTrend(db, { ...filter, grain });
      const bucket = grain === 'day' ? 'date' : `CAST(date_trunc('${grain}', date) AS DATE)`;
      const want = await reference<{ period: string; value: number }>(
        `SELECT strftime(${bucket}, '%Y-%m-%d') AS period, sum(value_brl) AS value
         FROM kept GROUP BY period ORDER BY period`,
        filter,
      );
      expect(rows.map((r) => r.period)).toEqual(want.map((r) => r.period));
      rows.forEach((row, i) => expect(row.value_brl).toBeCloseTo(want[i]?.value ?? NaN, 4));
    },
  );

  it.each(FILTERS.filter((f) => f.category === undefined))('category mix for %o', async (filter) => {
    const rows = await categoryMix(db, filter);
    const want = await reference<{ category: string; value: number }>(
      `SELECT i.category, sum(k.value_brl) AS value
       FROM kept AS k JOIN dim_item AS i USING (item_key)
       GROUP BY i.category ORDER BY value DESC, i.category`,
      filter,
    );
    expect(rows.map((r) => r.category)).toEqual(want.map((r) => r.category));
    rows.forEach((row, i) => expect(row.value_brl).toBeCloseTo(want[i]?.value ?? NaN, 4));
  });

  it('treats filter values as values: an injected category matches nothing, an injected date is refused', async () => {
    for (const category of ["cable' OR '1'='1", 'cable"; DROP VIEW dim_item; --', '%']) {
      const [row] = await overviewKpis(db, { category });
      expect(row).toMatchObject({ demand_value_brl: 0, active_items: 0, item_count: 0 });
      expect(await topItems(db, { category, limit: 5 })).toEqual([]);
      expect(await demandTrend(db, { category, grain: 'week' })).toEqual([]);
    }
    expect(() => overviewKpis(db, { from: "2024-01-01' OR '1'='1" })).toThrow(RangeError);
    expect(() => topItems(db, { to: '2024-01-01; DROP VIEW dim_item', limit: 5 })).toThrow(RangeError);
    // The views are still there.
    expect((await categoryMix(db, {})).length).toBeGreaterThan(1);
  });
});
