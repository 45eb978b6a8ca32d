import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError } from '../../builder/src/errors.ts';
import { lockLakehouse } from '../../builder/src/lakehouse-lock.ts';
import { Layout } from '../../builder/src/layout.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

describe('lockLakehouse', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const lockFile = () => path.join(dir, '.builder.lock');

  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir('lock'));
  });
  afterEach(() => cleanup());

  it('writes our pid and releases', async () => {
    const release = await lockLakehouse(new Layout(dir));
    expect(await fs.readFile(lockFile(), 'utf8')).toBe(String(process.pid));
    await release();
    await expect(fs.access(lockFile())).rejects.toThrow();
  });

  it('refuses a second writer while the first holds the lock, of two racing exactly one wins', async () => {
    const attempts = await Promise.allSettled([
      lockLakehouse(new Layout(dir)),
      lockLakehouse(new Layout(dir)),
    ]);
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const refused = attempts.find((a) => a.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(CliError);
    expect(refused?.status === 'rejected' && String(refused.reason)).toMatch(/another builder \(pid \d+\)/);
  });

  it('takes over the lock of a process that no longer runs', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    await fs.writeFile(lockFile(), String(dead));
    const release = await lockLakehouse(new Layout(dir));
    expect(await fs.readFile(lockFile(), 'utf8')).toBe(String(process.pid));
    await release();
  });

  it.each([{ content: '' }, { content: 'not-a-pid' }, { content: '-1' }])(
    'treats an unreadable lock ($content) as held rather than stale',
    async ({ content }) => {
      await fs.writeFile(lockFile(), content);
      await expect(lockLakehouse(new Layout(dir))).rejects.toBeInstanceOf(CliError);
      expect(await fs.readFile(lockFile(), 'utf8')).toBe(content);
    },
  );
});
