import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatFraction,
  formatBrlCents,
  formatMonth,
  formatRatio,
  formatSignedShare,
  formatBrl,
  formatBrlCompact,
  formatChange,
  formatCompact,
  formatCount,
  formatDay,
  formatMonthTick,
  formatShare,
  formatTimestamp,
  formatUnits,
  parseDay,
} from '../../web/src/lib/format.ts';

describe('number formats (pt-BR)', () => {
  it.each([
    { fn: formatCount, value: 0, expected: '0' },
    { fn: formatCount, value: 92670, expected: '92.670' },
    { fn: formatCount, value: 1234.6, expected: '1.235' },
    { fn: formatBrl, value: 2028437.4, expected: 'R$ 2.028.437' },
    { fn: formatBrl, value: 0, expected: 'R$ 0' },
    { fn: formatCompact, value: 950, expected: '950' },
    { fn: formatCompact, value: 12500, expected: '12,5 mil' },
    { fn: formatCompact, value: 2000, expected: '2 mil' },
    { fn: formatCompact, value: 3400000, expected: '3,4 mi' },
    { fn: formatCompact, value: 2.14e9, expected: '2,1 bi' },
    { fn: formatCompact, value: -12500, expected: '−12,5 mil' },
    { fn: formatBrlCompact, value: 81905180, expected: 'R$ 81,9 mi' },
    { fn: formatBrlCompact, value: 950, expected: 'R$ 950' },
  ])('$fn.name($value) = $expected', ({ fn, value, expected }) => {
    expect(fn(value)).toBe(expected);
  });
});

describe('formatUnits', () => {
  it.each([
    { value: 12500, unit: 'm', expected: '12,5 mil m' },
    { value: 42, unit: 'un', expected: '42 un' },
  ])('$value $unit = $expected', ({ value, unit, expected }) => {
    expect(formatUnits(value, unit)).toBe(expected);
  });
});

describe('formatChange', () => {
  it.each([
    { current: 110, previous: 100, expected: '+10,0 %' },
    { current: 7531, previous: 7890, expected: '−4,6 %' },
    { current: 5, previous: 0, expected: '—' },
    { current: 0, previous: 0, expected: '—' },
  ])('$current vs $previous = $expected', ({ current, previous, expected }) => {
    expect(formatChange(current, previous)).toBe(expected);
  });
});

describe('dates', () => {
  it.each([
    { iso: '2024-12-31', expected: '31/12/2024' },
    { iso: '2024-01-01', expected: '01/01/2024' },
    { iso: '', expected: '' },
    { iso: 'not a date', expected: 'not a date' },
  ])('formatDay($iso) = $expected', ({ iso, expected }) => {
    expect(formatDay(iso)).toBe(expected);
  });

  it('parses yyyy-mm-dd as UTC midnight, whatever the local zone', () => {
    expect(parseDay('2024-03-10').toISOString()).toBe('2024-03-10T00:00:00.000Z');
  });

  it.each([
    { iso: '2024-01-01', expected: 'jan 2024' },
    { iso: '2024-09-01', expected: 'set 2024' },
  ])('formatMonthTick($iso) = $expected', ({ iso, expected }) => {
    expect(formatMonthTick(parseDay(iso))).toBe(expected);
  });
});

describe('forecast measures (pt-BR)', () => {
  it.each([
    { fn: formatRatio, value: 0.8734, expected: '0,87' },
    { fn: formatRatio, value: 12, expected: '12,00' },
    { fn: formatFraction, value: 0.264, expected: '26,4 %' },
    { fn: formatFraction, value: 0.9, expected: '90 %' },
    { fn: formatSignedShare, value: 0.052, expected: '+5,2 %' },
    { fn: formatSignedShare, value: -0.12, expected: '−12,0 %' },
    { fn: formatSignedShare, value: -0.0004, expected: '0,0 %' },
    { fn: formatSignedShare, value: 0, expected: '0,0 %' },
    { fn: formatBrlCents, value: 850.5, expected: 'R$ 850,50' },
    { fn: formatBrlCents, value: 14409.42, expected: 'R$ 14.409,42' },
    { fn: formatAmount, value: 2.5, expected: '2,5' },
    { fn: formatAmount, value: 1234, expected: '1.234' },
  ])('$fn.name($value) = $expected', ({ fn, value, expected }) => {
    expect(fn(value)).toBe(expected);
  });

  it.each([
    { iso: '2024-03-01', expected: 'março de 2024' },
    { iso: 'x', expected: 'x' },
  ])('formatMonth($iso) = $expected', ({ iso, expected }) => {
    expect(formatMonth(iso)).toBe(expected);
  });
});

describe('formatShare', () => {
  it.each([
    { part: 1, whole: 4, expected: '25 %' },
    { part: 288, whole: 11628, expected: '2,5 %' },
    { part: 1, whole: 11628, expected: '< 0,1 %' },
    { part: 0, whole: 10, expected: '0 %' },
    { part: 10, whole: 10, expected: '100 %' },
    { part: 1, whole: 0, expected: '—' },
  ])('$part of $whole = $expected', ({ part, whole, expected }) => {
    expect(formatShare(part, whole)).toBe(expected);
  });
});

describe('formatTimestamp', () => {
  it.each([
    { iso: '2026-12-03T06:13:57.095Z', expected: '03/12/2026, 06:13 UTC' },
    { iso: 'not a time', expected: 'not a time' },
  ])('$iso', ({ iso, expected }) => {
    expect(formatTimestamp(iso)).toBe(expected);
  });
});
