import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetweenInclusive,
  isIsoDate,
  threeYearsEndingOn,
} from '../../../builder/src/calendar/dates.ts';

describe('isIsoDate', () => {
  it.each([
    { value: '2024-02-29', expected: true },
    { value: '2023-02-29', expected: false },
    { value: '2024-13-01', expected: false },
    { value: '29/02/2024', expected: false },
    { value: '2024-2-9', expected: false },
  ])('$value → $expected', ({ value, expected }) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('date arithmetic', () => {
  it.each([
    { from: '2024-02-28', days: 1, expected: '2024-02-29' },
    { from: '2024-12-31', days: 1, expected: '2025-01-01' },
    { from: '2025-03-01', days: -1, expected: '2025-02-28' },
  ])('addDays($from, $days) = $expected', ({ from, days, expected }) => {
    expect(addDays(from, days)).toBe(expected);
  });

  it('counts three full years ending on a day', () => {
    const from = threeYearsEndingOn('2026-11-28');
    expect(from).toBe('2023-11-29');
    expect(daysBetweenInclusive(from, '2026-11-28')).toBe(1096);
  });
});
