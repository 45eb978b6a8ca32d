/**
 * Range headers that are malformed, multiple, reversed or beyond the file, against RFC 9110 §14:
 * a satisfiable single range is 206 with exactly its bytes; an unsatisfiable one is 416 with
 * `Content-Range: bytes *\/size`; a header the server may ignore (several ranges, an unknown unit,
 * bad syntax) gets the whole file with 200 — never a wrong 206 or a 5xx.
 */
import { describe, expect, it } from 'vitest';
import { buildId } from './fixture-tree.ts';
import { serveFixtureTree } from './served-fixture.ts';
import { rawRequest } from './raw-request.ts';

const parquetPath = `/gold/${buildId}/fact.parquet`;
const SIZE = 4096;
const served = serveFixtureTree();

const get = (range: string) => rawRequest(served.server.port, parquetPath, { headers: { Range: range } });

describe('Range semantics (RFC 9110)', () => {
  it.each([
    { range: 'bytes=-99999', start: 0, end: SIZE - 1, why: 'a suffix longer than the file is all of it' },
    {
      range: 'bytes=0-99999999999999999999',
      start: 0,
      end: SIZE - 1,
      why: 'a last-pos past the end is clamped',
    },
    { range: 'bytes=4095-4095', start: 4095, end: 4095, why: 'the last byte alone' },
    { range: 'bytes=0-0', start: 0, end: 0, why: 'the first byte alone' },
    { range: 'bytes= 0-10', start: 0, end: 10, why: 'optional whitespace' },
    { range: 'bytes=0-10,5-15', start: 0, end: 15, why: 'overlapping ranges coalesced into one' },
  ])('206 for $range: $why', async ({ range, start, end }) => {
    const res = await get(range);
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/${SIZE}`);
    expect(res.body.equals(served.tree.parquet.subarray(start, end + 1))).toBe(true);
  });

  it.each([
    { range: 'bytes=4096-', why: 'first-pos at the end' },
    { range: 'bytes=99999-', why: 'first-pos past the end' },
    { range: 'bytes=-0', why: 'an empty suffix' },
    { range: 'bytes=500-100', why: 'reversed (invalid, which a server may reject)' },
  ])('416 for $range: $why', async ({ range }) => {
    const res = await get(range);
    expect(res.status).toBe(416);
    expect(res.headers['content-range']).toBe(`bytes */${SIZE}`);
  });

  it.each([
    { range: 'bytes=0-0,-1', why: 'two disjoint ranges (no multipart)' },
    { range: 'bytes=0-10,20-30,40-50', why: 'three ranges' },
    { range: 'items=0-10', why: 'an unknown unit' },
    { range: 'bytes=abc', why: 'not a number' },
    { range: 'bytes=', why: 'no range at all' },
    { range: 'bytes=--1', why: 'a doubled minus' },
    { range: 'bytes=1-2-3', why: 'three positions' },
    {
      range: `bytes=${Array.from({ length: 1500 }, (_, i) => `${i * 2}-${i * 2}`).join(',')}`,
      why: 'thousands of disjoint ranges',
    },
  ])('200 with the whole file for $range: $why', async ({ range }) => {
    const res = await get(range);
    expect(res.status).toBe(200);
    expect(res.headers['content-range']).toBeUndefined();
    expect(res.body.equals(served.tree.parquet)).toBe(true);
  });

  it('answers HEAD with an unsatisfiable Range by 416 and no body', async () => {
    const res = await rawRequest(served.server.port, parquetPath, {
      method: 'HEAD',
      headers: { Range: 'bytes=5000-' },
    });
    expect(res.status).toBe(416);
    expect(res.body.length).toBe(0);
  });
});
