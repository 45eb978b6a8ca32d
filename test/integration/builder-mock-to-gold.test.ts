/**
 * The real builder CLI, mock source → gold, checked with native DuckDB on the files it wrote.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goldTableIds, goldTables, isManifest, SCHEMA_VERSION, sqlStringList, type Manifest } from '#schema';
import { openTestConnection } from '../helpers/duckdb.ts';
import { tableFiles } from '../helpers/lakehouse.ts';
import { BUILDER_CLI, runCli, type CliRun } from '#support/run-cli.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const ITEMS = 40;
const FROM = '2024-01-01';
const TO = '2024-12-31';
const DAYS = 366;

async function readManifest(dir: string): Promise<Manifest> {
  const value: unknown = JSON.parse(await fs.readFile(path.join(dir, 'gold', 'manifest.json'), 'utf8'));
  if (!isManifest(value)) throw new Error('not a manifest');
  return value;
}

describe('builder run --source mock', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let db: Awaited<ReturnType<typeof openTestConnection>>;
  let manifest: Manifest;
  const build = (out: string, seed = 7) =>
    runCli(BUILDER_CLI, [
      'run',
      '--out',
      out,
      '--items',
      String(ITEMS),
      '--from',
      FROM,
      '--to',
      TO,
      '--seed',
      String(seed),
    ]);
  const hashes = (m: Manifest, table: (typeof goldTableIds)[number]) =>
    m.tables[table].files.map((file) => file.sha256);
  const goldFiles = (out: string, m: Manifest, table: (typeof goldTableIds)[number]) =>
    sqlStringList(tableFiles(out, m, table));

  beforeAll(async () => {
    ({ dir: root, cleanup } = await makeTempDir('builder-it'));
    db = await openTestConnection();
    const run = await build(path.join(root, 'a'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    manifest = await readManifest(path.join(root, 'a'));
  });

  afterAll(async () => {
    db.close();
    await cleanup();
  });

  it('records in the manifest the row count of every gold file', async () => {
    for (const table of goldTableIds) {
      const [row] = await db.rows<{ n: number }>(
        `SELECT count(*)::INTEGER AS n FROM read_parquet(${goldFiles(path.join(root, 'a'), manifest, table)})`,
      );
      expect(row?.n, table).toBe(manifest.tables[table].rows);
    }
    expect(manifest.tables.fact_demand_daily.rows).toBe(ITEMS * DAYS);
  });

  it('writes every gold table with exactly the columns and types of schema/', async () => {
    for (const table of goldTableIds) {
      const columns = await db.rows<{ column_name: string; column_type: string }>(
        `DESCRIBE SELECT * FROM read_parquet(${goldFiles(path.join(root, 'a'), manifest, table)})`,
      );
      const expected = goldTables[table].map((column) => ({ name: column.name, type: column.type }));
      expect(
        columns.map((c) => ({ name: c.column_name, type: c.column_type })),
        table,
      ).toEqual(expected);
      expect(manifest.tables[table].columns, table).toEqual(expected);
    }
  });

  it('writes one row per item per day, none negative, sorted by item then date', async () => {
    const fact = goldFiles(path.join(root, 'a'), manifest, 'fact_demand_daily');
    const [shape] = await db.rows<Record<string, number | string>>(`
      SELECT count(DISTINCT item_id)::INTEGER AS items, count(DISTINCT date)::INTEGER AS days,
             count(*)::INTEGER AS rows, count(DISTINCT (item_id, date))::INTEGER AS pairs,
             count(*) FILTER (WHERE demand < 0)::INTEGER AS negative,
             min(date)::VARCHAR AS first, max(date)::VARCHAR AS last
      FROM read_parquet(${fact})`);
    expect(shape).toEqual({
      items: ITEMS,
      days: DAYS,
      rows: ITEMS * DAYS,
      pairs: ITEMS * DAYS,
      negative: 0,
      first: FROM,
      last: TO,
    });
    const [order] = await db.rows<{ out_of_order: number }>(`
      SELECT count(*)::INTEGER AS out_of_order FROM (
        SELECT item_id, date, lag(item_id) OVER w AS prev_item, lag(date) OVER w AS prev_date
        FROM (SELECT *, row_number() OVER () AS position FROM read_parquet(${fact}))
        WINDOW w AS (ORDER BY position)
      ) WHERE prev_item > item_id OR (prev_item = item_id AND prev_date >= date)`);
    expect(order?.out_of_order).toBe(0);
  });

  it('conserves rows from bronze to silver and matches validated demand in gold', async () => {
    const { lineage } = manifest;
    expect(lineage.bronze_rows).toBe(lineage.cleaned_rows + lineage.duplicates_dropped);
    expect(lineage.cleaned_rows).toBe(lineage.validated_rows + lineage.rejected_rows);
    // The mock injects every kind of fault by default: duplicates, near duplicates, empty lines…
    expect(lineage.duplicates_dropped).toBeGreaterThan(0);
    expect(Object.keys(lineage.rejected_by_rule).sort()).toEqual([
      'BAD_DATE',
      'BAD_QUANTITY',
      'MISSING_ID',
      'NON_POSITIVE_QUANTITY',
      'UNKNOWN_ITEM',
    ]);
    const out = path.join(root, 'a');
    const [silver] = await db.rows<{ units: number }>(
      `SELECT sum(quantity) AS units FROM read_parquet('${out}/silver/validated/*.parquet')`,
    );
    expect(manifest.summary.units_total).toBeCloseTo(silver?.units ?? -1, 6);
  });

  it('rolls the daily fact up by week, month and category with the same totals, recorded in the manifest', async () => {
    const out = path.join(root, 'a');
    const files = (table: (typeof goldTableIds)[number]) => goldFiles(out, manifest, table);
    const totals = async (table: (typeof goldTableIds)[number]) => {
      const [row] = await db.rows<{ demand: number; orders: number; days: number | null }>(
        `SELECT sum(demand) AS demand, sum(orders)::INTEGER AS orders FROM read_parquet(${files(table)})`,
      );
      return row;
    };
    const daily = await totals('fact_demand_daily');
    for (const table of ['fact_demand_weekly', 'fact_demand_monthly', 'agg_category_daily'] as const) {
      const rolled = await totals(table);
      expect(rolled?.demand, table).toBeCloseTo(daily?.demand ?? -1, 6);
      expect(rolled?.orders, table).toBe(daily?.orders);
      expect(manifest.demand_totals[table].demand, table).toBeCloseTo(daily?.demand ?? -1, 6);
      expect(manifest.demand_totals[table].orders, table).toBe(daily?.orders);
    }
    expect(manifest.grains).toEqual(['day', 'week', 'month']);
    // Dense: every item has every week and month, and the days they hold add up to the year.
    for (const [table, periods] of [
      ['fact_demand_weekly', 53],
      ['fact_demand_monthly', 12],
    ] as const) {
      const [shape] = await db.rows<{ rows: number; days: number; max_days: number }>(
        `SELECT count(*)::INTEGER AS rows, (sum(days) / count(DISTINCT item_key))::INTEGER AS days,
           max(days)::INTEGER AS max_days FROM read_parquet(${files(table)})`,
      );
      expect(shape, table).toEqual({ rows: ITEMS * periods, days: DAYS, max_days: periods === 12 ? 31 : 7 });
    }
    const [category] = await db.rows<{ days: number; value: number; expected: number }>(`
      SELECT count(DISTINCT c.date)::INTEGER AS days, (SELECT sum(value_brl) FROM read_parquet(${files('agg_category_daily')})) AS value,
        (SELECT sum(f.demand * i.unit_cost_brl) FROM read_parquet(${files('fact_demand_daily')}) AS f
          JOIN read_parquet(${files('dim_item')}) AS i USING (item_key)) AS expected
      FROM read_parquet(${files('agg_category_daily')}) AS c`);
    expect(category?.days).toBe(DAYS);
    expect(category?.value).toBeCloseTo(category?.expected ?? -1, 4);
  });

  it('keeps every item of the master in dim_item with a demand class', async () => {
    const rows = await db.rows<{ demand_class: string; n: number }>(`
      SELECT demand_class, count(*)::INTEGER AS n
      FROM read_parquet(${goldFiles(path.join(root, 'a'), manifest, 'dim_item')}) GROUP BY ALL`);
    expect(rows.reduce((sum, row) => sum + row.n, 0)).toBe(ITEMS);
    const classes = new Set(rows.map((row) => row.demand_class));
    expect(classes.has('smooth') || classes.has('erratic')).toBe(true);
    expect(classes.has('intermittent') || classes.has('lumpy')).toBe(true);
  });

  it('is reproducible: the same seed gives byte-identical gold, another seed does not', async () => {
    expect((await build(path.join(root, 'b'))).code).toBe(0);
    expect((await build(path.join(root, 'c'), 8)).code).toBe(0);
    const same = await readManifest(path.join(root, 'b'));
    const other = await readManifest(path.join(root, 'c'));
    for (const table of goldTableIds) expect(hashes(same, table), table).toEqual(hashes(manifest, table));
    expect(hashes(other, 'fact_demand_daily')).not.toEqual(hashes(manifest, 'fact_demand_daily'));
  });

  // Three builder processes one after the other, each with its own DuckDB start and publish.
  it('keeps the newest builds only (--keep)', async () => {
    const out = path.join(root, 'keep');
    for (let run = 0; run < 3; run += 1) {
      const result = await runCli(BUILDER_CLI, [
        'run',
        '--out',
        out,
        '--items',
        '3',
        '--from',
        FROM,
        '--to',
        '2024-01-31',
        '--seed',
        String(run),
        '--keep',
        '2',
      ]);
      expect(result.code).toBe(0);
    }
    const current = await readManifest(out);
    const builds = (await fs.readdir(path.join(out, 'gold'))).filter(
      (name) => !name.startsWith('manifest.json'),
    );
    expect(builds).toHaveLength(2);
    expect(builds).toContain(current.build_id);
  }, 180_000);
});

describe('builder mock without faults', () => {
  it('writes unique document numbers: nothing is dropped or rejected', async () => {
    const { dir, cleanup } = await makeTempDir('no-faults');
    try {
      const args = ['run', '--out', dir, '--items', '25', '--from', FROM, '--to', TO, '--fault-rate', '0'];
      expect((await runCli(BUILDER_CLI, args)).code).toBe(0);
      const { lineage } = await readManifest(dir);
      expect(lineage.bronze_rows).toBeGreaterThan(0);
      expect(lineage).toMatchObject({ duplicates_dropped: 0, rejected_rows: 0, rejected_by_rule: {} });
      expect(lineage.validated_rows).toBe(lineage.bronze_rows);
    } finally {
      await cleanup();
    }
  });
});

describe('builder over an existing manifest it cannot extend', () => {
  /** Runs a small mock build into a folder whose gold/manifest.json holds `manifest`. */
  async function buildOver(manifest: string, check: (dir: string, result: CliRun) => Promise<void>) {
    const { dir, cleanup } = await makeTempDir('existing-manifest');
    try {
      await fs.mkdir(path.join(dir, 'gold'), { recursive: true });
      await fs.writeFile(path.join(dir, 'gold', 'manifest.json'), manifest);
      const args = ['run', '--out', dir, '--items', '3', '--from', FROM, '--to', '2024-01-31'];
      await check(dir, await runCli(BUILDER_CLI, args));
    } finally {
      await cleanup();
    }
  }

  it('replaces a manifest of an older gold schema instead of refusing to build', () =>
    buildOver(JSON.stringify({ schema_version: 1, build_id: 'old', tables: {} }), async (dir, result) => {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect((await readManifest(dir)).schema_version).toBe(SCHEMA_VERSION);
    }));

  it('refuses to overwrite a manifest it cannot read, and says so', () =>
    buildOver('{ not json', async (_dir, result) => {
      expect(result.code).toBe(4);
      expect(result.stderr).toMatch(/manifest\.json is not valid JSON/);
    }));
});

describe('builder CLI errors', () => {
  it.each([
    { args: ['run', '--items', 'many'], message: /--items must be an integer/ },
    { args: ['run', '--from', '2024-02-30'], message: /--from must be a date/ },
    { args: ['run', '--from', '2024-03-01', '--to', '2024-02-01'], message: /is after --to/ },
    { args: ['run', '--source', 'sap'], message: /--source must be/ },
    { args: ['run', '--to', '2999-01-01'], message: /--to 2999-01-01 is in the future/ },
    { args: ['run', '--items', '100000'], message: /--items must be an integer from 1 to 99999/ },
    { args: ['run', '--from', '1990-01-01', '--to', '2024-12-31'], message: /at most 9999 days/ },
    { args: ['run', '--nope'], message: /Unknown option '--nope'/ },
    { args: ['explode'], message: /unknown command "explode"/ },
  ])('$args exits 2 with a one-line reason', async ({ args, message }) => {
    const result = await runCli(BUILDER_CLI, args);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(/^builder: /);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack without --debug
  });

  it('prints help for every command', async () => {
    const top = await runCli(BUILDER_CLI, ['--help']);
    const run = await runCli(BUILDER_CLI, ['run', '--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/Commands:/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--seed N/);
  });
});
