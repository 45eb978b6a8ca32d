import { describe, expect, it } from 'vitest';
import type { DimTimeRow, FactMetricsRow } from '#schema/tables.ts';
import { exampleQueries, exampleQueryIds } from '../../../../web/src/lib/data/explorer/example-queries.ts';
import { explorerCopy } from '../../../../web/src/lib/copy/explorer.ts';
import { engines } from '../../helpers/engines.ts';
import { useGold } from '../../helpers/use-gold.ts';
import { sampleDemand, sampleItems } from '../../helpers/sample-gold.ts';

const days: DimTimeRow[] = [...new Set(sampleDemand.map((r) => r.date))].map((date, i) => ({
  date_key: Number(date.replaceAll('-', '')),
  date,
  year: Number(date.slice(0, 4)),
  quarter: 1,
  month: Number(date.slice(5, 7)),
  iso_week: 1,
  day_of_week: 1,
  is_weekend: false,
  is_holiday_br: i % 30 === 0,
  holiday_name: i % 30 === 0 ? `Feriado ${i}` : '',
}));

const metrics: FactMetricsRow[] = sampleItems.map((item, i) => ({
  item_id: item.item_id,
  item_key: item.item_key,
  demand_class: item.demand_class,
  model: i % 2 === 0 ? 'croston' : 'ets',
  mase: 0.5 + i / 10,
  rmsse: 1,
  wape: 0.2,
  bias: 0,
  coverage_80: 0.8,
  n_test_points: 28,
  is_selected: true,
  safety_stock: 3,
  reorder_point: 9,
  service_level: 0.95,
  lead_time_demand: 12,
  model_version: '1',
  generated_at: '2025-01-01T00:00:00.000Z',
  source: 'mock',
}));

describe('example queries', () => {
  it('each has a title in the page copy', () => {
    expect(Object.keys(explorerCopy.examplesTitles).sort()).toEqual([...exampleQueryIds].sort());
  });
});

describe.each(engines)('example queries on $name', (engine) => {
  const db = useGold(engine, {
    dim_item: sampleItems,
    dim_time: days,
    fact_demand_daily: sampleDemand,
    fact_metrics: metrics,
    fact_forecasts: [],
  });

  it.each(exampleQueryIds)('%s runs and returns rows', async (id) => {
    const rows = await db().query(exampleQueries[id]);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('the full daily fact returns every fact row', async () => {
    await expect(db().query(exampleQueries.daily_fact)).resolves.toHaveLength(sampleDemand.length);
  });

  it('the top items are ordered by their total demand', async () => {
    const rows = await db().query<{ item_id: string; total_demand: number }>(exampleQueries.top_items);
    const totals = new Map<string, number>();
    for (const row of sampleDemand) totals.set(row.item_id, (totals.get(row.item_id) ?? 0) + row.demand);
    const expected = [...totals].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    expect(rows.map((r) => r.item_id)).toEqual(expected);
  });
});
