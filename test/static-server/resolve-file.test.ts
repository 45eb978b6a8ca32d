import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveFile } from '../../static-server/src/resolve-file.ts';

describe('resolveFile', () => {
  let base: string;
  let app: string;
  let data: string;

  beforeAll(async () => {
    base = await realpath(await mkdtemp(join(tmpdir(), 'resolve-file-')));
    app = join(base, 'app');
    data = join(base, 'data');
    // `app-evil` shares the prefix "app": a plain startsWith(root) check would let it through.
    await mkdir(join(base, 'app-evil'), { recursive: true });
    await mkdir(join(app, 'dir'), { recursive: true });
    await mkdir(join(data, 'gold'), { recursive: true });
    await writeFile(join(base, 'app-evil', 'x.txt'), 'evil');
    await writeFile(join(app, 'index.html'), 'app');
    await writeFile(join(app, 'shared.txt'), 'app');
    await writeFile(join(data, 'index.html'), 'data');
    await writeFile(join(data, 'shared.txt'), 'data');
    await writeFile(join(data, 'gold', 'manifest.json'), '{}');
    await writeFile(join(app, '.hidden'), 'hidden');
    await symlink(join(base, 'app-evil', 'x.txt'), join(app, 'sibling.txt'));
    await symlink(join(app, '.hidden'), join(app, 'hidden-link.txt'));
    await symlink(join(app, 'shared.txt'), join(app, 'alias.txt'));
    await symlink(join(app, 'loop'), join(app, 'loop'));
  });

  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it.each([
    { segments: [], expected: ['app', 'index.html'] },
    { segments: ['shared.txt'], expected: ['app', 'shared.txt'] },
    { segments: ['gold', 'manifest.json'], expected: ['data', 'gold', 'manifest.json'] },
    { segments: ['alias.txt'], expected: ['app', 'shared.txt'] },
    { segments: ['missing.txt'], expected: undefined },
    { segments: ['dir'], expected: undefined },
    { segments: ['gold'], expected: undefined },
    { segments: ['shared.txt', 'below-a-file'], expected: undefined },
    { segments: ['sibling.txt'], expected: undefined },
    { segments: ['hidden-link.txt'], expected: undefined },
    { segments: ['loop'], expected: undefined },
  ])('$segments -> $expected', async ({ segments, expected }) => {
    const resolved = await resolveFile([app, data], segments);
    if (expected === undefined) {
      expect(resolved).toBeUndefined();
      return;
    }
    const [rootName = '', ...rest] = expected;
    expect(resolved).toEqual({ root: join(base, rootName), path: join(base, rootName, ...rest) });
  });
});
