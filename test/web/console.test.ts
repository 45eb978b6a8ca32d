import { describe, expect, it } from 'vitest';
import { goldTableIds, goldTables } from '#schema/tables.ts';
import { createNovaConsole, HELP, PRINTED_ROWS, type ConsoleOut } from '../../web/src/lib/console.ts';
import { manifestFixture } from '../helpers/manifest-fixture.ts';
import { engines } from './helpers/engines.ts';
import { useGold } from './helpers/use-gold.ts';
import { sampleDemand, sampleItems } from './helpers/sample-gold.ts';

function recorder(): ConsoleOut & { tables: unknown[][]; infos: string[] } {
  const tables: unknown[][] = [];
  const infos: string[] = [];
  return {
    tables,
    infos,
    table: (rows: unknown) => void tables.push(rows as unknown[]),
    info: (...text: unknown[]) => void infos.push(text.join(' ')),
  };
}

describe.each(engines)('nova console on $name', (engine) => {
  const db = useGold(engine, { dim_item: sampleItems, fact_demand_daily: sampleDemand });
  const open = () => {
    const out = recorder();
    return { out, nova: createNovaConsole(db(), async () => manifestFixture(), out) };
  };

  it('binds ? parameters and returns plain objects', async () => {
    const { nova, out } = open();
    const rows = await nova.sql(
      'SELECT item_id, name FROM dim_item WHERE category = ? AND unit_cost_brl > ? ORDER BY item_id',
      ['battery', 100],
    );
    const expected = sampleItems
      .filter((i) => i.category === 'battery' && i.unit_cost_brl > 100)
      .map((i) => ({ item_id: i.item_id, name: i.name }));
    expect(rows).toEqual(expected);
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
    expect(out.tables).toEqual([expected]);
  });

  it('treats an injection attempt in a parameter as a value', async () => {
    const { nova } = open();
    const attack = "x' OR '1'='1";
    await expect(nova.sql('SELECT count(*) AS n FROM dim_item WHERE item_id = ?', [attack])).resolves.toEqual(
      [{ n: 0 }],
    );
  });

  it('filters the fact by item_key through cast(? as integer)', async () => {
    const { nova } = open();
    const rows = await nova.sql(
      'SELECT count(*) AS n, sum(demand) AS units FROM fact_demand_daily WHERE item_key = cast(? AS INTEGER)',
      [2],
    );
    const mine = sampleDemand.filter((r) => r.item_key === 2);
    expect(rows).toEqual([{ n: mine.length, units: mine.reduce((sum, r) => sum + r.demand, 0) }]);
  });

  it('prints the first rows only but returns them all', async () => {
    const { nova, out } = open();
    const rows = await nova.sql('SELECT * FROM fact_demand_daily');
    expect(rows).toHaveLength(sampleDemand.length);
    expect(out.tables[0]).toHaveLength(PRINTED_ROWS);
    expect(out.infos.join('\n')).toContain(`${PRINTED_ROWS} de ${sampleDemand.length}`);
  });

  it('refuses parameters neither engine binds alike, and says what to use', async () => {
    const { nova } = open();
    for (const bad of [{}, [1], new Date(0), 10n, Number.NaN, undefined]) {
      await expect(nova.sql('SELECT ? AS v', [bad as never])).rejects.toThrow(/parameter 1/);
    }
    await expect(nova.sql('SELECT 1', 'x' as never)).rejects.toThrow(/must be an array/);
  });

  it('passes DuckDB errors on with their message', async () => {
    const { nova } = open();
    await expect(nova.sql('SELECT nope FROM dim_item')).rejects.toThrow(/nope/);
  });

  it('describes a gold view with the schema/ columns and refuses other names', async () => {
    const { nova } = open();
    const columns = await nova.describe('dim_item');
    expect(columns.map((c) => c.column_name)).toEqual(goldTables.dim_item.map((c) => c.name));
    await expect(nova.describe('duckdb_settings')).rejects.toThrow(/unknown table/);
  });

  it('lists every gold table from the manifest', async () => {
    const { nova } = open();
    const tables = await nova.tables();
    expect(tables.map((t) => t.table)).toEqual(goldTableIds);
    expect(tables[0]).toEqual({
      table: goldTableIds[0],
      rows: 1,
      bytes: 10,
      files: 1,
      path: `gold/b1/${goldTableIds[0]}.parquet`,
    });
  });

  it('explains every function in its help', () => {
    const { nova, out } = open();
    expect(nova.help()).toBe(HELP);
    expect(out.infos).toEqual([HELP]);
    for (const name of ['nova.sql', 'nova.tables', 'nova.describe']) expect(HELP).toContain(name);
  });
});
