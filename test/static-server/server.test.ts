import { createServer, type OutgoingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PortInUseError, RootNotFoundError } from '../../static-server/src/errors.ts';
import { startStaticServer, type ServedEntry, type StaticServer } from '../../static-server/src/server.ts';
import { appScript, buildId, createFixtureTree, type FixtureTree } from './fixture-tree.ts';
import { rawRequest } from './raw-request.ts';

const parquetPath = `/gold/${buildId}/fact.parquet`;
const immutable = 'public, max-age=31536000, immutable';

let tree: FixtureTree;
let server: StaticServer;
const served: ServedEntry[] = [];

const get = (path: string, headers: OutgoingHttpHeaders = {}) => rawRequest(server.port, path, { headers });
const head = (path: string, headers: OutgoingHttpHeaders = {}) =>
  rawRequest(server.port, path, { method: 'HEAD', headers });

beforeAll(async () => {
  tree = await createFixtureTree();
  server = await startStaticServer({
    roots: [tree.app, tree.data],
    port: 0,
    onResponse: (entry) => served.push(entry),
  });
});

afterAll(async () => {
  await server?.close();
  await tree?.remove();
});

describe('startStaticServer', () => {
  it('listens on a free port when given port 0', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it('answers HEAD with Range: bytes=0- as 206 with Content-Length and Content-Range (DuckDB-WASM probe)', async () => {
    const res = await head(parquetPath, { Range: 'bytes=0-' });
    expect(res.status).toBe(206);
    expect(res.headers['content-length']).toBe('4096');
    expect(res.headers['content-range']).toBe('bytes 0-4095/4096');
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.body.length).toBe(0);
  });

  it.each([
    { range: 'bytes=0-99', start: 0, end: 99 },
    { range: 'bytes=1000-1999', start: 1000, end: 1999 },
    { range: 'bytes=4000-', start: 4000, end: 4095 },
    { range: 'bytes=-10', start: 4086, end: 4095 },
    { range: 'bytes=4000-9999', start: 4000, end: 4095 },
  ])('serves $range as 206 with exactly those bytes', async ({ range, start, end }) => {
    const res = await get(parquetPath, { Range: range });
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/4096`);
    expect(res.headers['content-length']).toBe(String(end - start + 1));
    expect(res.body.equals(tree.parquet.subarray(start, end + 1))).toBe(true);
  });

  it.each(['bytes=4096-', 'bytes=5000-6000'])(
    'answers unsatisfiable %s with 416 and bytes */size',
    async (range) => {
      const res = await get(parquetPath, { Range: range });
      expect(res.status).toBe(416);
      expect(res.headers['content-range']).toBe('bytes */4096');
      expect(res.headers['access-control-allow-origin']).toBe('*');
    },
  );

  it('serves the whole file with 200 when there is no Range', async () => {
    const res = await get(parquetPath);
    expect(res.status).toBe(200);
    expect(res.body.equals(tree.parquet)).toBe(true);
  });

  it('answers If-None-Match with the current ETag by 304 and no body', async () => {
    const first = await get('/gold/manifest.json');
    const etag = first.headers.etag;
    expect(typeof etag).toBe('string');
    const second = await get('/gold/manifest.json', { 'If-None-Match': String(etag) });
    expect(second.status).toBe(304);
    expect(second.body.length).toBe(0);
  });

  it.each([
    { path: '/gold/manifest.json', cache: 'no-cache' },
    { path: parquetPath, cache: immutable },
    { path: `/gold/${buildId}/export.csv`, cache: immutable },
    { path: '/assets/app-3f9a1c.js', cache: immutable },
    { path: '/', cache: 'no-cache' },
    { path: '/index.html', cache: 'no-cache' },
    { path: '/duckdb-eh.wasm', cache: 'no-cache' },
  ])('sets Cache-Control $cache on $path', async ({ path, cache }) => {
    const res = await head(path);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe(cache);
  });

  it.each([
    { path: '/duckdb-eh.wasm', type: 'application/wasm' },
    { path: parquetPath, type: 'application/vnd.apache.parquet' },
    { path: '/assets/app-3f9a1c.js', type: 'text/javascript; charset=utf-8' },
    { path: '/gold/manifest.json', type: 'application/json; charset=utf-8' },
    { path: '/index.html', type: 'text/html; charset=utf-8' },
    { path: '/style.css', type: 'text/css; charset=utf-8' },
    { path: '/logo.svg', type: 'image/svg+xml' },
    { path: `/gold/${buildId}/export.csv`, type: 'text/csv; charset=utf-8' },
  ])('types $path as $type', async ({ path, type }) => {
    expect((await head(path)).headers['content-type']).toBe(type);
  });

  it.each(['/index.html', '/missing.txt'])('sends CORS headers on %s, errors included', async (path) => {
    const res = await get(path);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-expose-headers']).toBe(
      'Content-Range, Content-Length, Accept-Ranges, ETag',
    );
    expect(res.headers['accept-ranges']).toBe('bytes');
  });

  it('answers an OPTIONS preflight with 204 and the allowed methods and headers', async () => {
    const res = await rawRequest(server.port, parquetPath, {
      method: 'OPTIONS',
      headers: { Origin: 'http://example.test', 'Access-Control-Request-Headers': 'range' },
    });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-methods']).toBe('GET, HEAD');
    expect(res.headers['access-control-allow-headers']).toBe('Range, If-None-Match, Content-Type');
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('refuses %s with 405 and Allow', async (method) => {
    const res = await rawRequest(server.port, '/index.html', { method });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('serves the .gz sibling with Content-Encoding when the client accepts gzip', async () => {
    const res = await get('/assets/app-3f9a1c.js', { 'Accept-Encoding': 'br;q=0, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(res.body).toString()).toBe(appScript);
  });

  it.each([
    { name: 'no Accept-Encoding', headers: {} },
    { name: 'gzip refused', headers: { 'Accept-Encoding': 'gzip;q=0' } },
    { name: 'a Range request', headers: { 'Accept-Encoding': 'gzip', Range: 'bytes=0-' } },
  ])('serves identity bytes for $name', async ({ headers }) => {
    const res = await get('/assets/app-3f9a1c.js', headers);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe(appScript);
  });

  it('reports the body bytes actually sent through onResponse', async () => {
    await get(parquetPath, { Range: 'bytes=100-1123' });
    await head(parquetPath, { Range: 'bytes=0-' });
    await vi.waitFor(() =>
      expect(served.filter((entry) => entry.range === 'bytes=100-1123')).toHaveLength(1),
    );
    const rangeGet = served.find((entry) => entry.range === 'bytes=100-1123');
    expect(rangeGet).toEqual({
      method: 'GET',
      path: parquetPath,
      status: 206,
      bytes: 1024,
      range: 'bytes=100-1123',
    });
    await vi.waitFor(() =>
      expect(served.find((entry) => entry.method === 'HEAD' && entry.range === 'bytes=0-')?.bytes).toBe(0),
    );
  });
});

describe('startStaticServer failures', () => {
  it('rejects a busy port with PortInUseError', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const attempt = startStaticServer({ roots: [tree.app], port });
      await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
      await expect(attempt).rejects.toThrow(`port ${port} is already in use; set PORT to another port`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('rejects a missing root with RootNotFoundError', async () => {
    await expect(startStaticServer({ roots: [`${tree.base}/nope`], port: 0 })).rejects.toBeInstanceOf(
      RootNotFoundError,
    );
  });

  it('closes while a keep-alive connection is open, and close() is idempotent', async () => {
    const other = await startStaticServer({ roots: [tree.app], port: 0 });
    const res = await fetch(`${other.url}index.html`);
    expect(res.status).toBe(200);
    await res.text();
    await Promise.all([other.close(), other.close()]);
    await expect(fetch(`${other.url}index.html`)).rejects.toThrow();
  });
});
