import { describe, expect, it } from 'vitest';
import { safePath } from '../../static-server/src/safe-path.ts';

describe('safePath', () => {
  it.each([
    { url: '/', segments: [] },
    { url: '/index.html', segments: ['index.html'] },
    { url: '/gold/manifest.json?v=3', segments: ['gold', 'manifest.json'] },
    { url: '/gold/b1/fact.parquet#frag', segments: ['gold', 'b1', 'fact.parquet'] },
    { url: '/a%20b.csv', segments: ['a b.csv'] },
    { url: '/r%C3%A9sum%C3%A9.txt', segments: ['résumé.txt'] },
    { url: '/file..name.txt', segments: ['file..name.txt'] },
    { url: '/?x=../../etc', segments: [] },
  ])('accepts $url', ({ url, segments }) => {
    expect(safePath(url)).toEqual({ ok: true, segments });
  });

  it.each([
    { url: '', status: 400, reason: 'path must start with /' },
    { url: 'http://evil.test/x', status: 400, reason: 'path must start with /' },
    { url: '/../x', status: 400, reason: 'dot segment' },
    { url: '/gold/../../x', status: 400, reason: 'dot segment' },
    { url: '/./x', status: 400, reason: 'dot segment' },
    { url: '/%2e%2e/x', status: 400, reason: 'dot segment' },
    { url: '/%2E%2E/x', status: 400, reason: 'dot segment' },
    { url: '/..%2fx', status: 400, reason: 'encoded separator' },
    { url: '/a%2Fb', status: 400, reason: 'encoded separator' },
    { url: '/a%5cb', status: 400, reason: 'encoded separator' },
    { url: '/..\\x', status: 400, reason: 'backslash in path' },
    { url: '/x%00.html', status: 400, reason: 'control character' },
    { url: '/x%0a', status: 400, reason: 'control character' },
    { url: '//x', status: 400, reason: 'empty path segment' },
    { url: '/a//b', status: 400, reason: 'empty path segment' },
    { url: '/%', status: 400, reason: 'malformed percent-encoding' },
    { url: '/%e0%a4%a', status: 400, reason: 'malformed percent-encoding' },
    { url: '/.env', status: 404, reason: 'dotfile' },
    { url: '/%2egit/config', status: 404, reason: 'dotfile' },
    { url: '/gold/.tmp-b2/x.parquet', status: 404, reason: 'dotfile' },
    { url: '/gold/', status: 404, reason: 'directory' },
  ])('rejects $url with $status ($reason)', ({ url, status, reason }) => {
    expect(safePath(url)).toEqual({ ok: false, status, reason });
  });
});
