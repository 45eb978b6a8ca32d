import { describe, expect, it } from 'vitest';
import { parseLocation } from '../../../builder/src/cli-options.ts';
import { describeLocation, parseS3Url } from '../../../builder/src/publish/location.ts';

describe('parseS3Url', () => {
  it.each([
    { url: 's3://nova/lakehouse', expected: { kind: 's3', bucket: 'nova', prefix: 'lakehouse' } },
    { url: 's3://nova/a/b/', expected: { kind: 's3', bucket: 'nova', prefix: 'a/b' } },
    { url: 's3://nova', expected: { kind: 's3', bucket: 'nova', prefix: '' } },
    { url: 's3://my.bucket-1//x', expected: { kind: 's3', bucket: 'my.bucket-1', prefix: 'x' } },
  ])('$url', ({ url, expected }) => {
    expect(parseS3Url(url)).toEqual(expected);
  });

  it.each([
    { url: 'https://nova/x', problem: /is not an s3:\/\/bucket\/prefix URL/ },
    { url: 's3:///x', problem: /is not an s3:\/\/bucket\/prefix URL/ },
    { url: 's3://No_Caps/x', problem: /"No_Caps" is not a valid bucket name/ },
    { url: 's3://ab/x', problem: /"ab" is not a valid bucket name/ },
    { url: 's3://a..b/x', problem: /not a valid bucket name/ },
    { url: 's3://nova/../etc', problem: /prefix segment "\.\." may hold only/ },
    { url: 's3://nova/a b', problem: /prefix segment "a b"/ },
  ])('refuses $url', ({ url, problem }) => {
    expect(parseS3Url(url)).toMatch(problem);
  });
});

describe('parseLocation and describeLocation', () => {
  it('takes --s3, else --out, else DATA_DIR, else data', () => {
    expect(parseLocation('run', { s3: 's3://nova/x' }, {})).toEqual({
      kind: 's3',
      bucket: 'nova',
      prefix: 'x',
    });
    expect(parseLocation('run', { out: '/tmp/l' }, { DATA_DIR: 'd' })).toEqual({
      kind: 'folder',
      dir: '/tmp/l',
    });
    expect(parseLocation('run', {}, { DATA_DIR: 'd' })).toEqual({ kind: 'folder', dir: 'd' });
    expect(parseLocation('run', {}, {})).toEqual({ kind: 'folder', dir: 'data' });
  });

  it('refuses both, and a bad URL, as usage errors', () => {
    expect(() => parseLocation('run', { s3: 's3://nova/x', out: 'd' }, {})).toThrow(/not both/);
    expect(() => parseLocation('run', { s3: 'nova' }, {})).toThrow(/--s3: "nova" is not/);
  });

  it('names a bucket location by its URL', () => {
    expect(describeLocation({ kind: 's3', bucket: 'nova', prefix: 'a/b' })).toBe('s3://nova/a/b');
    expect(describeLocation({ kind: 's3', bucket: 'nova', prefix: '' })).toBe('s3://nova');
  });
});
