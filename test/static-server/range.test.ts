import { describe, expect, it } from 'vitest';
import { normalizeRange } from '../../static-server/src/range.ts';

describe('normalizeRange', () => {
  it.each([
    { header: 'bytes=-99999', size: 4096, expected: 'bytes=0-' },
    { header: 'bytes=-4097', size: 4096, expected: 'bytes=0-' },
    { header: 'bytes=-4096', size: 4096, expected: 'bytes=-4096' },
    { header: 'bytes=-10', size: 4096, expected: 'bytes=-10' },
    { header: 'bytes=0-10,-99999', size: 4096, expected: 'bytes=0-10,0-' },
    { header: 'bytes=-0', size: 4096, expected: 'bytes=-0' },
    { header: 'bytes=500-100', size: 4096, expected: 'bytes=500-100' },
    { header: 'items=-99999', size: 4096, expected: 'items=-99999' },
    { header: 'bytes=-5', size: 0, expected: 'bytes=-5' },
  ])('$header of $size bytes → $expected', ({ header, size, expected }) => {
    expect(normalizeRange(header, size)).toBe(expected);
  });
});
