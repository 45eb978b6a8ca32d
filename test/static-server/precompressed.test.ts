import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedEncodings, precompressed } from '../../static-server/src/precompressed.ts';

describe('acceptedEncodings', () => {
  it.each([
    { header: undefined, expected: [] },
    { header: '', expected: [] },
    { header: 'gzip', expected: ['gzip'] },
    { header: 'gzip, deflate, br, zstd', expected: ['gzip', 'br'] },
    { header: 'br;q=0.5, gzip;q=0', expected: ['br'] },
    { header: 'GZIP; Q=1.0', expected: ['gzip'] },
    { header: 'br;q=0.000', expected: [] },
    { header: '*', expected: ['br', 'gzip'] },
    { header: '*, br;q=0', expected: ['gzip'] },
    { header: '*;q=0, gzip', expected: ['gzip'] },
    { header: 'identity', expected: [] },
  ])('$header -> $expected', ({ header, expected }) => {
    expect([...acceptedEncodings(header)].sort()).toEqual([...expected].sort());
  });
});

describe('precompressed', () => {
  let root: string;
  let outside: string;

  beforeAll(async () => {
    const base = await realpath(await mkdtemp(join(tmpdir(), 'precompressed-')));
    root = join(base, 'root');
    outside = join(base, 'outside.gz');
    await mkdir(root);
    await writeFile(outside, 'outside');
    await writeFile(join(root, 'both.json'), '{}');
    await writeFile(join(root, 'both.json.br'), 'br');
    await writeFile(join(root, 'both.json.gz'), 'gz');
    await writeFile(join(root, 'plain.json'), '{}');
    await writeFile(join(root, 'escape.json'), '{}');
    await symlink(outside, join(root, 'escape.json.gz'));
  });

  afterAll(async () => {
    await rm(join(root, '..'), { recursive: true, force: true });
  });

  it.each([
    { file: 'both.json', accept: 'gzip, br', path: 'both.json.br', encoding: 'br', varies: true },
    { file: 'both.json', accept: 'gzip', path: 'both.json.gz', encoding: 'gzip', varies: true },
    { file: 'both.json', accept: undefined, path: 'both.json', encoding: undefined, varies: true },
    { file: 'plain.json', accept: 'gzip, br', path: 'plain.json', encoding: undefined, varies: false },
    // A compressed sibling that is a symlink out of the root is ignored like any other escape.
    { file: 'escape.json', accept: 'gzip', path: 'escape.json', encoding: undefined, varies: false },
  ])('$file with Accept-Encoding $accept -> $path', async ({ file, accept, path, encoding, varies }) => {
    const chosen = await precompressed(root, join(root, file), accept);
    expect(chosen).toEqual({ path: join(root, path), varies, ...(encoding ? { encoding } : {}) });
  });
});
