import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../../ml/src/models/nelder-mead.ts';

describe('Nelder–Mead', () => {
  it('finds the minimum of a quadratic bowl and of the Rosenbrock valley', () => {
    const bowl = nelderMead(([x = 0, y = 0]) => (x - 3) ** 2 + 2 * (y + 1) ** 2, [0, 0]);
    expect(bowl[0]).toBeCloseTo(3, 4);
    expect(bowl[1]).toBeCloseTo(-1, 4);
    const valley = nelderMead(([x = 0, y = 0]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2, [-1.2, 1], {
      maxIterations: 2000,
      tolerance: 1e-14,
    });
    expect(valley[0]).toBeCloseTo(1, 3);
    expect(valley[1]).toBeCloseTo(1, 3);
  });

  it('is deterministic and handles no parameters', () => {
    const f = ([x = 0]: readonly number[]) => Math.abs(x - 0.3) + x * x;
    expect(nelderMead(f, [2])).toEqual(nelderMead(f, [2]));
    expect(nelderMead(() => 1, [])).toEqual([]);
  });
});
