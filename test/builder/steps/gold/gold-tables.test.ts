import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemandTables, type DemandBuild } from '../../../../builder/src/build-demand.ts';
import { createProgress } from '../../../../builder/src/progress.ts';
import { checkDemandTotals } from '../../../../builder/src/steps/gold/check-demand-totals.ts';
import { filledDemandTables } from '../../../../builder/src/steps/gold/filled-demand-tables.ts';
import { buildDimItem } from '../../../../builder/src/steps/gold/build-dim-item.ts';
import { buildDimTime } from '../../../../builder/src/steps/gold/build-dim-time.ts';
import { summarizeGold } from '../../../../builder/src/steps/gold/summarize-gold.ts';
import { writeEmptyTable } from '../../../../builder/src/steps/gold/write-empty-table.ts';
import { demandTableIds, goldTables, sqlStringList, type DemandTableId } from '#schema';
import { openTestConnection } from '../../../helpers/duckdb.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

// Four items over 10 days, each built to land in one demand class:
//   S smooth: 10 every day; E erratic: every day, sizes 1 or 30; I intermittent: 5 every 4th day;
//   L lumpy: 1 or 40 every 4th day. A fifth item Z never moves.
const DEMAND: Record<string, (day: number) => number> = {
  'NC-S': () => 10,
  'NC-E': (day) => (day % 2 === 0 ? 1 : 30),
  'NC-I': (day) => (day % 4 === 0 ? 5 : 0),
  'NC-L': (day) => (day % 4 !== 0 ? 0 : day % 8 === 4 ? 40 : 1),
  'NC-Z': () => 0,
};
const COST: Record<string, number> = { 'NC-S': 100, 'NC-E': 1, 'NC-I': 2, 'NC-L': 3, 'NC-Z': 50 };
const DAYS = 10;
const FROM = '2025-01-01';
const TO = '2025-01-10';

describe('gold tables', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let db: Awaited<ReturnType<typeof openTestConnection>>;
  const file = (name: string) => path.join(dir, name);
  let demand: DemandBuild;
  const staged = (table: DemandTableId) => demand.files[table].map((f) => f.staged);

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('gold'));
    db = await openTestConnection();
    const items = Object.keys(DEMAND).map(
      (id) => `('${id}', 'name ${id}', 'cable', 'un', ${COST[id]}, 10, 'Supplier')`,
    );
    await db.connection.run(`COPY (SELECT * FROM (VALUES ${items.join(', ')})
      AS t(item_id, name, category, unit, unit_cost_brl, lead_time_days, supplier)) TO '${file('items.parquet')}'`);
    const movements: string[] = [];
    for (const [id, demand] of Object.entries(DEMAND)) {
      for (let day = 0; day < DAYS; day += 1) {
        const units = demand(day);
        if (units > 0) movements.push(`('${id}', DATE '${FROM}' + ${day}, ${units})`);
      }
    }
    // One movement outside the window must not count.
    movements.push(`('NC-S', DATE '2024-12-31', 999)`);
    await db.connection.run(`COPY (SELECT * FROM (VALUES ${movements.join(', ')})
      AS t(item_id, movement_date, quantity)) TO '${file('validated.parquet')}'`);
  });

  afterAll(async () => {
    db.close();
    await cleanup();
  });

  it('fact_demand_daily is a dense grid, zero-filled, sorted by item then date, one file per item_key range', async () => {
    demand = await buildDemandTables(
      db.connection,
      createProgress(() => undefined),
      {
        items: [file('items.parquet')],
        validated: [file('validated.parquet')],
        stagedBuild: file('build'),
        workDir: file('work'),
        published: (name) => `gold/b1/${name}`,
      },
      { grain: 'day', window: { from: FROM, to: TO } },
      2 * DAYS, // two items per file: three files for five items
    );
    const factFiles = demand.files.fact_demand_daily;
    expect(factFiles.map((f) => [f.published, f.item_keys])).toEqual([
      ['gold/b1/fact_demand_daily-0001.parquet', { min: 1, max: 2 }],
      ['gold/b1/fact_demand_daily-0002.parquet', { min: 3, max: 4 }],
      ['gold/b1/fact_demand_daily-0003.parquet', { min: 5, max: 5 }],
    ]);
    const idsInOrder = Object.keys(DEMAND).sort();
    for (const factFile of factFiles) {
      const keys = await db.rows<{ min: number; max: number }>(
        `SELECT min(item_key) AS min, max(item_key) AS max FROM read_parquet('${factFile.staged}')`,
      );
      expect(keys[0]).toEqual(factFile.item_keys);
    }
    const rows = await db.rows<{
      item_id: string;
      item_key: number;
      date: string;
      demand: number;
      orders: number;
    }>(
      `SELECT item_id, item_key, CAST(date AS VARCHAR) AS date, demand, orders FROM read_parquet(${sqlStringList(factFiles.map((f) => f.staged))})`,
    );
    expect(rows).toHaveLength(Object.keys(DEMAND).length * DAYS);
    const sorted = [...rows].sort(
      (a, b) => a.item_id.localeCompare(b.item_id) || a.date.localeCompare(b.date),
    );
    expect(rows).toEqual(sorted);
    for (const row of rows) {
      const day = (Date.parse(row.date) - Date.parse(FROM)) / 86_400_000;
      expect(row.demand).toBe(DEMAND[row.item_id]?.(day));
      expect(row.orders).toBe(row.demand > 0 ? 1 : 0);
      expect(row.item_key).toBe(idsInOrder.indexOf(row.item_id) + 1);
    }
    expect(demand.grains).toEqual(['day', 'week', 'month']);
  });

  it('dim_item classifies demand (ADI, CV²) and consumption value (ABC)', async () => {
    await buildDimItem(db.connection, {
      items: [file('items.parquet')],
      facts: staged('fact_demand_daily'),
      target: file('dim_item.parquet'),
    });
    const rows = await db.rows<{
      item_id: string;
      item_key: number;
      demand_class: string;
      abc_class: string;
    }>(
      `SELECT item_id, item_key, demand_class, abc_class FROM read_parquet('${file('dim_item.parquet')}') ORDER BY item_id`,
    );
    expect(rows.map((row) => row.item_key)).toEqual([1, 2, 3, 4, 5]);
    const classes = Object.fromEntries(rows.map((row) => [row.item_id, row.demand_class]));
    expect(classes).toEqual({
      'NC-E': 'erratic',
      'NC-I': 'intermittent',
      'NC-L': 'lumpy',
      'NC-S': 'smooth',
      'NC-Z': 'intermittent',
    });
    // NC-S holds 10 000 of ~10 280 BRL of consumption: A; the first item past 80 % is B or C.
    expect(rows.find((row) => row.item_id === 'NC-S')?.abc_class).toBe('A');
    expect(rows.find((row) => row.item_id === 'NC-Z')?.abc_class).toBe('C');
  });

  it('weekly and monthly facts roll the daily grid up per item, dense, with the days they cover', async () => {
    const facts = sqlStringList(staged('fact_demand_daily'));
    // 2025-01-01 is a Wednesday: weeks of 2024-12-30 (5 days in range, Wed–Sun) and 2025-01-06 (5).
    const expected = await db.rows(
      `SELECT item_key, item_id, CAST(date_trunc('week', date) AS DATE) AS week_start, sum(demand) AS demand,
         CAST(sum(orders) AS INTEGER) AS orders, CAST(count(*) AS INTEGER) AS days
       FROM read_parquet(${facts}) GROUP BY ALL ORDER BY item_key, week_start`,
    );
    const weekly = await db.rows(
      `SELECT item_key, item_id, week_start, demand, orders, days FROM read_parquet(${sqlStringList(staged('fact_demand_weekly'))})`,
    );
    expect(weekly).toEqual(expected);
    expect(weekly.map((row) => row.days).slice(0, 2)).toEqual([5, 5]);
    const monthly = await db.rows<{ item_key: number; month_start: string; days: number }>(
      `SELECT item_key, CAST(month_start AS VARCHAR) AS month_start, days FROM read_parquet(${sqlStringList(staged('fact_demand_monthly'))})`,
    );
    expect(monthly).toEqual([1, 2, 3, 4, 5].map((key) => ({ item_key: key, month_start: FROM, days: DAYS })));
  });

  it('agg_category_daily sums demand, value and active items per category, unit and day', async () => {
    const rows = await db.rows<{ date: string; demand: number; value_brl: number; active_items: number }>(
      `SELECT CAST(date AS VARCHAR) AS date, demand, value_brl, active_items FROM read_parquet(${sqlStringList(staged('agg_category_daily'))})`,
    );
    expect(rows).toHaveLength(DAYS);
    rows.forEach((row, day) => {
      const ids = Object.keys(DEMAND);
      expect(row.date).toBe(`2025-01-${String(day + 1).padStart(2, '0')}`);
      expect(row.demand).toBe(ids.reduce((sum, id) => sum + (DEMAND[id]?.(day) ?? 0), 0));
      expect(row.value_brl).toBeCloseTo(
        ids.reduce((sum, id) => sum + (DEMAND[id]?.(day) ?? 0) * (COST[id] ?? 0), 0),
        9,
      );
      expect(row.active_items).toBe(ids.filter((id) => (DEMAND[id]?.(day) ?? 0) > 0).length);
    });
  });

  it('conservation: every grain sums to the daily fact, and a gap fails the build', async () => {
    const files = Object.fromEntries(demandTableIds.map((id) => [id, staged(id)])) as Record<
      DemandTableId,
      string[]
    >;
    const all = filledDemandTables(['day', 'week', 'month']);
    const totals = await checkDemandTotals(db.connection, files, all);
    expect(totals).toEqual(demand.totals);
    expect(new Set(Object.values(totals).map((t) => JSON.stringify(t))).size).toBe(1);
    // A weekly table of another build (one item fewer) no longer adds up.
    await db.connection.run(
      `COPY (SELECT * FROM read_parquet(${sqlStringList(staged('fact_demand_weekly'))}) WHERE item_key > 1) TO '${file('short.parquet')}'`,
    );
    await expect(
      checkDemandTotals(db.connection, { ...files, fact_demand_weekly: [file('short.parquet')] }, all),
    ).rejects.toThrow(/fact_demand_weekly sums to demand/);
    // Monthly only: the daily tables must then be empty.
    await expect(checkDemandTotals(db.connection, files, filledDemandTables(['month']))).rejects.toThrow(
      /fact_demand_daily holds 50 rows although its grain has no data/,
    );
  });

  it('summary (from agg_category_daily and the monthly fact) matches the fact table', async () => {
    const summary = await summarizeGold(db.connection, {
      categoryDaily: staged('agg_category_daily')[0] ?? '',
      monthly: staged('fact_demand_monthly')[0] ?? '',
      items: file('dim_item.parquet'),
    });
    let value = 0;
    let units = 0;
    for (const [id, demand] of Object.entries(DEMAND)) {
      for (let day = 0; day < DAYS; day += 1) {
        units += demand(day);
        value += demand(day) * (COST[id] ?? NaN);
      }
    }
    expect(summary).toMatchObject({
      item_count: 5,
      active_items: 4, // NC-Z never moves
      units_total: units,
      actuals_from: FROM,
      actuals_through: TO,
    });
    expect(summary.demand_value_brl).toBeCloseTo(value, 2);
  });

  it('dim_time marks weekends and national holidays', async () => {
    const result = await buildDimTime(db.connection, file('dim_time.parquet'), {
      from: '2025-04-17',
      to: '2025-04-22',
    });
    expect(result.rows).toBe(6);
    const rows = await db.rows<{
      date_key: number;
      day_of_week: number;
      is_weekend: boolean;
      holiday_name: string | null;
    }>(
      `SELECT date_key, day_of_week, is_weekend, holiday_name FROM read_parquet('${file('dim_time.parquet')}')`,
    );
    expect(rows).toEqual([
      { date_key: 20250417, day_of_week: 4, is_weekend: false, holiday_name: null },
      { date_key: 20250418, day_of_week: 5, is_weekend: false, holiday_name: 'Paixão de Cristo' },
      { date_key: 20250419, day_of_week: 6, is_weekend: true, holiday_name: null },
      { date_key: 20250420, day_of_week: 7, is_weekend: true, holiday_name: null },
      { date_key: 20250421, day_of_week: 1, is_weekend: false, holiday_name: 'Tiradentes' },
      { date_key: 20250422, day_of_week: 2, is_weekend: false, holiday_name: null },
    ]);
  });

  it('an empty ML table still has every column with its type', async () => {
    await writeEmptyTable(db.connection, 'fact_metrics', file('metrics.parquet'));
    const columns = await db.rows<{ column_name: string; column_type: string }>(
      `DESCRIBE SELECT * FROM read_parquet('${file('metrics.parquet')}')`,
    );
    expect(columns.map((c) => ({ name: c.column_name, type: c.column_type }))).toEqual(
      goldTables.fact_metrics.map((c) => ({ name: c.name, type: c.type })),
    );
  });
});
