import { describe, expect, it } from 'vitest';
import { goldTables } from '#schema/tables.ts';
import { describeTable } from '../../../../web/src/lib/data/queries/describe-table.ts';
import { engines } from '../../helpers/engines.ts';
import { useGold } from '../../helpers/use-gold.ts';
import { sampleItems } from '../../helpers/sample-gold.ts';

describe.each(engines)('describeTable on $name', (engine) => {
  const db = useGold(engine, { dim_item: sampleItems });

  it('lists the schema/ columns and types of a gold view', async () => {
    const rows = await describeTable(db(), 'dim_item');
    expect(rows.map((r) => [r.column_name, r.column_type])).toEqual(
      goldTables.dim_item.map((c) => [c.name, c.type]),
    );
  });

  it('refuses a name that is not a gold table', () => {
    expect(() => describeTable(db(), 'duckdb_settings')).toThrow(/unknown table/);
  });
});
