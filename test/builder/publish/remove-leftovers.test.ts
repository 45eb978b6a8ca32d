import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Layout } from '../../../builder/src/layout.ts';
import { removeLeftovers } from '../../../builder/src/publish/remove-leftovers.ts';
import { manifestFixture } from '../../helpers/manifest-fixture.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const PUBLISHED = '20260101T000000000Z-aaaaaa';
const OLDER = '20251231T000000000Z-bbbbbb';
const ORPHAN = '20260102T000000000Z-cccccc'; // renamed into place, manifest never written

describe('removeLeftovers', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const exists = (...parts: string[]) =>
    fs.access(path.join(dir, ...parts)).then(
      () => true,
      () => false,
    );

  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir('leftovers'));
    for (const build of [PUBLISHED, OLDER, ORPHAN])
      await fs.mkdir(path.join(dir, 'gold', build), { recursive: true });
    await fs.writeFile(
      path.join(dir, 'gold', 'manifest.json'),
      JSON.stringify({ ...manifestFixture(), build_id: PUBLISHED }),
    );
    await fs.mkdir(path.join(dir, 'gold', '.tmp-20260103T000000000Z-dddddd'));
    await fs.mkdir(path.join(dir, '.scratch-x1'));
    await fs.mkdir(path.join(dir, 'silver', 'cleaned'), { recursive: true });
    await fs.writeFile(path.join(dir, 'silver', 'cleaned', '.tmp-123-456-b.parquet'), 'partial');
    await fs.writeFile(path.join(dir, 'silver', 'cleaned', 'b.parquet'), 'whole');
    await fs.mkdir(path.join(dir, 'bronze'), { recursive: true });
  });
  afterEach(() => cleanup());

  it('removes what killed runs left, and keeps every published build and file', async () => {
    await removeLeftovers(new Layout(dir));
    expect(await exists('gold', ORPHAN)).toBe(false);
    expect(await exists('gold', '.tmp-20260103T000000000Z-dddddd')).toBe(false);
    expect(await exists('.scratch-x1')).toBe(false);
    expect(await exists('silver', 'cleaned', '.tmp-123-456-b.parquet')).toBe(false);
    expect(await exists('gold', PUBLISHED)).toBe(true);
    expect(await exists('gold', OLDER)).toBe(true);
    expect(await exists('silver', 'cleaned', 'b.parquet')).toBe(true);
  });
});
