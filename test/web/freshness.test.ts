import { describe, expect, it } from 'vitest';
import { daysBehind, isStale } from '../../web/src/lib/freshness.ts';

describe('freshness', () => {
  const today = new Date('2026-11-29T15:30:00Z');

  it.each([
    { through: '2026-11-28', days: 1, stale: false },
    { through: '2026-11-27', days: 2, stale: false },
    { through: '2026-11-26', days: 3, stale: true },
    { through: '2025-12-31', days: 333, stale: true },
    { through: '2026-11-29', days: 0, stale: false },
  ])('actuals through $through: $days days behind, stale $stale', ({ through, days, stale }) => {
    expect(daysBehind(through, today)).toBe(days);
    expect(isStale(through, today)).toBe(stale);
  });

  it('a build with no actuals is not called stale', () => {
    expect(isStale('', today)).toBe(false);
  });
});
