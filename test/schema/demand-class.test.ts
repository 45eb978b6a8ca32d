import { describe, expect, it } from 'vitest';
import { classifyDemand, demandClassOf } from '#schema';

describe('demand classes (Syntetos–Boylan)', () => {
  it.each([
    { adi: 1, cv2: 0, expected: 'smooth' },
    { adi: 1.31, cv2: 0.48, expected: 'smooth' },
    { adi: 1.32, cv2: 0.48, expected: 'intermittent' },
    { adi: 1.31, cv2: 0.49, expected: 'erratic' },
    { adi: 3, cv2: 1, expected: 'lumpy' },
    { adi: undefined, cv2: 0, expected: 'intermittent' },
  ])('ADI $adi, CV² $cv2 → $expected', ({ adi, cv2, expected }) => {
    expect(demandClassOf(adi, cv2)).toBe(expected);
  });

  it.each([
    // ADI = 4 periods / 2 with demand; sizes 2 and 6: mean 4, population variance 4, CV² 0.25.
    { values: [2, 0, 6, 0], adi: 2, cv2: 0.25, expected: 'intermittent' },
    { values: [5, 5, 5, 5], adi: 1, cv2: 0, expected: 'smooth' },
    // Sizes 1 and 9: mean 5, variance 16, CV² 0.64.
    { values: [1, 9], adi: 1, cv2: 0.64, expected: 'erratic' },
    { values: [0, 0, 0], adi: Infinity, cv2: 0, expected: 'intermittent' },
  ])('classifies $values', ({ values, adi, cv2, expected }) => {
    const shape = classifyDemand(values);
    expect(shape.adi).toBeCloseTo(adi, 12);
    expect(shape.cv2).toBeCloseTo(cv2, 12);
    expect(shape.demandClass).toBe(expected);
  });
});
