import { describe, expect, it } from 'vitest';
import { DAILY_WINDOW_DAYS, trendWindow } from '../../../../web/src/lib/views/overview/trend-window.ts';

describe('trendWindow', () => {
  it.each([
    {
      grain: 'day' as const,
      filter: { from: undefined, to: undefined },
      expected: { from: '2024-10-03', to: undefined, windowed: true },
    },
    {
      grain: 'day' as const,
      filter: { from: undefined, to: '2024-03-31' },
      expected: { from: '2024-01-02', to: '2024-03-31', windowed: true },
    },
    {
      grain: 'day' as const,
      filter: { from: '2024-06-01', to: undefined },
      expected: { from: '2024-06-01', to: undefined, windowed: false },
    },
    {
      grain: 'week' as const,
      filter: { from: undefined, to: undefined },
      expected: { from: undefined, to: undefined, windowed: false },
    },
  ])('$grain with $filter', ({ grain, filter, expected }) => {
    expect(trendWindow(grain, filter, '2024-12-31')).toEqual(expected);
  });

  it(`holds ${DAILY_WINDOW_DAYS} days, both ends included`, () => {
    const { from } = trendWindow('day', { from: undefined, to: undefined }, '2024-12-31');
    const days = (Date.parse('2024-12-31') - Date.parse(from ?? '')) / 86_400_000 + 1;
    expect(days).toBe(DAILY_WINDOW_DAYS);
  });

  it('leaves the range alone when there are no actuals', () => {
    expect(trendWindow('day', { from: undefined, to: undefined }, '')).toEqual({
      from: undefined,
      to: undefined,
      windowed: false,
    });
  });
});
