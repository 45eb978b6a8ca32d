import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDimItem } from '../../../../builder/src/steps/gold/build-dim-item.ts';
import { buildDimTime } from '../../../../builder/src/steps/gold/build-dim-time.ts';
import { buildFactDemandDaily } from '../../../../builder/src/steps/gold/build-fact-demand-daily.ts';
import { summarizeGold } from '../../../../builder/src/steps/gold/summarize-gold.ts';
import { writeEmptyTable } from '../../../../builder/src/steps/gold/write-empty-table.ts';
import { goldTables } from '#schema';
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

  it('fact_demand_daily is a dense grid, zero-filled, sorted by item then date', async () => {
    const paths = {
      items: [file('items.parquet')],
      validated: [file('validated.parquet')],
      target: file('fact.parquet'),
    };
    const result = await buildFactDemandDaily(db.connection, paths, { from: FROM, to: TO });
    expect(result.rows).toBe(Object.keys(DEMAND).length * DAYS);
    const rows = await db.rows<{
      item_id: string;
      item_key: number;
      date: string;
      demand: number;
      orders: number;
    }>(
      `SELECT item_id, item_key, CAST(date AS VARCHAR) AS date, demand, orders FROM read_parquet('${file('fact.parquet')}')`,
    );
    const idsInOrder = Object.keys(DEMAND).sort();
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
  });

  it('dim_item classifies demand (ADI, CV²) and consumption value (ABC)', async () => {
    await buildDimItem(db.connection, {
      items: [file('items.parquet')],
      fact: file('fact.parquet'),
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

  it('summary matches the fact table', async () => {
    const summary = await summarizeGold(db.connection, {
      fact: file('fact.parquet'),
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
