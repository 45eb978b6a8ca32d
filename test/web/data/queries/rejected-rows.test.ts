import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeDb } from '#support/node-db.ts';
import { rejectedCounts } from '../../../../web/src/lib/data/queries/rejected-counts.ts';
import {
  REJECTED_EXAMPLES_MAX,
  rejectedExamples,
} from '../../../../web/src/lib/data/queries/rejected-examples.ts';
import type { RejectionRuleCode } from '#schema/silver.ts';
import { engines } from '../../helpers/engines.ts';
import { sampleRejected, writeRejected } from '../../helpers/write-rejected.ts';

function expectedCounts() {
  const counts = new Map<string, number>();
  for (const row of sampleRejected) {
    const key = `${row._batch_id}|${row.rule_code}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([key, rows]) => {
      const [batch_id = '', rule_code = ''] = key.split('|');
      return { batch_id, rule_code, rows };
    })
    .sort((a, b) => a.batch_id.localeCompare(b.batch_id) || a.rule_code.localeCompare(b.rule_code));
}

function expectedExamples(rule: RejectionRuleCode | undefined, limit: number) {
  return sampleRejected
    .filter((row) => rule === undefined || row.rule_code === rule)
    .sort((a, b) => (a._batch_id ?? '').localeCompare(b._batch_id ?? '') || a._row_number - b._row_number)
    .slice(0, limit)
    .map((row) => ({
      batch_id: row._batch_id,
      source_file: row._source_file,
      row_number: row._row_number,
      rule_code: row.rule_code,
      rule_message: row.rule_message,
      movement_id: row.movement_id,
      raw_movement_date: row.raw_movement_date,
      item_id: row.item_id,
      raw_quantity: row.raw_quantity,
      site_id: row.site_id,
    }));
}

describe.each(engines)('rejected rows on $name', (engine) => {
  let dir = '';
  let files: string[] = [];
  let db: NodeDb;
  beforeAll(async () => {
    // A quote in the folder name: file paths go into SQL as escaped literals, never spliced raw.
    dir = await mkdtemp(join(tmpdir(), "nova-rejected-it's-"));
    files = await writeRejected(dir, sampleRejected, ['batch-empty']);
    db = await engine.open({});
  });
  afterAll(async () => {
    db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('counts rows per batch and rule, an empty batch file adding none', async () => {
    await expect(rejectedCounts(db, files)).resolves.toEqual(expectedCounts());
  });

  it.each([
    { rule: undefined, limit: 50 },
    { rule: undefined, limit: 5 },
    { rule: 'BAD_DATE', limit: 3 },
    { rule: 'MISSING_ID', limit: 50 },
    { rule: 'FUTURE_DATE', limit: 50 },
  ] as const)('lists examples for rule $rule, limit $limit, in file order', async ({ rule, limit }) => {
    await expect(rejectedExamples(db, files, { rule, limit })).resolves.toEqual(expectedExamples(rule, limit));
  });

  it('returns values as received, markup and SQL included, as plain strings', async () => {
    const rows = await rejectedExamples(db, files, { limit: REJECTED_EXAMPLES_MAX });
    expect(rows.map((row) => row.item_id)).toContain('<img src=x onerror=alert(1)>');
    expect(rows.map((row) => row.raw_movement_date)).toContain(`01/01'; DROP TABLE x; --`);
  });

  it('asks nothing of the engine when there are no files', async () => {
    await expect(rejectedCounts(db, [])).resolves.toEqual([]);
    await expect(rejectedExamples(db, [], { limit: 10 })).resolves.toEqual([]);
  });
});

describe('rejectedExamples input', () => {
  const db = { query: () => Promise.reject(new Error('must not be called')) };
  it.each([0, -1, 2.5, Number.NaN, REJECTED_EXAMPLES_MAX + 1])('rejects limit %s', async (limit) => {
    await expect(rejectedExamples(db, ['x.parquet'], { limit })).rejects.toThrow(RangeError);
  });
  it.each(["BAD_DATE' OR 1=1 --", 'bad_date', ''])('rejects rule %j', async (rule) => {
    await expect(
      rejectedExamples(db, ['x.parquet'], { rule: rule as RejectionRuleCode, limit: 1 }),
    ).rejects.toThrow(RangeError);
  });
});
