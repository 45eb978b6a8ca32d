import { describe, expect, it } from 'vitest';
import {
  appHash,
  defaultAppParams,
  parseAppParams,
  type AppParams,
} from '../../../web/src/lib/state/app-params.ts';

const state = (change: Partial<AppParams>): AppParams => ({ ...defaultAppParams, ...change });

describe('parseAppParams', () => {
  it.each([
    { hash: '', expected: defaultAppParams },
    { hash: '#', expected: defaultAppParams },
    { hash: '#grain=day', expected: state({ grain: 'day' }) },
    { hash: '#grain=week&category=cable', expected: state({ category: 'cable' }) },
    { hash: 'grain=day&category=battery', expected: state({ grain: 'day', category: 'battery' }) },
    { hash: '#grain=month', expected: state({ grain: 'month' }) },
    { hash: '#grain=year', expected: defaultAppParams },
    { hash: '#category=%20', expected: defaultAppParams },
    { hash: "#category=x'%3B--", expected: state({ category: "x';--" }) },
    { hash: '#page=nowhere', expected: defaultAppParams },
    { hash: '#page=overview&item=NC-BAT-0001', expected: state({ item: 'NC-BAT-0001' }) },
    { hash: '#from=2025-01-01&to=2025-03-31', expected: state({ from: '2025-01-01', to: '2025-03-31' }) },
    { hash: '#from=2025-13-45&to=yesterday', expected: defaultAppParams },
    { hash: '#from=2025-01-01%27%3B', expected: defaultAppParams },
    { hash: '#sql=select%0A%20%201', expected: state({ sql: 'select\n  1' }) },
    {
      hash: '#page=item&item=NC-BAT-0001&itemGrain=month',
      expected: state({ page: 'item', item: 'NC-BAT-0001', itemGrain: 'month' }),
    },
    { hash: '#page=accuracy', expected: state({ page: 'accuracy' }) },
    { hash: '#page=item&itemGrain=year', expected: state({ page: 'item' }) },
    { hash: '#page=item&item=%3Cimg%20src%3Dx%3E', expected: state({ page: 'item', item: '<img src=x>' }) },
    { hash: '#page=quality&rule=BAD_DATE', expected: state({ page: 'quality', rule: 'BAD_DATE' }) },
    { hash: "#page=quality&rule=BAD_DATE'%3B--", expected: state({ page: 'quality' }) },
    { hash: '#rule=bad_date', expected: defaultAppParams },
  ])('$hash', ({ hash, expected }) => {
    expect(parseAppParams(hash)).toEqual(expected);
  });
});

describe('appHash', () => {
  it.each([
    { params: defaultAppParams, expected: '' },
    { params: state({ grain: 'day', category: 'cable' }), expected: '#category=cable&grain=day' },
    { params: state({ category: 'a&b c' }), expected: '#category=a%26b+c' },
    {
      params: state({ from: '2025-01-01', item: 'NC-CAB-0002', sql: 'select 1' }),
      expected: '#from=2025-01-01&item=NC-CAB-0002&sql=select+1',
    },
    {
      params: state({ page: 'item', item: 'NC-CAB-0002', itemGrain: 'day' }),
      expected: '#page=item&item=NC-CAB-0002&itemGrain=day',
    },
    { params: state({ page: 'item', item: 'a&b=c' }), expected: '#page=item&item=a%26b%3Dc' },
    { params: state({ page: 'quality', rule: 'UNKNOWN_ITEM' }), expected: '#page=quality&rule=UNKNOWN_ITEM' },
  ])('$expected', ({ params, expected }) => {
    expect(appHash(params)).toBe(expected);
    expect(parseAppParams(appHash(params))).toEqual(params);
  });
});
