import { describe, expect, it } from 'vitest';
import { goldTableIds } from '#schema/tables.ts';
import { completionSchema } from '../../../../web/src/lib/data/explorer/completion-schema.ts';
import { describeTable } from '../../../../web/src/lib/data/queries/describe-table.ts';
import { engines } from '../../helpers/engines.ts';
import { useGold } from '../../helpers/use-gold.ts';

describe.each(engines)('completionSchema against the views on $name', (engine) => {
  const db = useGold(engine, Object.fromEntries(goldTableIds.map((id) => [id, []])));

  it('offers every gold view with exactly the columns and types it has', async () => {
    const schema = completionSchema();
    expect(Object.keys(schema)).toEqual(goldTableIds);
    for (const table of goldTableIds) {
      const columns = await describeTable(db(), table);
      expect(
        schema[table]?.map((c) => [c.label, c.detail]),
        table,
      ).toEqual(columns.map((c) => [c.column_name, c.column_type]));
    }
  });
});
