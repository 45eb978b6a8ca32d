import { describe, expect, it } from 'vitest';
import { HISTORY_KEY, queryHistory, type HistoryStorage } from '../../../../web/src/lib/data/explorer/query-history.ts';

/** A Web Storage with the same string-in, string-out contract as localStorage. */
function memoryStorage(initial: Record<string, string> = {}): HistoryStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, String(value)),
    removeItem: (key) => void data.delete(key),
  };
}

const failing: HistoryStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('queryHistory', () => {
  it('lists the newest first and persists across instances', () => {
    const storage = memoryStorage();
    const first = queryHistory(storage);
    first.add('SELECT 1');
    first.add('SELECT 2');
    expect(queryHistory(storage).list()).toEqual(['SELECT 2', 'SELECT 1']);
    expect(JSON.parse(storage.data.get(HISTORY_KEY) ?? '')).toEqual(['SELECT 2', 'SELECT 1']);
  });

  it('moves a query run again to the top instead of repeating it (blanks around it ignored)', () => {
    const history = queryHistory(memoryStorage());
    history.add('SELECT 1');
    history.add('SELECT 2');
    expect(history.add('  SELECT 1\n')).toEqual(['SELECT 1', 'SELECT 2']);
  });

  it('keeps only the newest `limit` queries', () => {
    const history = queryHistory(memoryStorage(), 3);
    for (let i = 1; i <= 5; i++) history.add(`SELECT ${i}`);
    expect(history.list()).toEqual(['SELECT 5', 'SELECT 4', 'SELECT 3']);
  });

  it('ignores empty queries', () => {
    const history = queryHistory(memoryStorage());
    expect(history.add('   ')).toEqual([]);
  });

  it.each([
    { stored: 'not json', expected: [] },
    { stored: '{"a":1}', expected: [] },
    { stored: '["SELECT 1", 2, null, "SELECT 3"]', expected: ['SELECT 1', 'SELECT 3'] },
  ])('reads a corrupt store $stored as $expected', ({ stored, expected }) => {
    expect(queryHistory(memoryStorage({ [HISTORY_KEY]: stored })).list()).toEqual(expected);
  });

  it('clears', () => {
    const storage = memoryStorage();
    const history = queryHistory(storage);
    history.add('SELECT 1');
    history.clear();
    expect(history.list()).toEqual([]);
    expect(storage.data.has(HISTORY_KEY)).toBe(false);
  });

  it('never throws when storage is disabled or full', () => {
    const history = queryHistory(failing);
    expect(history.list()).toEqual([]);
    expect(history.add('SELECT 1')).toEqual(['SELECT 1']);
    expect(() => history.clear()).not.toThrow();
  });
});
