import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  activeBatches,
  appendToLedger,
  findIdenticalBatch,
  readLedger,
  type BatchRecord,
} from '../../../builder/src/catalog/batch-ledger.ts';
import { CliError } from '../../../builder/src/errors.ts';
import { Layout } from '../../../builder/src/layout.ts';
import { lineageFixture } from '../../helpers/manifest-fixture.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

function batch(id: string, source: string, mode: BatchRecord['mode'], sha256: string): BatchRecord {
  return {
    batch_id: id,
    source,
    mode,
    ingest_date: '2026-01-01',
    ingested_at: '2026-01-01T00:00:00Z',
    files: [{ role: 'movements', name: 'm.csv', sha256, bytes: 1 }],
    dates: { from: '2025-01-01', to: '2025-12-31' },
    lineage: lineageFixture(),
  };
}

describe('activeBatches', () => {
  it.each([
    {
      case: 'a snapshot replaces earlier batches of its source only',
      ledger: [
        batch('1', 'mock', 'snapshot', 'a'),
        batch('2', 'file', 'incremental', 'b'),
        batch('3', 'mock', 'snapshot', 'c'),
        batch('4', 'file', 'incremental', 'd'),
      ],
      active: ['2', '3', '4'],
    },
    {
      case: 'incremental batches accumulate',
      ledger: [batch('1', 'file', 'incremental', 'a'), batch('2', 'file', 'incremental', 'b')],
      active: ['1', '2'],
    },
    { case: 'an empty ledger', ledger: [], active: [] },
  ])('$case', ({ ledger, active }) => {
    expect(activeBatches(ledger).map((b) => b.batch_id)).toEqual(active);
  });
});

describe('findIdenticalBatch', () => {
  const ledger = [batch('1', 'mock', 'snapshot', 'seed-1'), batch('2', 'mock', 'snapshot', 'seed-2')];

  it('finds an active batch with the same content', () => {
    expect(findIdenticalBatch(ledger, 'mock', ['seed-2'])?.batch_id).toBe('2');
  });

  it('ignores a batch a later snapshot replaced, and other sources', () => {
    expect(findIdenticalBatch(ledger, 'mock', ['seed-1'])).toBeUndefined();
    expect(findIdenticalBatch(ledger, 'file', ['seed-2'])).toBeUndefined();
  });
});

describe('readLedger / appendToLedger', () => {
  it('round-trips records and reports a broken ledger with its path', async () => {
    const { dir, cleanup } = await makeTempDir('ledger');
    try {
      const layout = new Layout(dir);
      expect(await readLedger(layout)).toEqual([]);
      await appendToLedger(layout, batch('1', 'mock', 'snapshot', 'a'));
      await appendToLedger(layout, batch('2', 'mock', 'snapshot', 'b'));
      expect((await readLedger(layout)).map((b) => b.batch_id)).toEqual(['1', '2']);
      await fs.writeFile(path.join(dir, 'silver', 'batches.json'), '{"batches": [{"batch_id": 1}]}');
      await expect(readLedger(layout)).rejects.toThrow(CliError);
      await fs.writeFile(path.join(dir, 'silver', 'batches.json'), '{');
      await expect(readLedger(layout)).rejects.toThrow(/batches\.json is not valid JSON/);
    } finally {
      await cleanup();
    }
  });
});
