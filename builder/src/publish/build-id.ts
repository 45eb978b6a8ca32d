/**
 * Ids for builds and batches: UTC time first so they sort in creation order, then random hex so
 * two runs in the same millisecond never collide. Safe as a path segment and a URL segment.
 */
import { randomBytes } from 'node:crypto';

const idPattern = /^\d{8}T\d{9}Z-[0-9a-f]{6}$/;

export function newId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

export function isId(value: string): boolean {
  return idPattern.test(value);
}
