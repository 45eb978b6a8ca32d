import { describe, expect, it } from 'vitest';
import { summaryKpiKeys } from '#schema/manifest.ts';
import { kpis } from '../../../../web/src/lib/data/queries/kpis.ts';
import { engines } from '../../helpers/engines.ts';
import { useGold } from '../../helpers/use-gold.ts';
import { addDays, sampleDemand, sampleItems } from '../../helpers/sample-gold.ts';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The manifest summary definitions, written out again over the fixture rows. */
function expectedSummary() {
  const dates = sampleDemand.map((r) => r.date).sort();
  const last = dates.at(-1) ?? '';
  const cost = new Map(sampleItems.map((i) => [i.item_id, i.unit_cost_brl]));
  const last30 = sampleDemand.filter((r) => r.date > addDays(last, -30));
  const prev30 = sampleDemand.filter((r) => r.date > addDays(last, -60) && r.date <= addDays(last, -30));
  return {
    item_count: sampleItems.length,
    units_total: sum(sampleDemand.map((r) => r.demand)),
    units_last_30d: sum(last30.map((r) => r.demand)),
    units_prev_30d: sum(prev30.map((r) => r.demand)),
    value_brl_last_30d: Math.round(100 * sum(last30.map((r) => r.demand * (cost.get(r.item_id) ?? 0)))) / 100,
    actuals_from: dates[0],
    actuals_through: last,
  };
}

describe.each(engines)('kpis on $name', (engine) => {
  const db = useGold(engine, { dim_item: sampleItems, fact_demand_daily: sampleDemand });

  it('returns one row with the manifest summary values', async () => {
    const rows = await kpis(db());
    const expected = expectedSummary();
    expect(rows).toHaveLength(1);
    const [row] = rows;
    for (const key of summaryKpiKeys) expect(row?.[key], key).toBeCloseTo(expected[key], 6);
    expect(row?.actuals_from).toBe(expected.actuals_from);
    expect(row?.actuals_through).toBe(expected.actuals_through);
  });

  it('has exactly 30 days in each trailing window', async () => {
    const last = expectedSummary().actuals_through;
    const days = new Set(sampleDemand.filter((r) => r.date > addDays(last, -30)).map((r) => r.date));
    expect(days.size).toBe(30);
  });
});

describe.each(engines)('kpis with no actuals on $name', (engine) => {
  const db = useGold(engine, { dim_item: sampleItems, fact_demand_daily: [] });

  it('returns zeros and empty dates instead of nulls', async () => {
    expect(await kpis(db())).toEqual([
      {
        item_count: sampleItems.length,
        units_total: 0,
        units_last_30d: 0,
        units_prev_30d: 0,
        value_brl_last_30d: 0,
        actuals_from: '',
        actuals_through: '',
      },
    ]);
  });
});
