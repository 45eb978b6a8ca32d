import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderTarget } from '../../builder/src/publish/folder/folder-target.ts';
import type { LakehouseTarget, LocalFile } from '../../builder/src/publish/lakehouse-target.ts';
import { publishWebApp } from '../../builder/src/publish-web.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

describe('publishWebApp', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let dist: string;
  const write = async (relative: string, text: string) => {
    await fs.mkdir(path.dirname(path.join(dist, relative)), { recursive: true });
    await fs.writeFile(path.join(dist, relative), text);
  };

  beforeEach(async () => {
    temp = await makeTempDir('publish-web');
    dist = path.join(temp.dir, 'dist');
    await write('index.html', '<!doctype html>');
    await write('assets/index-1a2b.js', 'export {};');
    await write('assets/duckdb-eh-3c4d.wasm', 'wasm');
  });
  afterEach(() => temp.cleanup());

  it('copies the app beside gold/ of a folder, leaving the lakehouse alone', async () => {
    const lake = path.join(temp.dir, 'lake');
    await fs.mkdir(path.join(lake, 'gold'), { recursive: true });
    await fs.writeFile(path.join(lake, 'gold', 'manifest.json'), '{}');
    const app = await publishWebApp(folderTarget(lake), dist);
    expect(app).toEqual({ files: 3, bytes: 15 + 10 + 4, url: undefined });
    expect(await fs.readFile(path.join(lake, 'assets', 'index-1a2b.js'), 'utf8')).toBe('export {};');
    expect(await fs.readFile(path.join(lake, 'index.html'), 'utf8')).toBe('<!doctype html>');
    expect(await fs.readFile(path.join(lake, 'gold', 'manifest.json'), 'utf8')).toBe('{}');
  });

  it('publishes index.html only after every asset it may name', async () => {
    const batches: string[][] = [];
    const recording: LakehouseTarget = {
      location: 'recording',
      publicUrl: (relative) => `https://cdn.example/${relative}`,
      publishFiles: async (files: readonly LocalFile[]) => {
        batches.push(files.map((file) => file.relative));
        return 0;
      },
      open: () => Promise.reject(new Error('not used')),
    };
    const app = await publishWebApp(recording, dist);
    expect(batches).toEqual([['assets/duckdb-eh-3c4d.wasm', 'assets/index-1a2b.js'], ['index.html']]);
    expect(app.url).toBe('https://cdn.example/index.html');
  });

  it.each([
    {
      case: 'an app file where the lakehouse lives',
      file: 'gold/manifest.json',
      message: /would overwrite the lakehouse/,
    },
    { case: 'no index.html', remove: 'index.html', message: /holds no index\.html/ },
  ])('refuses $case', async ({ file, remove, message }) => {
    if (file) await write(file, '{}');
    if (remove) await fs.rm(path.join(dist, remove));
    await expect(publishWebApp(folderTarget(path.join(temp.dir, 'lake')), dist)).rejects.toThrow(message);
  });
});
