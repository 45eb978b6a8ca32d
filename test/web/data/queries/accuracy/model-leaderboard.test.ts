import { describe, expect, it } from 'vitest';
import { modelLeaderboard } from '../../../../../web/src/lib/data/queries/accuracy/model-leaderboard.ts';
import { engines } from '../../../helpers/engines.ts';
import { useGold } from '../../../helpers/use-gold.ts';
import { sampleItems } from '../../../helpers/sample-gold.ts';
import { sampleMetrics } from '../../../helpers/sample-ml.ts';

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
function median(values: number[]) {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Every (class, model) group and every model over all classes, computed from the rows. */
function expected() {
  const groups = new Map<string, typeof sampleMetrics>();
  for (const m of sampleMetrics) {
    for (const key of [JSON.stringify([m.demand_class, m.model]), JSON.stringify([null, m.model])]) {
      groups.set(key, [...(groups.get(key) ?? []), m]);
    }
  }
  return [...groups.entries()].map(([key, rows]) => {
    const [demand_class, model] = JSON.parse(key) as [string | null, string];
    const mase = rows.map((r) => r.mase).filter((v): v is number => v !== null);
    const numbers = (pick: (r: (typeof rows)[number]) => number | null) =>
      mean(rows.map(pick).filter((v): v is number => v !== null));
    return {
      demand_class,
      model,
      items: mase.length,
      mean_mase: mean(mase),
      median_mase: median(mase),
      mean_wape: numbers((r) => r.wape),
      mean_bias: numbers((r) => r.bias),
      mean_coverage_80: numbers((r) => r.coverage_80),
      selected_items: rows.filter((r) => r.is_selected).length,
      generated_at: rows.map((r) => r.generated_at).sort().at(-1),
    };
  });
}

const close = (a: number | null, b: number | null) =>
  a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));

describe.each(engines)('modelLeaderboard on $name', (engine) => {
  const db = useGold(engine, { dim_item: sampleItems, fact_metrics: sampleMetrics });

  it('has every group with its means, counts and selections', async () => {
    const rows = await modelLeaderboard(db());
    const want = expected();
    expect(rows).toHaveLength(want.length);
    for (const w of want) {
      const row = rows.find((r) => r.demand_class === w.demand_class && r.model === w.model);
      expect(row, `${w.demand_class} ${w.model}`).toBeDefined();
      expect([row?.items, row?.selected_items, row?.generated_at]).toEqual([w.items, w.selected_items, w.generated_at]);
      for (const key of ['mean_mase', 'median_mase', 'mean_wape', 'mean_bias', 'mean_coverage_80'] as const) {
        expect(close(row?.[key] ?? null, w[key]), `${w.demand_class} ${w.model} ${key}: ${row?.[key]} vs ${w[key]}`).toBe(true);
      }
    }
  });

  it('lists the all-classes rows first, then each class, best mean MASE first', async () => {
    const rows = await modelLeaderboard(db());
    const classes = rows.map((r) => r.demand_class);
    const firstClassRow = classes.findIndex((c) => c !== null);
    expect(classes.slice(0, firstClassRow).every((c) => c === null)).toBe(true);
    expect(classes.slice(firstClassRow)).toEqual([...classes.slice(firstClassRow)].sort());
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1], rows[i]];
      if (a?.demand_class !== b?.demand_class || a?.mean_mase === null || b?.mean_mase === null) continue;
      expect((a?.mean_mase ?? 0) <= (b?.mean_mase ?? 0)).toBe(true);
    }
  });

  it('counts each selected item once per class', async () => {
    const rows = await modelLeaderboard(db());
    const total = rows.filter((r) => r.demand_class === null).reduce((sum, r) => sum + r.selected_items, 0);
    expect(total).toBe(sampleMetrics.filter((m) => m.is_selected).length);
  });
});

describe.each(engines)('modelLeaderboard before the first forecast, on $name', (engine) => {
  const db = useGold(engine, { dim_item: sampleItems, fact_metrics: [] });
  it('is empty', async () => {
    expect(await modelLeaderboard(db())).toEqual([]);
  });
});
