/**
 * A throwaway pair of served roots (app build + data) next to an `outside/` folder holding a secret
 * that no request may ever return.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const secret = 'TOP-SECRET-OUTSIDE-THE-ROOTS';
export const buildId = '20240101T000000Z-abc123';
export const appScript = 'export const answer = 42;\n'.repeat(40);

export interface FixtureTree {
  base: string;
  app: string;
  data: string;
  /** Random bytes served as `gold/<buildId>/fact.parquet`. */
  parquet: Buffer;
  remove(): Promise<void>;
}

async function put(path: string, content: string | Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}

export async function createFixtureTree(): Promise<FixtureTree> {
  const base = await mkdtemp(join(tmpdir(), 'static-server-'));
  const app = join(base, 'app');
  const data = join(base, 'data');
  const parquet = randomBytes(4096);

  await put(join(base, 'outside', 'secret.txt'), secret);
  await put(join(app, 'index.html'), '<!doctype html><title>app</title>');
  await put(join(app, 'assets', 'app-3f9a1c.js'), appScript);
  await put(join(app, 'assets', 'app-3f9a1c.js.gz'), gzipSync(appScript));
  await put(join(app, 'duckdb-eh.wasm'), Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
  await put(join(app, 'style.css'), 'body { margin: 0; }');
  await put(join(app, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await put(join(app, '.env'), secret);
  await put(join(app, 'nested', 'page.txt'), 'nested');
  await symlink(join(base, 'outside', 'secret.txt'), join(app, 'link-out.txt'));
  await symlink(join(base, 'outside'), join(app, 'link-dir'));
  await symlink(join(app, '.env'), join(app, 'link-to-dotfile.txt'));
  await symlink(join(app, 'style.css'), join(app, 'link-in.css'));

  // Same name in both roots: the app's copy must win.
  await put(join(data, 'index.html'), '<!doctype html><title>data</title>');
  await put(join(data, 'gold', 'manifest.json'), JSON.stringify({ build_id: buildId }));
  await put(join(data, 'gold', buildId, 'fact.parquet'), parquet);
  await put(join(data, 'gold', buildId, 'export.csv'), 'a,b\n1,2\n');

  return { base, app, data, parquet, remove: () => rm(base, { recursive: true, force: true }) };
}
