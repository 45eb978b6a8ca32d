import { describe, expect, it } from 'vitest';
import { fileUrl, resolveDataBaseUrl } from '../../../web/src/lib/data/data-location.ts';
import { DataLoadError } from '../../../web/src/lib/data/errors.ts';

describe('resolveDataBaseUrl', () => {
  it.each([
    { page: 'http://h/app/index.html', expected: 'http://h/app/' },
    { page: 'http://h/app/', expected: 'http://h/app/' },
    { page: 'http://h/app/index.html?grain=week#x', expected: 'http://h/app/' },
    { page: 'http://h/app/index.html?data=http://minio:9000/lake', expected: 'http://minio:9000/lake/' },
    { page: 'http://h/app/index.html?data=http://minio:9000/lake/', expected: 'http://minio:9000/lake/' },
    { page: 'http://h/app/index.html?data=../data', expected: 'http://h/data/' },
    { page: 'http://h/app/index.html?data=%2Fdata%3Fx%3D1', expected: 'http://h/data/' },
    { page: 'http://h/app/index.html?data=', expected: 'http://h/app/' },
  ])('$page -> $expected', ({ page, expected }) => {
    expect(resolveDataBaseUrl(page).href).toBe(expected);
  });
});

describe('resolveDataBaseUrl with a ?data= that is no URL', () => {
  it.each(['http://[', 'http://h:99999/', 'http://%zz/'])('refuses %s with a DataLoadError', (data) => {
    const page = `http://h/app/index.html?data=${encodeURIComponent(data)}`;
    expect(() => resolveDataBaseUrl(page)).toThrow(DataLoadError);
    expect(() => resolveDataBaseUrl(page)).toThrow(/is not a URL/);
  });
});

describe('fileUrl', () => {
  const base = new URL('http://h/lake/');
  it.each([
    { path: 'gold/b1/dim_item.parquet', expected: 'http://h/lake/gold/b1/dim_item.parquet' },
    { path: 'gold/b%201/x.parquet', expected: 'http://h/lake/gold/b%201/x.parquet' },
  ])('resolves $path', ({ path, expected }) => {
    expect(fileUrl(base, path)).toBe(expected);
  });

  it.each(['../secret.parquet', '/other/x.parquet', 'http://evil/x.parquet', '//evil/x.parquet'])(
    'refuses %s, which leaves the data folder',
    (path) => {
      expect(() => fileUrl(base, path)).toThrow(DataLoadError);
    },
  );
});
