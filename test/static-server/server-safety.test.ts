import { describe, expect, it } from 'vitest';
import { buildId, secret } from './fixture-tree.ts';
import { serveFixtureTree } from './served-fixture.ts';
import { rawRequest } from './raw-request.ts';

const served = serveFixtureTree();

const get = (path: string) => rawRequest(served.server.port, path);

describe('startStaticServer path safety', () => {
  it.each([
    '/../outside/secret.txt',
    '/gold/../../outside/secret.txt',
    '/%2e%2e/outside/secret.txt',
    '/%2E%2E/outside/secret.txt',
    '/..%2foutside%2fsecret.txt',
    '/%2e%2e%2foutside%2fsecret.txt',
    '/gold/..%2f..%2foutside/secret.txt',
    '/..\\outside\\secret.txt',
    '/%5c..%5coutside%5csecret.txt',
    '//outside/secret.txt',
    '/link-out.txt%00.html',
    '/index.html%00',
    '/link-out.txt',
    '/link-dir/secret.txt',
    '/link-to-dotfile.txt',
    '/.env',
    '/%2eenv',
    '/%',
    // Double encoding: %25 decodes once to `%`, never again.
    '/%252e%252e/outside/secret.txt',
    '/%25%32%65%25%32%65/outside/secret.txt',
    '/gold/%252e%252e%252f%252e%252e%252foutside/secret.txt',
    // Overlong UTF-8 for `.` and `/`, which old decoders turned into `..`.
    '/%c0%ae%c0%ae/outside/secret.txt',
    '/%c0%ae%c0%ae%c0%afoutside%c0%afsecret.txt',
    // Absolute paths and absolute-form request targets.
    'http://127.0.0.1/../outside/secret.txt',
    '/etc/passwd',
    '/%2fetc%2fpasswd',
    '*',
    // Segment parameters and trailing tricks.
    '/..;/outside/secret.txt',
    '/gold/./manifest.json/../../outside/secret.txt',
    '/link-out.txt/',
    '/link-out.txt%20',
  ])('never serves a file outside the roots or hidden: %s', async (path) => {
    const res = await get(path);
    expect([400, 404]).toContain(res.status);
    expect(res.body.toString('latin1')).not.toContain(secret);
  });

  it('never serves the absolute path of a file outside the roots', async () => {
    const absolute = `${served.tree.base}/outside/secret.txt`;
    for (const path of [`/${absolute}`, `/${encodeURIComponent(absolute)}`, absolute]) {
      const res = await get(path);
      expect([400, 404]).toContain(res.status);
      expect(res.body.toString('latin1')).not.toContain(secret);
    }
  });

  it('follows a symlink that stays inside its root', async () => {
    const res = await get('/link-in.css');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('body { margin: 0; }');
  });

  it.each([
    '/missing.txt',
    '/gold/nope/fact.parquet',
    '/gold',
    '/gold/',
    `/gold/${buildId}/`,
    '/nested',
    '/assets/',
  ])('answers %s with 404 and no listing', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.body.toString()).not.toContain('fact.parquet');
  });

  it('serves / and /index.html from the first root that has one', async () => {
    expect((await get('/')).body.toString()).toContain('<title>app</title>');
    expect((await get('/index.html')).body.toString()).toContain('<title>app</title>');
  });
});
