/**
 * The real builder CLI on ERP export files: the shipped sample round trip, re-ingestion, a second
 * incremental batch, and clear errors for bad input.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestConnection } from '../helpers/duckdb.ts';
import { sqlStringList } from '#schema';
import { expectManifestIntact, readManifest, tableFiles } from '../helpers/lakehouse.ts';
import { BUILDER_CLI, runCli } from '#support/run-cli.ts';
import { SAMPLE_EXPORT, sampleExportArgs } from '../helpers/sample-export.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

describe('builder on the sample ERP export', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let db: Awaited<ReturnType<typeof openTestConnection>>;

  beforeAll(async () => {
    ({ dir: root, cleanup } = await makeTempDir('file-source'));
    db = await openTestConnection();
  });

  afterAll(async () => {
    db.close();
    await cleanup();
  });

  it('round-trips the Latin-1, decimal-comma, dd/mm/yyyy export into gold', async () => {
    const out = path.join(root, 'sample');
    const run = await runCli(BUILDER_CLI, ['run', '--out', out, ...sampleExportArgs]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/latin-1/);
    const manifest = await expectManifestIntact(out);
    // The sample carries one of each fault: a duplicate, a near duplicate, and four broken lines.
    expect(manifest.lineage).toMatchObject({ duplicates_dropped: 2, rejected_rows: 4 });
    expect(manifest.lineage.rejected_by_rule).toEqual({
      BAD_DATE: 1,
      BAD_QUANTITY: 1,
      NON_POSITIVE_QUANTITY: 1,
      UNKNOWN_ITEM: 1,
    });
    // Gold demand equals the sum of the valid lines of the file, computed here from the raw CSV.
    const raw = await db.rows<{ units: number }>(`
      SELECT sum(TRY_CAST(replace("Quantidade", ',', '.') AS DOUBLE)) AS units
      FROM (
        SELECT DISTINCT ON (upper(trim("Nº Documento"))) *
        FROM read_csv('${SAMPLE_EXPORT.movements}', encoding = 'latin-1', all_varchar = true)
      )
      WHERE TRY_CAST(replace("Quantidade", ',', '.') AS DOUBLE) > 0
        AND try_strptime("Data Movimento", '%d/%m/%Y') IS NOT NULL
        AND "Código Material" IN (SELECT "Código" FROM read_csv('${SAMPLE_EXPORT.itemMaster}', all_varchar = true))`);
    expect(manifest.summary.units_total).toBeCloseTo(raw[0]?.units ?? -1, 6);
    const [item] = await db.rows<{ name: string; unit_cost_brl: number; category: string }>(
      `SELECT name, unit_cost_brl, category FROM read_parquet(${sqlStringList(tableFiles(out, manifest, 'dim_item'))}) WHERE item_id = 'BAT-LI48'`,
    );
    expect(item).toEqual({ name: 'Bateria lítio 48V 100Ah', unit_cost_brl: 12450, category: 'battery' });
  });

  it('skips a file it has already ingested, unless --force', async () => {
    const out = path.join(root, 'sample');
    const before = await readManifest(out);
    const again = await runCli(BUILDER_CLI, ['run', '--out', out, ...sampleExportArgs]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/identical to batch/);
    expect((await readManifest(out)).build_id).toBe(before.build_id);
    const forced = await runCli(BUILDER_CLI, ['run', '--out', out, ...sampleExportArgs, '--force']);
    expect(forced.code).toBe(0);
    const after = await readManifest(out);
    expect(after.build_id).not.toBe(before.build_id);
    // The same movements sent twice count once in gold.
    expect(after.summary.units_total).toBe(before.summary.units_total);
  });

  it('adds an incremental export (Parquet, ISO dates, no item master) to what was ingested', async () => {
    const out = path.join(root, 'sample');
    const before = await readManifest(out);
    const april = path.join(root, 'abril.parquet');
    await db.connection.run(`COPY (SELECT * FROM (VALUES
        ('DOC-900001', '2025-04-01', 'BAT-100AH', '3', 'BA-0001'),
        ('DOC-900002', '2025-04-02', 'CAB-EN16', '12,5', 'BA-0002'))
      AS t("Nº Documento", "Data Movimento", "Código Material", "Quantidade", "Centro/Site"))
      TO '${april}' (FORMAT PARQUET)`);
    const run = await runCli(BUILDER_CLI, [
      'run',
      '--out',
      out,
      '--source',
      'file',
      '--input',
      april,
      '--mapping',
      SAMPLE_EXPORT.mapping,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const after = await expectManifestIntact(out);
    expect(after.summary.units_total).toBeCloseTo(before.summary.units_total + 15.5, 6);
    expect(after.summary.actuals_through).toBe('2025-04-02');
    expect(after.batches).toHaveLength(before.batches.length + 1);
  });
});

describe('builder input errors', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  const file = (name: string) => path.join(root, name);

  beforeAll(async () => {
    ({ dir: root, cleanup } = await makeTempDir('file-errors'));
    await fs.writeFile(
      file('empty.csv'),
      'Nº Documento;Data Movimento;Código Material;Quantidade;Centro/Site\n',
    );
    await fs.writeFile(file('broken.parquet'), 'PAR1 this is not parquet');
    await fs.writeFile(
      file('wrong-columns.csv'),
      'doc;dia;material;qtd;site\nD1;01/01/2025;BAT-100AH;1;BA-1\n',
    );
    await fs.writeFile(file('bad-mapping.json'), '{ "movements": { "quantity_typo": "Qtd" } }');
  });

  afterAll(() => cleanup());

  const fileRun = (input: string, extra: string[] = []) =>
    runCli(BUILDER_CLI, [
      'ingest',
      '--out',
      file('lake'),
      '--source',
      'file',
      '--input',
      input,
      '--item-master',
      SAMPLE_EXPORT.itemMaster,
      '--mapping',
      SAMPLE_EXPORT.mapping,
      ...extra,
    ]);

  it.each([
    {
      case: 'a missing file',
      input: () => file('nope.csv'),
      code: 3,
      message: /input file not found: .*nope\.csv/,
    },
    {
      case: 'an empty export',
      input: () => file('empty.csv'),
      code: 3,
      message: /empty\.csv has no data rows/,
    },
    {
      case: 'an unreadable Parquet',
      input: () => file('broken.parquet'),
      code: 3,
      message: /cannot read broken\.parquet as PARQUET/,
    },
    {
      case: 'columns that do not match the mapping',
      input: () => file('wrong-columns.csv'),
      code: 3,
      message:
        /missing column "Nº Documento" \(for movement_id\).*the file has: doc, dia, material, qtd, site/,
    },
  ])('$case exits $code with a precise message', async ({ input, code, message }) => {
    const result = await fileRun(input());
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a malformed mapping is a usage error naming the key', async () => {
    const result = await runCli(BUILDER_CLI, [
      'ingest',
      '--out',
      file('lake'),
      '--source',
      'file',
      '--input',
      file('empty.csv'),
      '--mapping',
      file('bad-mapping.json'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown field\(s\) in "movements": quantity_typo/);
  });

  it('a movements export without any item master is refused before anything is written', async () => {
    const lake = file('no-items-lake');
    const result = await runCli(BUILDER_CLI, [
      'ingest',
      '--out',
      lake,
      '--source',
      'file',
      '--input',
      SAMPLE_EXPORT.movements,
      '--mapping',
      SAMPLE_EXPORT.mapping,
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/no item master has been ingested yet/);
    expect(result.stderr).toMatch(/--item-master FILE/);
    await expect(fs.access(path.join(lake, 'bronze'))).rejects.toThrow();
  });

  it('building before anything was ingested says what to do', async () => {
    const result = await runCli(BUILDER_CLI, ['build', '--out', file('empty-lake')]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/nothing to build/);
  });
});
