import { describe, expect, it } from 'vitest';
import { describeError } from '../../static-server/src/respond-error.ts';

describe('describeError', () => {
  it.each([
    { name: 'a send 404', error: { status: 404 }, expected: { status: 404, headers: {} } },
    {
      name: 'a send 416 with its Content-Range',
      error: { status: 416, headers: { 'Content-Range': 'bytes */4096' } },
      expected: { status: 416, headers: { 'Content-Range': 'bytes */4096' } },
    },
    {
      name: 'non-string header values',
      error: { status: 416, headers: { X: 1 } },
      expected: { status: 416, headers: {} },
    },
    { name: 'a plain Error', error: new Error('EACCES'), expected: { status: 500, headers: {} } },
    { name: 'a string', error: 'boom', expected: { status: 500, headers: {} } },
    { name: 'null', error: null, expected: { status: 500, headers: {} } },
  ])('$name', ({ error, expected }) => {
    expect(describeError(error)).toEqual(expected);
  });
});
