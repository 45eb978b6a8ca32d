/**
 * One writer per lakehouse folder: a lock file holding the writer's pid, created exclusively. A
 * lock left by a process that no longer exists (killed mid-run) is taken over.
 */
import fs from 'node:fs/promises';
import { CliError, ExitCode } from './errors.ts';
import type { Layout } from './layout.ts';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function tryCreate(file: string): Promise<boolean> {
  try {
    await fs.writeFile(file, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Takes the lock; the returned function releases it. */
export async function lockLakehouse(layout: Layout): Promise<() => Promise<void>> {
  const file = layout.resolve('.builder.lock');
  const release = () => fs.rm(file, { force: true });
  if (await tryCreate(file)) return release;
  const holder = Number((await fs.readFile(file, 'utf8').catch(() => '')).trim());
  if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
    throw new CliError(`another builder (pid ${holder}) is writing ${layout.root}`, {
      exitCode: ExitCode.io,
      hint: 'wait for it to finish; runs of one lakehouse never overlap',
    });
  }
  // The holder is gone: remove its lock and take ours, still exclusively.
  await release();
  if (await tryCreate(file)) return release;
  throw new CliError(`another builder took the lock on ${layout.root} at the same moment`, {
    exitCode: ExitCode.io,
  });
}
