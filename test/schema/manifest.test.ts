import { describe, expect, it } from 'vitest';
import { goldTableIds, isManifest, manifestFiles, manifestProblem, tablePaths } from '#schema';
import { manifestFixture } from '../helpers/manifest-fixture.ts';

const validManifest = manifestFixture;

describe('isManifest / manifestProblem', () => {
  it('accepts a complete manifest', () => {
    expect(isManifest(validManifest())).toBe(true);
    expect(manifestProblem(validManifest())).toBeUndefined();
  });

  it('accepts a table split into files by item_key', () => {
    const manifest = validManifest();
    manifest.tables.fact_demand_daily.files = [
      {
        path: 'gold/b1/fact_demand_daily/part-0.parquet',
        rows: 2,
        bytes: 5,
        sha256: 'a',
        item_keys: { min: 1, max: 10 },
      },
      {
        path: 'gold/b1/fact_demand_daily/part-1.parquet',
        rows: 2,
        bytes: 5,
        sha256: 'b',
        item_keys: { min: 11, max: 20 },
      },
    ];
    expect(manifestProblem(manifest)).toBeUndefined();
    expect(tablePaths(manifest.tables.fact_demand_daily)).toEqual([
      'gold/b1/fact_demand_daily/part-0.parquet',
      'gold/b1/fact_demand_daily/part-1.parquet',
    ]);
    expect(manifestFiles(manifest)).toHaveLength(goldTableIds.length + 1);
  });

  it.each([
    { case: 'not an object', value: [], problem: /not a JSON object/ },
    {
      case: 'wrong version',
      value: { ...validManifest(), schema_version: 99 },
      problem: /schema_version 99/,
    },
    {
      case: 'missing table',
      value: { ...validManifest(), tables: { dim_item: validManifest().tables.dim_item } },
      problem:
        /dim_time, fact_demand_daily, fact_demand_weekly, fact_demand_monthly, agg_category_daily, fact_forecasts/,
    },
    {
      case: 'summary with text numbers',
      value: { ...validManifest(), summary: { ...validManifest().summary, units_total: '2' } },
      problem: /summary/,
    },
    { case: 'no build id', value: { ...validManifest(), build_id: 7 }, problem: /build_id/ },
    { case: 'no generated_at', value: { ...validManifest(), generated_at: null }, problem: /generated_at/ },
    { case: 'no source', value: { ...validManifest(), source: undefined }, problem: /source/ },
    {
      case: 'engine without the wasm version',
      value: { ...validManifest(), engine: { builder_duckdb: 'v1.5.6' } },
      problem: /engine/,
    },
    {
      case: 'lineage with a text count',
      value: { ...validManifest(), lineage: { ...validManifest().lineage, cleaned_rows: '1' } },
      problem: /lineage/,
    },
    {
      case: 'lineage with a text rule count',
      value: {
        ...validManifest(),
        lineage: { ...validManifest().lineage, rejected_by_rule: { BAD_DATE: 'x' } },
      },
      problem: /lineage/,
    },
    { case: 'no grain', value: { ...validManifest(), grains: [] }, problem: /grains/ },
    { case: 'an unknown grain', value: { ...validManifest(), grains: ['hour'] }, problem: /grains/ },
    {
      case: 'demand totals without a table',
      value: {
        ...validManifest(),
        demand_totals: { ...validManifest().demand_totals, agg_category_daily: undefined },
      },
      problem: /demand_totals/,
    },
    { case: 'batches that are not ids', value: { ...validManifest(), batches: [1] }, problem: /batches/ },
    {
      case: 'a table without files',
      value: {
        ...validManifest(),
        tables: { ...validManifest().tables, dim_item: { ...validManifest().tables.dim_item, files: [] } },
      },
      problem: /tables missing or malformed: dim_item$/,
    },
    {
      case: 'a file with a malformed item_key range',
      value: {
        ...validManifest(),
        tables: {
          ...validManifest().tables,
          fact_demand_daily: {
            ...validManifest().tables.fact_demand_daily,
            files: [{ path: 'gold/b1/f.parquet', rows: 1, bytes: 1, sha256: 'x', item_keys: { min: 1 } }],
          },
        },
      },
      problem: /tables missing or malformed: fact_demand_daily$/,
    },
    {
      case: 'a column of a type gold does not use',
      value: {
        ...validManifest(),
        tables: {
          ...validManifest().tables,
          dim_time: { ...validManifest().tables.dim_time, columns: [{ name: 'date', type: 'HUGEINT' }] },
        },
      },
      problem: /tables missing or malformed: dim_time$/,
    },
  ])('rejects $case', ({ value, problem }) => {
    expect(isManifest(value)).toBe(false);
    expect(manifestProblem(value)).toMatch(problem);
  });
});
