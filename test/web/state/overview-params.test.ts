import { describe, expect, it } from 'vitest';
import {
  defaultOverviewParams,
  overviewHash,
  parseOverviewParams,
} from '../../../web/src/lib/state/overview-params.ts';

describe('parseOverviewParams', () => {
  it.each([
    { hash: '', expected: defaultOverviewParams },
    { hash: '#', expected: defaultOverviewParams },
    { hash: '#grain=day', expected: { grain: 'day', category: undefined } },
    { hash: '#grain=week&category=cable', expected: { grain: 'week', category: 'cable' } },
    { hash: 'grain=day&category=battery', expected: { grain: 'day', category: 'battery' } },
    { hash: '#grain=month', expected: { grain: 'week', category: undefined } },
    { hash: '#category=%20', expected: { grain: 'week', category: undefined } },
    { hash: "#category=x'%3B--", expected: { grain: 'week', category: "x';--" } },
  ])('$hash', ({ hash, expected }) => {
    expect(parseOverviewParams(hash)).toEqual(expected);
  });
});

describe('overviewHash', () => {
  it.each([
    { params: { grain: 'week' as const, category: undefined }, expected: '#grain=week' },
    { params: { grain: 'day' as const, category: 'cable' }, expected: '#grain=day&category=cable' },
    { params: { grain: 'day' as const, category: 'a&b c' }, expected: '#grain=day&category=a%26b+c' },
  ])('$expected', ({ params, expected }) => {
    expect(overviewHash(params)).toBe(expected);
    expect(parseOverviewParams(overviewHash(params))).toEqual(params);
  });
});
