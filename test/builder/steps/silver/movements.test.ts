import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../../../../builder/src/errors.ts';
import { defaultErpMapping } from '../../../../builder/src/sources/erp-mapping.ts';
import { ingestFile } from '../../../../builder/src/steps/bronze/ingest-file.ts';
import { cleanItems } from '../../../../builder/src/steps/silver/clean-items.ts';
import { cleanMovements } from '../../../../builder/src/steps/silver/clean-movements.ts';
import { validateMovements } from '../../../../builder/src/steps/silver/validate-movements.ts';
import { openTestConnection } from '../../../helpers/duckdb.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

const ITEMS_CSV = `codigo_material;descricao;categoria;unidade;custo_unitario_brl;prazo_entrega_dias;fornecedor
NC-BAT-00001;Bateria VRLA 12V 100Ah;Battery;UN;1.234,50;30;Moura
NC-CAB-00002;Cabo coaxial 1/2" (m);cable;m;12,75;10;Prysmian
`;

// One row per case; the comment names what silver must do with it.
const MOVEMENTS_CSV = `id_movimento;data;codigo_material;quantidade;site
MV-1;01/03/2025;NC-BAT-00001;2;BA-0001
mv-1 ;01/03/2025;NC-BAT-00001;2;BA-0001
MV-2;02/03/2025; nc-cab-00002 ;12,5;BA-0002
MV-3;31/02/2025;NC-BAT-00001;1;BA-0003
MV-4;03/03/2025;NC-BAT-00001;n/d;BA-0004
MV-5;04/03/2025;NC-BAT-00001;-3;BA-0005
MV-6;05/03/2025;NC-XXX-99999;1;BA-0006
MV-7;2025-03-06;NC-CAB-00002;1.000,0;BA-0007
MV-8;01/01/2030;NC-CAB-00002;1;BA-0008
;07/03/2025;NC-CAB-00002;1;BA-0009
`;

describe('silver: clean and validate movements', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let db: Awaited<ReturnType<typeof openTestConnection>>;
  const file = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('silver'));
    db = await openTestConnection();
    await fs.writeFile(file('itens.csv'), ITEMS_CSV);
    await fs.writeFile(file('movimentos.csv'), MOVEMENTS_CSV);
    const common = {
      format: 'csv' as const,
      delimiter: ';',
      batchId: 'b1',
      ingestedAt: '2025-03-10T00:00:00Z',
    };
    await ingestFile(db.connection, {
      ...common,
      file: file('itens.csv'),
      sourceFile: 'itens.csv',
      target: file('bi.parquet'),
    });
    await ingestFile(db.connection, {
      ...common,
      file: file('movimentos.csv'),
      sourceFile: 'movimentos.csv',
      target: file('bm.parquet'),
    });
  });

  afterAll(async () => {
    db.close();
    await cleanup();
  });

  it('keeps every line of the file in bronze, as text, numbered in file order', async () => {
    const rows = await db.rows<{ id_movimento: string | null; _row_number: string; quantidade: string }>(
      `SELECT id_movimento, _row_number, quantidade FROM read_parquet('${file('bm.parquet')}') ORDER BY _row_number`,
    );
    expect(rows).toHaveLength(10);
    expect(rows.map((row) => Number(row._row_number))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows[2]?.quantidade).toBe('12,5');
  });

  it('normalises items: codes, categories, decimal commas with thousands separators', async () => {
    const result = await cleanItems(db.connection, file('bi.parquet'), file('si.parquet'), defaultErpMapping);
    expect(result.rows).toBe(2);
    const rows = await db.rows(
      `SELECT item_id, category, unit, unit_cost_brl FROM read_parquet('${file('si.parquet')}')`,
    );
    expect(rows).toEqual([
      { item_id: 'NC-BAT-00001', category: 'battery', unit: 'un', unit_cost_brl: 1234.5 },
      { item_id: 'NC-CAB-00002', category: 'cable', unit: 'm', unit_cost_brl: 12.75 },
    ]);
  });

  it('types, normalises and de-duplicates movements by id', async () => {
    const result = await cleanMovements(
      db.connection,
      file('bm.parquet'),
      file('sc.parquet'),
      defaultErpMapping,
    );
    expect(result.rows).toBe(9); // "mv-1 " is MV-1 again
    const rows = await db.rows<{
      movement_id: string;
      movement_date: string | null;
      item_id: string;
      quantity: number | null;
    }>(
      `SELECT movement_id, movement_date, item_id, quantity FROM read_parquet('${file('sc.parquet')}') ORDER BY _row_number`,
    );
    expect(rows[1]).toEqual({
      movement_id: 'MV-2',
      movement_date: '2025-03-02',
      item_id: 'NC-CAB-00002',
      quantity: 12.5,
    });
    expect(rows[2]?.movement_date).toBeNull(); // 31/02 does not exist
    expect(rows[6]).toMatchObject({ movement_id: 'MV-7', movement_date: '2025-03-06', quantity: 1000 });
  });

  it('rejects each broken row with its rule, and keeps the rest', async () => {
    const result = await validateMovements(
      db.connection,
      {
        cleaned: file('sc.parquet'),
        items: [file('si.parquet')],
        validated: file('sv.parquet'),
        rejected: file('sr.parquet'),
      },
      '2025-03-10',
    );
    expect(result).toEqual({
      dates: { from: '2025-03-01', to: '2025-03-06' },
      validatedRows: 3,
      rejectedRows: 6,
      rejectedByRule: {
        BAD_DATE: 1,
        BAD_QUANTITY: 1,
        FUTURE_DATE: 1,
        MISSING_ID: 1,
        NON_POSITIVE_QUANTITY: 1,
        UNKNOWN_ITEM: 1,
      },
    });
    const rejected = await db.rows<{ movement_id: string | null; rule_code: string; rule_message: string }>(
      `SELECT movement_id, rule_code, rule_message FROM read_parquet('${file('sr.parquet')}') ORDER BY _row_number`,
    );
    expect(rejected.map((row) => [row.movement_id, row.rule_code])).toEqual([
      ['MV-3', 'BAD_DATE'],
      ['MV-4', 'BAD_QUANTITY'],
      ['MV-5', 'NON_POSITIVE_QUANTITY'],
      ['MV-6', 'UNKNOWN_ITEM'],
      ['MV-8', 'FUTURE_DATE'],
      [null, 'MISSING_ID'],
    ]);
    expect(rejected[0]?.rule_message).toBe('date "31/02/2025" is not a valid date');
    expect(rejected[1]?.rule_message).toBe('quantity "n/d" is not a number');
    const validated = await db.rows<{ movement_id: string }>(
      `SELECT movement_id FROM read_parquet('${file('sv.parquet')}') ORDER BY movement_id`,
    );
    expect(validated.map((row) => row.movement_id)).toEqual(['MV-1', 'MV-2', 'MV-7']);
  });

  it('names the missing column when the mapping does not match the export', async () => {
    const mapping = { ...defaultErpMapping, movements: { ...defaultErpMapping.movements, quantity: 'qtd' } };
    const attempt = cleanMovements(db.connection, file('bm.parquet'), file('x.parquet'), mapping);
    await expect(attempt).rejects.toBeInstanceOf(CliError);
    await expect(attempt).rejects.toThrow(/missing column "qtd" \(for quantity\)/);
  });
});
