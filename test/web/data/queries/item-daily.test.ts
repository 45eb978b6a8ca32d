import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManifestTable } from '#schema/manifest.ts';
import { goldTables } from '#schema/tables.ts';
import { itemFactFiles } from '../../../../web/src/lib/data/item-fact-source.ts';
import { itemDaily } from '../../../../web/src/lib/data/queries/item-daily.ts';
import { engines } from '../../helpers/engines.ts';
import { sampleDemand } from '../../helpers/sample-gold.ts';
import { writeGold } from '../../helpers/write-gold.ts';

// The sample fact split in two files by item_key, as the builder splits it.
let dir = '';
let fact: ManifestTable;
const keys = [...new Set(sampleDemand.map((row) => row.item_key))].sort((a, b) => a - b);
const split = keys[Math.floor(keys.length / 2)] ?? 0;
const ranged = (min: number, max: number, path: string) => ({
  path,
  rows: 0,
  bytes: 0,
  sha256: '',
  item_keys: { min, max },
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nova-item-daily-'));
  const low = await mkdtemp(join(dir, 'low-'));
  const high = await mkdtemp(join(dir, 'high-'));
  const lowFile = await writeGold(low, { fact_demand_daily: sampleDemand.filter((r) => r.item_key < split) });
  const highFile = await writeGold(high, { fact_demand_daily: sampleDemand.filter((r) => r.item_key >= split) });
  fact = {
    files: [
      ranged(keys[0] ?? 0, split - 1, lowFile.fact_demand_daily ?? ''),
      ranged(split, keys.at(-1) ?? 0, highFile.fact_demand_daily ?? ''),
    ],
    rows: sampleDemand.length,
    bytes: 0,
    columns: [...goldTables.fact_demand_daily],
  };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('itemFactFiles', () => {
  it('names the one file whose item_key range holds the item', () => {
    expect(itemFactFiles(fact, split)).toEqual([fact.files[1]?.path]);
    expect(itemFactFiles(fact, split - 1)).toEqual([fact.files[0]?.path]);
  });

  it('falls back to every file when no range holds the key, or files have no range', () => {
    expect(itemFactFiles(fact, 10_000)).toEqual(fact.files.map((f) => f.path));
    const unranged = { ...fact, files: fact.files.map(({ item_keys: _, ...file }) => file) };
    expect(itemFactFiles(unranged, split)).toEqual(fact.files.map((f) => f.path));
  });
});

describe.each(engines)('itemDaily on $name', (engine) => {
  it.each(keys.map((key) => ({ key })))('item_key $key: its rows in date order, from its file only', async ({ key }) => {
    // No views at all: the query reads the item file by itself.
    const db = await engine.open({});
    try {
      const rows = await itemDaily(db, fact, key);
      const expected = sampleDemand
        .filter((row) => row.item_key === key)
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((row) => ({ date: row.date, demand: row.demand, orders: row.orders }));
      expect(rows).toEqual(expected);
    } finally {
      db.close();
    }
  });

  it('refuses a key that is not an integer', async () => {
    const db = await engine.open({});
    try {
      expect(() => itemDaily(db, fact, 1.5)).toThrow(/integer/);
    } finally {
      db.close();
    }
  });
});
