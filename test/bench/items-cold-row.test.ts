import { describe, expect, it } from 'vitest';
import { itemsColdRows } from '../../bench/items-cold-row.ts';

describe('itemsColdRows', () => {
  it('states the mean and worst bytes of the items and their share of the daily fact, against the goal', () => {
    const itemsCold = {
      items: ['NC-A', 'NC-B', 'NC-C'],
      bytes: [20_480, 40_960, 92_160],
      meanBytes: 51_200,
      worstBytes: 92_160,
      meanShare: 0.0026,
      worstShare: 0.0057,
    };
    expect(itemsColdRows({ itemsCold }, '≤ 1 % (goal 0.5 %)')).toEqual([
      [
        "one item's daily history, cold, on the item page: 3 items spread over the lakehouse, mean / worst",
        '50.0 KiB / 90.0 KiB = 0.26% / 0.57% of the daily fact',
        '≤ 1 % (goal 0.5 %)',
      ],
    ]);
  });

  it('has no row for a run from before it was measured', () => {
    expect(itemsColdRows({}, '')).toEqual([]);
  });
});
