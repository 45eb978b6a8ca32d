/**
 * `npm run forecast -- --series FILE --period month`: a planner's own monthly export in, the two ML
 * tables out; and one clear line with exit 3 for each kind of bad file.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORECAST_CLI, runCli } from '#support/run-cli.ts';
import { openTestConnection } from '../helpers/duckdb.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

function monthlyCsv(): string {
  const lines = ['item_id,date,demand'];
  for (const [item, base] of [
    ['P-1', 40],
    ['P-2', 5],
    ['P-3', 0],
  ] as const) {
    for (let m = 0; m < 36; m += 1) {
      const date = `${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
      // P-3 is intermittent: demand every fourth month only.
      const demand = item === 'P-3' ? (m % 4 === 0 ? 12 : 0) : base + (m % 12) * 2 + (m % 5);
      // A month with no row means no demand: leave P-2's zero months out of the file.
      if (!(item === 'P-2' && m % 6 === 5)) lines.push(`${item},${date},${demand}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

describe('npm run forecast -- --series', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let db: Awaited<ReturnType<typeof openTestConnection>>;

  beforeAll(async () => {
    temp = await makeTempDir('forecast-series');
    db = await openTestConnection();
  });

  afterAll(async () => {
    db?.close();
    await temp?.cleanup();
  });

  it('forecasts a monthly file 12 months ahead with one selected model per item', async () => {
    const file = path.join(temp.dir, 'monthly.csv');
    await fs.writeFile(file, monthlyCsv());
    const out = path.join(temp.dir, 'out');
    const args = [
      '--series',
      file,
      '--period',
      'month',
      '--out',
      out,
      '--models',
      'seasonal_naive,croston,sba,tsb,ets',
    ];
    const run = await runCli(FORECAST_CLI, args);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const forecasts = path.join(out, 'fact_forecasts.parquet');
    const metrics = path.join(out, 'fact_metrics.parquet');
    const perItem = await db.rows<{
      item_id: string;
      item_key: number;
      months: number;
      first: string;
      last: string;
    }>(`
      SELECT item_id, any_value(item_key) AS item_key, count(*) AS months,
        CAST(min(date) AS VARCHAR) AS first, CAST(max(date) AS VARCHAR) AS last
      FROM read_parquet('${forecasts}') GROUP BY item_id ORDER BY item_id`);
    expect(
      perItem.map((row) => [row.item_id, Number(row.item_key), Number(row.months), row.first, row.last]),
    ).toEqual([
      ['P-1', 1, 12, '2026-01-01', '2026-12-01'],
      ['P-2', 2, 12, '2026-01-01', '2026-12-01'],
      ['P-3', 3, 12, '2026-01-01', '2026-12-01'],
    ]);
    const selected = await db.rows<{ item_id: string; demand_class: string; n: number; points: number }>(`
      SELECT item_id, any_value(demand_class) AS demand_class, count(*) FILTER (WHERE is_selected) AS n,
        max(n_test_points) AS points
      FROM read_parquet('${metrics}') GROUP BY item_id ORDER BY item_id`);
    expect(selected.map((row) => Number(row.n))).toEqual([1, 1, 1]);
    // Four origins of three months each.
    expect(selected.map((row) => Number(row.points))).toEqual([12, 12, 12]);
    expect(selected.find((row) => row.item_id === 'P-3')?.demand_class).toBe('intermittent');

    // Same input, same output: the run is deterministic.
    const again = path.join(temp.dir, 'again');
    expect((await runCli(FORECAST_CLI, [...args.slice(0, 5), again, ...args.slice(6)])).code).toBe(0);
    const [same] = await db.rows<{ differ: number }>(`
      SELECT count(*) AS differ FROM (
        SELECT * EXCLUDE (generated_at) FROM read_parquet('${forecasts}')
        EXCEPT SELECT * EXCLUDE (generated_at) FROM read_parquet('${path.join(again, 'fact_forecasts.parquet')}'))`);
    expect(Number(same?.differ)).toBe(0);
  });

  it.each([
    { name: 'a missing column', csv: 'item_id,day,demand\nA,2026-01-01,1\n', message: /missing column date/ },
    {
      name: 'a non-numeric demand',
      csv: 'item_id,date,demand\nA,2026-01-01,1\nA,2026-02-01,lots\n',
      message: /line 3: demand is not a number \("lots"\)/,
    },
    {
      name: 'a duplicate item and date',
      csv: 'item_id,date,demand\nA,2026-01-01,1\nA,2026-01-01,2\n',
      message: /line 3: duplicate item and date/,
    },
    {
      name: 'a bad date',
      csv: 'item_id,date,demand\nA,2026-13-01,1\n',
      message: /line 2: date is not a date/,
    },
  ])('refuses $name with one line and exit 3', async ({ csv, message }) => {
    const file = path.join(temp.dir, `bad-${Math.random().toString(36).slice(2)}.csv`);
    await fs.writeFile(file, csv);
    const run = await runCli(FORECAST_CLI, [
      '--series',
      file,
      '--period',
      'month',
      '--out',
      path.join(temp.dir, 'bad'),
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr.split('\n')[0]).toMatch(message);
    expect(run.stderr.split('\n')[0]).toMatch(/^forecast: /);
  });
});
