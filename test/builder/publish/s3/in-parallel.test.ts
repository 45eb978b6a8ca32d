import { describe, expect, it } from 'vitest';
import { inParallel } from '../../../../builder/src/publish/s3/in-parallel.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 2));

describe('inParallel', () => {
  it('keeps the order of the results and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await inParallel([5, 1, 4, 2, 3, 6, 7], 3, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await tick();
      running -= 1;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 60, 70]);
    expect(most).toBe(3);
  });

  it('starts nothing new after a failure, lets the running ones finish, then rejects', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = inParallel([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      await tick();
      if (n === 2) throw new Error('two failed');
      finished.push(n);
      return n;
    });
    await expect(run).rejects.toThrow('two failed');
    expect(started).toEqual([1, 2, 3]);
    expect(finished).toEqual([1, 3]);
  });
});
