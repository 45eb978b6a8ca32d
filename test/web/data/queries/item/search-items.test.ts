import { describe, expect, it } from 'vitest';
import type { DimItemRow } from '#schema/tables.ts';
import {
  SEARCH_ITEMS_MAX,
  containsPattern,
  searchItems,
} from '../../../../../web/src/lib/data/queries/item/search-items.ts';
import { engines } from '../../../helpers/engines.ts';
import { useGold } from '../../../helpers/use-gold.ts';
import { sampleItems } from '../../../helpers/sample-gold.ts';

const base = sampleItems[0] as DimItemRow;
const extra = (item_key: number, item_id: string, name: string): DimItemRow => ({ ...base, item_key, item_id, name });

const items: DimItemRow[] = [
  ...sampleItems,
  extra(7, 'NC-CON-0007', 'Conéctor N 50% macho'),
  extra(8, 'NC-CAB_RF', 'Cabo_RF 1/2"'),
  extra(9, 'NC-XSS-0009', '<img src=x onerror=alert(1)>'),
  extra(10, 'NC-QUO-0010', "O'Brien ' OR '1'='1"),
  extra(11, 'IT0011', 'Item onze'),
];

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The ranking the query promises, written independently: exact id, id prefix, name prefix, contains. */
function expected(text: string, limit: number): string[] {
  const needle = fold(text.trim());
  if (needle === '') return [];
  const rank = (i: DimItemRow) => {
    const id = fold(i.item_id);
    const name = fold(i.name);
    if (id === needle) return 0;
    if (id.startsWith(needle)) return 1;
    if (name.startsWith(needle)) return 2;
    return 3;
  };
  return items
    .filter((i) => fold(i.item_id).includes(needle) || fold(i.name).includes(needle))
    .sort((a, b) => rank(a) - rank(b) || (a.item_id < b.item_id ? -1 : 1))
    .slice(0, limit)
    .map((i) => i.item_id);
}

describe.each(engines)('searchItems on $name', (engine) => {
  const db = useGold(engine, { dim_item: items });

  it.each([
    'IT001',
    'it00',
    'item 1',
    'ITEM',
    'conector',
    'CONÉCTOR',
    '50%',
    '%',
    '_',
    'cab_',
    '\\',
    '<img',
    "'",
    "' OR '1'='1",
    "x'; DROP VIEW dim_item; --",
    'nothing like this',
    '   it003  ',
  ])('"%s"', async (text) => {
    const rows = await searchItems(db(), { text, limit: 20 });
    expect(rows.map((r) => r.item_id)).toEqual(expected(text, 20));
  });

  it('returns key, id, name and category of each match, up to the limit', async () => {
    const rows = await searchItems(db(), { text: 'item', limit: 3 });
    expect(rows).toEqual(
      expected('item', 3).map((id) => {
        const i = items.find((x) => x.item_id === id) as DimItemRow;
        return { item_key: i.item_key, item_id: i.item_id, name: i.name, category: i.category };
      }),
    );
  });

  it('keeps dim_item intact after hostile input', async () => {
    await searchItems(db(), { text: "'); DROP VIEW dim_item; --", limit: 5 });
    expect(await searchItems(db(), { text: 'IT006', limit: 5 })).toHaveLength(1);
  });
});

describe('searchItems input', () => {
  const db = { query: () => Promise.reject(new Error('must not be called')) };
  it.each([0, -1, 1.5, Number.NaN, SEARCH_ITEMS_MAX + 1])('rejects limit %s', (limit) => {
    expect(() => searchItems(db, { text: 'a', limit })).toThrow(RangeError);
  });
  it('answers blank text without a query', async () => {
    await expect(searchItems(db, { text: '  ', limit: 5 })).resolves.toEqual([]);
  });
  it.each([
    { text: 'a', pattern: '%a%' },
    { text: '50%', pattern: '%50\\%%' },
    { text: 'a_b', pattern: '%a\\_b%' },
    { text: 'c:\\x', pattern: '%c:\\\\x%' },
  ])('pattern of $text', ({ text, pattern }) => {
    expect(containsPattern(text)).toBe(pattern);
  });
});
