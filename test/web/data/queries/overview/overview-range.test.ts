import { describe, expect, it } from 'vitest';
import {
  overviewFilterFor,
  overviewPlan,
  periodEndOf,
  periodStartOf,
} from '../../../../../web/src/lib/data/queries/overview/overview-range.ts';

describe('overviewPlan', () => {
  it.each([
    { name: 'no dates: whole months', filter: {}, grains: undefined, want: ['day', 'month', null, null, false] },
    {
      name: 'whole months are kept',
      filter: { from: '2024-02-01', to: '2024-03-31' },
      grains: undefined,
      want: ['day', 'month', '2024-02-01', '2024-03-31', false],
    },
    {
      name: 'a leap February end is a month end',
      filter: { to: '2024-02-29' },
      grains: undefined,
      want: ['day', 'month', null, '2024-02-29', false],
    },
    {
      name: 'a Saturday and a Wednesday widen to Monday and Sunday',
      filter: { from: '2024-02-10', to: '2024-03-20' },
      grains: undefined,
      want: ['day', 'week', '2024-02-05', '2024-03-24', true],
    },
    {
      name: 'a Monday to a Sunday is already whole weeks',
      filter: { from: '2024-02-05', to: '2024-03-03' },
      grains: undefined,
      want: ['day', 'week', '2024-02-05', '2024-03-03', false],
    },
    {
      name: 'a week across the year end',
      filter: { from: '2025-01-02' },
      grains: undefined,
      want: ['day', 'week', '2024-12-30', null, true],
    },
    {
      name: 'a monthly lakehouse widens to whole months',
      filter: { from: '2025-02-14', to: '2025-04-02' },
      grains: ['month'] as const,
      want: ['month', 'month', '2025-02-01', '2025-04-30', true],
    },
    {
      name: 'a weekly lakehouse widens to weeks even for whole months',
      filter: { from: '2024-02-01', to: '2024-02-29' },
      grains: ['week'] as const,
      want: ['week', 'week', '2024-01-29', '2024-03-03', true],
    },
  ])('$name', ({ filter, grains, want }) => {
    const plan = overviewPlan(filter, grains);
    expect([plan.finest, plan.itemGrain, plan.from, plan.to, plan.widened]).toEqual(want);
  });

  it.each(["2024-01-01' OR '1'='1", '2024-02-30', '01/02/2024', ''])('refuses the date %j', (from) => {
    expect(() => overviewPlan({ from })).toThrow(RangeError);
  });
});

describe('period edges', () => {
  it.each([
    { grain: 'week', day: '2024-03-03', start: '2024-02-26', end: '2024-03-03' }, // a Sunday
    { grain: 'week', day: '2024-02-26', start: '2024-02-26', end: '2024-03-03' }, // a Monday
    { grain: 'month', day: '2023-02-15', start: '2023-02-01', end: '2023-02-28' },
    { grain: 'month', day: '2024-12-31', start: '2024-12-01', end: '2024-12-31' },
    { grain: 'day', day: '2024-12-31', start: '2024-12-31', end: '2024-12-31' },
  ] as const)('$grain of $day runs $start to $end', ({ grain, day, start, end }) => {
    expect([periodStartOf(grain, day), periodEndOf(grain, day)]).toEqual([start, end]);
  });
});

describe('overviewFilterFor', () => {
  it('keeps the category and says when the dates moved', () => {
    expect(overviewFilterFor({ category: 'cable', from: '2024-02-10' })).toEqual({
      category: 'cable',
      from: '2024-02-05',
      to: undefined,
      widened: true,
    });
    expect(overviewFilterFor({ category: 'cable' }).widened).toBe(false);
  });
});
